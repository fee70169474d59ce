// Each lint rule: a case that must fire and its near misses that must not (the
// same change on a table created in the same revision, the concurrent form,
// the widening), on each dialect (docs/lint.md).
#include <catch2/catch.hpp>

#include "lint_fixture.hpp"
#include "compiler/lint/tables.hpp"

using namespace retort;
using namespace retort::lint;
using retort::lint::test::codes;
using retort::lint::test::Fixture;

namespace {

struct Case {
    const char* name;
    Server server;
    Version version;  // {}: the server's default
    const char* before;  // the earlier revision: the existing tables
    const char* change;  // the revision under review
    std::vector<std::string> expected;
};

const char* const users = "create table users (id integer primary key, name varchar(10), age integer, "
                          "team_id integer);\ncreate table teams (id integer primary key);";
const char* const users_enum = "create type mood as enum ('ok', 'sad');\n"
                               "create table users (id integer primary key, m mood);";
constexpr Version any{};
constexpr Version mysql_8_0_35{8, 0, 35};

const Case cases[] = {
    // an index without concurrently (PostgreSQL)
    {"index on an existing table", Server::postgresql, any, users, "create index ix_users_age on users (age);",
     {"lint_index_not_concurrent"}},
    {"concurrent index", Server::postgresql, any, users, "create index concurrently ix_users_age on users (age);", {}},
    {"index on a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key, age integer);\ncreate index ix_pets_age on pets (age);", {}},
    {"drop index without concurrently", Server::postgresql, any,
     "create table users (id integer primary key, age integer);\ncreate index ix_users_age on users (age);",
     "drop index ix_users_age;", {"lint_index_not_concurrent"}},
    {"index on MySQL is INPLACE", Server::mysql, any, users, "create index ix_users_age on users (age);", {}},
    {"index on SQLite", Server::sqlite, any, users, "create index ix_users_age on users (age);", {}},

    // a NOT NULL column without a default
    {"not null without default, postgresql", Server::postgresql, any, users,
     "alter table users add column email text not null;", {"lint_not_null_without_default"}},
    {"not null without default, mysql", Server::mysql, mysql_8_0_35, users,
     "alter table users add column email text not null;", {"lint_not_null_without_default"}},
    {"not null without default, sqlite", Server::sqlite, any, users,
     "alter table users add column email text not null;", {"lint_sqlite_rebuild", "lint_not_null_without_default"}},
    {"not null with a default", Server::postgresql, any, users,
     "alter table users add column active boolean not null default true;", {}},
    {"not null with a default, sqlite", Server::sqlite, any, users,
     "alter table users add column active boolean not null default true;", {}},
    {"not null on a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key);\nalter table pets add column name text not null;", {}},
    {"autoincrement column, postgresql", Server::postgresql, any, "create table logs (msg text);",
     "alter table logs add column id integer primary key autoincrement;", {"lint_table_rewrite", "lint_add_constraint"}},
    {"autoincrement column, mysql", Server::mysql, mysql_8_0_35, "create table logs (msg text);",
     "alter table logs add column id integer primary key autoincrement;", {"lint_mysql_table_copy", "lint_mysql_table_copy"}},
    {"add column with a default before PostgreSQL 11", Server::postgresql, {10, 0, 0}, users,
     "alter table users add column active boolean not null default true;", {"lint_table_rewrite"}},

    // SET NOT NULL
    {"set not null, postgresql", Server::postgresql, any, users, "alter table users alter column age set not null;",
     {"lint_set_not_null"}},
    {"set not null, mysql", Server::mysql, any, users, "alter table users alter column age set not null;",
     {"lint_set_not_null"}},
    {"set not null, sqlite", Server::sqlite, any, users, "alter table users alter column age set not null;",
     {"lint_sqlite_rebuild", "lint_set_not_null"}},
    {"drop not null", Server::postgresql, any, "create table users (id integer primary key, code integer not null);",
     "alter table users alter column code drop not null;", {}},
    {"set not null on a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key, age integer);\nalter table pets alter column age set not null;", {}},

    // type changes
    {"integer to bigint, postgresql", Server::postgresql, any, users, "alter table users alter column age type bigint;",
     {"lint_table_rewrite"}},
    {"varchar widening, postgresql", Server::postgresql, any, users,
     "alter table users alter column name type varchar(20);", {}},
    {"varchar to text, postgresql", Server::postgresql, any, users, "alter table users alter column name type text;",
     {}},
    {"varchar narrowing, postgresql", Server::postgresql, any, users,
     "alter table users alter column name type varchar(5);", {"lint_table_rewrite"}},
    {"integer to bigint, mysql", Server::mysql, mysql_8_0_35, users, "alter table users alter column age type bigint;",
     {"lint_mysql_table_copy"}},
    {"varchar widening, mysql", Server::mysql, mysql_8_0_35, users,
     "alter table users alter column name type varchar(20);", {}},
    {"varchar widening across 256 bytes, mysql", Server::mysql, mysql_8_0_35, users,
     "alter table users alter column name type varchar(100);", {"lint_mysql_table_copy"}},
    {"integer to bigint, mariadb", Server::mariadb, any, users, "alter table users alter column age type bigint;",
     {"lint_mysql_table_copy"}},
    {"integer to bigint, sqlite", Server::sqlite, any, users, "alter table users alter column age type bigint;",
     {"lint_sqlite_rebuild"}},
    {"integer to bigint on a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key, age integer);\nalter table pets alter column age type bigint;", {}},

    // constraints added to an existing table
    {"foreign key, postgresql", Server::postgresql, any, users,
     "alter table users add constraint fk_users_team foreign key (team_id) references teams (id);",
     {"lint_add_constraint"}},
    {"check, postgresql", Server::postgresql, any, users,
     "alter table users add constraint ck_users_age check (age >= 0);", {"lint_add_constraint"}},
    {"unique, postgresql", Server::postgresql, any, users, "alter table users add constraint uq_users_name unique (name);",
     {"lint_add_constraint"}},
    {"foreign key, mysql", Server::mysql, any, users,
     "alter table users add constraint fk_users_team foreign key (team_id) references teams (id);",
     {"lint_add_constraint"}},
    {"unique, mysql is INPLACE", Server::mysql, any, users,
     "alter table users add constraint uq_users_name unique (name);", {}},
    {"foreign key, sqlite", Server::sqlite, any, users,
     "alter table users add constraint fk_users_team foreign key (team_id) references teams (id);",
     {"lint_sqlite_rebuild"}},
    {"foreign key on a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key, team_id integer);\n"
     "alter table pets add constraint fk_pets_team foreign key (team_id) references teams (id);",
     {}},

    // data loss
    {"drop column, postgresql", Server::postgresql, any, users, "alter table users drop column age;",
     {"lint_drop_column"}},
    {"drop column, mysql", Server::mysql, any, users, "alter table users drop column age;", {"lint_drop_column"}},
    {"drop column, sqlite", Server::sqlite, any, users, "alter table users drop column age;", {"lint_drop_column"}},
    {"drop column of a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key, age integer);\nalter table pets drop column age;", {}},
    {"drop table", Server::postgresql, any, users, "drop table teams;", {"lint_drop_table"}},
    {"drop table, sqlite", Server::sqlite, any, users, "drop table teams;", {"lint_drop_table"}},
    {"drop table, mysql", Server::mysql, any, users, "drop table teams;", {"lint_drop_table"}},
    {"drop a table created in the revision, sqlite", Server::sqlite, any, users,
     "create table pets (id integer primary key);\ndrop table pets;", {}},
    {"drop column of a new table, mysql", Server::mysql, any, users,
     "create table pets (id integer primary key, age integer);\nalter table pets drop column age;", {}},
    {"not null on a new table, sqlite", Server::sqlite, any, users,
     "create table pets (id integer primary key);\nalter table pets add column name text not null;", {}},
    {"not null on a new table, mysql", Server::mysql, any, users,
     "create table pets (id integer primary key);\nalter table pets add column name text not null;", {}},
    {"integer to bigint on a new table, mysql", Server::mysql, any, users,
     "create table pets (id integer primary key, age integer);\nalter table pets alter column age type bigint;", {}},
    {"integer to bigint on a new table, sqlite", Server::sqlite, any, users,
     "create table pets (id integer primary key, age integer);\nalter table pets alter column age type bigint;", {}},
    {"enum value dropped, only new tables use it, sqlite", Server::sqlite, any,
     "create type mood as enum ('ok', 'sad');",
     "create table pets (id integer primary key, m mood);\nalter type mood drop value 'sad';", {}},
    {"drop a table created in the revision", Server::postgresql, any, users,
     "create table pets (id integer primary key);\ndrop table pets;", {}},

    // renames
    {"rename column", Server::postgresql, any, users, "alter table users rename column age to years;",
     {"lint_rename_column"}},
    {"rename column, mysql", Server::mysql, any, users, "alter table users rename column age to years;",
     {"lint_rename_column"}},
    {"rename column, sqlite", Server::sqlite, any, users, "alter table users rename column age to years;",
     {"lint_rename_column"}},
    {"rename table", Server::postgresql, any, users, "alter table teams rename to squads;", {"lint_rename_table"}},
    {"rename table, mysql", Server::mysql, any, users, "alter table teams rename to squads;", {"lint_rename_table"}},
    {"rename table, sqlite", Server::sqlite, any, users, "alter table teams rename to squads;", {"lint_rename_table"}},
    {"rename a new table, sqlite", Server::sqlite, any, users,
     "create table pets (id integer primary key);\nalter table pets rename to animals;", {}},
    {"rename a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key);\nalter table pets rename to animals;\n"
     "alter table animals rename column id to pet_id;",
     {}},

    // update and delete without where
    {"update without where", Server::postgresql, any, users, "update users set age = 0;", {"lint_unfiltered_write"}},
    {"delete without where, sqlite", Server::sqlite, any, users, "delete from users;", {"lint_unfiltered_write"}},
    {"delete without where, mysql", Server::mysql, any, users, "delete from users;", {"lint_unfiltered_write"}},
    {"update without where, mysql", Server::mysql, any, users, "update users set age = 0;", {"lint_unfiltered_write"}},
    {"delete with where, sqlite", Server::sqlite, any, users, "delete from users where age < 0;", {}},
    {"delete on a new table, mysql", Server::mysql, any, users,
     "create table pets (id integer primary key);\ndelete from pets;", {}},
    {"update with where", Server::postgresql, any, users, "update users set age = 0 where age is null;", {}},
    {"delete on a new table", Server::postgresql, any, users,
     "create table pets (id integer primary key);\ndelete from pets;", {}},

    // raw SQL
    {"execute", Server::postgresql, any, users, "execute $$VACUUM users$$;", {"lint_raw_sql"}},
    {"execute, sqlite", Server::sqlite, any, users, "execute $$VACUUM$$;", {"lint_raw_sql"}},
    {"execute, mysql", Server::mysql, any, users, "execute mysql $$OPTIMIZE TABLE users$$;", {"lint_raw_sql"}},
    {"execute for another dialect", Server::sqlite, any, users, "execute postgresql $$VACUUM users$$;", {}},

    // enum values
    {"enum value dropped, postgresql", Server::postgresql, any, users_enum, "alter type mood drop value 'sad';",
     {"lint_enum_value_dropped"}},
    {"enum value dropped, mysql", Server::mysql, any, users_enum, "alter type mood drop value 'sad';",
     {"lint_enum_value_dropped"}},
    {"enum value dropped, sqlite", Server::sqlite, any, users_enum, "alter type mood drop value 'sad';",
     {"lint_enum_value_dropped", "lint_sqlite_rebuild"}},
    {"enum value added, postgresql", Server::postgresql, any, users_enum, "alter type mood add value 'glad';", {}},
    {"enum value added, mysql", Server::mysql, any, users_enum, "alter type mood add value 'glad';", {}},
    {"enum value added, sqlite", Server::sqlite, any, users_enum, "alter type mood add value 'glad';",
     {"lint_sqlite_rebuild"}},
    {"enum value renamed, mysql", Server::mysql, any, users_enum, "alter type mood rename value 'sad' to 'blue';",
     {"lint_mysql_table_copy"}},
    {"enum value dropped, no table uses it", Server::postgresql, any, "create type mood as enum ('ok', 'sad');",
     "alter type mood drop value 'sad';", {}},
    {"enum value dropped, only new tables use it", Server::postgresql, any, "create type mood as enum ('ok', 'sad');",
     "create table pets (id integer primary key, m mood);\nalter type mood drop value 'sad';", {}},

    // MySQL and MariaDB algorithms by version
    {"add column on MySQL 8.0.11 rebuilds", Server::mysql, {8, 0, 11}, users, "alter table users add column x integer;",
     {"lint_mysql_table_copy"}},
    {"add column on MySQL 8.0.12 is INSTANT", Server::mysql, {8, 0, 12}, users,
     "alter table users add column x integer;", {}},
    {"add column on MariaDB 10.6 is INSTANT", Server::mariadb, any, users, "alter table users add column x integer;",
     {}},
    {"add primary key on MySQL rebuilds", Server::mysql, mysql_8_0_35, "create table logs (id integer not null);",
     "alter table logs add primary key (id);", {"lint_mysql_table_copy"}},
    {"set default on MySQL is INSTANT", Server::mysql, any, users, "alter table users alter column age set default 1;",
     {}},
};

}  // namespace

TEST_CASE("each lint rule fires where it applies, and not on its near miss", "[lint][rules]") {
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.name << " (" << server_name(c.server) << ")") {
            Fixture f;
            f.add(c.before);
            f.add(c.change);
            REQUIRE(f.diagnostics.error_count() == 0);
            auto linter = f.lint(Fixture::options(c.server, c.version));
            INFO(f.found.render());
            REQUIRE(f.diagnostics.error_count() == 0);
            CHECK(codes(*linter) == c.expected);
        }
    }
}

TEST_CASE("every finding has a note with the safe way and a place", "[lint][rules]") {
    for (const Case& c : cases) {
        Fixture f;
        f.add(c.before);
        f.add(c.change);
        auto linter = f.lint(Fixture::options(c.server, c.version));
        for (const Finding& finding : linter->findings()) {
            INFO(c.name);
            CHECK(finding.diagnostic.span.valid());
            REQUIRE_FALSE(finding.diagnostic.notes.empty());
            CHECK_FALSE(finding.diagnostic.notes[0].message.empty());
            CHECK(finding.revision == "r1");
        }
    }
}

TEST_CASE("data loss is an error, the other findings warnings", "[lint][rules]") {
    Fixture f;
    f.add(users);
    f.add("alter table users drop column age, rename column name to full_name;\ndrop table teams;");
    auto linter = f.lint(Fixture::options(Server::postgresql));
    CHECK(codes(*linter) == std::vector<std::string>{"lint_drop_column", "lint_rename_column", "lint_drop_table"});
    CHECK(linter->open_errors() == 2);
    CHECK(linter->open_warnings() == 1);
}

TEST_CASE("no lock timeout: one finding per run, at the first change to an existing table", "[lint][rules]") {
    Fixture f;
    f.add(users);
    f.add("create table pets (id integer primary key);\nalter table users add column x integer;\n"
          "alter table teams add column y integer;");
    auto pg = f.lint(Fixture::options(Server::postgresql, {}, false));
    CHECK(codes(*pg) == std::vector<std::string>{"lint_no_lock_timeout"});
    REQUIRE(pg->findings()[0].diagnostic.span.file == 1);
    CHECK(f.sources.file(1).line_col(pg->findings()[0].diagnostic.span.begin).line == 5);  // alter table users
    auto my = f.lint(Fixture::options(Server::mysql, mysql_8_0_35, false));
    CHECK(codes(*my) == std::vector<std::string>{"lint_no_lock_timeout"});
    auto lite = f.lint(Fixture::options(Server::sqlite, {}, false));
    CHECK(codes(*lite).empty());  // SQLite has no lock timeout to set
}

TEST_CASE("no lock timeout: not for a run that only creates tables", "[lint][rules]") {
    Fixture f;
    f.add(users);
    f.add("create table pets (id integer primary key);\ncreate index ix_pets_id on pets (id);");
    CHECK(codes(*f.lint(Fixture::options(Server::postgresql, {}, false))).empty());
}

TEST_CASE("the MySQL algorithm table, by version", "[lint][tables]") {
    struct Row {
        MysqlChange change;
        Server server;
        Version version;
        Algorithm expected;
    };
    const Row rows[] = {
        {MysqlChange::add_column, Server::mysql, {8, 0, 11}, Algorithm::inplace_rebuild},
        {MysqlChange::add_column, Server::mysql, {8, 0, 12}, Algorithm::instant},
        {MysqlChange::add_column, Server::mariadb, {10, 3, 1}, Algorithm::inplace_rebuild},
        {MysqlChange::add_column, Server::mariadb, {10, 3, 2}, Algorithm::instant},
        {MysqlChange::drop_column, Server::mysql, {8, 0, 28}, Algorithm::inplace_rebuild},
        {MysqlChange::drop_column, Server::mysql, {8, 0, 29}, Algorithm::instant},
        {MysqlChange::drop_column, Server::mariadb, {10, 4, 0}, Algorithm::instant},
        {MysqlChange::change_type, Server::mysql, {9, 0, 0}, Algorithm::copy},
        {MysqlChange::widen_varchar, Server::mysql, {8, 0, 35}, Algorithm::inplace},
        {MysqlChange::widen_varchar, Server::mariadb, {10, 6, 0}, Algorithm::instant},
        {MysqlChange::add_index, Server::mysql, {8, 0, 0}, Algorithm::inplace},
        {MysqlChange::add_foreign_key, Server::mysql, {8, 0, 35}, Algorithm::copy},
        {MysqlChange::rename_table, Server::mariadb, {10, 6, 0}, Algorithm::instant},
    };
    for (const Row& r : rows) {
        INFO(mysql_change_name(r.change) << " on " << server_name(r.server) << " " << to_string(r.version));
        CHECK(mysql_algorithm(r.change, r.server, r.version) == r.expected);
    }
    CHECK(mysql_same_length_prefix(10, 63));
    CHECK_FALSE(mysql_same_length_prefix(63, 64));
    CHECK(mysql_same_length_prefix(64, 1000));
}

TEST_CASE("PostgreSQL type changes that keep the rows", "[lint][tables]") {
    using K = sql::TypeKind;
    struct Row {
        sql::Type from, to;
        bool keeps;
    };
    const Row rows[] = {
        {{K::varchar, 10}, {K::varchar, 20}, true},
        {{K::varchar, 10}, {K::varchar, std::nullopt}, true},
        {{K::varchar, 10}, {K::text}, true},
        {{K::varchar, 20}, {K::varchar, 10}, false},
        {{K::integer}, {K::bigint}, false},
        {{K::smallint}, {K::integer}, false},
        {{K::numeric, 10, 2}, {K::numeric, 12, 2}, true},
        {{K::numeric, 10, 2}, {K::numeric, 12, 3}, false},
        {{K::timestamp, 3}, {K::timestamp, 6}, true},
        {{K::timestamp}, {K::timestamptz}, false},
        {{K::text}, {K::varchar, 10}, false},
    };
    for (const Row& r : rows) {
        INFO(sql::to_mig(r.from) << " -> " << sql::to_mig(r.to));
        CHECK(postgresql_keeps_rows(r.from, r.to) == r.keeps);
    }
}

TEST_CASE("server versions", "[lint][tables]") {
    CHECK(parse_version("15") == Version{15, 0, 0});
    CHECK(parse_version("8.0") == Version{8, 0, 0});
    CHECK(parse_version("10.11.6") == Version{10, 11, 6});
    CHECK_FALSE(parse_version(""));
    CHECK_FALSE(parse_version("8."));
    CHECK_FALSE(parse_version("8.0.1.2"));
    CHECK_FALSE(parse_version("v8"));
    CHECK(default_version(Server::postgresql) == Version{15, 0, 0});
    CHECK(default_version(Server::mysql) == Version{8, 0, 0});
    CHECK(default_version(Server::mariadb) == Version{10, 6, 0});
}
