#pragma once
// Visits every node of an expression tree, parents first.
#include <type_traits>

#include "compiler/sql/expr.hpp"

namespace retort::replay {

template <typename F>
void walk(const sql::ExprRef& expr, F&& f) {
    if (!expr) return;
    f(*expr);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, sql::Unary>) {
                walk(n.operand, f);
            } else if constexpr (std::is_same_v<T, sql::Binary>) {
                walk(n.lhs, f);
                walk(n.rhs, f);
            } else if constexpr (std::is_same_v<T, sql::IsNull>) {
                walk(n.operand, f);
            } else if constexpr (std::is_same_v<T, sql::InList>) {
                walk(n.operand, f);
                for (const auto& item : n.items) walk(item, f);
            } else if constexpr (std::is_same_v<T, sql::Like>) {
                walk(n.operand, f);
                walk(n.pattern, f);
            } else if constexpr (std::is_same_v<T, sql::Between>) {
                walk(n.operand, f);
                walk(n.low, f);
                walk(n.high, f);
            } else if constexpr (std::is_same_v<T, sql::Call>) {
                for (const auto& arg : n.args) walk(arg, f);
            } else if constexpr (std::is_same_v<T, sql::Paren>) {
                walk(n.inner, f);
            }
        },
        expr->node);
}

// True when the expression mentions the column.
bool mentions(const sql::ExprRef& expr, const std::string& column);

// A copy of the expression with every reference to `from` renamed to `to`
// (the original is shared and immutable).
sql::ExprRef rename_column_refs(const sql::ExprRef& expr, const std::string& from, const std::string& to);

}  // namespace retort::replay
