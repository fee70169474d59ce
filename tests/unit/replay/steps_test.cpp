// The plan steps replay hands the back ends: one per statement, every field filled.
#include <catch2/catch.hpp>

#include "replay_fixture.hpp"

using namespace retort;
using retort::replay::test::Fixture;

namespace {
std::vector<plan::Step> steps_of(Fixture& f, bool downgrade_last = false) {
    std::vector<plan::Step> steps;
    replay::Replayer r(f.diagnostics, replay::Options{});
    for (std::size_t i = 0; i < f.migrations.size(); ++i) {
        bool last = i + 1 == f.migrations.size();
        replay::StepSink sink;
        if (last) sink = [&](const plan::Step& s, const schema::Schema&) { steps.push_back(s); };
        r.upgrade(*f.migrations[i], downgrade_last ? replay::StepSink{} : sink);
        if (last && downgrade_last) r.downgrade(*f.migrations[i], sink);
    }
    return steps;
}
}  // namespace

TEST_CASE("create table names its constraints by the convention", "[replay][steps]") {
    Fixture f;
    f.add("create table students (id integer primary key);");
    f.add("create table fees (id integer primary key autoincrement, student_id integer not null references students, "
          "code string(5) unique, amount integer check (amount > 0), check (id > 0), check (code <> ''), "
          "unique (student_id, code));");
    auto steps = steps_of(f);
    REQUIRE(steps.size() == 1);
    const auto& t = *std::get<plan::CreateTable>(steps[0].node).table;
    std::vector<std::string> names;
    for (const auto& c : t.constraints) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"pk_fees", "uq_fees_code", "ck_fees_amount", "ck_fees_1", "ck_fees_2",
                                            "uq_fees_student_id_code", "fk_fees_student_id_students"});
    const auto* fk = t.constraint("fk_fees_student_id_students");
    CHECK(fk->ref_columns == std::vector<std::string>{"id"});  // filled from the target's primary key
    CHECK(t.column("id")->autoincrement);
    CHECK_FALSE(t.column("id")->nullable);
    CHECK(f.diagnostics.error_count() == 0);
}

TEST_CASE("an alter table is one step with its actions and full before/after", "[replay][steps]") {
    Fixture f;
    f.add("create table fees (id integer primary key, amount numeric(10, 2), note text);");
    f.add("alter table fees alter column amount type numeric(12, 2), alter column amount set not null, "
          "add column paid boolean not null default false, drop column note, rename column amount to total;");
    auto steps = steps_of(f);
    REQUIRE(steps.size() == 1);
    const auto& alter = std::get<plan::AlterTable>(steps[0].node);
    REQUIRE(alter.actions.size() == 5);
    const auto& type_change = std::get<plan::AlterColumn>(alter.actions[0].node);
    CHECK(sql::to_mig(type_change.from.type) == "numeric(10, 2)");
    CHECK(sql::to_mig(type_change.to.type) == "numeric(12, 2)");
    const auto& not_null = std::get<plan::AlterColumn>(alter.actions[1].node);
    CHECK(not_null.from.nullable);
    CHECK_FALSE(not_null.to.nullable);
    CHECK(sql::to_mig(not_null.to.type) == "numeric(12, 2)");  // the whole column
    CHECK(std::get<plan::DropColumn>(alter.actions[3].node).column.name == "note");
    CHECK(std::get<plan::RenameColumn>(alter.actions[4].node).to.name == "total");
    CHECK(alter.before->column("note"));
    CHECK(alter.before->column("amount"));
    CHECK_FALSE(alter.after->column("note"));
    CHECK(alter.after->column("total"));
}

TEST_CASE("steps share their tables with the state instead of copying them", "[replay][steps]") {
    Fixture f;
    f.add("create table t (id integer primary key, v integer);"
          "alter table t add column w integer;"
          "insert into t (id, v) values (1, 2);"
          "update t set v = 3;"
          "delete from t;"
          "create index on t (v);");
    std::vector<plan::Step> steps;
    std::vector<schema::TableRef> in_state;  // the state's table after each step
    replay::Replayer r(f.diagnostics, replay::Options{});
    r.upgrade(*f.migrations[0], [&](const plan::Step& s, const schema::Schema& after) {
        steps.push_back(s);
        in_state.push_back(after.table_ref("t"));
    });
    REQUIRE(steps.size() == 6);
    const auto& created = std::get<plan::CreateTable>(steps[0].node).table;
    const auto& alter = std::get<plan::AlterTable>(steps[1].node);
    CHECK(created == in_state[0]);
    CHECK(alter.before == created);  // the old table itself
    CHECK(alter.after == in_state[1]);
    CHECK(alter.after != alter.before);
    CHECK_FALSE(alter.before->column("w"));  // published tables do not change
    // A data step holds the state's table as it is when the step is made,
    // not a copy; after it the state knows more of the rows (rows.cpp), in a
    // new table.
    CHECK(std::get<plan::Insert>(steps[2].node).table == alter.after);
    CHECK(in_state[2] == alter.after);
    CHECK(std::get<plan::Update>(steps[3].node).table == in_state[3]);
    CHECK(in_state[3] != alter.after);
    CHECK(in_state[3]->rows == schema::RowState::some);
    CHECK(std::get<plan::Delete>(steps[4].node).table == in_state[4]);
    CHECK(in_state[5]->rows == schema::RowState::none);
    const auto& ci = std::get<plan::CreateIndex>(steps[5].node);
    CHECK(ci.table == in_state[5]);
    CHECK(ci.table->indexes.size() == 1);
    CHECK(alter.after->indexes.empty());
}

TEST_CASE("index, drop table and enum steps carry their context", "[replay][steps]") {
    Fixture f;
    f.add("create type st as enum ('a', 'b'); create table t (id integer primary key, s st);"
          "create table u (s st);");
    f.add("create index on t (s); alter type st add value 'c'; drop table t;");
    auto steps = steps_of(f);
    REQUIRE(steps.size() == 3);
    const auto& ci = std::get<plan::CreateIndex>(steps[0].node);
    CHECK(ci.index.name == "ix_t_s");
    REQUIRE(ci.table->indexes.size() == 1);  // the table after
    const auto& add = std::get<plan::AddEnumValue>(steps[1].node);
    CHECK(add.after.values == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(add.users.size() == 2);
    CHECK(add.users[0]->name == "t");
    CHECK(add.users[1]->name == "u");
    const auto& drop = std::get<plan::DropTable>(steps[2].node);
    CHECK(drop.table->indexes.size() == 1);  // with its indexes
}

TEST_CASE("downgrade auto steps are the inverse, newest first", "[replay][steps][auto]") {
    Fixture f;
    f.add("create table t (id integer primary key, note text); create index ix_t_note on t (note);");
    f.add("drop index ix_t_note; alter table t drop column note, add column extra integer; create table z (a integer);",
          "auto");
    auto steps = steps_of(f, true);
    REQUIRE(steps.size() == 3);
    CHECK(std::get<plan::DropTable>(steps[0].node).table->name == "z");
    const auto& alter = std::get<plan::AlterTable>(steps[1].node);
    REQUIRE(alter.actions.size() == 2);
    CHECK(std::get<plan::DropColumn>(alter.actions[0].node).column.name == "extra");
    CHECK(std::get<plan::AddColumn>(alter.actions[1].node).column.name == "note");
    CHECK(std::get<plan::CreateIndex>(steps[2].node).index.name == "ix_t_note");
}

TEST_CASE("renames follow into foreign keys, indexes and checks", "[replay][steps]") {
    Fixture f;
    f.add("create table a (id integer primary key, v integer check (v > 0)); create index ix_a_v on a (v) where v > 1;"
          "create table b (a_id integer references a (id));");
    f.add("alter table a rename column id to a_no, rename column v to w; alter table a rename to aa;");
    replay::Replayer r(f.diagnostics, replay::Options{});
    for (const auto* m : f.order()) r.upgrade(*m, {});
    CHECK(f.diagnostics.error_count() == 0);
    const auto* b = r.state().table("b");
    CHECK(b->constraint("fk_b_a_id_a")->ref_table == "aa");
    CHECK(b->constraint("fk_b_a_id_a")->ref_columns == std::vector<std::string>{"a_no"});
    const auto* aa = r.state().table("aa");
    CHECK(sql::to_mig(*aa->constraint("ck_a_v")->check) == "w > 0");
    CHECK(aa->index("ix_a_v")->columns[0].column == "w");
    CHECK(sql::to_mig(*aa->index("ix_a_v")->where) == "w > 1");
    CHECK(r.state().index_owner.at("ix_a_v") == "aa");
    CHECK(r.state().table_order == std::vector<std::string>{"aa", "b"});
}

TEST_CASE("the schema prints in .mig syntax, types then tables then foreign keys", "[replay][schema]") {
    Fixture f;
    f.add("create type st as enum ('a', 'it''s');"
          "create table b (id integer primary key autoincrement, a_id integer not null references a (id), s st default 'a');"
          "create table a (id integer primary key, \"Name\" string(10) comment 'the name');"
          "comment on table a is 'A';");
    // b references a before a exists: an error; build in the right order instead.
    Fixture g;
    g.add("create type st as enum ('a', 'it''s');"
          "create table a (id integer primary key, \"Name\" string(10) comment 'the name');"
          "create table b (id integer primary key autoincrement, a_id integer not null references a (id) on delete cascade,"
          " s st default 'a');"
          "create unique index on b (s desc) where s <> 'a';"
          "comment on table a is 'A';");
    replay::Replayer r(g.diagnostics, replay::Options{});
    for (const auto* m : g.order()) r.upgrade(*m, {});
    CHECK(g.render().empty());
    CHECK(replay::schema_to_mig(r.state()) ==
          "create type st as enum ('a', 'it''s');\n"
          "\n"
          "create table a (\n"
          "    id integer not null,\n"
          "    \"Name\" string(10) comment 'the name',\n"
          "    constraint pk_a primary key (id)\n"
          ");\n"
          "comment on table a is 'A';\n"
          "\n"
          "create table b (\n"
          "    id integer not null autoincrement,\n"
          "    a_id integer not null,\n"
          "    s st default 'a',\n"
          "    constraint pk_b primary key (id)\n"
          ");\n"
          "create unique index ix_b_s on b (s desc) where s <> 'a';\n"
          "\n"
          "alter table b add constraint fk_b_a_id_a foreign key (a_id) references a (id) on delete cascade;\n");
    // The dump is itself a migration that rebuilds the same state.
    Fixture h;
    h.add(replay::schema_to_mig(r.state()));
    replay::Replayer again(h.diagnostics, replay::Options{});
    again.upgrade(*h.migrations[0], {});
    CHECK(h.render().empty());
    CHECK(replay::schema_to_mig(again.state()) == replay::schema_to_mig(r.state()));
}
