#include "compiler/sql/expr_walk.hpp"

namespace retort::sql {

std::set<std::string> column_refs(const ExprRef& expr) {
    std::set<std::string> out;
    walk(expr, [&](const Expr& e) {
        if (const auto* ref = std::get_if<ColumnRef>(&e.node)) out.insert(ref->name);
    });
    return out;
}

bool mentions(const ExprRef& expr, std::string_view column) {
    return any_of(expr, [&](const Expr& e) {
        const auto* ref = std::get_if<ColumnRef>(&e.node);
        return ref && ref->name == column;
    });
}

ExprRef rename_column_refs(const ExprRef& expr, std::string_view from, const std::string& to) {
    if (!mentions(expr, from)) return expr;
    Expr copy = *expr;
    if (auto* ref = std::get_if<ColumnRef>(&copy.node)) ref->name = to;  // it is `from`: it is mentioned
    for_each_child(copy, [&](ExprRef& child) { child = rename_column_refs(child, from, to); });
    return std::make_shared<const Expr>(std::move(copy));
}

}  // namespace retort::sql
