#pragma once
// The machine-readable and drawn forms of the revision graph (docs/cli.md,
// "Machine-readable output"): a revision as a JSON object, the graph in
// Graphviz DOT and Mermaid, and the ASCII drawing of `history --graph`.
// Every form lists revisions in the order it is given and edges in header
// order, so the output is the same on every run.
#include <string>
#include <vector>

#include "compiler/graph/graph.hpp"
#include "driver/json.hpp"

namespace retort::driver {

// {"id", "message", "down_revisions", "depends_on", "branch_labels",
//  "labels", "children", "dependents", "head", "base", "branch_point",
//  "merge", "path"}
json::Value revision_json(const graph::RevisionGraph& g, const graph::Revision& r, const std::string& path);

// `revisions` in display order (newest first); edges only between them.
std::string graph_dot(const graph::RevisionGraph& g, const std::vector<const graph::Revision*>& revisions);
std::string graph_mermaid(const graph::RevisionGraph& g, const std::vector<const graph::Revision*>& revisions);
// The lanes drawing: one row per revision, children above parents,
// `|` for down_revision lanes, `:` for depends_on lanes.
std::string graph_ascii(const graph::RevisionGraph& g, const std::vector<const graph::Revision*>& revisions);

// " (label, ...) (head) (branchpoint) (mergepoint)" as the text commands print it.
std::string revision_markers(const graph::Revision& r);

}  // namespace retort::driver
