#pragma once
// What the commands that print a script or a schema share (cli.md, options
// of the script commands): -d, -o and --check, and loading the project with
// its diagnostics printed on failure.
#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include "driver/cli.hpp"
#include "driver/script/project.hpp"
#include "driver/script/script_output.hpp"

namespace retort::driver {

struct OutputChoice {
    std::string dialect;  // -d; empty: the config's dialect
    ScriptDestination destination;
};

// Adds -d/--dialect, -o/--output ("write the WHAT to FILE") and --check.
void add_output_options(boost::program_options::options_description& options, const char* what);

// Reads the options add_output_options added. Returns a usage-error exit
// status for an unknown dialect, or nullopt when they are fine.
std::optional<int> read_output_options(Invocation& inv, const boost::program_options::variables_map& vm,
                                       OutputChoice& choice);

// load_project; on failure (or errors) prints the diagnostics and returns nullopt.
std::optional<Project> load_project_or_report(Invocation& inv, SourceManager& sources,
                                              DiagnosticEngine& diagnostics);

}  // namespace retort::driver
