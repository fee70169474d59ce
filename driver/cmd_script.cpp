// upgrade, downgrade, stamp: compile a revision range to a script (cli.md,
// docs/scripts.md).
#include <fmt/format.h>

#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/output_options.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/project.hpp"
#include "driver/script/script_output.hpp"

namespace po = boost::program_options;

namespace retort::driver {

namespace {

const char* synopsis(ScriptKind kind) {
    switch (kind) {
        case ScriptKind::upgrade: return "retort upgrade [START:]END [options]";
        case ScriptKind::downgrade: return "retort downgrade START:END [options]";
        case ScriptKind::stamp: return "retort stamp [START:]END [options]";
    }
    return "";
}

const char* description(ScriptKind kind) {
    switch (kind) {
        case ScriptKind::upgrade:
            return "Prints the SQL script that upgrades a database from START (default: base)\n"
                   "to END, e.g. `retort upgrade heads` or `retort upgrade a1b2:c3d4`.";
        case ScriptKind::downgrade:
            return "Prints the SQL script that downgrades a database from START to END, e.g.\n"
                   "`retort downgrade heads:base`. START is required: retort works offline.";
        case ScriptKind::stamp:
            return "Prints only the version-table statements that move the stamp from START\n"
                   "(default: base) to END, without running any migration: Alembic's stamp\n"
                   "statements (`stamp head` from base is one INSERT).";
    }
    return "";
}

int run_script_command(Invocation& inv, ScriptKind kind) {
    po::options_description options("Options");
    add_output_options(options, "script");
    options.add_options()("no-guard",
                          "leave out the guard that stops the script unless the version table holds "
                          "exactly the rows START names (docs/scripts.md)");
    if (kind == ScriptKind::upgrade)
        options.add_options()("annotate",
                              "write each `retort lint` finding as a `-- lint: CODE: message` comment line "
                              "above its statement (docs/lint.md)");
    auto p = parse_args(inv, options,
                        {.usage = synopsis(kind),
                         .about = description(kind),
                         .epilogue = script_exit_status,
                         .positional = "range",
                         .count = -1});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    std::vector<std::string> ranges;
    if (vm.count("range")) ranges = vm["range"].as<std::vector<std::string>>();
    if (ranges.empty()) return usage_error(inv, "a revision range is required");
    if (ranges.size() > 1) return usage_error(inv, fmt::format("one revision range expected, got '{}' and '{}'",
                                                               ranges[0], ranges[1]));
    const std::string& range = ranges[0];
    if (kind == ScriptKind::downgrade && range.find(':') == std::string::npos)
        return usage_error(inv, fmt::format("downgrade needs START:END (offline there is no current revision), "
                                            "e.g. 'heads:{}'",
                                            range));

    OutputChoice choice;
    if (auto status = read_output_options(inv, vm, choice)) return *status;

    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    auto project = load_project_or_report(inv, sources, diagnostics);
    if (!project) return exit_input_error;
    ScriptRequest request;
    request.kind = kind;
    request.range = range;
    request.guard = vm.count("no-guard") == 0;
    request.annotate = vm.count("annotate") != 0;
    request.dialect = choice.dialect.empty() ? project->config.dialect : choice.dialect;
    auto script = compile_script(*project, request, diagnostics);
    keep_until_exit(project);
    diagnostics.print(inv.err);
    if (!script) return exit_input_error;
    return deliver_script(inv.out, inv.err, *script, choice.destination);
}

}  // namespace

int cmd_upgrade(Invocation& inv) { return run_script_command(inv, ScriptKind::upgrade); }
int cmd_downgrade(Invocation& inv) { return run_script_command(inv, ScriptKind::downgrade); }
int cmd_stamp(Invocation& inv) { return run_script_command(inv, ScriptKind::stamp); }

}  // namespace retort::driver
