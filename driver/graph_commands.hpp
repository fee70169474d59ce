#pragma once
// Shared by the graph commands (cmd_graph.cpp, cmd_revision.cpp,
// cmd_plan.cpp): load the project and build its revision graph.
#include <optional>
#include <string>

#include "driver/script/project.hpp"
#include "compiler/graph/graph.hpp"

namespace retort::driver {

struct LoadedGraph {
    Project project;
    graph::RevisionGraph graph;
};

// Loads the project and builds the graph. On failure prints the diagnostics
// and returns nullopt; `status` is then the exit status to return.
// Syntax errors in single files also fail: a graph with a file missing would
// plan the wrong migrations.
std::optional<LoadedGraph> load_graph(Invocation& inv, SourceManager& sources, DiagnosticEngine& diagnostics,
                                      int& status);

// The file a revision came from, as diagnostics print it.
std::string revision_path(const graph::Revision& revision, const SourceManager& sources);

}  // namespace retort::driver
