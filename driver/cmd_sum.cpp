// `retort sum`: writes retort.sum (beside the config file) with the sha256
// of every revision's .mig file as it is now: the on-purpose way to accept
// an edit that `retort check` reports (driver/script/sum_file.hpp).
#include <fmt/format.h>

#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/graph_commands.hpp"
#include "driver/script/sum_file.hpp"

namespace po = boost::program_options;

namespace retort::driver {

int cmd_sum(Invocation& inv) {
    po::options_description options("Options of retort sum");
    auto p = parse_args(inv, options,
                        {.usage = "retort [-C DIR] [-c FILE] sum",
                         .about = "Writes retort.sum beside the config file: one line `<revision> sha256:<hex>`\n"
                                  "per .mig file, sorted by revision id, replacing the file if it exists.\n"
                                  "From then on `retort check` fails when a file no longer matches its line,\n"
                                  "when a revision has no line, and when a line names no revision;\n"
                                  "`retort revision` and `retort merge` add the files they write. Run it to\n"
                                  "start recording, or to accept an edit or a removal on purpose. Refuses a\n"
                                  "project whose files or graph have errors."});
    if (p.status >= 0) return p.status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const std::string path = sum_path(loaded->project);
    const Sums sums = project_sums(loaded->project, sources);
    std::string error;
    if (!write_sums(path, sums, error)) {
        inv.err << fmt::format("retort sum: error: {}\n", error);
        return exit_input_error;
    }
    inv.out << fmt::format("wrote {}: {} revision{}\n", path, sums.size(), sums.size() == 1 ? "" : "s");
    return exit_ok;
}

}  // namespace retort::driver
