#pragma once
// Parses one .mig file into an AST. Syntax errors are reported to the
// diagnostics engine; the result is empty when the file could not be parsed.
#include <optional>

#include "compiler/ast/ast.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::parse {

std::optional<ast::Migration> parse_migration(const SourceFile& file, DiagnosticEngine& diagnostics);

}  // namespace retort::parse
