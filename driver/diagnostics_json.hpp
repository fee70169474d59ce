#pragma once
// Diagnostics as JSON (check --format json, docs/cli.md "Machine-readable
// output"), in the order DiagnosticEngine::print uses: without a file first,
// then by file name and offset.
#include "compiler/source/diagnostics.hpp"
#include "driver/json.hpp"

namespace retort::driver {

// [{"file", "line", "column", "severity", "code", "message",
//   "notes": [{"file", "line", "column", "message"}]}]
// file, line and column are null for a diagnostic about the run itself.
json::Value diagnostics_json(const DiagnosticEngine& diagnostics);

// One diagnostic in that form.
json::Value diagnostic_json(const SourceManager& sources, const Diagnostic& diagnostic);

// True when a comes before b in that order (without a file first, then by
// file name and offset).
bool diagnostic_before(const SourceManager& sources, const Diagnostic& a, const Diagnostic& b);

}  // namespace retort::driver
