#pragma once
// The options of one command: parse inv.args, report a usage error, print --help.
#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

#include "driver/cli.hpp"

namespace retort::driver {

struct Syntax {
    const char* usage;                // --help: "usage: USAGE", ABOUT, the options, EPILOGUE
    const char* about;
    const char* epilogue = nullptr;
    const char* positional = nullptr;  // the name that collects the positional arguments
    int count = 0;                     // how many it takes; -1: any number
    boost::program_options::value_semantic* value = nullptr;  // default: a vector of strings
};

// The --help epilogue of the commands that print a script or a schema.
inline constexpr const char* script_exit_status =
    "\nExit status: 0 success; 1 errors in the input or a --check difference;\n"
    "2 usage error.\n";

struct Parsed {
    boost::program_options::variables_map vm;
    int status = -1;  // >= 0: the command returns this (usage error or --help)
};

// --format FORMAT: adds the option (default "text") to `options`; `help`
// names the forms, for example "text|json".
void add_format_option(boost::program_options::options_description& options, const char* help);
// The --format given, or nullopt after a usage error (status is then set)
// when it is not one of `allowed`.
std::optional<std::string> format_of(Invocation& inv, const Parsed& p, const std::vector<std::string>& allowed,
                                     int& status);

// Adds --help to `options` and parses inv.args.
Parsed parse_args(Invocation& inv, boost::program_options::options_description& options, const Syntax& syntax);

}  // namespace retort::driver
