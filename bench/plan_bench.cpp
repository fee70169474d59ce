// Times the revision graph and the planner alone, after the project has been
// parsed: what issue 3's "plan 10,000 revisions in well under 0.1 s" is
// about. Used by bench/run; not a test.
//
//   retort_plan_bench PROJECT_DIR [RUNS]
// prints one line: "graph <ms> upgrade <ms> downgrade <ms> revisions <n> runs <n>"
// with the median of RUNS (default 5) for each phase.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <vector>

#include "driver/script/project.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/graph/planner.hpp"

using namespace retort;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template <typename F>
double time_ms(F&& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: retort_plan_bench PROJECT_DIR [RUNS]\n";
        return 2;
    }
    int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    driver::ProjectPaths paths{argv[1], ""};
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    auto project = driver::load_project(paths, sources, diagnostics);
    if (!project || diagnostics.has_errors()) {
        diagnostics.print(std::cerr);
        return 1;
    }
    std::vector<double> graph_ms, up_ms, down_ms;
    for (int i = 0; i < runs; ++i) {
        std::optional<graph::RevisionGraph> graph;
        graph_ms.push_back(time_ms([&] { graph = graph::RevisionGraph::build(project->migrations, diagnostics); }));
        if (!graph) break;
        std::optional<graph::Plan> up, down;
        up_ms.push_back(time_ms([&] { up = graph::plan_upgrade(*graph, "base:heads", diagnostics); }));
        down_ms.push_back(time_ms([&] { down = graph::plan_downgrade(*graph, "heads:base", diagnostics); }));
        if (!up || !down || up->runs.size() != project->migrations.size() ||
            down->runs.size() != project->migrations.size()) {
            diagnostics.print(std::cerr);
            std::cerr << "retort_plan_bench: the plans do not run every revision\n";
            return 1;
        }
    }
    if (diagnostics.has_errors()) {
        diagnostics.print(std::cerr);
        return 1;
    }
    std::cout << "graph " << median(graph_ms) << " upgrade " << median(up_ms) << " downgrade "
              << median(down_ms) << " revisions " << project->migrations.size() << " runs " << runs << "\n";
    return 0;
}
