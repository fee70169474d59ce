// Plans: which migrations run, in which order, with which version-table
// statements (Alembic's HeadMaintainer rules).
#include <catch2/catch.hpp>

#include "graph_builder.hpp"

using namespace retort;
using namespace retort::graph;
using test::GraphFixture;
using test::Spec;

namespace {

// a - b - c - e - f      x - y
//      \- d -/
void diamond(GraphFixture& f) {
    f.add_all({{"aaaa01", {}},
               {"bbbb02", {"aaaa01"}},
               {"cccc03", {"bbbb02"}, {"left"}},
               {"dddd04", {"bbbb02"}, {"right"}},
               {"eeee05", {"cccc03", "dddd04"}},
               {"ffff06", {"eeee05"}},
               {"xxxx06", {}, {"side"}},
               {"yyyy07", {"xxxx06"}}});
}

}  // namespace

TEST_CASE("plan: upgrade through a branch and a merge") {
    GraphFixture f;
    diamond(f);
    CHECK(f.plan("ffff06") ==
          "start base\n"
          "create-version-table\n"
          "upgrade aaaa01: insert aaaa01\n"
          "upgrade bbbb02: update aaaa01 bbbb02\n"
          "upgrade cccc03: update bbbb02 cccc03\n"
          "upgrade dddd04: insert dddd04\n"
          "upgrade eeee05: delete dddd04, update cccc03 eeee05\n"
          "upgrade ffff06: update eeee05 ffff06\n"
          "rows ffff06\n");
}

TEST_CASE("plan: downgrade through a merge and a branch point to base") {
    GraphFixture f;
    diamond(f);
    CHECK(f.plan("ffff06:base", true) ==
          "start ffff06\n"
          "downgrade ffff06: update ffff06 eeee05\n"
          "downgrade eeee05: update eeee05 cccc03, insert dddd04\n"
          "downgrade dddd04: delete dddd04\n"
          "downgrade cccc03: update cccc03 bbbb02\n"
          "downgrade bbbb02: update bbbb02 aaaa01\n"
          "downgrade aaaa01: delete aaaa01\n"
          "rows (none)\n");
}

TEST_CASE("plan: several heads, offline, in both directions") {
    GraphFixture f;
    diamond(f);
    CHECK(f.plan("heads:base", true) ==
          "start ffff06 yyyy07\n"
          "downgrade yyyy07: update yyyy07 xxxx06\n"
          "downgrade xxxx06: delete xxxx06\n"
          "downgrade ffff06: update ffff06 eeee05\n"
          "downgrade eeee05: update eeee05 cccc03, insert dddd04\n"
          "downgrade dddd04: delete dddd04\n"
          "downgrade cccc03: update cccc03 bbbb02\n"
          "downgrade bbbb02: update bbbb02 aaaa01\n"
          "downgrade aaaa01: delete aaaa01\n"
          "rows (none)\n");
    CHECK(f.plan("bbbb02:heads") ==
          "start bbbb02\n"
          "upgrade cccc03: update bbbb02 cccc03\n"
          "upgrade dddd04: insert dddd04\n"
          "upgrade eeee05: delete dddd04, update cccc03 eeee05\n"
          "upgrade ffff06: update eeee05 ffff06\n"
          "upgrade xxxx06: insert xxxx06\n"
          "upgrade yyyy07: update xxxx06 yyyy07\n"
          "rows ffff06 yyyy07\n");
}

TEST_CASE("plan: downgrade to a branch point undoes both branches") {
    GraphFixture f;
    diamond(f);
    CHECK(f.plan("eeee05:bbbb02", true) ==
          "start eeee05\n"
          "downgrade eeee05: update eeee05 cccc03, insert dddd04\n"
          "downgrade dddd04: delete dddd04\n"
          "downgrade cccc03: update cccc03 bbbb02\n"
          "rows bbbb02\n");
}

TEST_CASE("plan: an unmerge stops at the branch the target keeps") {
    GraphFixture f;
    diamond(f);
    CHECK(f.plan("eeee05:cccc03", true) ==
          "start eeee05\n"
          "downgrade eeee05: update eeee05 cccc03, insert dddd04\n"
          "rows cccc03 dddd04\n");
}

TEST_CASE("plan: depends_on joins the version rows like a merge") {
    GraphFixture f;
    diamond(f);
    f.add({"zzzz09", {"cccc03"}, {}, {"yyyy07"}});
    CHECK(f.plan("base:zzzz09") ==
          "start base\n"
          "create-version-table\n"
          "upgrade aaaa01: insert aaaa01\n"
          "upgrade bbbb02: update aaaa01 bbbb02\n"
          "upgrade cccc03: update bbbb02 cccc03\n"
          "upgrade xxxx06: insert xxxx06\n"
          "upgrade yyyy07: update xxxx06 yyyy07\n"
          "upgrade zzzz09: delete yyyy07, update cccc03 zzzz09\n"
          "rows zzzz09\n");
    // Downgrading the dependency takes its dependent with it.
    CHECK(f.plan("zzzz09:xxxx06", true) ==
          "start zzzz09\n"
          "downgrade zzzz09: update zzzz09 cccc03, insert yyyy07\n"
          "downgrade yyyy07: update yyyy07 xxxx06\n"
          "rows cccc03 xxxx06\n");
}

TEST_CASE("plan: relative and labelled targets") {
    GraphFixture f;
    diamond(f);
    struct Case {
        std::string range;
        bool down;
        std::string last_line_before_rows;
    };
    auto c = GENERATE(Case{"aaaa01:+1", false, "upgrade bbbb02: update aaaa01 bbbb02"},
                      Case{"aaaa01+1", false, "upgrade bbbb02: update aaaa01 bbbb02"},
                      Case{"bbbb02:right@+1", false, "upgrade dddd04: update bbbb02 dddd04"},
                      Case{"side@head", false, "upgrade yyyy07: update xxxx06 yyyy07"},
                      Case{"yyyy07:-1", true, "downgrade yyyy07: update yyyy07 xxxx06"},
                      Case{"yyyy07:side@base", true, "downgrade xxxx06: delete xxxx06"},
                      Case{"heads:side@base", true, "downgrade xxxx06: delete xxxx06"},
                      Case{"ffff06:ffff06-1", true, "downgrade ffff06: update ffff06 eeee05"},
                      Case{"ffff:eeee", true, "downgrade ffff06: update ffff06 eeee05"},
                      Case{"base:yyyy07-1", false, "upgrade xxxx06: insert xxxx06"});
    std::string text = f.plan(c.range, c.down);
    INFO(c.range << "\n" << text);
    auto rows = text.rfind("rows");
    REQUIRE(rows != std::string::npos);
    auto prev = text.rfind('\n', rows - 2);
    std::string last = text.substr(prev == std::string::npos ? 0 : prev + 1, rows - 1 - (prev == std::string::npos ? 0 : prev + 1));
    CHECK(last == c.last_line_before_rows);
}

TEST_CASE("plan: bad revisions are refused with the candidates") {
    GraphFixture f;
    diamond(f);
    f.add({"cccc99", {"cccc03"}});
    struct Case {
        std::string range;
        bool down;
        std::string message;
    };
    auto c = GENERATE(
        Case{"head", false, "retort: error: 'head' is ambiguous: there are 3 heads: cccc99, ffff06, yyyy07"},
        Case{"cccc", false, "'cccc' is ambiguous; it starts 2 revisions: cccc03, cccc99"},
        Case{"ccc", false, "a revision prefix needs at least 4 characters"},
        Case{"nosuch@head", false, "no branch label or revision 'nosuch'"},
        Case{"qqqq77", false, "no revision or branch label 'qqqq77'"},
        Case{"a:b:c", false, "'a:b:c' is not a range"},
        Case{"bbbb02:+1", false, "the branch splits after bbbb02 into cccc03, dddd04"},
        Case{"eeee05:-1", true, "eeee05 merges cccc03, dddd04"},
        Case{"ffff06:ffff06-2", true, "eeee05 merges cccc03, dddd04"},
        Case{"heads:-1", true, "START has 3 revisions: cccc99, ffff06, yyyy07"},
        Case{"yyyy07:-3", true, "walks past the base"},
        Case{"yyyy07+1", false, "walks past the heads"},
        Case{"base", true, "has no START"},
        Case{"aaaa01:+0x", false, "is not a revision"},
        Case{"aaaa01:-1", false, "goes down; use downgrade"},
        Case{"aaaa01:+1", true, "goes up; use upgrade"},
        Case{"yyyy07:cccc03", true, "nothing to downgrade: cccc03 is not below START (yyyy07)"},
        Case{"side@cccc03", false, "revision cccc03 is not on branch 'side'"},
        Case{"-1:heads", false, "it cannot be the start itself"},
        Case{"ffff06:heads", true, "a downgrade goes to one revision"});
    std::string text = f.plan(c.range, c.down);
    INFO(text);
    CHECK(text.find(c.message) != std::string::npos);
    CHECK(text.find("rows") == std::string::npos);
}

TEST_CASE("plan: a revision without a downgrade blocks a downgrade past it") {
    GraphFixture f;
    f.add_all({{"aaaa01", {}}, {"bbbb02", {"aaaa01"}, {}, {}, false}, {"cccc03", {"bbbb02"}}});
    CHECK(f.plan("cccc03:bbbb02", true).find("downgrade cccc03") != std::string::npos);
    std::string text = f.plan("cccc03:base", true);
    CHECK(text.find("versions/bbbb02.mig:1:1: error: revision bbbb02 has no downgrade") != std::string::npos);
}

TEST_CASE("plan: stamp moves the version rows in one step, as Alembic's stamp") {
    GraphFixture f;
    diamond(f);
    f.build();
    auto text = [&](std::string_view range) {
        auto plan = plan_stamp(*f.graph, range, f.diagnostics);
        return plan ? format_plan(*plan) : std::string("refused");
    };
    // Alembic 1.8's offline `stamp` output for the same graph and ranges.
    CHECK(text("base:ffff06") == "start base\ncreate-version-table\nstamp-upgrade ffff06: insert ffff06\nrows ffff06\n");
    CHECK(text("bbbb02:eeee05") == "start bbbb02\nstamp-upgrade eeee05: update bbbb02 eeee05\nrows eeee05\n");
    CHECK(text("ffff06:cccc03") == "start ffff06\nstamp-downgrade cccc03: update ffff06 cccc03\nrows cccc03\n");
    // No row shares a lineage with END: a new branch beside the START row.
    CHECK(text("cccc03:yyyy07") == "start cccc03\nstamp-upgrade yyyy07: insert yyyy07\nrows cccc03 yyyy07\n");
    CHECK(text("cccc03:dddd04") == "start cccc03\nstamp-upgrade dddd04: insert dddd04\nrows cccc03 dddd04\n");
    CHECK(text("heads:base") ==
          "start ffff06 yyyy07\nstamp-downgrade ffff06: delete ffff06\nstamp-downgrade yyyy07: delete yyyy07\nrows (none)\n");
    CHECK(text("heads:side@base") == "start ffff06 yyyy07\nstamp-downgrade yyyy07: delete yyyy07\nrows ffff06\n");
    CHECK(text("heads:aaaa01") == "start ffff06 yyyy07\nstamp-downgrade aaaa01: update ffff06 aaaa01\nrows aaaa01 yyyy07\n");
}

TEST_CASE("plan: an unmerge restores every parent no other row implies, as Alembic's HeadMaintainer") {
    // m merges d and l; d descends from l through a depends_on. Only the
    // *other* rows imply a parent: Alembic 1.8 restores both d and l (its
    // offline output for this graph: insert dddd05, update mmmm06 llll02), and
    // cccc04 then moves to bbbb03 beside llll02.
    GraphFixture f;
    f.add_all({{"aaaa01", {}},
               {"llll02", {"aaaa01"}, {"lab"}},
               {"bbbb03", {"aaaa01"}},
               {"cccc04", {"bbbb03"}, {}, {"lab"}},
               {"dddd05", {"cccc04"}},
               {"mmmm06", {"dddd05", "llll02"}}});
    CHECK(f.plan("mmmm06:bbbb03", true) ==
          "start mmmm06\n"
          "downgrade mmmm06: update mmmm06 dddd05, insert llll02\n"
          "downgrade dddd05: update dddd05 cccc04\n"
          "downgrade cccc04: update cccc04 bbbb03\n"
          "rows bbbb03 llll02\n");
    // The other way up, cccc04 (down bbbb03, depends_on lab) is the merge of
    // the two rows (Alembic: delete bbbb03, update llll02 cccc04; same rows).
    CHECK(f.plan("bbbb03:mmmm06") ==
          "start bbbb03\n"
          "upgrade llll02: insert llll02\n"
          "upgrade cccc04: delete llll02, update bbbb03 cccc04\n"
          "upgrade dddd05: update cccc04 dddd05\n"
          "upgrade mmmm06: update dddd05 mmmm06\n"
          "rows mmmm06\n");
}

TEST_CASE("plan: odd revision text is refused, never a crash") {
    GraphFixture f;
    diamond(f);
    auto spec = GENERATE(as<std::string>{}, "@", "@head", "left@", "+", "-", "::", ":", "aaaa01:", ":aaaa01",
                         "+99999999999", "heads+1", "base-1", "left@@head", "a b", "aaaa01@-1@", "yyyy07+1+1",
                         "nosuch-1", "heads@head", "left@nosuch", "\xff\xfe", "x:y:z:w");
    for (bool down : {false, true}) {
        std::string text = f.plan(spec, down);
        INFO(spec << (down ? " (downgrade)" : " (upgrade)") << "\n" << text);
        CHECK(text.find("retort: error: ") == 0);
    }
}

TEST_CASE("plan: relative steps from base and from a root") {
    GraphFixture f;
    diamond(f);
    // Two roots: a step up from base is ambiguous.
    CHECK(f.plan("base:+1").find("there are several bases") != std::string::npos);
    CHECK(f.plan("base:side@+1") == "start base\ncreate-version-table\nupgrade xxxx06: insert xxxx06\nrows xxxx06\n");
    // One step below a root is base: nothing to upgrade.
    CHECK(f.plan("base:xxxx06-1") == "start base\ncreate-version-table\nrows (none)\n");
    CHECK(f.plan("yyyy07:yyyy07-2", true) ==
          "start yyyy07\ndowngrade yyyy07: update yyyy07 xxxx06\ndowngrade xxxx06: delete xxxx06\nrows (none)\n");
}
