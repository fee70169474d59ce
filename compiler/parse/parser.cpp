#include "compiler/parse/parser.hpp"
namespace retort::parse {
std::optional<ast::Migration> parse_migration(const SourceFile&, DiagnosticEngine&) { return std::nullopt; }
}
