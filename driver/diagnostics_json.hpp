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

}  // namespace retort::driver
