// retort check: load the project (config and every .mig file), print every
// diagnostic sorted by file and position, exit 1 on any error.
#include <fmt/format.h>

#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/diagnostics_json.hpp"
#include "driver/json.hpp"
#include "driver/script/check_dialects.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/project.hpp"
#include "driver/script/sum_file.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/replay/replay.hpp"

namespace po = boost::program_options;

namespace retort::driver {

int cmd_check(Invocation& inv) {
    po::options_description options("Options of retort check");
    add_format_option(options, "text (diagnostics on stderr) or json (one object on stdout)");
    auto p = parse_args(inv, options,
                        {.usage = "retort [-C DIR] [-c FILE] check [--format text|json]",
                         .about = "Checks the whole project: retort.yaml, the syntax of every .mig file in the\n"
                                  "version folders, the revision graph, the schema replay and the up/down\n"
                                  "round trip of every revision, and the rendering of every upgrade and\n"
                                  "downgrade, for each dialect of retort.yaml (`dialects:`, default the one\n"
                                  "`dialect:`), and (when the project has a retort.sum) every file against its\n"
                                  "recorded sha256.\n"
                                  "Prints every problem to stderr; exits 1 if there is any error, 0 otherwise.",
                         .epilogue =
                             "\n--format json prints {\"ok\", \"revisions\", \"errors\", \"warnings\",\n"
                             "\"diagnostics\"} on stdout, each diagnostic {\"file\", \"line\", \"column\",\n"
                             "\"severity\", \"code\", \"message\", \"notes\"} (docs/cli.md); the exit status\n"
                             "is the same.\n"});
    if (p.status >= 0) return p.status;
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json"}, format_status);
    if (!format) return format_status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    auto project = load_project(inv.paths, sources, diagnostics);
    if (project) {
        // Each file against its digest in retort.sum (if there is one).
        check_sums(*project, sources, diagnostics, !diagnostics.has_errors());
        // Graph, then schema replay and the round trip of every revision.
        if (auto graph = graph::RevisionGraph::build(project->migrations, diagnostics)) {
            std::vector<const ast::Migration*> order;
            for (const graph::Revision* r : graph->topological_order()) order.push_back(r->migration);
            // The config loader has already refused any other dialect name.
            check_dialects(*project, *graph, order, sources, diagnostics);
        }
    }
    const bool failed = !project || diagnostics.has_errors();
    const std::size_t errors = diagnostics.error_count();
    const std::size_t warnings = diagnostics.warning_count();
    if (*format == "json") {
        json::Value doc = json::Value::object();
        doc.set("ok", json::Value::boolean(!failed));
        doc.set("revisions", json::Value::number(project ? static_cast<std::int64_t>(project->migrations.size()) : 0));
        doc.set("errors", json::Value::number(static_cast<std::int64_t>(errors)));
        doc.set("warnings", json::Value::number(static_cast<std::int64_t>(warnings)));
        doc.set("diagnostics", diagnostics_json(diagnostics));
        inv.out << doc.dump();
        if (project) keep_until_exit(project);
        return failed ? exit_input_error : exit_ok;
    }
    diagnostics.print(inv.err);
    if (failed) {
        inv.err << fmt::format("{} error{}{}\n", errors, errors == 1 ? "" : "s",
                               warnings ? fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s")
                                        : std::string());
        return exit_input_error;
    }
    inv.out << fmt::format("checked {} revision{}: no errors{}\n", project->migrations.size(),
                           project->migrations.size() == 1 ? "" : "s",
                           warnings ? fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s")
                                    : std::string());
    keep_until_exit(project);
    return exit_ok;
}

}  // namespace retort::driver
