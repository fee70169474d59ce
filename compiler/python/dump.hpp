#pragma once
// A one-line S-expression dump of the Python tree, for tests and debugging:
//   (module (import (alias sa as sa)) (assign revision = 'a1b2c3') ...)
// With `file`, every node's head carries its span's start as @line:col.
#include <string>

#include "compiler/python/ast.hpp"

namespace retort::py {

std::string dump(const Module& module, const SourceFile* file = nullptr);
std::string dump(const Expr& expr, const SourceFile* file = nullptr);

}  // namespace retort::py
