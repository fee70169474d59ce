#pragma once
// The options of one command: parse inv.args, report a usage error, print --help.
#include <boost/program_options.hpp>

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

// Adds --help to `options` and parses inv.args.
Parsed parse_args(Invocation& inv, boost::program_options::options_description& options, const Syntax& syntax);

}  // namespace retort::driver
