#include "driver/commands.hpp"

#include <fmt/format.h>

#include <ostream>

namespace retort::driver {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"init", "write a new project: retort.yaml, versions/, README", cmd_init},
        {"revision", "write a new .mig file on top of the current head", cmd_revision},
        {"merge", "write a merge revision", cmd_merge},
        {"upgrade", "print the upgrade script for [START:]END", cmd_upgrade},
        {"downgrade", "print the downgrade script for START:END", cmd_downgrade},
        {"stamp", "print only the version-table statements for [START:]END", cmd_stamp},
        {"history", "list revisions, newest first", cmd_history},
        {"heads", "list the current heads", cmd_heads},
        {"branches", "list branch points", cmd_branches},
        {"show", "show one revision", cmd_show},
        {"plan", "print the plan of a range in a stable text form (debugging aid)", cmd_plan},
        {"check", "parse, graph, replay and round-trip every revision", cmd_check},
        {"sum", "record the sha256 of every .mig file in retort.sum (check then notices edits)", cmd_sum},
        {"lint", "DBA-review findings: locks, rewrites, data loss, breaking renames", cmd_lint},
        {"schema", "print the full DDL of the schema at a revision", cmd_schema},
        {"import", "write a retort project from an Alembic history (import alembic DIR DEST)", cmd_import},
    };
    return table;
}

int not_built_yet(Invocation& inv, const char* what) {
    inv.err << fmt::format("retort {}: error: not built yet ({})\n", inv.command, what);
    return exit_usage;
}

}  // namespace retort::driver
