// The revision syntax, resolved on its own (no plan).
#include <catch2/catch.hpp>

#include "compiler/graph/revision_spec.hpp"
#include "graph_builder.hpp"

using namespace retort;
using namespace retort::graph;
using test::GraphFixture;

TEST_CASE("revision syntax: each form names the expected revisions") {
    //  a - b - c (left) - e      x (side) - y
    //       \- d (right) -/  \- g
    GraphFixture f;
    f.add_all({{"aaaa01", {}},
               {"bbbb02", {"aaaa01"}},
               {"cccc03", {"bbbb02"}, {"left"}},
               {"dddd04", {"bbbb02"}, {"right"}},
               {"eeee05", {"cccc03", "dddd04"}},
               {"gggg07", {"dddd04"}},
               {"xxxx06", {}, {"side"}},
               {"yyyy08", {"xxxx06"}}});
    const RevisionGraph& g = f.build();
    SpecResolver resolver(g, f.diagnostics);
    struct Case {
        std::string spec;
        std::string expected;  // ids joined by ' ', "base", or "error"
    };
    auto c = GENERATE(Case{"aaaa01", "aaaa01"}, Case{"aaaa", "aaaa01"}, Case{"left", "cccc03"},
                      Case{"heads", "eeee05 gggg07 yyyy08"}, Case{"head", "error"}, Case{"base", "base"},
                      Case{"side@head", "yyyy08"}, Case{"side@heads", "yyyy08"}, Case{"right@heads", "eeee05 gggg07"},
                      Case{"right@head", "error"}, Case{"left@head", "eeee05"}, Case{"side@base", "base"},
                      Case{"left@bbbb", "bbbb02"}, Case{"side@bbbb02", "error"}, Case{"aaaa01+1", "bbbb02"},
                      Case{"aaaa01+2", "error"}, Case{"left@aaaa01+2", "cccc03"}, Case{"right@aaaa01+3", "error"},
                      Case{"eeee05-1", "error"}, Case{"gggg07-2", "bbbb02"}, Case{"side@head-1", "xxxx06"},
                      Case{"xxxx06-1", "base"}, Case{"dddd@head", "error"}, Case{"gggg@head", "gggg07"});
    auto r = resolver.resolve(c.spec, SpecRole::start);
    std::string got;
    if (!r)
        got = "error";
    else if (r->base())
        got = "base";
    else
        for (const Revision* x : r->revisions) got += (got.empty() ? "" : " ") + x->id;
    INFO(c.spec << ": " << f.errors());
    CHECK(got == c.expected);
}
