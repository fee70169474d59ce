// `retort plan [--downgrade|--stamp] RANGE`: the plan in a stable text form
// (docs/revisions.md), a debugging aid and the conformance suite's input.
#include <fmt/format.h>

#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/graph_commands.hpp"
#include "compiler/graph/planner.hpp"

namespace po = boost::program_options;

namespace retort::driver {

std::optional<LoadedGraph> load_graph(Invocation& inv, SourceManager& sources, DiagnosticEngine& diagnostics,
                                      int& status) {
    status = exit_input_error;
    auto project = load_project(inv.paths, sources, diagnostics);
    if (!project || diagnostics.has_errors()) {
        diagnostics.print(inv.err);
        return std::nullopt;
    }
    auto graph = graph::RevisionGraph::build(project->migrations, diagnostics);
    if (!graph) {
        diagnostics.print(inv.err);
        return std::nullopt;
    }
    status = exit_ok;
    return LoadedGraph{std::move(*project), std::move(*graph)};
}

std::string revision_path(const graph::Revision& revision, const SourceManager& sources) {
    if (!revision.migration || revision.migration->file == no_file || revision.migration->file >= sources.size())
        return "";
    return sources.file(revision.migration->file).display_name();
}

int cmd_plan(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()
        ("downgrade", "plan a downgrade (RANGE is START:END)")
        ("stamp", "plan a stamp: version-table rows only");
    auto p = parse_args(inv, options,
                        {.usage = "retort plan [--downgrade|--stamp] RANGE [RANGE...]",
                         .about = "Prints the plan for RANGE in a stable text form, one line per migration:\n"
                                  "direction, revision id, then the version-table statements after it.\n"
                                  "  start ID...|base          the version rows at START\n"
                                  "  create-version-table      when the plan starts from base\n"
                                  "  upgrade ID: insert ID, update FROM TO, delete ID\n"
                                  "  rows ID...|(none)         the version rows at the end\n"
                                  "RANGE is [START:]END in the revision syntax of docs/revisions.md.\n"
                                  "With several ranges, each plan follows a line '== RANGE'; a range that\n"
                                  "cannot be planned prints 'refused' and its diagnostics there, on stdout.",
                         .positional = "range",
                         .count = -1});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    if (!vm.count("range")) return usage_error(inv, "a RANGE is needed, for example base:heads");
    if (vm.count("downgrade") && vm.count("stamp")) return usage_error(inv, "--downgrade and --stamp exclude each other");
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const auto ranges = vm["range"].as<std::vector<std::string>>();
    int result = exit_ok;
    for (const std::string& range : ranges) {
        std::optional<graph::Plan> plan;
        if (vm.count("downgrade"))
            plan = graph::plan_downgrade(loaded->graph, range, diagnostics);
        else if (vm.count("stamp"))
            plan = graph::plan_stamp(loaded->graph, range, diagnostics);
        else
            plan = graph::plan_upgrade(loaded->graph, range, diagnostics);
        if (ranges.size() > 1) inv.out << "== " << range << "\n";
        if (plan) {
            inv.out << graph::format_plan(*plan);
            continue;
        }
        result = exit_input_error;
        if (ranges.size() > 1)
            inv.out << "refused\n" << diagnostics.render();
        else
            diagnostics.print(inv.err);
    }
    return result;
}

}  // namespace retort::driver
