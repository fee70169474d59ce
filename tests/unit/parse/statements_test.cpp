// Every statement of language.md §4: source snippet -> AST dump.
#include <catch2/catch.hpp>

#include "parse_helpers.hpp"

using retort::test::upgrade_dump;

namespace {
struct Case {
    const char* source;
    const char* dump;
};
}  // namespace

TEST_CASE("create table: columns, options and table constraints", "[parse][statements]") {
    auto c = GENERATE(values<Case>({
        {"create table fees (id integer primary key autoincrement);",
         "  create table fees\n    column id integer | primary key | autoincrement\n"},
        {"CREATE TABLE IF NOT EXISTS Fees (ID Integer);",
         "  create table if not exists fees\n    column id integer\n"},
        {"create table t (a string(20) not null default 'pending', b text null, c numeric(10, 2) unique);",
         "  create table t\n    column a string(20) | not null | default 'pending'\n"
         "    column b text | null\n    column c numeric(10, 2) | unique\n"},
        {"create table t (s integer not null references students (id) on delete cascade);",
         "  create table t\n    column s integer | not null | references students (id) on delete cascade\n"},
        {"create table t (s integer references u on update set null on delete no action);",
         "  create table t\n    column s integer | references u on delete no action on update set null\n"},
        {"create table t (s integer references u (id) on delete set default on update restrict);",
         "  create table t\n    column s integer | references u (id) on delete set default on update restrict\n"},
        {"create table t (d datetime not null default now(), n text comment 'a note', "
         "a integer check (a >= 0));",
         "  create table t\n    column d datetime | not null | default now()\n"
         "    column n text | comment 'a note'\n    column a integer | check (>= a 0)\n"},
        {"create table t (a integer, b integer, constraint pk_t primary key (a, b));",
         "  create table t\n    column a integer\n    column b integer\n    constraint pk_t primary key (a, b)\n"},
        {"create table t (a integer, unique (a), check (a > 1), "
         "constraint fk_x foreign key (a) references u (id) on delete set null);",
         "  create table t\n    column a integer\n    constraint <unnamed> unique (a)\n"
         "    constraint <unnamed> check (> a 1)\n"
         "    constraint fk_x foreign key (a) references u (id) on delete set null\n"},
        {"create table \"Odd \"\"Name\"\"\" (\"Mixed Case\" text);",
         "  create table \"Odd \"\"Name\"\"\"\n    column \"Mixed Case\" text\n"},
        {"create table t (primary_x integer, unique_y integer, \"check\" integer);",
         "  create table t\n    column primary_x integer\n    column unique_y integer\n    column \"check\" integer\n"},
    }));
    CAPTURE(c.source);
    CHECK(upgrade_dump(c.source) == c.dump);
}

TEST_CASE("every portable type", "[parse][types]") {
    auto c = GENERATE(values<Case>({
        {"smallint", "smallint"}, {"integer", "integer"}, {"int", "integer"}, {"bigint", "bigint"},
        {"numeric(12,4)", "numeric(12, 4)"}, {"decimal(8, 2)", "numeric(8, 2)"}, {"numeric", "numeric"},
        {"float", "float"}, {"double", "double"}, {"boolean", "boolean"},
        {"string(100)", "string(100)"}, {"varchar(5)", "string(5)"}, {"char(2)", "char(2)"},
        {"text", "text"}, {"date", "date"}, {"time", "time"}, {"time(3)", "time(3)"},
        {"datetime", "datetime"}, {"timestamp", "timestamp"}, {"timestamptz(6)", "timestamptz(6)"},
        {"json", "json"}, {"uuid", "uuid"}, {"binary", "binary"}, {"blob", "binary"},
        {"fee_status", "fee_status"}, {"Fee_Status", "fee_status"},
    }));
    CAPTURE(c.source);
    CHECK(upgrade_dump(std::string("create table t (c ") + c.source + ");") ==
          std::string("  create table t\n    column c ") + c.dump + "\n");
}

TEST_CASE("drop, rename and comment statements", "[parse][statements]") {
    auto c = GENERATE(values<Case>({
        {"drop table fees;", "  drop table fees\n"},
        {"drop table if exists fees;", "  drop table if exists fees\n"},
        {"alter table fees rename to charges;", "  rename table fees to charges\n"},
        {"comment on table fees is 'student fees';", "  comment on table fees is 'student fees'\n"},
        {"comment on column fees.amount is 'in EUR';", "  comment on column fees.amount is 'in EUR'\n"},
        {"comment on column fees . amount is null;", "  comment on column fees.amount is null\n"},
        {"comment on table fees is null;", "  comment on table fees is null\n"},
    }));
    CAPTURE(c.source);
    CHECK(upgrade_dump(c.source) == c.dump);
}

TEST_CASE("alter table actions, applied in order", "[parse][statements]") {
    const char* source =
        "alter table fees\n"
        "    add column description text,\n"
        "    add column paid boolean not null default false,\n"
        "    drop column note,\n"
        "    rename column status to state,\n"
        "    alter column amount type numeric(12, 2),\n"
        "    alter column state set not null,\n"
        "    alter column state drop not null,\n"
        "    alter column state set default 'pending',\n"
        "    alter column state drop default,\n"
        "    add constraint uq_fees_ref unique (ref),\n"
        "    add constraint ck_fees_amount check (amount >= 0),\n"
        "    add constraint fk_fees_student foreign key (student_id) references students (id),\n"
        "    add primary key (id),\n"
        "    drop constraint uq_fees_ref,\n"
        "    drop primary key,\n"
        "    drop foreign key (student_id, term),\n"
        "    drop unique (ref),\n"
        "    alter state set data type text;\n";
    CHECK(upgrade_dump(source) ==
          "  alter table fees\n"
          "    add column description text\n"
          "    add column paid boolean | not null | default false\n"
          "    drop column note\n"
          "    rename column status to state\n"
          "    alter column amount type numeric(12, 2)\n"
          "    alter column state set not null\n"
          "    alter column state drop not null\n"
          "    alter column state set default 'pending'\n"
          "    alter column state drop default\n"
          "    add constraint uq_fees_ref unique (ref)\n"
          "    add constraint ck_fees_amount check (>= amount 0)\n"
          "    add constraint fk_fees_student foreign key (student_id) references students (id)\n"
          "    add constraint <unnamed> primary key (id)\n"
          "    drop constraint uq_fees_ref\n"
          "    drop primary key\n"
          "    drop foreign key (student_id, term)\n"
          "    drop unique (ref)\n"
          "    alter column state type text\n");
}

TEST_CASE("indexes", "[parse][statements]") {
    auto c = GENERATE(values<Case>({
        {"create index ix_fees_status on fees (status);",
         "  create index ix_fees_status on fees (status)\n"},
        {"create unique index concurrently ix on fees (status, due_date desc) where status <> 'paid';",
         "  create unique index concurrently ix on fees (status, due_date desc) where (<> status 'paid')\n"},
        {"create index on fees (a asc, b);", "  create index <unnamed> on fees (a, b)\n"},
        {"drop index ix_fees_status;", "  drop index ix_fees_status\n"},
        {"drop index concurrently if exists ix;", "  drop index concurrently if exists ix\n"},
    }));
    CAPTURE(c.source);
    CHECK(upgrade_dump(c.source) == c.dump);
}

TEST_CASE("enumerated types", "[parse][statements]") {
    auto c = GENERATE(values<Case>({
        {"create type fee_status as enum ('pending', 'paid', 'overdue');",
         "  create type fee_status as enum ('pending', 'paid', 'overdue')\n"},
        {"alter type fee_status add value 'waived';", "  alter type fee_status add value 'waived'\n"},
        {"alter type fee_status add value 'late' before 'paid';",
         "  alter type fee_status add value 'late' before 'paid'\n"},
        {"alter type fee_status add value 'late' AFTER 'paid';",
         "  alter type fee_status add value 'late' after 'paid'\n"},
        {"alter type fee_status rename value 'overdue' to 'late';",
         "  alter type fee_status rename value 'overdue' to 'late'\n"},
        {"alter type fee_status drop value 'waived';", "  alter type fee_status drop value 'waived'\n"},
        {"drop type fee_status;", "  drop type fee_status\n"},
        {"drop type if exists fee_status;", "  drop type if exists fee_status\n"},
    }));
    CAPTURE(c.source);
    CHECK(upgrade_dump(c.source) == c.dump);
}

TEST_CASE("data statements and execute", "[parse][statements]") {
    auto c = GENERATE(values<Case>({
        {"insert into fees (id, student_id, amount, status) values\n"
         "    (1, 10, 99.50, 'pending'),\n    (2, 11, 0, e'it''s \\\\ odd\\n');",
         "  insert into fees (id, student_id, amount, status)\n"
         "    row 1 10 decimal:99.50 'pending'\n    row 2 11 0 'it''s \\\\ odd\\n'\n"},
        {"update fees set status = 'pending' where status = 'unpaid' or status is null;",
         "  update fees\n    set status = 'pending'\n    where (or (= status 'unpaid') (is-null status))\n"},
        {"update t set a = 1, b = b + 1;", "  update t\n    set a = 1\n    set b = (+ b 1)\n"},
        {"delete from fees where amount < 0;", "  delete from fees\n    where (< amount 0)\n"},
        {"delete from fees;", "  delete from fees\n"},
        {"execute $$UPDATE fees SET status = lower(status)$$;",
         "  execute 'UPDATE fees SET status = lower(status)'\n"},
        {"execute postgresql $$CREATE EXTENSION IF NOT EXISTS pgcrypto$$;",
         "  execute postgresql 'CREATE EXTENSION IF NOT EXISTS pgcrypto'\n"},
        {"execute mysql, sqlite $x$ a $$ b $x$;", "  execute sqlite,mysql ' a $$ b '\n"},
        {"execute 'select 1';", "  execute 'select 1'\n"},
    }));
    CAPTURE(c.source);
    CHECK(upgrade_dump(c.source) == c.dump);
}

TEST_CASE("only blocks flatten onto their statements, nested sets intersect", "[parse][statements]") {
    CHECK(upgrade_dump("only postgresql { drop table a; }\ndrop table b;") ==
          "  drop table a only=postgresql\n  drop table b\n");
    CHECK(upgrade_dump("only mysql, sqlite { drop table a; only sqlite, postgresql { drop table b; } }") ==
          "  drop table a only=sqlite,mysql\n  drop table b only=sqlite\n");
    CHECK(upgrade_dump("only postgresql { }") == "");
}

TEST_CASE("keywords are case-insensitive, identifiers fold unless quoted", "[parse][lexical]") {
    CHECK(upgrade_dump("CrEaTe TaBlE MyTable (MyCol INTEGER NOT NULL);") ==
          "  create table mytable\n    column mycol integer | not null\n");
    CHECK(upgrade_dump("create table \"MyTable\" (\"MyCol\" integer);") ==
          "  create table \"MyTable\"\n    column \"MyCol\" integer\n");
}

TEST_CASE("both comment forms are padding anywhere", "[parse][lexical]") {
    CHECK(upgrade_dump("drop /* inline */ table -- to the end\n fees /* a ; b */ ;") ==
          "  drop table fees\n");
}
