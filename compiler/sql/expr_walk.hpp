#pragma once
// The one walk over expression trees, for every phase and dialect.
//
// for_each_child is the only place that knows which fields of a node are
// sub-expressions. It visits the node variant with one overload per kind and
// no catch-all, so a new kind in sql::Expr does not compile until it is
// listed here; walk, any_of, column_refs, mentions and rename_column_refs are
// built on it and need no change.
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "compiler/sql/expr.hpp"

namespace retort::sql {

namespace detail {

template <typename... F>
struct Overload : F... {
    using F::operator()...;
};
template <typename... F>
Overload(F...) -> Overload<F...>;

// Node, const when Owner (Expr or const Expr) is const.
template <typename Owner, typename Node>
using like_t = std::conditional_t<std::is_const_v<Owner>, const Node, Node>;

// The expressions of a select, in source order. Selects are shared and
// immutable: through a non-const owner the select is copied first, so the
// children f may replace are the copy's.
template <bool Const, typename F>
void for_each_select_child(std::conditional_t<Const, const SelectRef, SelectRef>& query, F&& f) {
    if (!query) return;
    if constexpr (Const) {
        for (const auto& item : query->items) f(item);
        f(query->where);
    } else {
        auto copy = std::make_shared<Select>(*query);
        for (auto& item : copy->items) f(item);
        f(copy->where);
        query = std::move(copy);
    }
}

}  // namespace detail

// Calls f(child) for each direct sub-expression of `expr`, in source order;
// the items and where of a subquery count as its children.
// A child is an ExprRef& (const when `expr` is const) and may be null.
template <typename E, typename F>
void for_each_child(E& expr, F&& f) {
    static_assert(std::is_same_v<std::remove_const_t<E>, Expr>);
    using detail::like_t;
    std::visit(detail::Overload{
                   [](like_t<E, Literal>&) {},
                   [](like_t<E, ColumnRef>&) {},
                   [&](like_t<E, Unary>& n) { f(n.operand); },
                   [&](like_t<E, Binary>& n) {
                       f(n.lhs);
                       f(n.rhs);
                   },
                   [&](like_t<E, IsNull>& n) { f(n.operand); },
                   [&](like_t<E, InList>& n) {
                       f(n.operand);
                       for (auto& item : n.items) f(item);
                   },
                   [&](like_t<E, Like>& n) {
                       f(n.operand);
                       f(n.pattern);
                   },
                   [&](like_t<E, Between>& n) {
                       f(n.operand);
                       f(n.low);
                       f(n.high);
                   },
                   [&](like_t<E, Call>& n) {
                       for (auto& arg : n.args) f(arg);
                   },
                   [&](like_t<E, Paren>& n) { f(n.inner); },
                   [&](like_t<E, Case>& n) {
                       for (std::size_t i = 0; i < n.conditions.size(); ++i) {
                           f(n.conditions[i]);
                           f(n.results[i]);
                       }
                       f(n.otherwise);
                   },
                   [&](like_t<E, Cast>& n) { f(n.operand); },
                   [&](like_t<E, Exists>& n) { detail::for_each_select_child<std::is_const_v<E>>(n.query, f); },
                   [&](like_t<E, Subquery>& n) { detail::for_each_select_child<std::is_const_v<E>>(n.query, f); },
               },
               expr.node);
}

// Calls f(const Expr&) on every node of the tree, parents first, children in
// source order. A null expression has no nodes.
template <typename F>
void walk(const ExprRef& expr, F&& f) {
    if (!expr) return;
    f(*expr);
    for_each_child(*expr, [&](const ExprRef& child) { walk(child, f); });
}

// True when pred(const Expr&) holds for some node; stops at the first.
template <typename Pred>
bool any_of(const ExprRef& expr, Pred&& pred) {
    if (!expr) return false;
    if (pred(*expr)) return true;
    bool found = false;
    for_each_child(*expr, [&](const ExprRef& child) { found = found || any_of(child, pred); });
    return found;
}

// The names of the columns the expression refers to.
std::set<std::string> column_refs(const ExprRef& expr);

// True when the expression refers to the column.
bool mentions(const ExprRef& expr, std::string_view column);

// The expression with every reference to column `from` renamed to `to`.
// Expressions are shared and immutable: the subtrees that do not mention
// `from` are shared with the original, which is left as it was.
ExprRef rename_column_refs(const ExprRef& expr, std::string_view from, const std::string& to);

}  // namespace retort::sql
