#pragma once
// The state the Python grammar actions build the tree in. Actions run
// bottom-up: names, expressions, keywords, parameters go on stacks, and the
// rule that owns them takes them off. A `mark` records the stacks' heights
// where a construct begins. When a rule fails, Control puts the heights back
// (restore), so a failed alternative leaves nothing behind.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/python/ast.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::py {

// Bounds: nested brackets and operators (grammar recursion), expression
// tree height (long operator chains), and nested blocks.
inline constexpr std::size_t max_nesting = 100;
inline constexpr std::uint32_t max_height = 400;
inline constexpr std::size_t max_block_depth = 100;

// The first syntax error: thrown, caught by parse_python, reported once.
struct SyntaxError {
    std::uint32_t offset;
    std::string message;
    DiagCode code;
};

struct Item {
    ExprPtr expr;
    std::uint32_t height;  // a leaf is 1
};
struct NameTok {
    std::string text;
    SourceSpan span;
};
struct Piece {
    std::uint32_t begin, end;
};
struct Mark {
    std::size_t exprs, keywords, names, params, aliases, with_items, pieces, ops;
    std::uint32_t begin;
    bool tuple = false;  // a subscript with a trailing comma
};

enum class HeaderKind { if_, elif, else_, while_, for_, try_, except, finally, with, def, class_, decorator };

// The compound-statement header read on a line.
struct Header {
    HeaderKind kind = HeaderKind::if_;
    std::uint32_t begin = 0;
    bool is_async = false;
    ExprPtr test;    // if/elif/while condition, the decorator
    ExprPtr target;  // for
    ExprPtr iter;    // for
    std::vector<WithItem> items;
    std::string name;  // def/class
    std::vector<Param> params;
};

struct Snapshot {
    std::size_t exprs, marks, keywords, names, params, aliases, with_items, pieces, ops, stmts;
    std::uint32_t last_end;
    bool header;
};

struct ParseState {
    ParseState(const SourceFile& f, DiagnosticEngine& d) : file(f), diagnostics(d), base(f.text().data()) {}

    const SourceFile& file;
    DiagnosticEngine& diagnostics;
    const char* base;  // first byte of the file text
    std::size_t depth = 0;
    std::uint32_t last_end = 0;  // end of the last token matched

    std::vector<Item> exprs;
    std::vector<Mark> marks;
    std::vector<Keyword> keywords;
    std::vector<NameTok> names;
    std::vector<Param> params;
    std::vector<Alias> aliases;
    std::vector<WithItem> with_items;
    std::vector<Piece> pieces;
    std::vector<std::string> ops;
    std::size_t dots = 0;  // leading dots of `from ..m import`
    std::string module;    // the module of `from m import`

    // What one line produced.
    std::vector<Stmt> stmts;
    std::optional<Header> header;

    std::set<std::uint32_t> reported;  // f-strings already reported

    std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base); }
    SourceSpan span(std::uint32_t b, std::uint32_t e) const { return file.span(b, e < b ? b : e); }

    Snapshot snapshot() const {
        return {exprs.size(),  marks.size(),  keywords.size(), names.size(), params.size(),
                aliases.size(), with_items.size(), pieces.size(), ops.size(),  stmts.size(),
                last_end,      header.has_value()};
    }
    void restore(const Snapshot& s) {
        if (exprs.size() > s.exprs) exprs.resize(s.exprs);
        if (marks.size() > s.marks) marks.resize(s.marks);
        if (keywords.size() > s.keywords) keywords.resize(s.keywords);
        if (names.size() > s.names) names.resize(s.names);
        if (params.size() > s.params) params.resize(s.params);
        if (aliases.size() > s.aliases) aliases.resize(s.aliases);
        if (with_items.size() > s.with_items) with_items.resize(s.with_items);
        if (pieces.size() > s.pieces) pieces.resize(s.pieces);
        if (ops.size() > s.ops) ops.resize(s.ops);
        if (stmts.size() > s.stmts) stmts.resize(s.stmts);
        last_end = s.last_end;
        if (!s.header) header.reset();
    }
    void clear_line() {
        exprs.clear();
        marks.clear();
        keywords.clear();
        names.clear();
        params.clear();
        aliases.clear();
        with_items.clear();
        pieces.clear();
        ops.clear();
        stmts.clear();
        header.reset();
        dots = 0;
        depth = 0;
    }
};

// Decoders (decode.cpp). A string literal's pieces become one Str, or an
// Unsupported (f-strings, reported here; \N{...}); a number its Number.
// Both throw SyntaxError on a malformed literal.
void push_strings(ParseState& s, const std::vector<Piece>& pieces, SourceSpan span);
Expr decode_number(ParseState& s, std::uint32_t begin, std::uint32_t end);

}  // namespace retort::py
