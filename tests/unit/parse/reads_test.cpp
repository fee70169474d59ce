// Data that reads (language.md §4): subqueries, exists, case, cast, t.c
// names, the string and number functions, insert ... select.
#include <catch2/catch.hpp>

#include "parse_helpers.hpp"

using retort::test::parse_text;
using retort::test::upgrade_dump;

namespace {
struct Case {
    const char* expr;
    const char* dump;
};
std::string dump_of(const std::string& e) {
    std::string d = upgrade_dump("update t set x = " + e + ";");
    const std::string prefix = "  update t\n    set x = ";
    if (d.rfind(prefix, 0) != 0) return d;
    return d.substr(prefix.size(), d.size() - prefix.size() - 1);
}
}  // namespace

TEST_CASE("the expressions that read", "[parse][reads]") {
    auto c = GENERATE(values<Case>({
        {"t.a", "t.a"},
        {"\"T\".b + 1", "(+ T.b 1)"},
        {"(select max_id from u)", "(subquery (select max_id (from u)))"},
        {"(select u.n from u v where v.id = t.id)", "(subquery (select u.n (from u v) (where (= v.id t.id))))"},
        {"(select n from u as v)", "(subquery (select n (from u v)))"},
        {"(select 1)", "(subquery (select 1))"},
        {"case when a > 1 then 'x' when a < 0 then 'y' else 'z' end",
         "(case (when (> a 1) 'x') (when (< a 0) 'y') (else 'z'))"},
        {"case when a then 1 end", "(case (when a 1))"},
        {"cast(a as integer)", "(cast a integer)"},
        {"cast(a as numeric(10, 2))", "(cast a numeric(10, 2))"},
        {"CAST(cast(a as text) AS string(5))", "(cast (cast a text) string(5))"},
        {"replace(a, '-', '_')", "replace(a '-' '_')"},
        {"substr(a, 1, 4)", "substr(a 1 4)"},
        {"substr(a, 2)", "substr(a 2)"},
        {"trim(a)", "trim(a)"},
        {"abs(-a)", "abs((- a))"},
        {"round(a, 2)", "round(a 2)"},
        {"concat(a, ':', b)", "concat(a ':' b)"},
    }));
    CAPTURE(c.expr);
    CHECK(dump_of(c.expr) == c.dump);
}

TEST_CASE("exists and not exists in a where", "[parse][reads]") {
    CHECK(upgrade_dump("delete from t where not exists (select 1 from u where u.id = t.id);") ==
          "  delete from t\n    where (not (exists (select 1 (from u) (where (= u.id t.id)))))\n");
}

TEST_CASE("insert ... select", "[parse][reads]") {
    CHECK(upgrade_dump("insert into t (a, b) select x, 1 from u where y is null;") ==
          "  insert into t (a, b)\n    (select x 1 (from u) (where (is-null y)))\n");
    CHECK(upgrade_dump("insert into t (a) select 1 where not exists (select 1 from t);") ==
          "  insert into t (a)\n    (select 1 (where (not (exists (select 1 (from t))))))\n");
}

TEST_CASE("a cast in a default keeps the column's type", "[parse][reads]") {
    CHECK(upgrade_dump("create table t (a text default cast(1 as text), b integer);").find("a text") !=
          std::string::npos);
}

TEST_CASE("malformed reads are syntax errors where they go wrong", "[parse][reads]") {
    auto [text, message] = GENERATE(table<std::string, std::string>({
        {"update t set x = case a end;", "expected 'when' and a condition after 'case'"},
        {"update t set x = case when a 1 end;", "expected 'then'"},
        {"update t set x = case when a then 1;", "expected 'when', 'else' or 'end'"},
        {"update t set x = cast(a integer);", "expected 'as'"},
        {"update t set x = (select from u);", "expected an expression"},
        {"update t set x = (select a from);", "expected a table name after 'from'"},
        {"update t set x = t.;", "expected a column name after '.'"},
        {"insert into t (a) 1;", "expected 'values' or 'select' after the column list"},
    }));
    CAPTURE(text);
    auto p = parse_text("revision a; down_revision none;\nupgrade { " + text + " }\n");
    CHECK_FALSE(p.migration);
    CHECK(p.diagnostics.find(message) != std::string::npos);
}
