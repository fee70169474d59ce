#include <ostream>

#include "driver/commands.hpp"

namespace retort::driver {

// `lint` is part of cli.md but not built yet: it says so, and exits 2.
int cmd_lint(Invocation& inv) {
    for (const std::string& arg : inv.args)
        if (arg == "-h" || arg == "--help") {
            inv.out << "usage: retort lint [RANGE] [--dialect D]\n\n"
                       "DBA-review findings (destructive or locking changes). Not built yet:\n"
                       "every invocation but --help exits 2 with a message that says so.\n"
                       "`retort check` already reports errors and the warnings of the schema\n"
                       "model (for example a NOT NULL column added without a default).\n";
            return exit_ok;
        }
    return not_built_yet(inv, "lint is not built yet; see docs/cli.md");
}

}  // namespace retort::driver
