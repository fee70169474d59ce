// The revision graph: structure queries and every graph diagnostic.
#include <catch2/catch.hpp>

#include "graph_builder.hpp"

using namespace retort;
using namespace retort::graph;
using test::GraphFixture;
using test::Spec;

namespace {

std::vector<std::string> ids(const std::vector<const Revision*>& revs) {
    std::vector<std::string> out;
    for (const Revision* r : revs) out.push_back(r->id);
    return out;
}

// a - b - c - e      x - y
//      \- d -/
void diamond(GraphFixture& f) {
    f.add_all({{"aaaa01", {}},
               {"bbbb02", {"aaaa01"}},
               {"cccc03", {"bbbb02"}, {"left"}},
               {"dddd04", {"bbbb02"}},
               {"eeee05", {"cccc03", "dddd04"}},
               {"xxxx06", {}, {"side"}},
               {"yyyy07", {"xxxx06"}}});
}

}  // namespace

TEST_CASE("graph: heads, bases, branch points and merges") {
    GraphFixture f;
    diamond(f);
    const RevisionGraph& g = f.build();
    REQUIRE(f.errors().empty());
    CHECK(ids(g.heads()) == std::vector<std::string>{"eeee05", "yyyy07"});
    CHECK(ids(g.bases()) == std::vector<std::string>{"aaaa01", "xxxx06"});
    CHECK(ids(g.branch_points()) == std::vector<std::string>{"bbbb02"});
    CHECK(g.find("eeee05")->is_merge());
    CHECK(g.find("eeee05")->down_revisions == std::vector<std::string>{"cccc03", "dddd04"});
    CHECK(g.find_label("left")->id == "cccc03");
    CHECK(g.find("zzzz") == nullptr);
}

TEST_CASE("graph: topological order puts parents first and keeps branches together") {
    GraphFixture f;
    diamond(f);
    const RevisionGraph& g = f.build();
    CHECK(ids(g.topological_order()) ==
          std::vector<std::string>{"aaaa01", "bbbb02", "cccc03", "dddd04", "eeee05", "xxxx06", "yyyy07"});
    CHECK(ids(g.ancestors_in_order({g.find("dddd04")})) == std::vector<std::string>{"aaaa01", "bbbb02", "dddd04"});
}

TEST_CASE("graph: the order does not depend on the order files were read in") {
    GraphFixture forward, backward;
    std::vector<Spec> specs = {{"aaaa01", {}},           {"bbbb02", {"aaaa01"}}, {"cccc03", {"bbbb02"}},
                               {"dddd04", {"bbbb02"}},   {"eeee05", {"cccc03", "dddd04"}},
                               {"ffff06", {"eeee05"}, {}, {"xxxx07"}}, {"xxxx07", {}}};
    forward.add_all(specs);
    std::reverse(specs.begin(), specs.end());
    backward.add_all(specs);
    CHECK(ids(forward.build().topological_order()) == ids(backward.build().topological_order()));
    CHECK(forward.plan("base:heads") == backward.plan("base:heads"));
    CHECK(forward.plan("heads:base", true) == backward.plan("heads:base", true));
}

TEST_CASE("graph: depends_on on a label, label@head and ids") {
    GraphFixture f;
    diamond(f);
    f.add({"zzzz08", {"eeee05"}, {}, {"side@head", "left", "yyyy07"}});
    const RevisionGraph& g = f.build();
    REQUIRE(f.errors().empty());
    // side@head is yyyy07; duplicates are dropped.
    CHECK(g.find("zzzz08")->depends_on == std::vector<std::string>{"yyyy07", "cccc03"});
    // cccc03 is an ancestor of eeee05, but no revision below names it in
    // depends_on, so (as in Alembic) it stays a version-table parent.
    std::vector<std::string> normalized;
    for (std::size_t i : g.find("zzzz08")->normalized_parents) normalized.push_back(g.at(i).id);
    CHECK(normalized == std::vector<std::string>{"eeee05", "yyyy07", "cccc03"});
    CHECK(ids(g.heads()) == std::vector<std::string>{"zzzz08"});
    CHECK(ids(g.branch_heads()) == std::vector<std::string>{"yyyy07", "zzzz08"});
}

TEST_CASE("graph diagnostics") {
    struct Case {
        std::vector<Spec> specs;
        std::vector<std::string> expected;  // substrings of the rendered diagnostics
    };
    auto c = GENERATE(
        Case{{{"aaaa01", {}}, {"aaaa01", {}}},
             {"versions/aaaa01.mig:1:10: error: duplicate revision id 'aaaa01'",
              "note: revision 'aaaa01' is also declared here"}},
        Case{{{"aaaa01", {}}, {"bbbb02", {"nope99"}}},
             {"versions/bbbb02.mig:2:15: error: down_revision 'nope99' is not a known revision"}},
        Case{{{"aaaa01", {}}, {"bbbb02", {"aaaa"}}},
             {"down_revision 'aaaa' is not a known revision", "revisions starting with 'aaaa': aaaa01"}},
        Case{{{"aaaa01", {}}, {"bbbb02", {"aaaa01"}, {}, {"ghost"}}},
             {"versions/bbbb02.mig:3:12: error: depends_on 'ghost' is not a known revision"}},
        Case{{{"aaaa01", {"cccc03"}}, {"bbbb02", {"aaaa01"}}, {"cccc03", {"bbbb02"}}},
             {"error: revision cycle: ", "aaaa01 -> cccc03 -> bbbb02 -> aaaa01"}},
        Case{{{"aaaa01", {"aaaa01"}}}, {"revision cycle: aaaa01 -> aaaa01"}},
        Case{{{"a123456789012345678901234567890123", {}}},
             {"error: revision id 'a123456789012345678901234567890123' is 34 characters long; the version column holds 32"}},
        Case{{{"aaaa01", {}, {"core"}}, {"bbbb02", {"aaaa01"}, {"core"}}},
             {"versions/bbbb02.mig:3:15: error: branch label 'core' is already used by revision 'aaaa01'",
              "versions/aaaa01.mig:3:15: note: first used here"}},
        Case{{{"aaaa01", {}}, {"bbbb02", {"aaaa01"}, {"aaaa01"}}},
             {"error: branch label 'aaaa01' is also a revision id"}},
        Case{{{"aaaa01", {}}, {"bbbb02", {"aaaa01"}}, {"cccc03", {"aaaa01"}}, {"dddd04", {}, {}, {"aaaa01@head"}}},
             {"error: 'aaaa01@head' has 2 heads: bbbb02, cccc03; name one of them"}});
    GraphFixture f;
    f.add_all(c.specs);
    auto g = RevisionGraph::build(f.migrations, f.diagnostics);
    CHECK_FALSE(g.has_value());
    std::string text = f.errors();
    for (const std::string& e : c.expected) {
        INFO(text);
        CHECK(text.find(e) != std::string::npos);
    }
}

TEST_CASE("graph: a duplicate id is reported at both files") {
    GraphFixture f;
    f.add_all({{"aaaa01", {}}, {"aaaa01", {}}});
    f.migrations[1].header.revision->span.file = f.sources.add("versions/second.mig", "versions/second.mig",
                                                               "revision aaaa01;\n").id();
    CHECK_FALSE(RevisionGraph::build(f.migrations, f.diagnostics));
    std::string text = f.errors();
    CHECK(text.find("versions/aaaa01.mig:1:10") != std::string::npos);
    CHECK(text.find("versions/second.mig:1:10") != std::string::npos);
}

TEST_CASE("graph: an id at the configured limit is accepted") {
    GraphFixture f;
    f.add({std::string(32, 'a'), {}});
    CHECK(RevisionGraph::build(f.migrations, f.diagnostics).has_value());
    CHECK_FALSE(RevisionGraph::build(f.migrations, f.diagnostics, 31).has_value());
}
