#include "compiler/sql/expr.hpp"

#include <fmt/format.h>

namespace retort::sql {

const char* function_name(Function function) {
    switch (function) {
        case Function::now: return "now";
        case Function::current_date: return "current_date";
        case Function::lower: return "lower";
        case Function::upper: return "upper";
        case Function::length: return "length";
        case Function::coalesce: return "coalesce";
        case Function::replace: return "replace";
        case Function::substr: return "substr";
        case Function::trim: return "trim";
        case Function::abs: return "abs";
        case Function::round: return "round";
        case Function::concat: return "concat";
    }
    return "?";
}

const char* binary_op_text(BinaryOp op) {
    switch (op) {
        case BinaryOp::eq: return "=";
        case BinaryOp::ne: return "<>";
        case BinaryOp::lt: return "<";
        case BinaryOp::le: return "<=";
        case BinaryOp::gt: return ">";
        case BinaryOp::ge: return ">=";
        case BinaryOp::add: return "+";
        case BinaryOp::sub: return "-";
        case BinaryOp::mul: return "*";
        case BinaryOp::div: return "/";
        case BinaryOp::mod: return "%";
        case BinaryOp::concat: return "||";
        case BinaryOp::and_: return "and";
        case BinaryOp::or_: return "or";
    }
    return "?";
}

namespace {

std::string quote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string mig_literal(const Literal& literal) {
    switch (literal.kind) {
        case LiteralKind::null: return "null";
        case LiteralKind::boolean:
        case LiteralKind::integer:
        case LiteralKind::decimal: return literal.text;
        case LiteralKind::string: return quote(literal.text);
        case LiteralKind::date: return "date " + quote(literal.text);
        case LiteralKind::timestamp: return "timestamp " + quote(literal.text);
        case LiteralKind::binary: {
            std::string out = "x'";
            for (unsigned char c : literal.text) out += fmt::format("{:02x}", c);
            return out + "'";
        }
    }
    return "?";
}

std::string join(const std::vector<ExprRef>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += to_mig(*item);
    }
    return out;
}

}  // namespace

std::string to_mig(const Expr& expr) {
    return std::visit(
        [](const auto& node) -> std::string {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, Literal>) {
                return mig_literal(node);
            } else if constexpr (std::is_same_v<T, ColumnRef>) {
                return node.table.empty() ? node.name : node.table + "." + node.name;
            } else if constexpr (std::is_same_v<T, Unary>) {
                const char* op = node.op == UnaryOp::not_ ? "not " : node.op == UnaryOp::negate ? "-" : "+";
                return op + to_mig(*node.operand);
            } else if constexpr (std::is_same_v<T, Binary>) {
                return fmt::format("{} {} {}", to_mig(*node.lhs), binary_op_text(node.op), to_mig(*node.rhs));
            } else if constexpr (std::is_same_v<T, IsNull>) {
                return to_mig(*node.operand) + (node.negated ? " is not null" : " is null");
            } else if constexpr (std::is_same_v<T, InList>) {
                return fmt::format("{}{} in ({})", to_mig(*node.operand), node.negated ? " not" : "", join(node.items));
            } else if constexpr (std::is_same_v<T, Like>) {
                return fmt::format("{}{} like {}", to_mig(*node.operand), node.negated ? " not" : "", to_mig(*node.pattern));
            } else if constexpr (std::is_same_v<T, Between>) {
                return fmt::format("{}{} between {} and {}", to_mig(*node.operand), node.negated ? " not" : "",
                                   to_mig(*node.low), to_mig(*node.high));
            } else if constexpr (std::is_same_v<T, Call>) {
                if (node.function == Function::current_date) return "current_date";
                return fmt::format("{}({})", function_name(node.function), join(node.args));
            } else if constexpr (std::is_same_v<T, Paren>) {
                return "(" + to_mig(*node.inner) + ")";
            } else if constexpr (std::is_same_v<T, Case>) {
                std::string out = "case";
                for (std::size_t i = 0; i < node.conditions.size(); ++i)
                    out += " when " + to_mig(*node.conditions[i]) + " then " + to_mig(*node.results[i]);
                if (node.otherwise) out += " else " + to_mig(*node.otherwise);
                return out + " end";
            } else if constexpr (std::is_same_v<T, Cast>) {
                return fmt::format("cast({} as {})", to_mig(*node.operand), to_mig(node.type));
            } else if constexpr (std::is_same_v<T, Exists>) {
                return "exists (" + to_mig(*node.query) + ")";
            } else if constexpr (std::is_same_v<T, Subquery>) {
                return "(" + to_mig(*node.query) + ")";
            } else {
                static_assert(sizeof(T) == 0, "an expression kind to_mig does not write");
            }
        },
        expr.node);
}

std::string to_mig(const Select& select) {
    std::string out = "select " + join(select.items);
    if (select.from) {
        out += " from " + select.from->table;
        if (!select.from->alias.empty()) out += " " + select.from->alias;
    }
    if (select.where) out += " where " + to_mig(*select.where);
    return out;
}

namespace {

bool same_select(const SelectRef& a, const SelectRef& b);

bool same_list(const std::vector<ExprRef>& a, const std::vector<ExprRef>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}

}  // namespace

bool same(const ExprRef& a, const ExprRef& b) {
    if (!a || !b) return !a && !b;
    if (a.get() == b.get()) return true;
    if (a->node.index() != b->node.index()) return false;
    return std::visit(
        [&](const auto& x) -> bool {
            using T = std::decay_t<decltype(x)>;
            const T& y = std::get<T>(b->node);
            if constexpr (std::is_same_v<T, Literal>) return x.kind == y.kind && x.text == y.text;
            else if constexpr (std::is_same_v<T, ColumnRef>) return x.name == y.name && x.table == y.table;
            else if constexpr (std::is_same_v<T, Unary>) return x.op == y.op && same(x.operand, y.operand);
            else if constexpr (std::is_same_v<T, Binary>) return x.op == y.op && same(x.lhs, y.lhs) && same(x.rhs, y.rhs);
            else if constexpr (std::is_same_v<T, IsNull>) return x.negated == y.negated && same(x.operand, y.operand);
            else if constexpr (std::is_same_v<T, InList>)
                return x.negated == y.negated && same(x.operand, y.operand) && same_list(x.items, y.items);
            else if constexpr (std::is_same_v<T, Like>)
                return x.negated == y.negated && same(x.operand, y.operand) && same(x.pattern, y.pattern);
            else if constexpr (std::is_same_v<T, Between>)
                return x.negated == y.negated && same(x.operand, y.operand) && same(x.low, y.low) && same(x.high, y.high);
            else if constexpr (std::is_same_v<T, Call>) return x.function == y.function && same_list(x.args, y.args);
            else if constexpr (std::is_same_v<T, Paren>) return same(x.inner, y.inner);
            else if constexpr (std::is_same_v<T, Case>)
                return same_list(x.conditions, y.conditions) && same_list(x.results, y.results) &&
                       same(x.otherwise, y.otherwise);
            else if constexpr (std::is_same_v<T, Cast>) return x.type == y.type && same(x.operand, y.operand);
            else if constexpr (std::is_same_v<T, Exists> || std::is_same_v<T, Subquery>)
                return same_select(x.query, y.query);
            else static_assert(sizeof(T) == 0, "an expression kind same() does not compare");
        },
        a->node);
}

namespace {

bool same_select(const SelectRef& a, const SelectRef& b) {
    if (!a || !b) return !a && !b;
    if (a->from.has_value() != b->from.has_value()) return false;
    if (a->from && (a->from->table != b->from->table || a->from->alias != b->from->alias)) return false;
    return same_list(a->items, b->items) && same(a->where, b->where);
}

}  // namespace

}  // namespace retort::sql
