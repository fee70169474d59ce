#include "compiler/replay/replay.hpp"
