#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_lint(Invocation& inv) { return not_built_yet(inv, "the lint command is not written yet"); }

}  // namespace retort::driver
