#pragma once
// Reads one Python file (the subset of compiler/python/ast.hpp) without
// running it. Syntax errors are python_syntax diagnostics at the file's
// line:col; forms that are read but not followed (f-strings, lambdas, ...)
// become Unsupported / OtherStmt nodes, and f-strings are also reported as
// python_unsupported. The result is empty when the file could not be parsed.
#include <optional>

#include "compiler/python/ast.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::py {

std::optional<Module> parse_python(const SourceFile& file, DiagnosticEngine& diagnostics);

}  // namespace retort::py
