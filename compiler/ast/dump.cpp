#include "compiler/ast/ast.hpp"

// The AST dump is written by the front-end work (issue 2).
namespace retort::ast {
std::string dump(const Migration&) { return "(ast dump not written yet)\n"; }
}  // namespace retort::ast
