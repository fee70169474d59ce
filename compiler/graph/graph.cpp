#include "compiler/graph/graph.hpp"
