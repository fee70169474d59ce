// libFuzzer target: the revision syntax of cli.md (`a1b2@+2`, `label@head`,
// `heads:base`, `base:head`, anything else), as upgrade, downgrade and stamp
// ranges and as a single revision, on a small fixed graph with two branches,
// a label, a dependency and a merge. Every input must end in a plan or in an
// error diagnostic.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/graph/graph.hpp"
#include "compiler/graph/planner.hpp"
#include "compiler/graph/revision_spec.hpp"
#include "compiler/parse/parser.hpp"

using namespace retort;

namespace {

// base a1b2c3d4 -> b2c3d4e5 -> c3d4e5f6 (label main) -> e5f6a7b8 (merge)
//                            \-> d4e5f6a7 (label side, depends on a1b2c3d4) -/
const char* const graph_files[] = {
    "revision a1b2c3d4; down_revision none; upgrade { } downgrade { }",
    "revision b2c3d4e5; down_revision a1b2c3d4; upgrade { } downgrade { }",
    "revision c3d4e5f6; down_revision b2c3d4e5; branch_labels main; upgrade { } downgrade { }",
    "revision d4e5f6a7; down_revision b2c3d4e5; branch_labels side; depends_on a1b2c3d4; upgrade { } downgrade { }",
    "revision e5f6a7b8; down_revision (c3d4e5f6, d4e5f6a7); upgrade { } downgrade { }",
    "revision f6a7b8c9; down_revision a1b2c3d4; branch_labels other; upgrade { } downgrade { }",
};

struct FixedGraph {
    SourceManager sources;
    DiagnosticEngine diagnostics{sources};
    std::vector<ast::Migration> migrations;
    graph::RevisionGraph graph;

    FixedGraph() {
        for (const char* text : graph_files) {
            const SourceFile& file = sources.add("g.mig", "g.mig", text);
            auto migration = parse::parse_migration(file, diagnostics);
            if (!migration) std::abort();
            migrations.push_back(std::move(*migration));
        }
        auto built = graph::RevisionGraph::build(migrations, diagnostics);
        if (!built || diagnostics.has_errors()) std::abort();
        graph = std::move(*built);
    }
};

template <typename Plan>
void run(const FixedGraph& fixed, std::string_view spec, Plan plan) {
    DiagnosticEngine diagnostics(fixed.sources);
    auto result = plan(fixed.graph, spec, diagnostics);
    if (!result && !diagnostics.has_errors()) std::abort();  // refused without a reason
    if (result) (void)graph::format_plan(*result);
    (void)diagnostics.render();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const FixedGraph fixed;
    const std::string_view spec(reinterpret_cast<const char*>(data), size);
    run(fixed, spec, graph::plan_upgrade);
    run(fixed, spec, graph::plan_downgrade);
    run(fixed, spec, graph::plan_stamp);

    DiagnosticEngine diagnostics(fixed.sources);
    graph::SpecResolver resolver(fixed.graph, diagnostics);
    auto one = resolver.resolve_absolute(spec);
    if (!one && !diagnostics.has_errors()) std::abort();
    (void)diagnostics.render();
    return 0;
}
