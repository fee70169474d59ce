// The graph commands: history, heads, branches, show (as Alembic's).
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/graph_commands.hpp"
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

std::string markers(const RevisionGraph& g, const Revision& r) {
    std::string out;
    if (!r.branch_labels.empty()) {
        out += " (";
        for (std::size_t i = 0; i < r.branch_labels.size(); ++i) out += (i ? ", " : "") + r.branch_labels[i];
        out += ")";
    }
    if (r.children.empty() && r.dependents.empty()) out += " (head)";
    else if (r.children.empty()) out += " (head of a dependency)";
    if (r.is_branch_point()) out += " (branchpoint)";
    if (r.is_merge()) out += " (mergepoint)";
    (void)g;
    return out;
}

// "a -> b (head), message" / "(a, b) -> c (mergepoint), message" / "<base> -> a, message"
std::string one_line(const RevisionGraph& g, const Revision& r) {
    std::string down;
    if (r.parents.empty()) down = "<base>";
    else if (r.parents.size() == 1) down = g.at(r.parents.front()).id;
    else down = "(" + ids_of(g, r.parents) + ")";
    std::string line = down + " -> " + r.id + markers(g, r);
    if (!r.dependencies.empty()) line += " (depends on " + ids_of(g, r.dependencies) + ")";
    return line + ", " + (r.message.empty() ? std::string("(no message)") : r.message);
}

std::string verbose_block(const RevisionGraph& g, const Revision& r, const SourceManager& sources) {
    std::string out = "Rev: " + r.id + markers(g, r) + "\n";
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

}  // namespace

int cmd_history(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()("rev-range,r", po::value<std::string>()->value_name("RANGE"),
                          "only revisions in [START]:[END] (each side optional)")(
        "verbose,v", "a block per revision");
    auto p = parse_args(inv, options,
                        {.usage = "retort history [-r RANGE] [-v]",
                         .about = "Lists revisions newest first (children before parents), marking heads,\n"
                                  "branch points and merge points."});
    if (p.status >= 0) return p.status;
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
    auto order = g.topological_order();
    std::reverse(order.begin(), order.end());
    for (const Revision* r : order) {
        if (!keep[r->index]) continue;
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
    auto p = parse_args(inv, options,
                        {.usage = "retort heads [-v]",
                         .about = "Lists the current heads: revisions nothing builds on."});
    if (p.status >= 0) return p.status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    for (const Revision* r : loaded->graph.heads()) {
        if (p.vm.count("verbose"))
            inv.out << verbose_block(loaded->graph, *r, sources);
        else
            inv.out << r->id << markers(loaded->graph, *r) << "\n";
    }
    return exit_ok;
}

int cmd_branches(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()("verbose,v", "a block per branch point");
    auto p = parse_args(inv, options,
                        {.usage = "retort branches [-v]",
                         .about = "Lists the branch points: revisions with more than one child, and the\n"
                                  "branches that start there."});
    if (p.status >= 0) return p.status;
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const RevisionGraph& g = loaded->graph;
    for (const Revision* r : g.branch_points()) {
        if (p.vm.count("verbose"))
            inv.out << verbose_block(g, *r, sources);
        else
            inv.out << one_line(g, *r) << "\n";
        for (std::size_t c : r->children)
            inv.out << std::string(r->id.size(), ' ') << " -> " << g.at(c).id << markers(g, g.at(c)) << ", "
                    << (g.at(c).message.empty() ? std::string("(no message)") : g.at(c).message) << "\n";
    }
    return exit_ok;
}

int cmd_show(Invocation& inv) {
    po::options_description options("Options");
    auto p = parse_args(inv, options,
                        {.usage = "retort show REV",
                         .about = "Shows one revision: parents, children, labels, file and message.\n"
                                  "REV is any revision syntax that names revisions (an id, a prefix, a\n"
                                  "label, head, heads, LABEL@head, REV@-N ...).",
                         .positional = "rev",
                         .count = 1});
    if (p.status >= 0) return p.status;
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
    if (revs->base()) {
        inv.out << "Rev: <base>\n";
        return exit_ok;
    }
    for (const Revision* r : revs->revisions) inv.out << verbose_block(loaded->graph, *r, sources);
    return exit_ok;
}

}  // namespace retort::driver
