#include "driver/alembic_habits.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace retort::driver {

namespace {

// "-1", "-12": Alembic's relative downgrade.
bool is_relative_step(const std::string& arg) {
    return arg.size() > 1 && arg[0] == '-' &&
           std::all_of(arg.begin() + 1, arg.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_script_command(const std::string& command) {
    return command == "upgrade" || command == "downgrade" || command == "stamp";
}

}  // namespace

std::optional<std::string> hint_for_command(const std::string& command) {
    if (command == "current")
        return "retort works offline and cannot read the database; its current revision is in the version "
               "table (SELECT version_num FROM alembic_version), and is the START of the next script: "
               "retort upgrade START:heads";
    return std::nullopt;
}

std::optional<std::string> hint_for_args(const std::string& command, const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--sql" && is_script_command(command))
            return fmt::format("--sql is what every script command does: retort {} prints SQL and never connects; "
                               "leave --sql out",
                               command);
        if (command == "downgrade" && is_relative_step(arg))
            return fmt::format("offline there is no current revision to count from; {} {} down from the heads "
                               "is 'retort downgrade heads:{}', from the revision in the version table "
                               "'retort downgrade START:{}'",
                               arg.substr(1), arg == "-1" ? "step" : "steps", arg, arg);
    }
    return std::nullopt;
}

}  // namespace retort::driver
