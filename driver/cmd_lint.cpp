// retort lint [RANGE] [-d D] [--format text|json|sarif] [--fail-on error|warning|never]:
// the DBA review of the upgrade of RANGE (docs/lint.md).
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/diagnostics_json.hpp"
#include "driver/json.hpp"
#include "driver/output_options.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/lint_run.hpp"

namespace po = boost::program_options;

namespace retort::driver {

namespace {

bool is_directive_code(DiagCode code) {
    return code == DiagCode::lint_accept_invalid || code == DiagCode::lint_accept_unused;
}

json::Value finding_json(const SourceManager& sources, const lint::Finding& f) {
    json::Value v = diagnostic_json(sources, f.diagnostic);
    v.set("revision", json::Value::string(f.revision));
    v.set("accepted", json::Value::boolean(f.accepted));
    v.set("reason", f.accepted ? json::Value::string(f.reason) : json::Value());
    return v;
}

const char* sarif_level(Severity severity) {
    return severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
}

json::Value sarif_result(const SourceManager& sources, const Diagnostic& d, const std::vector<DiagCode>& rules,
                         const lint::Finding* finding) {
    json::Value r = json::Value::object();
    r.set("ruleId", json::Value::string(diag_code_name(d.code)));
    auto index = std::find(rules.begin(), rules.end(), d.code) - rules.begin();
    r.set("ruleIndex", json::Value::number(index));
    r.set("level", json::Value::string(sarif_level(d.severity)));
    std::string text = d.message;
    for (const Note& n : d.notes) text += "\n" + n.message;
    json::Value message = json::Value::object();
    message.set("text", json::Value::string(text));
    r.set("message", std::move(message));
    json::Value locations = json::Value::array();
    if (d.span.valid() && d.span.file < sources.size()) {
        const SourceFile& file = sources.file(d.span.file);
        LineCol at = file.line_col(d.span.begin);
        json::Value artifact = json::Value::object();
        artifact.set("uri", json::Value::string(file.display_name()));
        json::Value region = json::Value::object();
        region.set("startLine", json::Value::number(at.line));
        region.set("startColumn", json::Value::number(at.column));
        json::Value physical = json::Value::object();
        physical.set("artifactLocation", std::move(artifact));
        physical.set("region", std::move(region));
        json::Value location = json::Value::object();
        location.set("physicalLocation", std::move(physical));
        locations.push(std::move(location));
    }
    r.set("locations", std::move(locations));
    if (finding && finding->accepted) {
        json::Value suppression = json::Value::object();
        suppression.set("kind", json::Value::string("inSource"));
        suppression.set("justification", json::Value::string(finding->reason));
        json::Value suppressions = json::Value::array();
        suppressions.push(std::move(suppression));
        r.set("suppressions", std::move(suppressions));
    }
    return r;
}

json::Value sarif(const SourceManager& sources, const std::vector<const lint::Finding*>& findings,
                  const std::vector<const Diagnostic*>& others) {
    const std::vector<DiagCode> codes = lint::Linter::rule_codes();
    json::Value rules = json::Value::array();
    for (DiagCode code : codes) {
        json::Value rule = json::Value::object();
        rule.set("id", json::Value::string(diag_code_name(code)));
        json::Value text = json::Value::object();
        text.set("text", json::Value::string(diag_code_description(code)));
        rule.set("shortDescription", std::move(text));
        rules.push(std::move(rule));
    }
    json::Value tool_driver = json::Value::object();
    tool_driver.set("name", json::Value::string("retort"));
    tool_driver.set("rules", std::move(rules));
    json::Value tool = json::Value::object();
    tool.set("driver", std::move(tool_driver));
    json::Value results = json::Value::array();
    for (const lint::Finding* f : findings) results.push(sarif_result(sources, f->diagnostic, codes, f));
    for (const Diagnostic* d : others)
        if (is_directive_code(d->code)) results.push(sarif_result(sources, *d, codes, nullptr));
    json::Value run = json::Value::object();
    run.set("tool", std::move(tool));
    run.set("results", std::move(results));
    json::Value runs = json::Value::array();
    runs.push(std::move(run));
    json::Value doc = json::Value::object();
    doc.set("$schema", json::Value::string("https://json.schemastore.org/sarif-2.1.0.json"));
    doc.set("version", json::Value::string("2.1.0"));
    doc.set("runs", std::move(runs));
    return doc;
}

}  // namespace

int cmd_lint(Invocation& inv) {
    po::options_description options("Options of retort lint");
    options.add_options()("dialect,d", po::value<std::string>()->value_name("D"), dialect_option_help().c_str());
    add_format_option(options, "text (diagnostics on stderr), json or sarif (one document on stdout)");
    options.add_options()("fail-on", po::value<std::string>()->value_name("LEVEL")->default_value("warning"),
                          "error | warning | never: exit 1 when a finding that is not accepted reaches LEVEL");
    auto p = parse_args(
        inv, options,
        {.usage = "retort [-C DIR] [-c FILE] lint [RANGE] [-d D] [--format text|json|sarif] "
                  "[--fail-on error|warning|never]",
         .about = "Reviews each revision of the upgrade RANGE (default: base:heads) as a deploy over a\n"
                  "database that already holds production data: a table created in the same revision\n"
                  "is new and empty, every other one may be large and in use. Reports what locks or\n"
                  "rewrites a table, what loses data and what breaks running clients, for the dialect\n"
                  "and server version of retort.yaml (postgresql.version, mysql.version, mysql.flavor),\n"
                  "each with a note that says the safe way (docs/lint.md).\n"
                  "A finding accepted in the .mig with `-- lint: accept CODE 'reason'` on the line above\n"
                  "the statement is not reported in text and does not count for --fail-on; json and\n"
                  "sarif still list it, marked accepted.",
         .epilogue = "\n--format json prints {\"ok\", \"range\", \"dialect\", \"server\", \"version\",\n"
                     "\"errors\", \"warnings\", \"accepted\", \"findings\", \"diagnostics\"}, each finding a\n"
                     "diagnostic {\"file\", \"line\", \"column\", \"severity\", \"code\", \"message\", \"notes\"}\n"
                     "with \"revision\", \"accepted\" and \"reason\"; on errors in the input only\n"
                     "{\"ok\": false, \"diagnostics\"}. --format sarif prints SARIF 2.1.0.\n"
                     "\nExit status: 0 no finding reaches --fail-on; 1 one does, or the input has\n"
                     "errors; 2 usage error.\n",
         .positional = "range",
         .count = -1});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    std::vector<std::string> ranges;
    if (vm.count("range")) ranges = vm["range"].as<std::vector<std::string>>();
    if (ranges.size() > 1)
        return usage_error(inv, fmt::format("one revision range expected, got '{}' and '{}'", ranges[0], ranges[1]));
    const std::string range = ranges.empty() ? "base:heads" : ranges[0];
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json", "sarif"}, format_status);
    if (!format) return format_status;
    const std::string fail_on = vm["fail-on"].as<std::string>();
    if (fail_on != "error" && fail_on != "warning" && fail_on != "never")
        return usage_error(inv, fmt::format("--fail-on must be error, warning or never, not '{}'", fail_on));
    std::string dialect_name;
    if (vm.count("dialect")) {
        dialect_name = vm["dialect"].as<std::string>();
        if (!dialect_id(dialect_name)) return usage_error(inv, unknown_dialect(dialect_name));
    }

    SourceManager sources;
    DiagnosticEngine input(sources);
    auto project = load_project_or_report(inv, sources, input);
    if (!project) return exit_input_error;
    if (dialect_name.empty()) dialect_name = project->config.dialect;
    DiagnosticEngine found(sources);
    found.set_show_codes(true);
    lint::Linter linter(found, lint_options(project->config, dialect_name));
    bool ok = lint_range(*project, range, dialect_name, input, linter);
    keep_until_exit(project);
    // Errors that are not findings: the input's, or a bad directive. Then
    // the review is not to be trusted: only those are printed.
    const std::size_t input_errors = input.error_count() + found.error_count() - linter.open_errors();
    if (!ok || input_errors > 0) {
        for (const Diagnostic& d : found.diagnostics())
            if (is_directive_code(d.code)) {
                auto b = input.add(d.severity, d.code, d.span, d.message);
                for (const Note& n : d.notes) b.note(n.span, "{}", n.message);
            }
        input.set_show_codes(true);
        if (*format == "text") {
            input.print(inv.err);
        } else {
            json::Value doc = json::Value::object();
            doc.set("ok", json::Value::boolean(false));
            doc.set("diagnostics", diagnostics_json(input));
            inv.out << doc.dump();
        }
        return exit_input_error;
    }
    input.absorb(found);  // directive diagnostics and open findings, in one engine
    input.set_show_codes(true);
    const std::size_t unused = std::count_if(input.diagnostics().begin(), input.diagnostics().end(),
                                             [](const Diagnostic& d) { return is_directive_code(d.code); });
    const std::size_t errors = linter.open_errors();
    const std::size_t warnings = linter.open_warnings() + unused;
    const bool failed = (fail_on == "error" && errors > 0) || (fail_on == "warning" && errors + warnings > 0);
    const lint::Options& o = linter.options();
    if (*format == "text") {
        input.print(inv.err);
        inv.out << fmt::format("lint {} for {} {}: {} error{}, {} warning{}, {} accepted\n", range,
                               lint::server_name(o.server), lint::to_string(o.version), errors,
                               errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", linter.accepted());
        return failed ? exit_input_error : exit_ok;
    }
    std::vector<const Diagnostic*> others;
    for (const Diagnostic& d : input.diagnostics())
        if (is_directive_code(d.code)) others.push_back(&d);
    std::stable_sort(others.begin(), others.end(),
                     [&](const Diagnostic* a, const Diagnostic* b) { return diagnostic_before(sources, *a, *b); });
    std::vector<const lint::Finding*> findings;
    for (const lint::Finding& f : linter.findings()) findings.push_back(&f);
    std::stable_sort(findings.begin(), findings.end(), [&](const lint::Finding* a, const lint::Finding* b) {
        return diagnostic_before(sources, a->diagnostic, b->diagnostic);
    });
    if (*format == "sarif") {
        inv.out << sarif(sources, findings, others).dump();
        return failed ? exit_input_error : exit_ok;
    }
    json::Value doc = json::Value::object();
    doc.set("ok", json::Value::boolean(true));
    doc.set("range", json::Value::string(range));
    doc.set("dialect", json::Value::string(dialect_name));
    doc.set("server", json::Value::string(lint::server_name(o.server)));
    doc.set("version", json::Value::string(lint::to_string(o.version)));
    doc.set("errors", json::Value::number(static_cast<std::int64_t>(errors)));
    doc.set("warnings", json::Value::number(static_cast<std::int64_t>(warnings)));
    doc.set("accepted", json::Value::number(static_cast<std::int64_t>(linter.accepted())));
    json::Value list = json::Value::array();
    for (const lint::Finding* f : findings) list.push(finding_json(sources, *f));
    doc.set("findings", std::move(list));
    json::Value rest = json::Value::array();
    for (const Diagnostic* d : others) rest.push(diagnostic_json(sources, *d));
    doc.set("diagnostics", std::move(rest));
    inv.out << doc.dump();
    return failed ? exit_input_error : exit_ok;
}

}  // namespace retort::driver
