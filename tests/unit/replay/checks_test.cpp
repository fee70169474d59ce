// Every semantic check: a migration body and the diagnostic it must produce.
#include <catch2/catch.hpp>

#include "replay_fixture.hpp"

using namespace retort;
using retort::replay::test::Fixture;

namespace {

struct Case {
    const char* name;
    const char* setup;     // an earlier revision (may be empty)
    const char* body;      // the revision under test
    const char* expected;  // a line of the rendered diagnostics ("" : no diagnostic at all)
};

const char* const base_tables = R"(
    create type fee_status as enum ('pending', 'paid');
    create table students (
        id integer primary key autoincrement,
        name string(10) not null,
        code char(3) unique,
        born date,
        big bigint,
        small smallint,
        price numeric(5, 2),
        flag boolean,
        seen timestamp,
        token uuid
    );
    create table fees (
        id integer primary key,
        student_id integer not null references students (id),
        status fee_status not null default 'pending',
        note text
    );
    create index ix_fees_note on fees (note);
)";

const Case cases[] = {
    {"unknown table", "", "drop table nope;", "error: unknown table \"nope\""},
    {"duplicate table", base_tables, "create table fees (id integer);", "error: table \"fees\" already exists"},
    {"duplicate table note", base_tables, "create table fees (id integer);", "note: table \"fees\" declared here"},
    {"duplicate column in create", "", "create table t (a integer, a text);",
     "error: column \"a\" already exists in table \"t\""},
    {"duplicate column in alter", base_tables, "alter table fees add column note text;",
     "error: column \"note\" already exists in table \"fees\""},
    {"unknown column", base_tables, "alter table fees drop column nope;",
     "error: table \"fees\" has no column \"nope\""},
    {"unknown index", base_tables, "drop index ix_nope;", "error: unknown index \"ix_nope\""},
    {"duplicate index", base_tables, "create index ix_fees_note on fees (status);",
     "error: index \"ix_fees_note\" already exists (on table \"fees\")"},
    {"duplicate conventional index", base_tables, "create index on fees (note); create index on fees (note);",
     "error: index \"ix_fees_note\" already exists (on table \"fees\")"},
    {"unknown constraint", base_tables, "alter table fees drop constraint nope;",
     "error: table \"fees\" has no constraint \"nope\""},
    {"duplicate constraint", base_tables, "alter table students add constraint uq_students_code unique (name);",
     "error: constraint \"uq_students_code\" already exists in table \"students\""},
    {"second primary key", base_tables, "alter table fees add primary key (note);",
     "error: table \"fees\" already has a primary key (pk_fees)"},
    {"unknown enum type", "", "create table t (s colour);", "error: unknown type \"colour\""},
    {"duplicate enum type", base_tables, "create type fee_status as enum ('a');",
     "error: type \"fee_status\" already exists"},
    {"duplicate enum value", base_tables, "alter type fee_status add value 'paid';",
     "error: enum \"fee_status\" already has value 'paid'"},
    {"unknown enum value", base_tables, "alter type fee_status drop value 'late';",
     "error: enum \"fee_status\" has no value 'late' (it has 'pending', 'paid')"},
    {"add value before an unknown value", base_tables, "alter type fee_status add value 'late' after 'pend';",
     "error: enum \"fee_status\" has no value 'pend' (it has 'pending', 'paid')"},
    {"rename enum value onto existing", base_tables, "alter type fee_status rename value 'pending' to 'paid';",
     "error: enum \"fee_status\" already has value 'paid'"},
    {"rename table onto existing", base_tables, "alter table fees rename to students;",
     "error: cannot rename table \"fees\" to \"students\": table \"students\" already exists"},
    {"rename column onto existing", base_tables, "alter table fees rename column note to status;",
     "error: cannot rename column fees.note to \"status\": column \"status\" already exists"},
    {"fk to missing table", "", "create table t (a integer references nope (id));",
     "error: foreign key \"fk_t_a_nope\" references unknown table \"nope\""},
    {"fk to non-unique columns", base_tables, "create table t (n string(10) references students (name));",
     "error: foreign key \"fk_t_n_students\" references students(name), which is neither the primary key nor unique"},
    {"fk with incompatible types", base_tables, "create table t (s bigint references students (id));",
     "error: foreign key \"fk_t_s_students\": column t.s (bigint) cannot reference students.id (integer): the types differ"},
    {"fk set null on not null", base_tables,
     "create table t (s integer not null references students (id) on delete set null);",
     "error: foreign key \"fk_t_s_students\" sets column t.s to null, but the column is NOT NULL"},
    {"drop table a fk uses", base_tables, "drop table students;",
     "error: cannot drop table \"students\": foreign key \"fk_fees_student_id_students\" of table \"fees\" references it"},
    {"drop column an index uses", base_tables, "alter table fees drop column note;",
     "error: cannot drop column fees.note: index \"ix_fees_note\" uses it"},
    {"drop column a constraint uses", base_tables, "alter table students drop column code;",
     "error: cannot drop column students.code: unique constraint \"uq_students_code\" uses it"},
    {"drop column a fk references", base_tables, "alter table students drop column id;",
     "error: cannot drop column students.id: primary key \"pk_students\" uses it"},
    {"drop type in use", base_tables, "drop type fee_status;",
     "error: cannot drop type \"fee_status\": column fees.status uses it"},
    {"drop enum value used as default", base_tables, "alter type fee_status drop value 'pending';",
     "error: cannot drop value 'pending' of enum \"fee_status\": it is the default of column fees.status"},
    {"insert unknown column", base_tables, "insert into fees (id, nope) values (1, 2);",
     "error: table \"fees\" has no column \"nope\""},
    {"insert leaves out not null", base_tables, "insert into students (id) values (1);",
     "error: insert into \"students\" leaves out column \"name\", which is NOT NULL and has no default"},
    {"insert null into not null", base_tables, "insert into students (name) values (null);",
     "error: null for column students.name, which is NOT NULL"},
    {"string too long", base_tables, "insert into students (name) values ('abcdefghijk');",
     "error: value 'abcdefghijk' has 11 characters, more than string(10) allows (column students.name)"},
    {"char too long", base_tables, "insert into students (name, code) values ('a', 'abcd');",
     "error: value 'abcd' has 4 characters, more than char(3) allows (column students.code)"},
    {"utf8 counted in characters", base_tables, "insert into students (name) values ('ééééééééé');", ""},
    {"numeric precision", base_tables, "insert into students (name, price) values ('a', 1000);",
     "error: value 1000 does not fit numeric(5, 2): at most 3 digits before the decimal point (column students.price)"},
    {"numeric rounding carries", base_tables, "insert into students (name, price) values ('a', 999.995);",
     "error: value 999.995 does not fit numeric(5, 2): at most 3 digits before the decimal point (column students.price)"},
    {"numeric fits", base_tables, "insert into students (name, price) values ('a', -999.994);", ""},
    {"integer range", base_tables, "insert into students (id, name) values (2147483648, 'a');",
     "error: value 2147483648 is out of range for integer (-2147483648 to 2147483647) (column students.id)"},
    {"integer lower bound fits", base_tables, "insert into students (id, name) values (-2147483648, 'a');", ""},
    {"smallint range", base_tables, "insert into students (name, small) values ('a', -32769);",
     "error: value -32769 is out of range for smallint (-32768 to 32767) (column students.small)"},
    {"bigint range", base_tables, "insert into students (name, big) values ('a', 9223372036854775808);",
     "error: value 9223372036854775808 is out of range for bigint"},
    {"invalid date", base_tables, "insert into students (name, born) values ('a', '2023-02-29');",
     "error: value '2023-02-29' is not a valid date (YYYY-MM-DD) (column students.born)"},
    {"leap day", base_tables, "insert into students (name, born) values ('a', date '2024-02-29');", ""},
    {"invalid date string", base_tables, "insert into students (name, born) values ('a', '2024-13-01');",
     "error: value '2024-13-01' is not a valid date (YYYY-MM-DD) (column students.born)"},
    {"invalid timestamp", base_tables, "update students set seen = '2024-01-01 24:00:00';",
     "error: value '2024-01-01 24:00:00' is not a valid timestamp (YYYY-MM-DD HH:MM:SS) (column students.seen)"},
    {"valid timestamp with zone", base_tables, "update students set seen = '2024-01-01T23:59:59.5+02:00';", ""},
    {"value outside enum", base_tables, "insert into fees (id, student_id, status) values (1, 1, 'late');",
     "error: value 'late' is not a value of enum fee_status ('pending', 'paid') (column fees.status)"},
    {"boolean", base_tables, "insert into students (name, flag) values ('a', 'yes');",
     "error: value 'yes' is not a boolean: write true or false (column students.flag)"},
    {"uuid", base_tables, "insert into students (name, token) values ('a', 'not-a-uuid');",
     "error: value 'not-a-uuid' is not a uuid (8-4-4-4-12 hexadecimal digits) (column students.token)"},
    {"update unknown column in where", base_tables, "update fees set note = 'x' where nope = 1;",
     "error: the where clause refers to unknown column \"nope\" of table \"fees\""},
    {"delete unknown table", base_tables, "delete from nope;", "error: unknown table \"nope\""},
    {"not null without default warns", base_tables, "alter table fees add column amount integer not null;",
     "warning: adding NOT NULL column fees.amount without a default fails if table \"fees\" has rows"},
    {"not null in a new table is fine", "", "create table t (a integer); alter table t add column b integer not null;",
     ""},
    {"autoincrement on text", "", "create table t (a text primary key autoincrement);",
     "error: autoincrement is allowed only on a single integer primary-key column; \"a\" is text"},
    {"autoincrement without key", "", "create table t (a integer autoincrement);",
     "error: autoincrement is allowed only on a single integer primary-key column; \"a\" is integer and the table has no primary key"},
    {"autoincrement with table pk", "", "create table t (a integer autoincrement, primary key (a));", ""},
    {"default that does not fit", "", "create table t (a string(2) default 'abc');",
     "error: default of column \"a\": value 'abc' has 3 characters, more than string(2) allows"},
    {"check on unknown column", "", "create table t (a integer, check (b > 0));",
     "error: the check refers to unknown column \"b\" of table \"t\""},
    {"drop not null on pk", base_tables, "alter table fees alter column id drop not null;",
     "error: column fees.id is part of the primary key and cannot allow null"},
    {"alter type breaks fk", base_tables, "alter table fees alter column student_id type bigint;",
     "error: column fees.student_id cannot become bigint: foreign key \"fk_fees_student_id_students\" references students.id (integer)"},
    {"self reference declared later", "", "create table t (parent integer references t (id), id integer primary key);", ""},
    {"comment on unknown column", base_tables, "comment on column fees.nope is 'x';",
     "error: table \"fees\" has no column \"nope\""},
};

}  // namespace

TEST_CASE("each semantic check reports its diagnostic", "[replay][checks]") {
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
    if (*c.expected)
        CHECK(out.find(c.expected) != std::string::npos);
    else
        CHECK(out.empty());
}

TEST_CASE("a failed statement declares what it can, so one mistake is one error", "[replay][checks]") {
    Fixture f;
    REQUIRE(f.add(R"(
        create table t (a integer, a text);
        create table u (id integer primary key);
        insert into t (a) values (1);
        alter table u add column x nope_type, add column y integer;
        insert into u (id, x, y) values (1, 'anything', 2);
    )"));
    replay::Replayer replayer(f.diagnostics, replay::Options{});
    replayer.upgrade(*f.migrations[0], {});
    std::string out = f.render();
    CHECK(out.find("column \"a\" already exists in table \"t\"") != std::string::npos);
    CHECK(out.find("unknown type \"nope_type\"") != std::string::npos);
    CHECK(f.diagnostics.error_count() == 2);  // no follow-on errors on t or u
    const schema::Table* t = replayer.state().table("t");
    REQUIRE(t != nullptr);  // declared with its first column a
    REQUIRE(t->columns.size() == 1);
    CHECK(t->columns[0].type.kind == sql::TypeKind::integer);
    const schema::Table* u = replayer.state().table("u");
    REQUIRE(u != nullptr);
    REQUIRE(u->column("x") != nullptr);
    CHECK(u->column("x")->invalid);  // values are not checked against it
    REQUIRE(u->column("y") != nullptr);
    CHECK_FALSE(u->column("y")->invalid);
}

TEST_CASE("diagnostics point at file:line:col", "[replay][checks]") {
    Fixture f;
    REQUIRE(f.add("create table t (a integer);\n    alter table t drop column b;"));
    replay::Replayer replayer(f.diagnostics, replay::Options{});
    replayer.upgrade(*f.migrations[0], {});
    std::string out = f.render();
    CHECK(out.find("versions/r0.mig:5:31: error: table \"t\" has no column \"b\"") != std::string::npos);
    CHECK(out.find("versions/r0.mig:4:14: note: table \"t\" declared here") != std::string::npos);
}

TEST_CASE("identifier length limits follow the dialect", "[replay][checks]") {
    std::string long63(63, 'a'), long64(64, 'a');
    Fixture f;
    REQUIRE(f.add("create table " + long63 + " (id integer);\ncreate table " + long64 + " (id integer);\n"
                  "create table t (" + std::string(60, 'c') + " integer unique);"));
    SECTION("PostgreSQL: 63 bytes") {
        replay::Replayer replayer(f.diagnostics, replay::options_for(ast::DialectId::postgresql));
        replayer.upgrade(*f.migrations[0], {});
        std::string out = f.render();
        CHECK(out.find("table name \"" + long64 + "\" is 64 bytes long; PostgreSQL allows at most 63") != std::string::npos);
        CHECK(out.find("\"" + long63 + "\" is") == std::string::npos);
        // uq_t_<60 c> is 65 bytes: named by convention, too long.
        CHECK(out.find("constraint name \"uq_t_" + std::string(60, 'c') + "\" is 65 bytes long") != std::string::npos);
        CHECK(out.find("give it a shorter one with `constraint NAME`") != std::string::npos);
    }
    SECTION("SQLite: no limit") {
        replay::Replayer replayer(f.diagnostics, replay::options_for(ast::DialectId::sqlite));
        replayer.upgrade(*f.migrations[0], {});
        CHECK(f.render().empty());
    }
}

TEST_CASE("only blocks and dialect executes are skipped for other dialects", "[replay]") {
    Fixture f;
    REQUIRE(f.add(R"(
        only postgresql { create table pg_only (id integer); }
        only mysql, sqlite { create table other (id integer); }
        execute sqlite $$PRAGMA x$$;
    )"));
    std::vector<std::string> kinds;
    replay::StepSink sink = [&](const plan::Step& step, const schema::Schema&) {
        kinds.push_back(std::to_string(step.node.index()));
    };
    SECTION("postgresql") {
        replay::Replayer r(f.diagnostics, replay::options_for(ast::DialectId::postgresql));
        r.upgrade(*f.migrations[0], sink);
        CHECK(r.state().table("pg_only"));
        CHECK(!r.state().table("other"));
        CHECK(kinds.size() == 1);
    }
    SECTION("sqlite") {
        replay::Replayer r(f.diagnostics, replay::options_for(ast::DialectId::sqlite));
        r.upgrade(*f.migrations[0], sink);
        CHECK(!r.state().table("pg_only"));
        CHECK(r.state().table("other"));
        CHECK(kinds.size() == 2);  // create table, execute
    }
}
