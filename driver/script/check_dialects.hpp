#pragma once
// `retort check`'s replay, per dialect (docs/cli.md, "check"): every revision
// replayed, its round trip checked and every step of its upgrade and
// downgrade rendered, for each dialect of retort.yaml's `dialects`.
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/graph/graph.hpp"
#include "driver/script/project.hpp"

namespace retort::driver {

// `dialect` first, into `diagnostics`; then each other dialect of
// `dialects`, into an engine of its own, adding to `diagnostics` what it does
// not have yet, with a note at that dialect's entry in retort.yaml. `order`:
// the revisions, parents first.
void check_dialects(const Project& project, const graph::RevisionGraph& graph,
                    const std::vector<const ast::Migration*>& order, const SourceManager& sources,
                    DiagnosticEngine& diagnostics);

}  // namespace retort::driver
