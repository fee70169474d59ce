#pragma once
// Hints for what people coming from Alembic type (docs/cli.md, "Coming from Alembic"):
// `downgrade -1`, `current`, `--sql`. Each is a usage error with a line that
// says what to type instead.
#include <optional>
#include <string>
#include <vector>

namespace retort::driver {

// A hint for a command name retort does not have (`current`), or nullopt.
std::optional<std::string> hint_for_command(const std::string& command);

// A hint for arguments that failed to parse (`downgrade -1`, `upgrade --sql`),
// or nullopt.
std::optional<std::string> hint_for_args(const std::string& command, const std::vector<std::string>& args);

}  // namespace retort::driver
