// Rows and stored values (docs/schema-model.md, "Rows and stored values"):
// each rule a case that must fail, and its near misses that must pass.
#include <catch2/catch.hpp>

#include "compiler/graph/graph.hpp"
#include "driver/script/compile.hpp"
#include "replay_fixture.hpp"

using namespace retort;
using retort::replay::test::Fixture;

namespace {

struct Case {
    const char* name;
    const char* setup;     // an earlier revision (may be empty)
    const char* body;      // the revision under test
    int errors;            // how many errors replay must report
    const char* expected;  // a line of the rendered diagnostics; "": no diagnostic at all
};

const char* const users = "create table users (id integer primary key, name string(10), email text, n integer);";
const char* const seeded =
    "create table users (id integer primary key, name string(10), email text, n integer);\n"
    "insert into users (id, name, n) values (1, 'abcdef', 100000);";

const Case cases[] = {
    // ---- add column not null without default
    {"add not null after an insert", seeded, "alter table users add column k integer not null;", 1,
     "error: adding NOT NULL column users.k without a default to table \"users\", which holds rows"},
    {"add not null after an insert: the note at the insert", seeded,
     "alter table users add column k integer not null;", 1, "note: rows inserted here (revision r0)"},
    {"add not null after an insert in the same revision", "",
     "create table t (a integer); insert into t (a) values (1); alter table t add column b integer not null;", 1,
     "error: adding NOT NULL column t.b without a default to table \"t\", which holds rows"},
    {"near miss: the same add column with a default", seeded,
     "alter table users add column k integer not null default 0;", 0, ""},
    {"near miss: a table created empty in the same revision", "",
     "create table t (a integer); alter table t add column b integer not null;", 0, ""},
    {"near miss: a table that existed before (may hold rows) warns", users,
     "alter table users add column k integer not null;", 0,
     "warning: adding NOT NULL column users.k without a default fails if table \"users\" has rows"},
    {"near miss: emptied by a delete without where", seeded,
     "delete from users; alter table users add column k integer not null;", 0, ""},
    {"near miss: a delete with where may empty it: a warning", seeded,
     "delete from users where id = 1; alter table users add column k integer not null;", 0,
     "warning: adding NOT NULL column users.k without a default fails if table \"users\" has rows"},
    {"near miss: after execute the rows are unknown: a warning", seeded,
     "execute $$delete from users$$; alter table users add column k integer not null;", 0,
     "warning: adding NOT NULL column users.k without a default fails if table \"users\" has rows"},
    {"near miss: insert ... select may insert nothing: a warning", "",
     "create table t (a integer); create table u (a integer); insert into t (a) select a from u;"
     " alter table t add column b integer not null;",
     0, "warning: adding NOT NULL column t.b without a default fails if table \"t\" has rows"},
    {"rows follow a renamed table", seeded,
     "alter table users rename to people; alter table people add column k integer not null;", 1,
     "which holds rows"},

    // ---- set not null over a stored null
    {"set not null on a column an insert left out", seeded, "alter table users alter column email set not null;", 1,
     "error: column users.email cannot become NOT NULL: a replayed insert left null in it"},
    {"set not null on a column an insert filled with null", users,
     "insert into users (id, email) values (1, 'a'), (2, null); alter table users alter column email set not null;",
     1, "error: column users.email cannot become NOT NULL: a replayed insert left null in it"},
    {"set not null: the note at the null", users,
     "insert into users (id, email) values (1, 'a'), (2, null); alter table users alter column email set not null;",
     1, "note: null stored here (revision r1); fill the column with an update first"},
    {"set not null on a column added to a table with rows", seeded,
     "alter table users add column k integer; alter table users alter column k set not null;", 1,
     "error: column users.k cannot become NOT NULL: a replayed insert left null in it"},
    {"a primary key over a stored null", "",
     "create table t (a integer, b integer); insert into t (b) values (1); alter table t add primary key (a);", 1,
     "error: column t.a cannot become NOT NULL: a replayed insert left null in it"},
    {"near miss: set not null after an update of the column", seeded,
     "update users set email = 'x'; alter table users alter column email set not null;", 0, ""},
    {"near miss: set not null after an update with where (unknown)", seeded,
     "update users set email = 'x' where id = 1; alter table users alter column email set not null;", 0, ""},
    {"near miss: set not null on a column the insert filled", seeded,
     "alter table users alter column name set not null;", 0, ""},
    {"near miss: set not null on a column added with a default", seeded,
     "alter table users add column k integer default 1; alter table users alter column k set not null;", 0, ""},
    {"near miss: set not null after execute", seeded,
     "execute $$update users set email = 'x'$$; alter table users alter column email set not null;", 0, ""},
    {"near miss: set not null after delete with where", seeded,
     "delete from users where email is null; alter table users alter column email set not null;", 0, ""},

    // ---- a type the stored values no longer fit
    {"string narrowed below a stored value", seeded, "alter table users alter column name type string(3);", 1,
     "error: column users.name cannot become string(3): value 'abcdef' has 6 characters, more than string(3) "
     "allows, and a replayed insert stored it"},
    {"string narrowed: the note at the value", seeded, "alter table users alter column name type string(3);", 1,
     "note: value stored here (revision r0)"},
    {"integer to smallint with 100000", seeded, "alter table users alter column n type smallint;", 1,
     "error: column users.n cannot become smallint: value 100000 is out of range for smallint"},
    {"text to integer with 'abc'", users,
     "insert into users (id, email) values (1, 'abc'); alter table users alter column email type integer;", 1,
     "error: column users.email cannot become integer: value 'abc' is not a number"},
    {"values follow a renamed column", seeded,
     "alter table users rename column name to label; alter table users alter column label type string(3);", 1,
     "error: column users.label cannot become string(3)"},
    {"near miss: widening", seeded, "alter table users alter column name type string(20);", 0, ""},
    {"near miss: narrowing that still fits", seeded, "alter table users alter column name type string(6);", 0, ""},
    {"near miss: integer to bigint", seeded, "alter table users alter column n type bigint;", 0, ""},
    {"near miss: text holding digits to integer", users,
     "insert into users (id, email) values (1, '42'); alter table users alter column email type integer;", 0, ""},
    {"near miss: after an update the value is unknown", seeded,
     "update users set name = 'ab'; alter table users alter column name type string(3);", 0, ""},
    {"near miss: after execute the value is unknown", seeded,
     "execute $$update users set name = 'ab'$$; alter table users alter column name type string(3);", 0, ""},
    {"near miss: after delete without where", seeded,
     "delete from users; alter table users alter column name type string(3);", 0, ""},
    // ---- a unique key over stored duplicates
    {"unique index over a stored duplicate", users,
     "insert into users (id, name) values (1, 'ada'), (2, 'ada'); create unique index ux_users_name on users (name);",
     1, "error: unique index \"ux_users_name\" on users.name cannot be built: a replayed insert stored 'ada' twice"},
    {"unique constraint over a stored duplicate", users,
     "insert into users (id, n) values (1, 7); insert into users (id, n) values (2, 7);"
     " alter table users add constraint uq_users_n unique (n);",
     1, "error: unique constraint \"uq_users_n\" on users.n cannot be built: a replayed insert stored 7 twice"},
    {"near miss: unique over distinct values", users,
     "insert into users (id, name) values (1, 'ada'), (2, 'bob'); create unique index ux_users_name on users (name);",
     0, ""},
    {"near miss: unique over nulls", users,
     "insert into users (id) values (1), (2); create unique index ux_users_name on users (name);", 0, ""},
    {"near miss: a partial unique index", users,
     "insert into users (id, name) values (1, 'ada'), (2, 'ada'); create unique index ux_users_name on users (name)"
     " where id > 5;",
     0, ""},
    {"near miss: a plain index over duplicates", users,
     "insert into users (id, name) values (1, 'ada'), (2, 'ada'); create index ix_users_name on users (name);", 0,
     ""},
    {"near miss: unique after the duplicates were updated", users,
     "insert into users (id, name) values (1, 'ada'), (2, 'ada'); update users set name = 'x' where id = 2;"
     " create unique index ux_users_name on users (name);",
     0, ""},

    // ---- an enum value dropped while a stored row holds it
    {"drop an enum value a row holds", "create type mood as enum ('ok', 'sad', 'glad');\n"
     "create table days (id integer primary key, m mood);\ninsert into days (id, m) values (1, 'sad');",
     "alter type mood drop value 'sad';", 1,
     "error: cannot drop value 'sad' of enum \"mood\": a replayed insert stored it in column days.m"},
    {"near miss: drop an enum value no stored row holds",
     "create type mood as enum ('ok', 'sad', 'glad');\n"
     "create table days (id integer primary key, m mood);\ninsert into days (id, m) values (1, 'sad');",
     "alter type mood drop value 'glad';", 0, ""},
    {"near miss: the rows were updated first",
     "create type mood as enum ('ok', 'sad', 'glad');\n"
     "create table days (id integer primary key, m mood);\ninsert into days (id, m) values (1, 'sad');",
     "update days set m = 'ok' where m = 'sad'; alter type mood drop value 'sad';", 0, ""},
    {"stored values follow a renamed enum value",
     "create type mood as enum ('ok', 'sad');\n"
     "create table days (id integer primary key, m mood);\ninsert into days (id, m) values (1, 'sad');",
     "alter type mood rename value 'sad' to 'blue'; alter type mood drop value 'blue';", 1,
     "error: cannot drop value 'blue' of enum \"mood\""},
    {"near miss: a renamed enum value no longer names the old text",
     "create type mood as enum ('ok', 'sad');\ncreate type other as enum ('ok', 'blue');\n"
     "create table days (id integer primary key, m mood);\ninsert into days (id, m) values (1, 'sad');",
     "alter type mood rename value 'sad' to 'blue'; alter table days alter column m type other;", 0, ""},
    {"near miss: a value that is not a literal is not known", users,
     "insert into users (id, name) values (1, lower('ABCDEF')); alter table users alter column name type string(3);",
     0, ""},
};

}  // namespace

TEST_CASE("rows and stored values: each rule fails, its near misses pass", "[replay][rows]") {
    const Case& c = GENERATE(from_range(std::begin(cases), std::end(cases)));
    INFO(c.name);
    Fixture f;
    if (*c.setup) REQUIRE(f.add(c.setup));
    const auto* added = f.add(c.body);
    INFO(f.diagnostics.render());
    REQUIRE(added);
    REQUIRE(f.diagnostics.error_count() == 0);  // the text parsed
    replay::Replayer replayer(f.diagnostics, replay::Options{});
    for (const auto* m : f.order()) replayer.upgrade(*m, {});
    std::string out = f.render();
    INFO(out);
    CHECK(f.diagnostics.error_count() == static_cast<std::size_t>(c.errors));
    if (*c.expected)
        CHECK(out.find(c.expected) != std::string::npos);
    else
        CHECK(out.empty());
}

TEST_CASE("rows inserted by a revision that is not an ancestor are not certain", "[replay][rows]") {
    Fixture f;
    REQUIRE(f.add(seeded));
    REQUIRE(f.add("alter table users add column k integer not null;"));
    replay::Options options;
    SECTION("r0 is an ancestor of r1: an error") {
        options.is_ancestor = [](std::string_view, std::string_view) { return true; };
        replay::Replayer replayer(f.diagnostics, options);
        for (const auto* m : f.order()) replayer.upgrade(*m, {});
        CHECK(f.diagnostics.error_count() == 1);
    }
    SECTION("r0 on another branch: a warning only") {
        options.is_ancestor = [](std::string_view, std::string_view) { return false; };
        replay::Replayer replayer(f.diagnostics, options);
        for (const auto* m : f.order()) replayer.upgrade(*m, {});
        CHECK(f.diagnostics.error_count() == 0);
        CHECK(f.render().find("warning: adding NOT NULL column users.k") != std::string::npos);
    }
}

TEST_CASE("a table created in an earlier revision may hold rows", "[replay][rows]") {
    Fixture f;
    REQUIRE(f.add("create table t (a integer);"));
    REQUIRE(f.add("alter table t add column b integer not null;"));
    replay::Replayer replayer(f.diagnostics, replay::Options{});
    for (const auto* m : f.order()) replayer.upgrade(*m, {});
    CHECK(f.diagnostics.error_count() == 0);
    CHECK(f.render().find("warning: adding NOT NULL column t.b without a default fails if table \"t\" has rows") !=
          std::string::npos);
}

TEST_CASE("a downgrade that sets NOT NULL over a null its upgrade stored fails check", "[replay][rows]") {
    Fixture f;
    REQUIRE(f.add("create table t (id integer primary key, a text not null);", "drop table t;"));
    REQUIRE(f.add("alter table t alter column a drop not null; insert into t (id) values (1);",
                  "alter table t alter column a set not null;"));
    CHECK_FALSE(replay::check_project(f.order(), f.diagnostics, replay::Options{}));
    CHECK(f.render().find("error: column t.a cannot become NOT NULL: a replayed insert left null in it") !=
          std::string::npos);
}

TEST_CASE("branches: what another branch inserted is not certain, what an ancestor inserted is", "[replay][rows]") {
    Fixture f;
    REQUIRE(f.add_file("versions/r0.mig", "revision r0;\ndown_revision none;\nupgrade {\n"
                                          "create table users (id integer primary key, email text);\n}\n"
                                          "downgrade { drop table users; }\n"));
    REQUIRE(f.add_file("versions/ra.mig", "revision ra;\ndown_revision r0;\nupgrade {\n"
                                          "insert into users (id) values (1);\n}\n"
                                          "downgrade { delete from users where id = 1; }\n"));
    REQUIRE(f.add_file("versions/rb.mig", "revision rb;\ndown_revision r0;\nupgrade {\n"
                                          "alter table users add column k integer not null;\n}\n"
                                          "downgrade { alter table users drop column k; }\n"));
    REQUIRE(f.add_file("versions/rm.mig", "revision rm;\ndown_revision (ra, rb);\nupgrade {\n"
                                          "alter table users alter column email set not null;\n}\n"
                                          "downgrade { alter table users alter column email drop not null; }\n"));
    std::vector<ast::Migration> migrations;
    for (const auto& m : f.migrations) migrations.push_back(*m);
    auto graph = graph::RevisionGraph::build(migrations, f.diagnostics);
    REQUIRE(graph);
    std::vector<const ast::Migration*> order;
    for (const graph::Revision* r : graph->topological_order()) order.push_back(r->migration);
    replay::check_project(order, f.diagnostics, driver::with_ancestry(replay::Options{}, *graph));
    std::string out = f.render();
    INFO(out);
    // rb does not descend from ra: the users it inserted may not be there.
    CHECK(out.find("versions/rb.mig:4:30: warning: adding NOT NULL column users.k without a default fails if table "
                   "\"users\" has rows") != std::string::npos);
    CHECK(out.find("which holds rows") == std::string::npos);
    // rm descends from both: the null ra stored is there.
    CHECK(out.find("versions/rm.mig:4:19: error: column users.email cannot become NOT NULL: a replayed insert left "
                   "null in it") != std::string::npos);
    CHECK(f.diagnostics.error_count() == 1);
}
