#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_init(Invocation& inv) { return not_built_yet(inv, "the init command is not written yet"); }

}  // namespace retort::driver
