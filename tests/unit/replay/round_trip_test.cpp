// downgrade auto, the round-trip check of `retort check`, and the samples.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "replay_fixture.hpp"

using namespace retort;
using retort::replay::test::Fixture;

namespace {

std::string state_after(Fixture& f, bool downgrade_last) {
    replay::Replayer r(f.diagnostics, replay::Options{});
    for (const auto* m : f.order()) r.upgrade(*m, {});
    if (downgrade_last) r.downgrade(*f.migrations.back(), {});
    return replay::schema_to_mig(r.state());
}

const char* const setup = R"(
    create type mood as enum ('happy', 'sad');
    create table students (id integer primary key autoincrement, name string(100) not null, email text unique);
    create table tags (id integer primary key autoincrement, label text);
    create table fees (
        id integer primary key,
        student_id integer not null references students (id) on delete cascade,
        amount numeric(10, 2) not null default 0,
        status string(20) default 'pending',
        note text,
        check (amount >= 0)
    );
    create index ix_fees_status on fees (status) where status <> 'paid';
    comment on table fees is 'fees';
)";

// Each upgrade under `downgrade auto` must come back to the state before it.
const char* const invertible[] = {
    "create table t (id integer primary key, s mood default 'sad', constraint uq_t unique (s));",
    "drop table fees;",
    "alter table fees rename to charges;",
    "comment on table fees is 'other'; comment on column fees.note is 'n';",
    "alter table fees add column paid boolean not null default false, add column ref string(10) unique;",
    "alter table fees drop column note;",
    "alter table fees rename column status to state;",
    "alter table students rename column id to student_no;",
    "alter table fees alter column amount type numeric(12, 2), alter column note set not null, alter column status drop default, alter column amount set default 1;",
    "alter table fees alter column status set default 'x', alter column status drop not null;",
    "alter table fees add constraint ck_fees_note check (note <> ''), add constraint uq_fees_note unique (note);",
    "alter table fees drop constraint ck_fees_1;",
    "alter table students add column boss integer references students (id);",
    "alter table fees drop constraint fk_fees_student_id_students;",
    "create table k (a integer, b integer); alter table k add primary key (a, b);",
    "create unique index ix_fees_note on fees (note desc);",
    "drop index ix_fees_status;",
    "alter table tags alter column id drop autoincrement, drop constraint pk_tags;",
    "alter table tags alter column id drop autoincrement;",
    "create type colour as enum ('red');",
    "drop type mood;",
    "alter type mood add value 'meh';",
    "alter type mood rename value 'sad' to 'blue';",
    "alter type mood drop value 'sad';",
};

}  // namespace

TEST_CASE("downgrade auto restores the state before the upgrade", "[replay][auto]") {
    const char* body = GENERATE(from_range(std::begin(invertible), std::end(invertible)));
    INFO(body);
    Fixture f;
    REQUIRE(f.add(setup));
    std::string before = state_after(f, false);
    REQUIRE(f.add(body, "auto"));
    INFO(f.render());
    REQUIRE(f.diagnostics.error_count() == 0);
    std::string after_down = state_after(f, true);
    INFO(f.render());
    CHECK(f.diagnostics.error_count() == 0);
    CHECK(after_down == before);
    // And the check command agrees.
    Fixture g;
    g.add(setup);
    g.add(body, "auto");
    CHECK(replay::check_project(g.order(), g.diagnostics, replay::Options{}));
    INFO(g.render());
}

TEST_CASE("downgrade auto warns that drops do not restore data", "[replay][auto]") {
    Fixture f;
    f.add(setup);
    f.add("drop table fees; alter table students drop constraint uq_students_email, drop column email;", "auto");
    replay::Replayer r(f.diagnostics, replay::Options{});
    for (const auto* m : f.order()) r.upgrade(*m, {});
    std::string out = f.render();
    CHECK(out.find("warning: downgrade auto recreates table \"fees\" but not the rows it held") != std::string::npos);
    CHECK(out.find("warning: downgrade auto recreates column students.email but not the values it held") !=
          std::string::npos);
}

TEST_CASE("downgrade auto names what it cannot invert", "[replay][auto]") {
    const char* body = GENERATE("insert into students (name) values ('a');", "update students set name = 'b';",
                                "delete from students;", "execute $$VACUUM$$;");
    Fixture f;
    f.add(setup);
    f.add(std::string("create table z (a integer);\n") + body, "auto");
    replay::Replayer r(f.diagnostics, replay::Options{});
    for (const auto* m : f.order()) r.upgrade(*m, {});
    std::string out = f.render();
    INFO(out);
    CHECK(out.find("error: downgrade auto cannot invert `") != std::string::npos);
    CHECK(out.find("versions/r1.mig:5:1: error") != std::string::npos);
}

TEST_CASE("a revision without downgrade cannot be downgraded", "[replay]") {
    Fixture f;
    f.add("create table t (a integer);");
    replay::Replayer r(f.diagnostics, replay::Options{});
    r.upgrade(*f.migrations[0], {});
    r.downgrade(*f.migrations[0], {});
    CHECK(f.render().find("error: revision r0 has no downgrade, so it cannot be downgraded past") != std::string::npos);
}

TEST_CASE("check finds the difference of a broken downgrade", "[replay][check]") {
    struct Broken {
        const char* up;
        const char* down;
        const char* expected;
    };
    const Broken broken = GENERATE(
        Broken{"alter table fees add column extra text;", "comment on table fees is 'fees';",
               "error: downgrade of r1 leaves column fees.extra (text) that its upgrade added"},
        Broken{"alter table fees drop column note;", "alter table fees add column note string(5);",
               "error: downgrade of r1 leaves column fees.note as string(5); before its upgrade it was text"},
        Broken{"create table t (a integer);", "comment on table fees is 'fees';",
               "error: downgrade of r1 leaves table t that its upgrade added"},
        Broken{"drop index ix_fees_status;", "create index ix_fees_status on fees (status);",
               "error: downgrade of r1 leaves index ix_fees_status as on fees (status); before its upgrade it was on "
               "fees (status) where status <> 'paid'"},
        Broken{"alter type mood add value 'meh';", "comment on table fees is 'fees';",
               "error: downgrade of r1 leaves type mood with values ('happy', 'sad', 'meh'); before its upgrade it had "
               "('happy', 'sad')"},
        Broken{"comment on table fees is 'x';", "comment on table fees is null;",
               "error: downgrade of r1 leaves the comment of table fees as none; before its upgrade it was 'fees'"},
        Broken{"alter table fees drop constraint ck_fees_1;", "comment on table fees is 'fees';",
               "error: downgrade of r1 does not restore constraint ck_fees_1 (check (amount >= 0)) on table fees"});
    Fixture f;
    f.add(setup);
    f.add(broken.up, broken.down);
    f.add("create table later (id integer);", "drop table later;");
    CHECK_FALSE(replay::check_project(f.order(), f.diagnostics, replay::Options{}));
    std::string out = f.render();
    INFO(out);
    CHECK(out.find(broken.expected) != std::string::npos);
    CHECK(f.diagnostics.error_count() == 1);  // one difference each
}

TEST_CASE("check lists every difference of a downgrade, not only the first", "[replay][check]") {
    Fixture f;
    f.add("create table a (id integer);", "drop table a;");
    f.add("alter table a add column b integer; create table t (x integer); comment on table a is 'x';",
          "alter table a drop column b;");
    CHECK_FALSE(replay::check_project(f.order(), f.diagnostics, replay::Options{}));
    std::string out = f.render();
    INFO(out);
    CHECK(out.find("downgrade of r1 leaves table t that its upgrade added") != std::string::npos);
    CHECK(out.find("downgrade of r1 leaves the comment of table a as 'x'; before its upgrade it was none") !=
          std::string::npos);
    CHECK(f.diagnostics.error_count() == 2);
}

TEST_CASE("check keeps going after a round-trip difference with the upgraded state", "[replay][check]") {
    Fixture f;
    f.add("create table a (id integer);", "drop table a;");
    f.add("alter table a add column b integer;", "");  // no downgrade: not checked
    f.add("alter table a add column c integer;", "alter table a drop column b;");  // wrong column
    f.add("alter table a add column d integer;", "alter table a drop column d;");
    CHECK_FALSE(replay::check_project(f.order(), f.diagnostics, replay::Options{}));
    std::string out = f.render();
    INFO(out);
    CHECK(out.find("downgrade of r2 leaves column a.c (integer) that its upgrade added") != std::string::npos);
    CHECK(out.find("r3") == std::string::npos);
}

namespace {
std::vector<std::string> sample_files(const std::string& sample) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(std::string(RETORT_SOURCE_DIR) + "/samples/" + sample + "/versions"))
        if (e.path().extension() == ".mig") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());  // the school sample is linear, file names are in order
    return files;
}
std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
}  // namespace

TEST_CASE("samples/school passes check", "[replay][check][samples]") {
    Fixture f;
    for (const auto& file : sample_files("school")) REQUIRE(f.add_file(file, slurp(file)));
    bool ok = replay::check_project(f.order(), f.diagnostics, replay::Options{});
    INFO(f.render());
    CHECK(ok);
}

TEST_CASE("on samples/school downgrade auto gives the states of the hand-written downgrades", "[replay][auto][samples]") {
    Fixture f;
    for (const auto& file : sample_files("school")) REQUIRE(f.add_file(file, slurp(file)));
    std::size_t compared = 0;
    for (std::size_t i = 0; i < f.migrations.size(); ++i) {
        if (f.migrations[i]->downgrade_kind != ast::DowngradeKind::block) continue;
        bool data = false;
        for (const auto& s : f.migrations[i]->upgrade)
            if (std::holds_alternative<ast::Insert>(s.node) || std::holds_alternative<ast::Update>(s.node)) data = true;
        if (data) continue;
        ast::Migration as_auto = *f.migrations[i];
        as_auto.downgrade_kind = ast::DowngradeKind::auto_;
        as_auto.downgrade.clear();
        std::string by_hand, derived;
        for (int pass = 0; pass < 2; ++pass) {
            replay::Replayer r(f.diagnostics, replay::Options{});
            for (std::size_t k = 0; k < i; ++k) r.upgrade(*f.migrations[k], {});
            const ast::Migration& m = pass == 0 ? *f.migrations[i] : as_auto;
            r.upgrade(m, {});
            r.downgrade(m, {});
            (pass == 0 ? by_hand : derived) = replay::schema_to_mig(r.state());
        }
        INFO(f.migrations[i]->header.revision->text);
        CHECK(derived == by_hand);
        ++compared;
    }
    CHECK(compared >= 5);
    CHECK(f.diagnostics.error_count() == 0);
}

TEST_CASE("check over 10,000 revisions is fast", "[replay][check][speed]") {
    Fixture f;
    for (int i = 0; i < 10000; ++i) {
        std::string n = std::to_string(i);
        if (i % 2 == 0)
            f.add("create table t" + n + " (id integer primary key, v string(10) not null default 'x');\n"
                  "create index ix_t" + n + " on t" + n + " (v);\n"
                  "insert into t" + n + " (id, v) values (1, 'a');",
                  "drop table t" + n + ";");
        else
            f.add("alter table t" + std::to_string(i - 1) + " add column c integer references t0 (id);", "auto");
    }
    REQUIRE(f.diagnostics.error_count() == 0);
    // Correctness at scale only: speed is measured in bench/, never in a timed test.
    bool ok = replay::check_project(f.order(), f.diagnostics, replay::Options{});
    INFO(f.render());
    CHECK(ok);
}
