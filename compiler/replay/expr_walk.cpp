#include "compiler/replay/expr_walk.hpp"

namespace retort::replay {

bool mentions(const sql::ExprRef& expr, const std::string& column) {
    bool found = false;
    walk(expr, [&](const sql::Expr& e) {
        if (auto* ref = std::get_if<sql::ColumnRef>(&e.node); ref && ref->name == column) found = true;
    });
    return found;
}

sql::ExprRef rename_column_refs(const sql::ExprRef& expr, const std::string& from, const std::string& to) {
    if (!expr || !mentions(expr, from)) return expr;
    auto r = [&](const sql::ExprRef& e) { return rename_column_refs(e, from, to); };
    return std::visit(
        [&](const auto& n) -> sql::ExprRef {
            using T = std::decay_t<decltype(n)>;
            T copy = n;
            if constexpr (std::is_same_v<T, sql::ColumnRef>) {
                if (copy.name == from) copy.name = to;
            } else if constexpr (std::is_same_v<T, sql::Unary>) {
                copy.operand = r(n.operand);
            } else if constexpr (std::is_same_v<T, sql::Binary>) {
                copy.lhs = r(n.lhs);
                copy.rhs = r(n.rhs);
            } else if constexpr (std::is_same_v<T, sql::IsNull>) {
                copy.operand = r(n.operand);
            } else if constexpr (std::is_same_v<T, sql::InList>) {
                copy.operand = r(n.operand);
                for (auto& item : copy.items) item = r(item);
            } else if constexpr (std::is_same_v<T, sql::Like>) {
                copy.operand = r(n.operand);
                copy.pattern = r(n.pattern);
            } else if constexpr (std::is_same_v<T, sql::Between>) {
                copy.operand = r(n.operand);
                copy.low = r(n.low);
                copy.high = r(n.high);
            } else if constexpr (std::is_same_v<T, sql::Call>) {
                for (auto& arg : copy.args) arg = r(arg);
            } else if constexpr (std::is_same_v<T, sql::Paren>) {
                copy.inner = r(n.inner);
            }
            return sql::make_expr(std::move(copy), expr->span);
        },
        expr->node);
}

}  // namespace retort::replay
