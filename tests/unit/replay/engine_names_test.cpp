// naming: engine — unnamed constraints take the engine's own names. The
// expected names were read back from the real engines (PostgreSQL 15's
// pg_constraint, MariaDB 10.11's SHOW CREATE TABLE) for the same statements;
// MySQL 8's check names follow its documentation (the suite runs MariaDB).
#include <catch2/catch.hpp>

#include "replay_fixture.hpp"

using namespace retort;
using retort::replay::test::Fixture;

namespace {

struct Case {
    ast::DialectId dialect;
    bool mariadb;
    std::vector<std::string> revisions;  // upgrade bodies, one revision each
    std::string names;                   // table: constraint names in model order; tables in creation order
};

std::string names_after(const Case& c, Fixture& f) {
    for (const auto& body : c.revisions) f.add(body);
    replay::Replayer r(f.diagnostics, replay::options_for(c.dialect, replay::Naming::engine, c.mariadb));
    for (const auto& m : f.migrations) r.upgrade(*m, {});
    std::string out;
    for (const auto& name : r.state().table_order) {
        const schema::Table* t = r.state().table(name);
        if (!t || t->constraints.empty()) continue;
        out += (out.empty() ? "" : "; ") + t->name + ":";
        for (const auto& k : t->constraints) {
            out += " " + k.name;
            CHECK(k.name_from_engine);
        }
    }
    return out;
}

const std::string long_table = "averyveryveryveryveryveryveryverylongtablenamethatgoesonandonan";  // 63 bytes
const std::string long_column = "averyveryveryveryveryveryveryverylongcolumnnamethatgoesonandon";

}  // namespace

TEST_CASE("naming: engine gives each unnamed constraint the engine's name", "[replay][naming]") {
    using D = ast::DialectId;
    auto c = GENERATE_REF(values<Case>({
        // PostgreSQL: labels pkey, key, fkey, check; a check on one column is
        // named after it; a clash anywhere in the schema appends a number.
        {D::postgresql, false,
         {"create table p (id integer primary key, code integer unique);",
          "create table t (id integer primary key, a integer unique, b integer, pid integer references p,"
          " code integer references p (code), unique (a, b), check (a > 0), check (a + b > 0), check (true),"
          " b2 integer check (b2 > 1), check (a > 1));",
          "alter table t add unique (a), add foreign key (pid) references p;",
          "create table t_a_key2 (x integer);",
          "alter table t add unique (a);"},
         "p: p_pkey p_code_key; t: t_pkey t_a_key t_b2_check t_a_b_key t_a_check t_check t_check1 t_a_check1"
         " t_pid_fkey t_code_fkey t_a_key1 t_pid_fkey1 t_a_key3"},
        // PostgreSQL cuts the longer part first to fit 63 bytes.
        {D::postgresql, false,
         {"create table " + long_table + " (" + long_column + " integer unique, check (" + long_column +
          " > 0), x integer, y integer, unique (x, y, " + long_column + "));"},
         long_table + ": averyveryveryveryveryveryvery_averyveryveryveryveryveryvery_key"
                      " averyveryveryveryveryveryver_averyveryveryveryveryveryver_check"
                      " averyveryveryveryveryveryvery_x_y_averyveryveryveryveryvery_key"},
        // MariaDB: PRIMARY; a unique key after its first column, _2, _3 when
        // taken; CONSTRAINT_<n> the smallest free; <table>_ibfk_<n> one more
        // than the highest.
        {D::mysql, true,
         {"create table p (id integer primary key, code integer unique);",
          "create table t (id integer not null autoincrement, a integer, b integer, pid integer, code integer,"
          " primary key (id), unique (a), unique (a, b), check (a > 0), check (a + b > 0),"
          " foreign key (pid) references p (id), foreign key (code) references p (code));",
          "alter table t add check (b > 0), add unique (a);",
          "alter table t drop constraint \"CONSTRAINT_2\";",
          "alter table t add check (b < 100), add foreign key (b) references p (id);",
          "alter table t drop constraint t_ibfk_1;",
          "alter table t add foreign key (pid) references p (id);"},
         "p: PRIMARY code; t: PRIMARY a a_2 CONSTRAINT_1 t_ibfk_2 CONSTRAINT_3 a_3 CONSTRAINT_2 t_ibfk_3 t_ibfk_4"},
        // MySQL 8: checks <table>_chk_<n>, one more than the highest.
        {D::mysql, false,
         {"create table t (a integer, b integer, check (a > 0), check (b > 0));",
          "alter table t drop constraint t_chk_1;", "alter table t add check (a < 9);"},
         "t: t_chk_2 t_chk_3"},
        // SQLite: no names; the model keeps the convention's.
        {D::sqlite, false,
         {"create table t (id integer primary key, a integer unique, check (a > 0));",
          "alter table t add unique (a);"},
         "t: pk_t uq_t_a ck_t_1 uq_t_a_2"},
    }));
    Fixture f;
    CHECK(names_after(c, f) == c.names);
    CHECK(f.render() == "");
}
