// The expression walk of compiler/sql/expr_walk.hpp: one case per node kind,
// then the properties the users rely on (order, early stop, sharing).
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "compiler/sql/expr_walk.hpp"

using namespace retort;
using sql::ExprRef;
using sql::make_expr;

namespace {

ExprRef num(std::string text) { return make_expr(sql::Literal{sql::LiteralKind::integer, std::move(text)}); }
ExprRef str(std::string text) { return make_expr(sql::Literal{sql::LiteralKind::string, std::move(text)}); }
ExprRef col(std::string name) { return make_expr(sql::ColumnRef{std::move(name)}); }
ExprRef bin(sql::BinaryOp op, ExprRef a, ExprRef b) { return make_expr(sql::Binary{op, std::move(a), std::move(b)}); }
ExprRef paren(ExprRef e) { return make_expr(sql::Paren{std::move(e)}); }
sql::SelectRef query(std::vector<ExprRef> items, ExprRef where) {
    sql::Select q;
    q.items = std::move(items);
    q.from = sql::TableSource{"t", {}, {}, {}};
    q.where = std::move(where);
    return std::make_shared<const sql::Select>(std::move(q));
}

// The nodes in the order walk() visits them, each written as .mig.
std::vector<std::string> visited(const ExprRef& expr) {
    std::vector<std::string> out;
    sql::walk(expr, [&](const sql::Expr& e) { out.push_back(sql::to_mig(e)); });
    return out;
}

struct KindCase {
    ExprRef expr;
    std::vector<std::string> nodes;  // walk order
    std::set<std::string> refs;      // column_refs
    std::string renamed;             // rename_column_refs(expr, "a", "x")
};

std::vector<KindCase> kind_cases() {
    using O = sql::BinaryOp;
    return {
        {num("1"), {"1"}, {}, "1"},
        {col("a"), {"a"}, {"a"}, "x"},
        {make_expr(sql::Unary{sql::UnaryOp::negate, col("a")}), {"-a", "a"}, {"a"}, "-x"},
        {bin(O::add, col("a"), col("b")), {"a + b", "a", "b"}, {"a", "b"}, "x + b"},
        {make_expr(sql::IsNull{col("a"), true}), {"a is not null", "a"}, {"a"}, "x is not null"},
        {make_expr(sql::InList{col("b"), {col("a"), num("1")}, false}),
         {"b in (a, 1)", "b", "a", "1"},
         {"a", "b"},
         "b in (x, 1)"},
        {make_expr(sql::Like{col("a"), str("x%"), true}), {"a not like 'x%'", "a", "'x%'"}, {"a"}, "x not like 'x%'"},
        {make_expr(sql::Between{col("c"), col("a"), col("b"), false}),
         {"c between a and b", "c", "a", "b"},
         {"a", "b", "c"},
         "c between x and b"},
        {make_expr(sql::Call{sql::Function::coalesce, {col("b"), col("a")}}),
         {"coalesce(b, a)", "b", "a"},
         {"a", "b"},
         "coalesce(b, x)"},
        {paren(col("a")), {"(a)", "a"}, {"a"}, "(x)"},
        {make_expr(sql::Case{{col("a")}, {num("1")}, col("b")}),
         {"case when a then 1 else b end", "a", "1", "b"},
         {"a", "b"},
         "case when x then 1 else b end"},
        {make_expr(sql::Cast{col("a"), sql::Type{sql::TypeKind::text}}), {"cast(a as text)", "a"}, {"a"}, "cast(x as text)"},
        {make_expr(sql::Exists{query({col("b")}, col("a"))}),
         {"exists (select b from t where a)", "b", "a"},
         {"a", "b"},
         "exists (select b from t where x)"},
        {make_expr(sql::Subquery{query({col("a")}, nullptr)}), {"(select a from t)", "a"}, {"a"}, "(select x from t)"},
    };
}

}  // namespace

TEST_CASE("the walk cases cover every expression kind", "[sql][walk]") {
    // A new kind in sql::Expr fails here until it has a case above (and
    // fails to compile until for_each_child lists it).
    std::set<std::size_t> kinds;
    for (const auto& c : kind_cases()) kinds.insert(c.expr->node.index());
    CHECK(kinds.size() == std::variant_size_v<decltype(sql::Expr::node)>);
}

TEST_CASE("walk, column_refs, mentions and rename on each expression kind", "[sql][walk]") {
    for (const auto& c : kind_cases()) {
        std::string text = sql::to_mig(*c.expr);
        CAPTURE(text);
        CHECK(visited(c.expr) == c.nodes);
        CHECK(sql::column_refs(c.expr) == c.refs);
        for (const auto& ref : c.refs) CHECK(sql::mentions(c.expr, ref));
        CHECK_FALSE(sql::mentions(c.expr, "zz"));
        ExprRef renamed = sql::rename_column_refs(c.expr, "a", "x");
        CHECK(sql::to_mig(*renamed) == c.renamed);
        CHECK(sql::to_mig(*c.expr) == text);  // the original is left as it was
        CHECK((renamed == c.expr) == (c.refs.count("a") == 0));
    }
}

TEST_CASE("walk visits parents first, children in source order", "[sql][walk]") {
    using O = sql::BinaryOp;
    // not (a = 1 and lower(b) like 'x%')
    ExprRef lower_b = make_expr(sql::Call{sql::Function::lower, {col("b")}});
    ExprRef e = make_expr(sql::Unary{
        sql::UnaryOp::not_,
        paren(bin(O::and_, bin(O::eq, col("a"), num("1")), make_expr(sql::Like{lower_b, str("x%"), false})))});
    CHECK(visited(e) == std::vector<std::string>{"not (a = 1 and lower(b) like 'x%')",
                                                 "(a = 1 and lower(b) like 'x%')", "a = 1 and lower(b) like 'x%'",
                                                 "a = 1", "a", "1", "lower(b) like 'x%'", "lower(b)", "b", "'x%'"});
    CHECK(sql::column_refs(e) == std::set<std::string>{"a", "b"});
}

TEST_CASE("any_of stops at the first node that matches", "[sql][walk]") {
    using O = sql::BinaryOp;
    ExprRef e = bin(O::add, col("a"), paren(bin(O::mul, col("b"), col("c"))));
    auto [wanted, calls, found] = GENERATE(table<std::string, int, bool>({
        {"a", 2, true},   // a + (b * c), a
        {"b", 5, true},   // ..., (b * c), b * c, b
        {"c", 6, true},
        {"zz", 6, false},  // every node once
    }));
    CAPTURE(wanted);
    const std::string name = wanted;  // clang 14 cannot capture a structured binding
    int n = 0;
    bool result = sql::any_of(e, [&](const sql::Expr& node) {
        ++n;
        const auto* ref = std::get_if<sql::ColumnRef>(&node.node);
        return ref && ref->name == name;
    });
    CHECK(result == found);
    CHECK(n == calls);
}

TEST_CASE("rename shares the subtrees it does not change and keeps spans", "[sql][walk]") {
    using O = sql::BinaryOp;
    SourceSpan span{1, 4, 9};
    ExprRef untouched = paren(bin(O::mul, col("b"), col("c")));
    ExprRef e = make_expr(sql::Binary{O::add, col("a"), untouched}, span);
    ExprRef renamed = sql::rename_column_refs(e, "a", "x");
    REQUIRE(renamed != e);
    CHECK(sql::to_mig(*renamed) == "x + (b * c)");
    CHECK(renamed->span == span);
    CHECK(std::get<sql::Binary>(renamed->node).rhs == untouched);
    CHECK(sql::to_mig(*e) == "a + (b * c)");
    // Every reference is renamed, however deep.
    ExprRef twice = bin(O::eq, col("a"), paren(bin(O::add, col("a"), num("1"))));
    CHECK(sql::to_mig(*sql::rename_column_refs(twice, "a", "x")) == "x = (x + 1)");
}

TEST_CASE("a null expression or child has no nodes", "[sql][walk]") {
    ExprRef none;
    CHECK(visited(none).empty());
    CHECK_FALSE(sql::any_of(none, [](const sql::Expr&) { return true; }));
    CHECK(sql::column_refs(none).empty());
    CHECK_FALSE(sql::mentions(none, "a"));
    CHECK(sql::rename_column_refs(none, "a", "x") == nullptr);
    ExprRef dangling = make_expr(sql::Between{col("a"), nullptr, num("1"), false});
    int n = 0;
    sql::walk(dangling, [&](const sql::Expr&) { ++n; });
    CHECK(n == 3);
}
