// `retort plan [--downgrade|--stamp] RANGE`: the plan in a stable text form
// (docs/revisions.md), a debugging aid and the conformance suite's input.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/graph_commands.hpp"
#include "driver/diagnostics_json.hpp"
#include "driver/json.hpp"
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

namespace {

const char* op_kind(graph::VersionOp::Kind kind) {
    switch (kind) {
        case graph::VersionOp::Kind::insert: return "insert";
        case graph::VersionOp::Kind::update: return "update";
        case graph::VersionOp::Kind::delete_: return "delete";
    }
    return "insert";
}

// {"range", "direction", "start", "create_version_table", "runs", "rows"}:
// the same facts as format_plan, in the same order.
json::Value plan_json(const std::string& range, const graph::Plan& plan) {
    json::Value doc = json::Value::object();
    doc.set("range", json::Value::string(range));
    doc.set("direction", json::Value::string(plan.stamp ? "stamp" : plan.upgrade ? "upgrade" : "downgrade"));
    std::vector<std::string> start;
    for (const graph::Revision* r : plan.start_heads) start.push_back(r->id);
    std::sort(start.begin(), start.end());
    doc.set("start", json::Value::strings(start));
    doc.set("create_version_table", json::Value::boolean(plan.from_base));
    json::Value runs = json::Value::array();
    for (const graph::MigrationRun& run : plan.runs) {
        json::Value v = json::Value::object();
        v.set("revision", json::Value::string(run.revision->id));
        v.set("upgrade", json::Value::boolean(run.upgrade));
        json::Value ops = json::Value::array();
        for (const graph::VersionOp& op : run.version_ops) {
            json::Value o = json::Value::object();
            o.set("op", json::Value::string(op_kind(op.kind)));
            o.set("from", op.kind == graph::VersionOp::Kind::insert ? json::Value() : json::Value::string(op.from));
            o.set("to", op.kind == graph::VersionOp::Kind::delete_ ? json::Value() : json::Value::string(op.to));
            ops.push(std::move(o));
        }
        v.set("version_ops", std::move(ops));
        runs.push(std::move(v));
    }
    doc.set("runs", std::move(runs));
    doc.set("rows", json::Value::strings(plan.end_rows));
    return doc;
}

}  // namespace

int cmd_plan(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()
        ("downgrade", "plan a downgrade (RANGE is START:END)")
        ("stamp", "plan a stamp: version-table rows only");
    add_format_option(options, "text or json");
    auto p = parse_args(inv, options,
                        {.usage = "retort plan [--downgrade|--stamp] [--format text|json] RANGE [RANGE...]",
                         .about = "Prints the plan for RANGE in a stable text form, one line per migration:\n"
                                  "direction, revision id, then the version-table statements after it.\n"
                                  "  start ID...|base          the version rows at START\n"
                                  "  create-version-table      when the plan starts from base\n"
                                  "  upgrade ID: insert ID, update FROM TO, delete ID\n"
                                  "  rows ID...|(none)         the version rows at the end\n"
                                  "RANGE is [START:]END in the revision syntax of docs/revisions.md.\n"
                                  "With several ranges, each plan follows a line '== RANGE'; a range that\n"
                                  "cannot be planned prints 'refused' and its diagnostics there, on stdout.\n"
                                  "--format json prints {\"plans\": [...]}, one object per RANGE:\n"
                                  "  {\"range\", \"direction\", \"start\", \"create_version_table\",\n"
                                  "   \"runs\": [{\"revision\", \"upgrade\", \"version_ops\": [{\"op\", \"from\", \"to\"}]}],\n"
                                  "   \"rows\"}\n"
                                  "or, for a range that cannot be planned, {\"range\", \"refused\": true,\n"
                                  "\"diagnostics\"}.",
                         .positional = "range",
                         .count = -1});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    if (!vm.count("range")) return usage_error(inv, "a RANGE is needed, for example base:heads");
    if (vm.count("downgrade") && vm.count("stamp")) return usage_error(inv, "--downgrade and --stamp exclude each other");
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json"}, format_status);
    if (!format) return format_status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const auto ranges = vm["range"].as<std::vector<std::string>>();
    int result = exit_ok;
    json::Value plans = json::Value::array();
    for (const std::string& range : ranges) {
        std::optional<graph::Plan> plan;
        if (vm.count("downgrade"))
            plan = graph::plan_downgrade(loaded->graph, range, diagnostics);
        else if (vm.count("stamp"))
            plan = graph::plan_stamp(loaded->graph, range, diagnostics);
        else
            plan = graph::plan_upgrade(loaded->graph, range, diagnostics);
        if (*format == "json") {
            if (plan) {
                plans.push(plan_json(range, *plan));
                continue;
            }
            result = exit_input_error;
            json::Value refused = json::Value::object();
            refused.set("range", json::Value::string(range));
            refused.set("refused", json::Value::boolean(true));
            refused.set("diagnostics", diagnostics_json(diagnostics));
            plans.push(std::move(refused));
            diagnostics.render();  // clears them for the next range
            continue;
        }
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
    if (*format == "json") {
        json::Value doc = json::Value::object();
        doc.set("plans", std::move(plans));
        inv.out << doc.dump();
    }
    return result;
}

}  // namespace retort::driver
