#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_history(Invocation& inv) { return not_built_yet(inv, "the history command is not written yet"); }
int cmd_heads(Invocation& inv) { return not_built_yet(inv, "the heads command is not written yet"); }
int cmd_branches(Invocation& inv) { return not_built_yet(inv, "the branches command is not written yet"); }
int cmd_show(Invocation& inv) { return not_built_yet(inv, "the show command is not written yet"); }

}  // namespace retort::driver
