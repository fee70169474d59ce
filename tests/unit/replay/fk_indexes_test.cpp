// InnoDB's index behind each foreign key, as replay keeps it for MySQL
// (compiler/replay/fk_indexes.hpp). Each row replays statements with the
// MySQL options and lists the FkIndexes of one table afterwards:
// "name(cols)" made by InnoDB, "name(cols)+" added by retort's script. The
// rules were observed on MariaDB 10.11 (docs/mysql.md).
#include <catch2/catch.hpp>

#include "compiler/replay/fk_indexes.hpp"
#include "replay_fixture.hpp"

using namespace retort;
using retort::replay::test::Fixture;

namespace {

std::string listed(const schema::Table& t) {
    std::string out;
    for (const auto& ix : t.fk_indexes) {
        if (!out.empty()) out += " ";
        out += ix.name + "(";
        for (std::size_t i = 0; i < ix.columns.size(); ++i) out += (i ? "," : "") + ix.columns[i];
        out += ix.generated ? ")" : ")+";
    }
    return out;
}

const char* const tables =
    "create table s (id integer primary key, a integer not null, b integer not null, constraint uq_s_ab unique (a, b));\n"
    "create table c (id integer primary key, s_id integer not null, x integer, a integer, b integer);\n";

struct Row {
    const char* what;
    const char* statements;  // after `tables`
    const char* expected;    // the FkIndexes of c
};

const Row rows[] = {
    {"a named foreign key nothing serves: an index named after it",
     "alter table c add constraint fk_c foreign key (s_id) references s;", "fk_c(s_id)"},
    {"a column's references: named by the convention, so is its index",
     "alter table c add column t_id integer references s;", "fk_c_t_id_s(t_id)"},
    {"an index led by the columns serves: none made",
     "create index ix_c on c (s_id, x);\nalter table c add constraint fk_c foreign key (s_id) references s;", ""},
    {"an index with the columns second does not serve",
     "create index ix_c on c (x, s_id);\nalter table c add constraint fk_c foreign key (s_id) references s;",
     "fk_c(s_id)"},
    {"a covering index drops InnoDB's",
     "alter table c add constraint fk_c foreign key (s_id) references s;\ncreate index ix_c on c (s_id, x);", ""},
    {"a descending covering index too",
     "alter table c add constraint fk_c foreign key (s_id) references s;\ncreate index ix_c on c (s_id desc, x);", ""},
    {"a covering unique constraint too",
     "alter table c add constraint fk_c foreign key (s_id) references s;\n"
     "alter table c add constraint uq_c unique (s_id, x);",
     ""},
    {"dropping the foreign key keeps its index",
     "alter table c add constraint fk_c foreign key (s_id) references s;\nalter table c drop constraint fk_c;",
     "fk_c(s_id)"},
    {"a key added again takes the kept index over, under its own name",
     "alter table c add constraint fk_c foreign key (s_id) references s;\nalter table c drop constraint fk_c;\n"
     "alter table c add constraint fk_other foreign key (s_id) references s;",
     "fk_other(s_id)"},
    {"so does a second key on the same columns",
     "alter table c add constraint fk_1 foreign key (s_id) references s;\n"
     "alter table c add constraint fk_2 foreign key (s_id) references s;",
     "fk_2(s_id)"},
    {"but not retort's own index",
     "create index ix_c on c (s_id, x);\nalter table c add constraint fk_1 foreign key (s_id) references s;\n"
     "drop index ix_c;\nalter table c add constraint fk_2 foreign key (s_id) references s;",
     "fk_1(s_id)+"},
    {"nor one for a longer key",
     "alter table c add constraint fk_ab foreign key (a, b) references s (a, b);\n"
     "alter table c add constraint fk_a foreign key (a) references s (id);",
     "fk_ab(a,b)"},
    {"a kept index still goes when covered, with no foreign key left",
     "alter table c add constraint fk_c foreign key (s_id) references s;\nalter table c drop constraint fk_c;\n"
     "create index ix_c on c (s_id, x);",
     ""},
    {"dropping the last serving index: retort's script adds one named after the key",
     "create index ix_c on c (s_id, x);\nalter table c add constraint fk_c foreign key (s_id) references s;\n"
     "drop index ix_c;",
     "fk_c(s_id)+"},
    {"dropping the last serving unique constraint: the same",
     "alter table c add constraint uq_c unique (s_id, x);\n"
     "alter table c add constraint fk_c foreign key (s_id) references s;\nalter table c drop constraint uq_c;",
     "fk_c(s_id)+"},
    {"another serving index left: nothing added",
     "create index ix_c on c (s_id, x);\ncreate index ix_c2 on c (s_id);\n"
     "alter table c add constraint fk_c foreign key (s_id) references s;\ndrop index ix_c;",
     ""},
    {"retort's index goes when an index covers it again (issue 14, item 7)",
     "alter table c add constraint fk_c foreign key (s_id) references s;\ncreate index ix_c on c (s_id, x);\n"
     "drop index ix_c;\ncreate index ix_c on c (s_id, x);",
     ""},
    {"a key on (a, b) after one on (a): InnoDB's index for (a, b) covers the first",
     "alter table c add constraint fk_a foreign key (a) references s (id);\n"
     "alter table c add constraint fk_ab foreign key (a, b) references s (a, b);",
     "fk_ab(a,b)"},
    {"two keys on one column in one statement: one index, the last key's",
     "alter table c add constraint fk_1 foreign key (s_id) references s, add constraint fk_2 foreign key (s_id) "
     "references s;",
     "fk_2(s_id)"},
    {"a dropped column leaves a kept index",
     "alter table c add constraint fk_ab foreign key (a, b) references s (a, b);\n"
     "alter table c drop constraint fk_ab;\nalter table c drop column a;",
     "fk_ab(b)"},
    {"a renamed column is renamed in it",
     "alter table c add constraint fk_c foreign key (s_id) references s;\nalter table c drop constraint fk_c;\n"
     "alter table c rename column s_id to t_id;",
     "fk_c(t_id)"},
    {"dropping the table drops its indexes", "alter table c add constraint fk_c foreign key (s_id) references s;\n"
     "drop table c;\ncreate table c (id integer primary key);", ""},
};

}  // namespace

TEST_CASE("mysql: replay keeps InnoDB's index behind each foreign key", "[replay][fk_indexes]") {
    for (const Row& row : rows) {
        CAPTURE(row.what);
        Fixture f;
        f.add(std::string(tables) + row.statements);
        replay::Replayer r(f.diagnostics, replay::options_for(ast::DialectId::mysql));
        r.upgrade(*f.migrations.at(0), {});
        REQUIRE_FALSE(f.diagnostics.has_errors());
        CHECK(listed(*r.state().table("c")) == row.expected);
    }
}

TEST_CASE("mysql: a downgrade gives the key InnoDB's own index back", "[replay][fk_indexes]") {
    // On the way up the covering index replaced InnoDB's; its downgrade
    // re-creates the key (generated, named after it), and retort's stand-in
    // from an upgrade is dropped again by the downgrade that covers it.
    Fixture f;
    f.add(std::string(tables) + "alter table c add constraint fk_c foreign key (s_id) references s;", "auto");
    f.add("create index ix_c on c (s_id, x);", "auto");
    f.add("drop index ix_c;", "auto");
    replay::Replayer r(f.diagnostics, replay::options_for(ast::DialectId::mysql));
    for (const auto* m : f.order()) r.upgrade(*m, {});
    CHECK(listed(*r.state().table("c")) == "fk_c(s_id)+");
    r.downgrade(*f.migrations.at(2), {});
    CHECK(listed(*r.state().table("c")).empty());
    r.downgrade(*f.migrations.at(1), {});
    CHECK(listed(*r.state().table("c")) == "fk_c(s_id)");
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("other dialects keep no FkIndexes", "[replay][fk_indexes]") {
    for (auto d : {ast::DialectId::postgresql, ast::DialectId::sqlite}) {
        Fixture f;
        f.add(std::string(tables) + "alter table c add constraint fk_c foreign key (s_id) references s;");
        replay::Replayer r(f.diagnostics, replay::options_for(d));
        r.upgrade(*f.migrations.at(0), {});
        CHECK(r.state().table("c")->fk_indexes.empty());
    }
}

namespace {

schema::Table engine_named_table(std::vector<std::string> index_names) {
    schema::Table t;
    t.name = "c";
    for (const char* name : {"id", "pid", "q", "a", "b"}) t.columns.push_back({.name = name});
    for (auto& n : index_names) t.indexes.push_back({.name = n, .table = "c", .columns = {{"q"}}});
    return t;
}

schema::Constraint fk(std::string name, std::vector<std::string> columns, bool from_engine) {
    schema::Constraint c;
    c.name = std::move(name);
    c.kind = schema::ConstraintKind::foreign_key;
    c.columns = std::move(columns);
    c.ref_table = "p";
    c.ref_columns = {"id"};
    c.name_from_engine = from_engine;
    return c;
}

}  // namespace

TEST_CASE("a foreign key whose DDL has no name: InnoDB names its index after the first column",
          "[replay][fk_indexes]") {
    // As SHOW CREATE TABLE shows them on MariaDB 10.11: KEY `pid` (`pid`),
    // KEY `a` (`a`,`b`), and `pid_2` when an index `pid` exists already.
    struct Case {
        const char* what;
        std::vector<std::string> existing;
        schema::Constraint key;
        const char* expected;
    } cases[] = {
        {"one column", {}, fk("c_ibfk_1", {"pid"}, true), "pid(pid)"},
        {"two columns", {}, fk("c_ibfk_1", {"a", "b"}, true), "a(a,b)"},
        {"the name taken", {"pid"}, fk("c_ibfk_1", {"pid"}, true), "pid_2(pid)"},
        {"the name taken in another case", {"PID", "pid_2"}, fk("c_ibfk_1", {"pid"}, true), "pid_3(pid)"},
        {"a named key keeps its own name", {"pid"}, fk("fk_c", {"pid"}, false), "fk_c(pid)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.what);
        schema::Table t = engine_named_table(c.existing);
        t.constraints.push_back(c.key);
        replay::follow_fk_indexes(nullptr, t);
        CHECK(listed(t) == c.expected);
    }
}
