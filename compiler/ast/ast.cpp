#include "compiler/ast/ast.hpp"
