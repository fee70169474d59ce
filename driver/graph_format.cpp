#include "driver/graph_format.hpp"

#include <algorithm>

namespace retort::driver {

namespace {

using graph::Revision;
using graph::RevisionGraph;

std::vector<std::string> ids(const RevisionGraph& g, const std::vector<std::size_t>& indices) {
    std::vector<std::string> out;
    for (std::size_t i : indices) out.push_back(g.at(i).id);
    return out;
}

bool is_head(const Revision& r) { return r.children.empty() && r.dependents.empty(); }

std::string message_of(const Revision& r) { return r.message.empty() ? std::string("(no message)") : r.message; }

std::vector<char> kept(const RevisionGraph& g, const std::vector<const Revision*>& revisions) {
    std::vector<char> keep(g.size(), 0);
    for (const Revision* r : revisions) keep[r->index] = 1;
    return keep;
}

// A DOT double-quoted string body.
std::string dot_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

// A Mermaid "..." label: entity codes for what Mermaid would read itself.
std::string mermaid_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '"': out += "#quot;"; break;
            case '#': out += "#35;"; break;
            case '<': out += "#lt;"; break;
            case '>': out += "#gt;"; break;
            case '\n': out += "<br/>"; break;
            default: out += c;
        }
    }
    return out;
}

std::string labels_text(const Revision& r) {
    std::string out;
    for (std::size_t i = 0; i < r.branch_labels.size(); ++i) out += (i ? ", " : "") + r.branch_labels[i];
    return out;
}

// --- the ASCII drawing -----------------------------------------------------

struct Lane {
    std::size_t target;  // the revision this lane leads to
    bool dependency;     // a depends_on edge (drawn ':'), not a down_revision one
};

struct Edge {
    std::size_t from, to;  // lane slots in the row above and the row below
    bool dependency;
};

char lane_char(bool dependency) { return dependency ? ':' : '|'; }

std::string trim_right(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// One row joining the lanes above to the lanes below, as git log --graph
// draws it: '|' or ':' straight down, '\' and '/' a move of one slot, and
// '_' along the bottom for the rest of a longer move. Verticals are drawn
// last, so a lane crossed by a move stays visible.
std::string connector(const std::vector<Edge>& edges) {
    std::size_t width = 0;
    for (const Edge& e : edges) width = std::max(width, 2 * std::max(e.from, e.to) + 1);
    std::string row(width, ' ');
    for (const Edge& e : edges) {
        if (e.to > e.from)
            for (std::size_t col = 2 * e.from + 2; col < 2 * e.to; ++col) row[col] = '_';
        if (e.to < e.from)
            for (std::size_t col = 2 * e.to + 1; col + 1 < 2 * e.from; ++col) row[col] = '_';
    }
    for (const Edge& e : edges) {
        if (e.to > e.from) row[2 * e.from + 1] = '\\';
        if (e.to < e.from) row[2 * e.from - 1] = '/';
    }
    for (const Edge& e : edges)
        if (e.to == e.from) row[2 * e.from] = lane_char(e.dependency);
    return trim_right(row) + "\n";
}

bool straight(const std::vector<Edge>& edges, std::size_t lanes_before, std::size_t lanes_after) {
    if (lanes_before != lanes_after) return false;
    return std::all_of(edges.begin(), edges.end(), [](const Edge& e) { return e.from == e.to; });
}

// The lanes alone: a row that ends the lane of a base, so that a head
// drawn in its slot next does not look like its child.
std::string gap(const std::vector<Lane>& lanes) {
    std::string row;
    for (const Lane& lane : lanes) row += std::string(1, lane_char(lane.dependency)) + " ";
    return trim_right(row) + "\n";
}

constexpr std::size_t no_slot = static_cast<std::size_t>(-1);

// Joins every lane that leads to `r` into the leftmost of them; returns its
// slot. `ended` is the slot whose lane the row above ended, if any.
std::size_t gather(std::vector<Lane>& lanes, std::size_t r, std::size_t ended, std::string& out) {
    std::vector<std::size_t> slots;
    for (std::size_t k = 0; k < lanes.size(); ++k)
        if (lanes[k].target == r) slots.push_back(k);
    if (slots.empty()) {
        if (ended == lanes.size()) out += gap(lanes);
        lanes.push_back(Lane{r, false});
        return lanes.size() - 1;
    }
    const std::size_t c = slots.front();
    if (slots.size() == 1) return c;
    std::vector<Lane> after;
    std::vector<Edge> edges;
    bool dependency = true;
    for (std::size_t k = 0; k < lanes.size(); ++k) {
        const bool joins = lanes[k].target == r;
        if (joins) dependency = dependency && lanes[k].dependency;
        if (joins && k != c) {
            edges.push_back(Edge{k, c, lanes[k].dependency});
            continue;
        }
        edges.push_back(Edge{k, after.size(), lanes[k].dependency});
        after.push_back(lanes[k]);
    }
    after[c].dependency = dependency;
    out += connector(edges);
    lanes = std::move(after);
    return c;
}

// Replaces lane `c` by one lane per edge out of `r` (parents first, then
// dependencies), or removes it at a base.
void spread(std::vector<Lane>& lanes, std::size_t c, const std::vector<Lane>& targets, std::string& out) {
    std::vector<Lane> after(lanes.begin(), lanes.begin() + static_cast<std::ptrdiff_t>(c));
    std::vector<Edge> edges;
    for (std::size_t k = 0; k < c; ++k) edges.push_back(Edge{k, k, lanes[k].dependency});
    for (const Lane& t : targets) {
        edges.push_back(Edge{c, after.size(), t.dependency});
        after.push_back(t);
    }
    for (std::size_t k = c + 1; k < lanes.size(); ++k) {
        edges.push_back(Edge{k, after.size(), lanes[k].dependency});
        after.push_back(lanes[k]);
    }
    if (!straight(edges, lanes.size(), after.size()) && !edges.empty()) out += connector(edges);
    lanes = std::move(after);
}

constexpr std::size_t graph_width = 80;

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The first `keep` code points of `s`.
std::string first_code_points(std::string_view s, std::size_t keep) {
    std::size_t seen = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && seen++ == keep) break;
    }
    return std::string(s.substr(0, i));
}

// "ID markers MESSAGE", the message cut with "..." so that the row fits in
// graph_width columns after `used` columns of lanes.
std::string row_text(const RevisionGraph& g, const Revision& r, std::size_t used) {
    std::string text = r.id + revision_markers(r);
    if (r.is_base()) text += " (base)";
    if (!r.dependencies.empty()) {
        text += " (depends on ";
        auto names = ids(g, r.dependencies);
        for (std::size_t i = 0; i < names.size(); ++i) text += (i ? ", " : "") + names[i];
        text += ")";
    }
    std::string message = message_of(r);
    const std::size_t before = used + code_points(text) + 1;
    if (before + code_points(message) > graph_width)
        message = before + 3 < graph_width ? first_code_points(message, graph_width - before - 3) + "..." : "...";
    return text + " " + message;
}

}  // namespace

std::string revision_markers(const Revision& r) {
    std::string out;
    if (!r.branch_labels.empty()) out += " (" + labels_text(r) + ")";
    if (is_head(r)) out += " (head)";
    else if (r.children.empty()) out += " (head of a dependency)";
    if (r.is_branch_point()) out += " (branchpoint)";
    if (r.is_merge()) out += " (mergepoint)";
    return out;
}

json::Value revision_json(const RevisionGraph& g, const Revision& r, const std::string& path) {
    json::Value v = json::Value::object();
    v.set("id", json::Value::string(r.id));
    v.set("message", json::Value::string(r.message));
    v.set("down_revisions", json::Value::strings(ids(g, r.parents)));
    v.set("depends_on", json::Value::strings(ids(g, r.dependencies)));
    v.set("branch_labels", json::Value::strings(r.branch_labels));
    v.set("labels", json::Value::strings(g.labels_of(r.index)));
    v.set("children", json::Value::strings(ids(g, r.children)));
    v.set("dependents", json::Value::strings(ids(g, r.dependents)));
    v.set("head", json::Value::boolean(is_head(r)));
    v.set("base", json::Value::boolean(r.is_base()));
    v.set("branch_point", json::Value::boolean(r.is_branch_point()));
    v.set("merge", json::Value::boolean(r.is_merge()));
    v.set("path", json::Value::string(path));
    return v;
}

std::string graph_dot(const RevisionGraph& g, const std::vector<const Revision*>& revisions) {
    auto keep = kept(g, revisions);
    std::string out =
        "digraph retort {\n"
        "  rankdir=BT;\n"
        "  node [shape=box, fontname=\"monospace\"];\n";
    for (const Revision* r : revisions) {
        std::string label = r->id;
        if (!r->branch_labels.empty()) label += " (" + labels_text(*r) + ")";
        label += "\n" + message_of(*r);
        out += "  \"" + r->id + "\" [label=\"" + dot_escape(label) + "\"";
        if (is_head(*r)) out += ", peripheries=2";
        out += "];\n";
    }
    for (const Revision* r : revisions) {
        for (std::size_t p : r->parents)
            if (keep[p]) out += "  \"" + g.at(p).id + "\" -> \"" + r->id + "\";\n";
        for (std::size_t d : r->dependencies)
            if (keep[d])
                out += "  \"" + g.at(d).id + "\" -> \"" + r->id + "\" [style=dashed, label=\"depends_on\"];\n";
    }
    return out + "}\n";
}

std::string graph_mermaid(const RevisionGraph& g, const std::vector<const Revision*>& revisions) {
    auto keep = kept(g, revisions);
    std::string out = "flowchart BT\n";
    for (const Revision* r : revisions) {
        std::string label = r->id;
        if (!r->branch_labels.empty()) label += " (" + labels_text(*r) + ")";
        label += "\n" + message_of(*r);
        out += "  r_" + r->id + "[\"" + mermaid_escape(label) + "\"]\n";
    }
    for (const Revision* r : revisions) {
        for (std::size_t p : r->parents)
            if (keep[p]) out += "  r_" + g.at(p).id + " --> r_" + r->id + "\n";
        for (std::size_t d : r->dependencies)
            if (keep[d]) out += "  r_" + g.at(d).id + " -. depends_on .-> r_" + r->id + "\n";
    }
    std::string heads;
    for (const Revision* r : revisions)
        if (is_head(*r)) heads += (heads.empty() ? "" : ",") + ("r_" + r->id);
    if (!heads.empty()) out += "  classDef head stroke-width:3px\n  class " + heads + " head\n";
    return out;
}

std::string graph_ascii(const RevisionGraph& g, const std::vector<const Revision*>& revisions) {
    auto keep = kept(g, revisions);
    std::vector<Lane> lanes;
    std::string out;
    std::size_t ended = no_slot;
    for (const Revision* r : revisions) {
        const std::size_t c = gather(lanes, r->index, ended, out);
        std::string row;
        for (std::size_t k = 0; k < lanes.size(); ++k) {
            row += k == c ? '*' : lane_char(lanes[k].dependency);
            row += ' ';
        }
        out += row + row_text(g, *r, row.size()) + "\n";
        std::vector<Lane> targets;
        for (std::size_t p : r->parents)
            if (keep[p]) targets.push_back(Lane{p, false});
        for (std::size_t d : r->dependencies)
            if (keep[d]) targets.push_back(Lane{d, true});
        ended = targets.empty() ? c : no_slot;
        spread(lanes, c, targets, out);
    }
    return out;
}

}  // namespace retort::driver
