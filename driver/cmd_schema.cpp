// retort schema [REV] [-d DIALECT] [--format sql|mig]: the schema at REV
// (default head), replayed from base. As SQL through the same back end as
// the scripts, or in .mig syntax (a squashed view of the history).
#include <fmt/format.h>

#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/output_options.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/project.hpp"
#include "driver/script/script_output.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/graph/revision_spec.hpp"
#include "compiler/replay/replay.hpp"
#include "compiler/replay/schema_text.hpp"
#include "dialects/dialect.hpp"

namespace po = boost::program_options;

namespace retort::driver {

namespace {

std::string render_sql(const schema::Schema& state, const dialects::Dialect& dialect, ast::DialectId id,
                       DiagnosticEngine& diagnostics) {
    dialects::Output out;
    for (const plan::Step& step : replay::schema_steps(state, id == ast::DialectId::sqlite)) {
        dialects::Context ctx{state, step.span, diagnostics, out};
        dialect.render(step, ctx);
    }
    std::string text;
    for (const auto& statement : out) {
        if (statement.comment) {
            std::string_view rest = statement.sql;
            while (!rest.empty()) {
                auto nl = rest.find('\n');
                text += "-- " + std::string(rest.substr(0, nl)) + "\n";
                rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
            }
            continue;
        }
        text += statement.sql + ";\n";
    }
    return text;
}

}  // namespace

int cmd_schema(Invocation& inv) {
    po::options_description options("Options");
    add_output_options(options, "schema");
    options.add_options()
        ("format", po::value<std::string>()->value_name("F")->default_value("sql"),
         "sql: DDL of the dialect; mig: dialect-neutral .mig syntax");
    auto p = parse_args(inv, options,
                        {.usage = "retort schema [REV] [options]",
                         .about = "Prints the full schema at REV (default: head; `heads` for every head\n"
                                  "together), replayed from base: enum types, then tables with their keys,\n"
                                  "checks and indexes, then the foreign keys that need them.",
                         .epilogue = script_exit_status,
                         .positional = "rev",
                         .count = -1});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    std::vector<std::string> revs;
    if (vm.count("rev")) revs = vm["rev"].as<std::vector<std::string>>();
    if (revs.size() > 1) return usage_error(inv, fmt::format("one revision expected, got '{}' and '{}'", revs[0], revs[1]));
    std::string rev = revs.empty() ? "head" : revs[0];
    std::string format = vm["format"].as<std::string>();
    if (format != "sql" && format != "mig") return usage_error(inv, fmt::format("unknown format '{}' (sql or mig)", format));
    OutputChoice choice;
    if (auto status = read_output_options(inv, vm, choice)) return *status;

    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    auto project = load_project_or_report(inv, sources, diagnostics);
    if (!project) return exit_input_error;
    const std::string dialect_name = choice.dialect.empty() ? project->config.dialect : choice.dialect;
    auto id = dialect_id(dialect_name);
    if (!id) {
        diagnostics.print(inv.err);
        return usage_error(inv, fmt::format("unknown dialect '{}' in the config", dialect_name));
    }
    auto graph = graph::RevisionGraph::build(project->migrations, diagnostics);
    if (!graph) {
        diagnostics.print(inv.err);
        return exit_input_error;
    }
    graph::SpecResolver resolver(*graph, diagnostics);
    auto target = resolver.resolve(rev, graph::SpecRole::upgrade_end);
    if (!target) {
        diagnostics.print(inv.err);
        return exit_input_error;
    }
    replay::Options replay_opts = replay_options(project->config, dialect_name);
    replay_opts.downgrade_warnings = false;  // no downgrade runs here
    replay::Replayer replayer(diagnostics, with_ancestry(replay_opts, *graph));
    for (const graph::Revision* r : graph->ancestors_in_order(target->revisions))
        replayer.upgrade(*r->migration, {});
    std::string text;
    if (!diagnostics.has_errors()) {
        if (format == "mig") {
            text = replay::schema_to_mig(replayer.state());
        } else {
            auto dialect = dialects::make_dialect(dialect_name, dialect_options(project->config));
            if (!dialect)
                diagnostics.error(DiagCode::not_implemented, SourceSpan{},
                                  "the {} dialect is not available; use --format mig", dialect_name);
            else
                text = render_sql(replayer.state(), *dialect, *id, diagnostics);
        }
    }
    const bool failed = diagnostics.has_errors();
    diagnostics.print(inv.err);
    if (failed) return exit_input_error;
    return deliver_script(inv.out, inv.err, text, choice.destination);
}

}  // namespace retort::driver
