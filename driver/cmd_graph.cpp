// The graph commands: history, heads, branches, show (as Alembic's).
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/graph_commands.hpp"
#include "driver/graph_format.hpp"
#include "driver/json.hpp"
#include "compiler/graph/revision_spec.hpp"

namespace po = boost::program_options;

namespace retort::driver {

namespace {

using graph::Revision;
using graph::RevisionGraph;

std::string ids_of(const RevisionGraph& g, const std::vector<std::size_t>& indices) {
    std::string out;
    for (std::size_t i : indices) out += (out.empty() ? "" : ", ") + g.at(i).id;
    return out;
}

// "a -> b (head), message" / "(a, b) -> c (mergepoint), message" / "<base> -> a, message"
std::string one_line(const RevisionGraph& g, const Revision& r) {
    std::string down;
    if (r.parents.empty()) down = "<base>";
    else if (r.parents.size() == 1) down = g.at(r.parents.front()).id;
    else down = "(" + ids_of(g, r.parents) + ")";
    std::string line = down + " -> " + r.id + revision_markers(r);
    if (!r.dependencies.empty()) line += " (depends on " + ids_of(g, r.dependencies) + ")";
    return line + ", " + (r.message.empty() ? std::string("(no message)") : r.message);
}

std::string verbose_block(const RevisionGraph& g, const Revision& r, const SourceManager& sources) {
    std::string out = "Rev: " + r.id + revision_markers(r) + "\n";
    if (r.is_merge()) out += "Merges: " + ids_of(g, r.parents) + "\n";
    else if (r.parents.size() == 1) out += "Parent: " + g.at(r.parents.front()).id + "\n";
    else out += "Parent: <base>\n";
    if (!r.dependencies.empty()) out += "Also depends on: " + ids_of(g, r.dependencies) + "\n";
    if (r.is_branch_point()) out += "Branches into: " + ids_of(g, r.children) + "\n";
    if (!r.dependents.empty()) out += "Needed by: " + ids_of(g, r.dependents) + "\n";
    auto labels = g.labels_of(r.index);
    if (!labels.empty()) {
        out += "Branch names: ";
        for (std::size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
        out += "\n";
    }
    out += "Path: " + revision_path(r, sources) + "\n\n";
    out += "    " + (r.message.empty() ? std::string("(no message)") : r.message) + "\n\n";
    return out;
}

// {"KEY": [revision, ...]} in the given order.
std::string revisions_json(const RevisionGraph& g, const std::vector<const Revision*>& revisions,
                           const SourceManager& sources, const char* key) {
    json::Value list = json::Value::array();
    for (const Revision* r : revisions) list.push(revision_json(g, *r, revision_path(*r, sources)));
    json::Value doc = json::Value::object();
    doc.set(key, std::move(list));
    return doc.dump();
}

constexpr const char* json_shape =
    "\n--format json prints one object; each revision in it is\n"
    "  {\"id\", \"message\", \"down_revisions\", \"depends_on\", \"branch_labels\", \"labels\",\n"
    "   \"children\", \"dependents\", \"head\", \"base\", \"branch_point\", \"merge\", \"path\"}\n"
    "(docs/cli.md, \"Machine-readable output\").\n";

}  // namespace

int cmd_history(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()("rev-range,r", po::value<std::string>()->value_name("RANGE"),
                          "only revisions in [START]:[END] (each side optional)")(
        "verbose,v", "a block per revision")("graph", "draw the revision graph in text, as git log --graph");
    add_format_option(options, "text, json, dot (Graphviz) or mermaid");
    auto p = parse_args(inv, options,
                        {.usage = "retort history [-r RANGE] [-v] [--graph] [--format text|json|dot|mermaid]",
                         .about = "Lists revisions newest first (children before parents), marking heads,\n"
                                  "branch points and merge points.\n"
                                  "--graph draws the graph: one row per revision, '*' the revision, '|' a\n"
                                  "down_revision lane, ':' a depends_on lane, '\\' '/' '_' lanes that split,\n"
                                  "join or move.\n"
                                  "--format dot and --format mermaid print the graph for Graphviz and Mermaid:\n"
                                  "a node per revision (id, labels, message; heads doubled or bold), an\n"
                                  "edge from each down_revision (solid) and each depends_on (dashed).",
                         .epilogue = json_shape});
    if (p.status >= 0) return p.status;
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json", "dot", "mermaid"}, format_status);
    if (!format) return format_status;
    if (p.vm.count("graph") && *format != "text")
        return usage_error(inv, "--graph draws text; it does not go with --format " + *format);
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const RevisionGraph& g = loaded->graph;
    std::vector<char> keep(g.size(), 1);
    if (p.vm.count("rev-range")) {
        std::string range = p.vm["rev-range"].as<std::string>();
        auto colon = range.find(':');
        std::string start = colon == std::string::npos ? range : range.substr(0, colon);
        std::string end = colon == std::string::npos ? range : range.substr(colon + 1);
        if (start.empty()) start = "base";
        if (end.empty()) end = "heads";
        graph::SpecResolver resolver(g, diagnostics);
        auto s = resolver.resolve(start, graph::SpecRole::start);
        auto e = s ? resolver.resolve(end, graph::SpecRole::upgrade_end, &*s) : std::nullopt;
        if (!s || !e) {
            diagnostics.print(inv.err);
            return exit_input_error;
        }
        std::vector<char> below(g.size(), 0), above(g.size(), 0);
        std::vector<std::size_t> ends, starts;
        for (const Revision* r : e->revisions) ends.push_back(r->index);
        for (const Revision* r : s->revisions) starts.push_back(r->index);
        g.mark_ancestors(ends, below, true);
        if (starts.empty())
            std::fill(above.begin(), above.end(), 1);
        else
            g.mark_descendants(starts, above, true);
        for (std::size_t i = 0; i < g.size(); ++i) keep[i] = below[i] && above[i];
    }
    std::vector<const Revision*> order;
    for (const Revision* r : g.topological_order())
        if (keep[r->index]) order.push_back(r);
    std::reverse(order.begin(), order.end());
    if (*format == "json") inv.out << revisions_json(g, order, sources, "revisions");
    if (*format == "dot") inv.out << graph_dot(g, order);
    if (*format == "mermaid") inv.out << graph_mermaid(g, order);
    if (*format != "text") return exit_ok;
    if (p.vm.count("graph")) {
        inv.out << graph_ascii(g, order);
        return exit_ok;
    }
    for (const Revision* r : order) {
        if (p.vm.count("verbose"))
            inv.out << verbose_block(g, *r, sources);
        else
            inv.out << one_line(g, *r) << "\n";
    }
    return exit_ok;
}

int cmd_heads(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()("verbose,v", "a block per head");
    add_format_option(options, "text or json");
    auto p = parse_args(inv, options,
                        {.usage = "retort heads [-v] [--format text|json]",
                         .about = "Lists the current heads: revisions nothing builds on.",
                         .epilogue = json_shape});
    if (p.status >= 0) return p.status;
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json"}, format_status);
    if (!format) return format_status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    if (*format == "json") {
        inv.out << revisions_json(loaded->graph, loaded->graph.heads(), sources, "heads");
        return exit_ok;
    }
    for (const Revision* r : loaded->graph.heads()) {
        if (p.vm.count("verbose"))
            inv.out << verbose_block(loaded->graph, *r, sources);
        else
            inv.out << r->id << revision_markers(*r) << "\n";
    }
    return exit_ok;
}

int cmd_branches(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()("verbose,v", "a block per branch point");
    add_format_option(options, "text or json");
    auto p = parse_args(inv, options,
                        {.usage = "retort branches [-v] [--format text|json]",
                         .about = "Lists the branch points: revisions with more than one child, and the\n"
                                  "branches that start there (in JSON: their \"children\").",
                         .epilogue = json_shape});
    if (p.status >= 0) return p.status;
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json"}, format_status);
    if (!format) return format_status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const RevisionGraph& g = loaded->graph;
    if (*format == "json") {
        inv.out << revisions_json(g, g.branch_points(), sources, "branch_points");
        return exit_ok;
    }
    for (const Revision* r : g.branch_points()) {
        if (p.vm.count("verbose"))
            inv.out << verbose_block(g, *r, sources);
        else
            inv.out << one_line(g, *r) << "\n";
        for (std::size_t c : r->children)
            inv.out << std::string(r->id.size(), ' ') << " -> " << g.at(c).id << revision_markers(g.at(c)) << ", "
                    << (g.at(c).message.empty() ? std::string("(no message)") : g.at(c).message) << "\n";
    }
    return exit_ok;
}

int cmd_show(Invocation& inv) {
    po::options_description options("Options");
    add_format_option(options, "text or json");
    auto p = parse_args(inv, options,
                        {.usage = "retort show REV [--format text|json]",
                         .about = "Shows one revision: parents, children, labels, file and message.\n"
                                  "REV is any revision syntax that names revisions (an id, a prefix, a\n"
                                  "label, head, heads, LABEL@head, REV@-N ...).\n"
                                  "In JSON, base is {\"base\": true, \"revisions\": []}.",
                         .epilogue = json_shape,
                         .positional = "rev",
                         .count = 1});
    if (p.status >= 0) return p.status;
    int format_status = exit_ok;
    auto format = format_of(inv, p, {"text", "json"}, format_status);
    if (!format) return format_status;
    if (!p.vm.count("rev")) return usage_error(inv, "a revision is needed, for example head");
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    graph::SpecResolver resolver(loaded->graph, diagnostics);
    const std::string spec = p.vm["rev"].as<std::vector<std::string>>().front();
    auto revs = resolver.resolve(spec, graph::SpecRole::start);
    if (!revs) {
        diagnostics.print(inv.err);
        return exit_input_error;
    }
    if (*format == "json") {
        json::Value list = json::Value::array();
        for (const Revision* r : revs->revisions)
            list.push(revision_json(loaded->graph, *r, revision_path(*r, sources)));
        json::Value doc = json::Value::object();
        doc.set("base", json::Value::boolean(revs->base()));
        doc.set("revisions", std::move(list));
        inv.out << doc.dump();
        return exit_ok;
    }
    if (revs->base()) {
        inv.out << "Rev: <base>\n";
        return exit_ok;
    }
    for (const Revision* r : revs->revisions) inv.out << verbose_block(loaded->graph, *r, sources);
    return exit_ok;
}

}  // namespace retort::driver
