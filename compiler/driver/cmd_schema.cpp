#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_schema(Invocation& inv) { return not_built_yet(inv, "the schema command is not written yet"); }

}  // namespace retort::driver
