#include "compiler/plan/step.hpp"
