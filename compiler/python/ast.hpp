#pragma once
// The Python that Alembic migration files are written in, as a tree: the
// subset `retort import alembic` reads (docs/import.md). Every node carries
// its SourceSpan, so every diagnostic of the importer points at the .py
// file's line:col. Nothing here runs Python; driver/import follows the tree.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "compiler/source/source_manager.hpp"

namespace retort::py {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct Stmt;
using Body = std::vector<Stmt>;

// ------------------------------------------------------------ expressions

struct Name {
    std::string id;
};
// Every string form, decoded: '...', "...", '''...''', """...""", r'...',
// b'...', and implicit concatenation of adjacent literals ("a" "b").
// f-strings are not read: the parser reports python_unsupported.
struct Str {
    std::string value;  // decoded bytes (UTF-8)
    bool bytes = false;  // b'...'
};
struct Number {
    std::string text;  // as written, without '_' separators
    bool integer = true;
};
enum class ConstantKind { none, true_, false_, ellipsis };
struct Constant {
    ConstantKind kind = ConstantKind::none;
};
struct Attribute {  // object.attr
    ExprPtr object;
    std::string attr;
    SourceSpan attr_span;
};
struct Keyword {  // name=value in a call; name empty for **value
    std::string name;
    ExprPtr value;
    SourceSpan span;  // the whole `name=value`
};
struct Call {
    ExprPtr func;
    std::vector<ExprPtr> args;  // a Starred node for *value
    std::vector<Keyword> keywords;
};
struct Starred {  // *value, in a call or a list
    ExprPtr value;
};
struct Subscript {  // object[index]; a slice is reported as unsupported
    ExprPtr object;
    ExprPtr index;
};
struct Tuple {
    std::vector<ExprPtr> items;
};
struct List {
    std::vector<ExprPtr> items;
};
struct Dict {
    std::vector<ExprPtr> keys;  // parallel to values
    std::vector<ExprPtr> values;
};
// Binary operators, comparisons and boolean operators, as written:
// "+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=",
// "in", "not in", "is", "is not", "and", "or", "|", "&", "^", "<<", ">>", "@".
// A chained comparison a < b < c is (a < b) and (b < c).
struct BinOp {
    std::string op;
    ExprPtr left;
    ExprPtr right;
};
struct UnaryOp {  // "not", "-", "+", "~"
    std::string op;
    ExprPtr operand;
};
struct IfExp {  // body if test else orelse
    ExprPtr test;
    ExprPtr body;
    ExprPtr orelse;
};
// Read so that the file parses, but never followed: a lambda, a
// comprehension, an f-string, a slice, `await`, `yield`, a walrus. The
// importer reports `what` at the node's span.
struct Unsupported {
    std::string what;  // e.g. "an f-string", "a list comprehension"
};

struct Expr {
    SourceSpan span;
    std::variant<Name, Str, Number, Constant, Attribute, Call, Starred, Subscript, Tuple, List, Dict,
                 BinOp, UnaryOp, IfExp, Unsupported>
        node;
};

// ------------------------------------------------------------ statements

struct ExprStmt {
    ExprPtr value;
};
// a = b = value; `x: T = value` has one target and its annotation dropped;
// `x: T` alone has no value. Targets may be tuples (a, b = ...).
struct Assign {
    std::vector<ExprPtr> targets;
    ExprPtr value;  // null for a bare annotation
};
struct AugAssign {  // target op= value, op without the '='
    ExprPtr target;
    std::string op;
    ExprPtr value;
};
struct Alias {
    std::string name;    // dotted for `import a.b`
    std::string asname;  // empty without `as`
    SourceSpan span;
};
// import a.b as c  /  from a.b import c as d, e  /  from . import x  /  from m import *
struct Import {
    std::string module;  // for `from`: the module, with its leading dots
    bool from = false;
    std::vector<Alias> names;  // `*` is one Alias named "*"
};
struct Param {
    std::string name;  // with its leading * or ** for *args / **kwargs
    ExprPtr default_value;  // may be null; annotations are dropped
    SourceSpan span;
};
struct FunctionDef {
    std::string name;
    std::vector<Param> params;
    std::vector<ExprPtr> decorators;
    Body body;
};
struct If {  // elif is an If alone in orelse
    ExprPtr test;
    Body body;
    Body orelse;
};
struct WithItem {
    ExprPtr context;
    ExprPtr target;  // may be null
};
struct With {
    std::vector<WithItem> items;
    Body body;
};
struct For {
    ExprPtr target;
    ExprPtr iter;
    Body body;
    Body orelse;
};
struct Return {
    ExprPtr value;  // may be null
};
struct Pass {};
// A statement read so that the file parses, but never followed: `while`,
// `try`, `class`, `raise`, `assert`, `del`, `global`, `nonlocal`, `break`,
// `continue`, `async def`. `what` names it ("a try statement"); blocks it
// holds are kept in body (try's body, a class body, ...) so the importer can
// still point into them.
struct OtherStmt {
    std::string what;
    Body body;
};

struct Stmt {
    SourceSpan span;
    std::variant<ExprStmt, Assign, AugAssign, Import, FunctionDef, If, With, For, Return, Pass, OtherStmt>
        node;
};

struct Module {
    Body body;
};

}  // namespace retort::py
