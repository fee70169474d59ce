// Large and random graphs: the planner's output must stay correct (every
// edge respected, every version-table statement valid, the rows describing
// exactly the applied revisions) on 10,000 revisions and on random shapes.
// Time is not asserted here; bench/ measures it.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <random>
#include <set>

#include "graph_builder.hpp"

using namespace retort;
using namespace retort::graph;
using test::GraphFixture;
using test::Spec;

namespace {

// Applies a plan to a row set, checking each statement and that the rows
// after each migration imply exactly the revisions applied so far.
void check_plan(const RevisionGraph& g, const Plan& plan) {
    std::set<std::string> rows;
    for (const Revision* r : plan.start_heads) rows.insert(r->id);
    std::vector<char> applied(g.size(), 0);
    {
        std::vector<std::size_t> s;
        for (const Revision* r : plan.start_heads) s.push_back(r->index);
        g.mark_ancestors(s, applied, true);
    }
    std::vector<std::size_t> position(g.size(), SIZE_MAX);
    for (std::size_t i = 0; i < plan.runs.size(); ++i) position[plan.runs[i].revision->index] = i;
    for (std::size_t i = 0; i < plan.runs.size(); ++i) {
        const Revision& r = *plan.runs[i].revision;
        // Parents (and dependencies) before children on upgrade, after on downgrade.
        auto check_edge = [&](std::size_t p) {
            if (position[p] == SIZE_MAX) {
                // Not in the plan: on upgrade it must be applied already; on
                // downgrade it stays.
                if (plan.upgrade) REQUIRE(applied[p]);
                return;
            }
            if (plan.upgrade) REQUIRE(position[p] < i);
            else REQUIRE(position[p] > i);
        };
        for (std::size_t p : r.parents) check_edge(p);
        for (std::size_t p : r.dependencies) check_edge(p);
        REQUIRE(applied[r.index] == (plan.upgrade ? 0 : 1));
        applied[r.index] = plan.upgrade ? 1 : 0;
        for (const VersionOp& op : plan.runs[i].version_ops) {
            INFO("step " << i << " " << r.id);
            switch (op.kind) {
            case VersionOp::Kind::insert: REQUIRE(rows.insert(op.to).second); break;
            case VersionOp::Kind::delete_: REQUIRE(rows.erase(op.from) == 1); break;
            case VersionOp::Kind::update:
                REQUIRE(rows.erase(op.from) == 1);
                REQUIRE(rows.insert(op.to).second);
                break;
            }
        }
    }
    // The rows imply exactly the applied revisions.
    std::vector<char> implied(g.size(), 0);
    std::vector<std::size_t> idx;
    for (const std::string& id : rows) idx.push_back(g.find(id)->index);
    g.mark_ancestors(idx, implied, true);
    REQUIRE(implied == applied);
    REQUIRE(std::vector<std::string>(rows.begin(), rows.end()) == plan.end_rows);
}

}  // namespace

TEST_CASE("large graph: 10,000 revisions with a branch and a merge every 3") {
    GraphFixture f;
    std::string head;
    int n = 0;
    auto id = [&]() { return fmt::format("r{:05}", n++); };
    head = id();
    f.add({head, {}});
    while (n < 10000) {
        std::string a = id(), b = id(), m = id();
        f.add({a, {head}});
        f.add({b, {head}});
        f.add({m, {a, b}});
        head = m;
    }
    const RevisionGraph& g = f.build();
    REQUIRE(g.size() == 10000);
    REQUIRE(g.heads().size() == 1);
    auto up = plan_upgrade(g, "base:heads", f.diagnostics);
    REQUIRE(up);
    REQUIRE(up->runs.size() == 10000);
    check_plan(g, *up);
    CHECK(up->end_rows == std::vector<std::string>{head});
    auto down = plan_downgrade(g, "heads:base", f.diagnostics);
    REQUIRE(down);
    REQUIRE(down->runs.size() == 10000);
    check_plan(g, *down);
    CHECK(down->end_rows.empty());
    // A deep relative step walks the whole chain of merges' first parents... no:
    // it stops at the first merge, as a walk through a merge is ambiguous.
    CHECK_FALSE(plan_downgrade(g, "heads:-2", f.diagnostics));
    auto mid = plan_downgrade(g, "heads:r05001", f.diagnostics);
    REQUIRE(mid);
    check_plan(g, *mid);
}

TEST_CASE("random graphs: every plan keeps the version table valid") {
    auto seed = GENERATE(range(1, 41));
    std::mt19937 rng(static_cast<unsigned>(seed));
    GraphFixture f;
    std::vector<std::string> ids;
    std::vector<std::vector<std::string>> parents;
    const int n = 5 + static_cast<int>(rng() % 20);
    for (int i = 0; i < n; ++i) {
        std::string rid = fmt::format("{:04x}{:02}", rng() % 0xffff, i);
        Spec s{rid, {}};
        if (i > 0 && rng() % 8 != 0) {
            s.down.push_back(ids[rng() % ids.size()]);
            if (rng() % 4 == 0) {
                std::string other = ids[rng() % ids.size()];
                if (other != s.down.front()) s.down.push_back(other);
            }
        }
        if (i > 0 && rng() % 6 == 0) {
            std::string dep = ids[rng() % ids.size()];
            if (std::find(s.down.begin(), s.down.end(), dep) == s.down.end()) s.depends.push_back(dep);
        }
        ids.push_back(rid);
        f.add(s);
    }
    f.build();
    REQUIRE(f.graph);
    const RevisionGraph& g = *f.graph;
    std::vector<std::string> ranges = {"base:heads"};
    for (const std::string& x : ids) {
        ranges.push_back("base:" + x);
        ranges.push_back(x + ":heads");
    }
    for (const std::string& range : ranges) {
        INFO("seed " << seed << " upgrade " << range);
        auto p = plan_upgrade(g, range, f.diagnostics);
        REQUIRE(p);
        check_plan(g, *p);
    }
    std::vector<std::string> downs = {"heads:base"};
    for (const std::string& x : ids) {
        downs.push_back("heads:" + x);
        downs.push_back(x + ":base");
    }
    for (const std::string& range : downs) {
        INFO("seed " << seed << " downgrade " << range);
        auto p = plan_downgrade(g, range, f.diagnostics);
        if (!p) {
            // Only refusal allowed: END not below START.
            std::string text = f.errors();
            REQUIRE(text.find("nothing to downgrade") != std::string::npos);
            continue;
        }
        check_plan(g, *p);
    }
}
