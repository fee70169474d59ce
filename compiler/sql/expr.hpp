#pragma once
// Expressions of the .mig language (language.md §5): defaults, checks,
// partial-index predicates and data statements. Immutable and shared:
// copying a column or a plan step copies pointers, not trees.
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/source/source_manager.hpp"
#include "compiler/sql/type.hpp"

namespace retort::sql {

struct Expr;
using ExprRef = std::shared_ptr<const Expr>;
struct Select;
using SelectRef = std::shared_ptr<const Select>;

enum class LiteralKind {
    null,
    boolean,    // text is "true" or "false"
    integer,    // text holds the digits as written, with a leading '-' if negative
    decimal,    // text as written: "3.25", "1e6", "-0.5"
    string,     // text holds the decoded bytes (quotes undoubled, e'' escapes applied)
    date,       // date '2024-01-15': text is the quoted part
    timestamp,  // timestamp '2024-01-15 12:00:00': text is the quoted part
    binary,     // x'DEADBEEF': text holds the decoded bytes
};

struct Literal {
    LiteralKind kind = LiteralKind::null;
    std::string text;
};

struct ColumnRef {
    std::string name;   // folded or quoted, as in the schema model
    std::string table;  // `t.c`: the table or alias it is qualified with; empty when not qualified
};

enum class UnaryOp { not_, negate, plus };

struct Unary {
    UnaryOp op;
    ExprRef operand;
};

enum class BinaryOp { eq, ne, lt, le, gt, ge, add, sub, mul, div, mod, concat, and_, or_ };

struct Binary {
    BinaryOp op;
    ExprRef lhs, rhs;
};

struct IsNull {
    ExprRef operand;
    bool negated = false;  // is not null
};

struct InList {
    ExprRef operand;
    std::vector<ExprRef> items;
    bool negated = false;
};

struct Like {
    ExprRef operand, pattern;
    bool negated = false;
};

struct Between {
    ExprRef operand, low, high;
    bool negated = false;
};

// The portable functions; anything else is a compile error at parse time.
enum class Function { now, current_date, lower, upper, length, coalesce, replace, substr, trim, abs, round, concat };

struct Call {
    Function function;
    std::vector<ExprRef> args;
};

// Parentheses written in the source; kept so output reads like the input.
struct Paren {
    ExprRef inner;
};

// case when c1 then r1 [when c2 then r2 ...] [else e] end (the searched form).
struct Case {
    std::vector<ExprRef> conditions, results;  // as many of each
    ExprRef otherwise;                         // may be null: no else
};

// cast(x as type), with the language's types.
struct Cast {
    ExprRef operand;
    Type type;
};

// exists (select ...); `not exists` is a not around it.
struct Exists {
    SelectRef query;
};

// (select x from ...) used as a value: one column, at most one row.
struct Subquery {
    SelectRef query;
};

struct Expr {
    std::variant<Literal, ColumnRef, Unary, Binary, IsNull, InList, Like, Between, Call, Paren, Case, Cast, Exists,
                 Subquery>
        node;
    SourceSpan span;
};

// The table a select reads, `from t [as] a`.
struct TableSource {
    std::string table;  // folded or quoted, as in the schema model
    std::string alias;  // empty when none
    SourceSpan span;    // of the table name
    SourceSpan alias_span;
    // The name its columns are qualified with: the alias, else the table.
    const std::string& visible_name() const { return alias.empty() ? table : alias; }
};

// select items [from t [a]] [where w]: the reads of data statements
// (insert ... select, exists, scalar subqueries).
struct Select {
    std::vector<ExprRef> items;
    std::optional<TableSource> from;
    ExprRef where;  // may be null
    SourceSpan span;
};

template <typename Node>
ExprRef make_expr(Node node, SourceSpan span = {}) {
    return std::make_shared<const Expr>(Expr{std::move(node), span});
}

const char* function_name(Function function);  // "now", "current_date", ...
const char* binary_op_text(BinaryOp op);       // "=", "<>", "||", "and", ...

// The expression in .mig syntax; used by AST dumps, `retort schema` without a
// dialect, and messages. Parentheses only where the source had them.
std::string to_mig(const Expr& expr);
std::string to_mig(const Select& select);

// Structural equality (spans ignored), for round-trip checks.
bool same(const ExprRef& a, const ExprRef& b);

}  // namespace retort::sql
