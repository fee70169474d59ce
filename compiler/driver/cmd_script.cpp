#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_upgrade(Invocation& inv) { return not_built_yet(inv, "the upgrade command is not written yet"); }
int cmd_downgrade(Invocation& inv) { return not_built_yet(inv, "the downgrade command is not written yet"); }
int cmd_stamp(Invocation& inv) { return not_built_yet(inv, "the stamp command is not written yet"); }

}  // namespace retort::driver
