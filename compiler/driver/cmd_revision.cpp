#include "compiler/driver/commands.hpp"

namespace retort::driver {

int cmd_revision(Invocation& inv) { return not_built_yet(inv, "the revision command is not written yet"); }
int cmd_merge(Invocation& inv) { return not_built_yet(inv, "the merge command is not written yet"); }

}  // namespace retort::driver
