#include "driver/output_options.hpp"

#include <fmt/format.h>

#include "driver/script/compile.hpp"
#include "driver/script/exit_status.hpp"

namespace po = boost::program_options;

namespace retort::driver {

void add_output_options(po::options_description& options, const char* what) {
    options.add_options()
        ("dialect,d", po::value<std::string>()->value_name("D"), dialect_option_help().c_str())
        ("output,o", po::value<std::string>()->value_name("FILE"),
         fmt::format("write the {} to FILE, atomically", what).c_str())
        ("check", po::value<std::string>()->value_name("GOLDEN"),
         "compare with GOLDEN; print a unified diff and exit 1 on a difference");
}

std::optional<int> read_output_options(Invocation& inv, const po::variables_map& vm, OutputChoice& choice) {
    if (vm.count("dialect")) {
        choice.dialect = vm["dialect"].as<std::string>();
        if (!dialect_id(choice.dialect)) return usage_error(inv, unknown_dialect(choice.dialect));
    }
    if (vm.count("output")) choice.destination.output = vm["output"].as<std::string>();
    if (vm.count("check")) choice.destination.check = vm["check"].as<std::string>();
    return std::nullopt;
}

std::optional<Project> load_project_or_report(Invocation& inv, SourceManager& sources,
                                              DiagnosticEngine& diagnostics) {
    auto project = load_project(inv.paths, sources, diagnostics);
    if (project && !diagnostics.has_errors()) return project;
    diagnostics.print(inv.err);
    return std::nullopt;
}

}  // namespace retort::driver
