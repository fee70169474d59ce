#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_check(Invocation& inv) { return not_built_yet(inv, "the check command is not written yet"); }

}  // namespace retort::driver
