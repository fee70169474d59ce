#pragma once
// What an expression of an Alembic migration file means, found without
// running Python: literals, names of imported things (canonical dotted
// paths such as "sqlalchemy.Integer"), calls of them with their arguments,
// and the connection `op.get_bind()`. Everything else is `opaque`, with
// what it is, so the translator can say what it met.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/python/ast.hpp"

namespace retort::driver::import {

struct Value;
using Values = std::vector<Value>;

enum class ValueKind {
    none,
    boolean,
    number,   // text: as written
    string,   // text: the decoded string
    list,     // a list or a tuple: items
    dict,     // items are the keys, values the values
    path,     // text: an imported thing, "sqlalchemy.Integer", "alembic.op.create_table"
    call,     // text: the callee's path; items: positional arguments; keywords
    member,   // text: an attribute of a value that is not a path (receiver)
    bind,     // the connection: op.get_bind(), context.get_context()
    function, // a function defined in the file: text is its name, def the definition
    dialect_name,  // bind.dialect.name, bind.engine.name: the engine's name at run time
    database_url,  // str(bind.engine.url): the database URL at run time
    opaque,   // text: what it is, for messages ("a query result")
};

struct Keyword {
    std::string name;
    std::shared_ptr<Value> value;
};

struct Value {
    ValueKind kind = ValueKind::opaque;
    SourceSpan span;
    std::string text;
    bool flag = false;  // boolean value
    Values items;
    Values values;
    std::vector<Keyword> keywords;
    std::shared_ptr<Value> receiver;  // member, and a method call (call with text ".name")
    const py::FunctionDef* def = nullptr;  // function

    bool is(ValueKind k) const { return kind == k; }
    bool is_call_of(const std::string& path) const { return kind == ValueKind::call && text == path; }
    // A keyword argument of a call, or null.
    const Value* keyword(const std::string& name) const;
    // Positional argument i, else the keyword `name`, else null.
    const Value* arg(std::size_t i, const std::string& name) const;
};

Value opaque(SourceSpan span, std::string what);

// Names in scope: module constants, function locals, loop variables and
// parameters. A scope sees its parent's names.
class Scope {
public:
    explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}
    void set(const std::string& name, Value value) { names_[name] = std::move(value); }
    const Value* find(const std::string& name) const;

private:
    const Scope* parent_;
    std::map<std::string, Value> names_;
};

// Functions defined at module level (helpers), by name.
using Functions = std::map<std::string, const py::FunctionDef*>;

// Evaluates expressions in a scope. Names bound by imports are paths.
Value evaluate(const py::Expr& expr, const Scope& scope);

// Binds the names an import statement introduces, as paths.
void bind_import(const py::Import& import, Scope& scope);

// The path with SQLAlchemy's and Alembic's module aliases folded:
// "sqlalchemy.types.Integer" and "sqlalchemy.sql.sqltypes.Integer" are
// "sqlalchemy.Integer"; "sqlalchemy.dialects.postgresql.ENUM" is
// "postgresql.ENUM"; "sqlalchemy.sql.text" is "sqlalchemy.text".
std::string canonical_path(const std::string& path);

// Python's truth of a literal value, when it is one.
std::optional<bool> truth(const Value& v);

// A short rendering of a value for messages: 'fees', sa.Integer(), [...].
std::string describe(const Value& v);

}  // namespace retort::driver::import
