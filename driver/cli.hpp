#pragma once
// The command line (cli.md): global options, then one command with its own
// options. Each command lives in its own cmd_*.cpp file.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "driver/script/exit_status.hpp"
#include "driver/script/project_paths.hpp"

namespace retort::driver {

struct Invocation {
    ProjectPaths paths;             // -C, -c
    std::string command;
    std::vector<std::string> args;  // after the command name
    std::ostream& out;
    std::ostream& err;
};

using CommandFn = int (*)(Invocation&);

struct Command {
    const char* name;
    const char* summary;  // one line, for `retort --help`
    CommandFn run;
};

const std::vector<Command>& commands();

// Entry point; returns the exit status.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Reports a usage error ("retort COMMAND: error: ...", then the hint as a
// note) and returns exit_usage.
int usage_error(Invocation& inv, const std::string& message, const std::optional<std::string>& hint = std::nullopt);

}  // namespace retort::driver
