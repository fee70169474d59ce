#include "compiler/graph/graph.hpp"

#include <algorithm>
#include <string>

namespace retort::graph {

namespace {

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) {
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out;
}

SourceSpan revision_span(const ast::Migration& m) {
    return m.header.revision ? m.header.revision->span : m.header.span;
}

}  // namespace

const Revision* RevisionGraph::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &nodes_[it->second];
}

const Revision* RevisionGraph::find_label(std::string_view label) const {
    auto it = by_label_.find(std::string(label));
    return it == by_label_.end() ? nullptr : &nodes_[it->second];
}

std::vector<const Revision*> RevisionGraph::find_prefix(std::string_view prefix) const {
    std::vector<const Revision*> out;
    // nodes_ is sorted by id: the matches are one contiguous run.
    auto it = std::lower_bound(nodes_.begin(), nodes_.end(), prefix,
                               [](const Revision& r, std::string_view p) { return r.id < p; });
    for (; it != nodes_.end() && std::string_view(it->id).substr(0, prefix.size()) == prefix; ++it)
        out.push_back(&*it);
    return out;
}

std::vector<const Revision*> RevisionGraph::heads() const {
    std::vector<const Revision*> out;
    for (const Revision& r : nodes_)
        if (r.children.empty() && r.dependents.empty()) out.push_back(&r);
    return out;
}

std::vector<const Revision*> RevisionGraph::branch_heads() const {
    std::vector<const Revision*> out;
    for (const Revision& r : nodes_)
        if (r.children.empty()) out.push_back(&r);
    return out;
}

std::vector<const Revision*> RevisionGraph::bases() const {
    std::vector<const Revision*> out;
    for (const Revision& r : nodes_)
        if (r.parents.empty()) out.push_back(&r);
    return out;
}

std::vector<const Revision*> RevisionGraph::branch_points() const {
    std::vector<const Revision*> out;
    for (const Revision& r : nodes_)
        if (r.children.size() > 1) out.push_back(&r);
    return out;
}

std::vector<const Revision*> RevisionGraph::topological_order() const {
    std::vector<const Revision*> out;
    out.reserve(topo_.size());
    for (std::size_t i : topo_) out.push_back(&nodes_[i]);
    return out;
}

std::vector<const Revision*> RevisionGraph::ancestors_in_order(
    const std::vector<const Revision*>& targets) const {
    std::vector<std::size_t> from;
    for (const Revision* r : targets) from.push_back(r->index);
    std::vector<char> mark(nodes_.size(), 0);
    mark_ancestors(from, mark, true);
    std::vector<const Revision*> out;
    for (std::size_t i : topo_)
        if (mark[i]) out.push_back(&nodes_[i]);
    return out;
}

void RevisionGraph::mark_reachable(const std::vector<std::size_t>& from, std::vector<char>& mark, Edges edges,
                                   Edges more) const {
    std::vector<std::size_t> todo(from.begin(), from.end());
    while (!todo.empty()) {
        std::size_t i = todo.back();
        todo.pop_back();
        if (mark[i]) continue;
        mark[i] = 1;
        for (std::size_t next : nodes_[i].*edges)
            if (!mark[next]) todo.push_back(next);
        if (more)
            for (std::size_t next : nodes_[i].*more)
                if (!mark[next]) todo.push_back(next);
    }
}

void RevisionGraph::mark_ancestors(const std::vector<std::size_t>& from, std::vector<char>& mark,
                                   bool with_dependencies) const {
    mark_reachable(from, mark, &Revision::parents, with_dependencies ? &Revision::dependencies : nullptr);
}

void RevisionGraph::mark_descendants(const std::vector<std::size_t>& from, std::vector<char>& mark,
                                     bool with_dependencies) const {
    mark_reachable(from, mark, &Revision::children, with_dependencies ? &Revision::dependents : nullptr);
}

bool RevisionGraph::shares_lineage(std::size_t a, std::size_t b) const {
    if (a == b) return true;
    // Walk only between the two topological positions.
    const std::size_t lo = std::min(a, b, [&](std::size_t x, std::size_t y) {
        return nodes_[x].topo_position < nodes_[y].topo_position;
    });
    const std::size_t hi = lo == a ? b : a;
    std::vector<std::size_t> todo{hi};
    std::vector<char> seen(nodes_.size(), 0);
    while (!todo.empty()) {
        std::size_t i = todo.back();
        todo.pop_back();
        if (i == lo) return true;
        if (seen[i]) continue;
        seen[i] = 1;
        for (std::size_t p : nodes_[i].parents)
            if (!seen[p] && nodes_[p].topo_position >= nodes_[lo].topo_position) todo.push_back(p);
    }
    return false;
}

std::vector<std::string> RevisionGraph::labels_of(std::size_t index) const {
    std::vector<char> mark(nodes_.size(), 0);
    mark_ancestors({index}, mark, false);
    std::vector<std::string> out;
    for (std::size_t i : topo_)
        if (mark[i])
            for (const std::string& l : nodes_[i].branch_labels) out.push_back(l);
    return out;
}

// The phases of build(), in order. Each reports what it finds and goes on,
// so that one run reports every problem; `ok` turns false at the first.
struct RevisionGraph::Builder {
    RevisionGraph& g;
    DiagnosticEngine& diagnostics;
    bool ok = true;

    std::vector<const ast::Migration*> distinct_revisions(const std::vector<ast::Migration>& migrations);
    void add_nodes(const std::vector<const ast::Migration*>& distinct, std::size_t max_id_length);
    void map_branch_labels();
    void add_down_revisions();
    void add_depends_on();
    const Revision* resolve_dependency(const Revision& r, const ast::Name& dep);
    const Revision* head_of(const Revision& anchor, const Revision& r, const ast::Name& dep);
    void detect_cycles();
    void normalize_parents();

    void unknown(const ast::Name& name, const char* what);

    // The depth-first walk of detect_cycles.
    struct Walk {
        std::vector<char> state;  // 0 new, 1 on the stack, 2 done
        std::vector<std::size_t> on_stack_at;
        bool cyclic = false;
    };
    std::optional<std::size_t> parent_at(std::size_t i, std::size_t k) const;
    void walk_from(std::size_t root, Walk& walk);
    void report_cycle(const std::vector<std::pair<std::size_t, std::size_t>>& stack, const Walk& walk,
                      std::size_t child, std::size_t parent);
};

std::optional<RevisionGraph> RevisionGraph::build(const std::vector<ast::Migration>& migrations,
                                                  DiagnosticEngine& diagnostics,
                                                  std::size_t max_id_length) {
    RevisionGraph g;
    Builder b{g, diagnostics};
    b.add_nodes(b.distinct_revisions(migrations), max_id_length);
    b.map_branch_labels();
    b.add_down_revisions();
    b.add_depends_on();
    b.detect_cycles();
    if (!b.ok) return std::nullopt;
    b.normalize_parents();
    return g;
}

// The migrations with a revision id, one per id, in id order; a duplicate
// is reported at both places.
std::vector<const ast::Migration*> RevisionGraph::Builder::distinct_revisions(
    const std::vector<ast::Migration>& migrations) {
    std::vector<const ast::Migration*> order;
    for (const ast::Migration& m : migrations)
        if (m.header.revision) order.push_back(&m);
    std::stable_sort(order.begin(), order.end(), [](const ast::Migration* a, const ast::Migration* b) {
        return a->header.revision->text < b->header.revision->text;
    });
    std::vector<const ast::Migration*> distinct;
    for (const ast::Migration* m : order) {
        if (!distinct.empty() && distinct.back()->header.revision->text == m->header.revision->text) {
            diagnostics
                .error(DiagCode::duplicate_revision, revision_span(*m), "duplicate revision id '{}'",
                       m->header.revision->text)
                .note(revision_span(*distinct.back()), "revision '{}' is also declared here",
                      m->header.revision->text);
            ok = false;
            continue;
        }
        distinct.push_back(m);
    }
    return distinct;
}

// One node per distinct id; an id longer than the version column is an error.
void RevisionGraph::Builder::add_nodes(const std::vector<const ast::Migration*>& distinct,
                                       std::size_t max_id_length) {
    g.nodes_.resize(distinct.size());
    for (std::size_t i = 0; i < distinct.size(); ++i) {
        const ast::Migration& m = *distinct[i];
        Revision& r = g.nodes_[i];
        r.id = m.header.revision->text;
        r.index = i;
        r.migration = &m;
        if (m.header.message) r.message = m.header.message->text;
        if (r.id.size() > max_id_length) {
            diagnostics
                .error(DiagCode::revision_id_too_long, revision_span(m),
                       "revision id '{}' is {} characters long; the version column holds {}", r.id,
                       r.id.size(), max_id_length)
                .note(SourceSpan{}, "a longer id fails at run time when it is written to the version table; "
                                    "use a shorter id");
            ok = false;
        }
    }
    for (const Revision& r : g.nodes_) g.by_id_.emplace(std::string_view(r.id), r.index);
}

// Branch labels: unique, and never equal to a revision id.
void RevisionGraph::Builder::map_branch_labels() {
    std::unordered_map<std::string, SourceSpan> label_spans;
    for (Revision& r : g.nodes_) {
        for (const ast::Name& label : r.migration->header.branch_labels) {
            if (const Revision* other = g.find(label.text)) {
                diagnostics
                    .error(DiagCode::duplicate_label, label.span,
                           "branch label '{}' is also a revision id", label.text)
                    .note(revision_span(*other->migration), "revision '{}' is declared here", other->id);
                ok = false;
                continue;
            }
            auto [it, inserted] = g.by_label_.emplace(label.text, r.index);
            if (!inserted) {
                diagnostics
                    .error(DiagCode::duplicate_label, label.span,
                           "branch label '{}' is already used by revision '{}'", label.text,
                           g.nodes_[it->second].id)
                    .note(label_spans[label.text], "first used here");
                ok = false;
                continue;
            }
            label_spans[label.text] = label.span;
            r.branch_labels.push_back(label.text);
        }
    }
}

void RevisionGraph::Builder::unknown(const ast::Name& name, const char* what) {
    auto b = diagnostics.error(DiagCode::unknown_revision, name.span, "{} '{}' is not a known revision", what,
                               name.text);
    std::vector<std::string> near;
    for (const Revision* c : g.find_prefix(name.text)) near.push_back(c->id);
    if (!near.empty() && near.size() <= 5)
        b.note(SourceSpan{}, "revisions starting with '{}': {}; write the full id", name.text, join_ids(near));
    ok = false;
}

// down_revision edges: parents, and the children they imply.
void RevisionGraph::Builder::add_down_revisions() {
    for (Revision& r : g.nodes_) {
        for (const ast::Name& down : r.migration->header.down_revisions) {
            const Revision* p = g.find(down.text);
            if (!p) {
                unknown(down, "down_revision");
                continue;
            }
            if (std::find(r.parents.begin(), r.parents.end(), p->index) != r.parents.end()) continue;
            r.parents.push_back(p->index);
            r.down_revisions.push_back(p->id);
        }
    }
    for (Revision& r : g.nodes_)
        for (std::size_t p : r.parents) g.nodes_[p].children.push_back(r.index);
}

// depends_on edges (after add_down_revisions: `X@head` follows children);
// then children and dependents are put in id order.
void RevisionGraph::Builder::add_depends_on() {
    for (Revision& r : g.nodes_) {
        for (const ast::Name& dep : r.migration->header.depends_on) {
            const Revision* target = resolve_dependency(r, dep);
            if (!target) continue;
            if (std::find(r.depends_on.begin(), r.depends_on.end(), target->id) != r.depends_on.end()) continue;
            r.depends_on.push_back(target->id);
            if (std::find(r.parents.begin(), r.parents.end(), target->index) == r.parents.end())
                r.dependencies.push_back(target->index);
        }
    }
    for (Revision& r : g.nodes_)
        for (std::size_t p : r.dependencies) g.nodes_[p].dependents.push_back(r.index);
    for (Revision& r : g.nodes_) {
        std::sort(r.children.begin(), r.children.end());
        std::sort(r.dependents.begin(), r.dependents.end());
    }
}

// A depends_on entry of `r`: an id, a label (the revision declaring it), or
// `X@head` (the one head descending from label or revision X). Null after a
// diagnostic.
const Revision* RevisionGraph::Builder::resolve_dependency(const Revision& r, const ast::Name& dep) {
    std::string_view text = dep.text;
    auto at = text.find('@');
    if (at == std::string_view::npos) {
        const Revision* target = g.find(text);
        if (!target) target = g.find_label(text);
        if (!target) unknown(dep, "depends_on");
        return target;
    }
    std::string_view base = text.substr(0, at), what = text.substr(at + 1);
    const Revision* anchor = g.find_label(base);
    if (!anchor) anchor = g.find(base);
    if (!anchor) {
        unknown(dep, "depends_on");
        return nullptr;
    }
    if (what != "head") {
        diagnostics.error(DiagCode::unknown_revision, dep.span,
                          "depends_on accepts a revision, a label or 'label@head', not '{}'", dep.text);
        ok = false;
        return nullptr;
    }
    return head_of(*anchor, r, dep);
}

// The one head (through down_revision) that descends from `anchor`, other
// than `r` itself (depending on itself would be a cycle). Null after a
// diagnostic when there is none or more than one.
const Revision* RevisionGraph::Builder::head_of(const Revision& anchor, const Revision& r, const ast::Name& dep) {
    std::vector<char> mark(g.nodes_.size(), 0);
    g.mark_descendants({anchor.index}, mark, false);
    std::vector<std::string> found;
    const Revision* head = nullptr;
    for (const Revision& c : g.nodes_)
        if (mark[c.index] && c.children.empty() && c.index != r.index) {
            found.push_back(c.id);
            head = &c;
        }
    if (found.size() == 1) return head;
    diagnostics.error(DiagCode::ambiguous_revision, dep.span, "'{}' has {} heads: {}; name one of them", dep.text,
                      found.size(), join_ids(found));
    ok = false;
    return nullptr;
}

// Cycles, and the topological order (topo_, and each node's topo_position
// when there is no cycle): an iterative depth-first walk from the heads in
// id order, then from anything left (only on cycles). The first cycle found
// is reported, with its path.
void RevisionGraph::Builder::detect_cycles() {
    const std::size_t n = g.nodes_.size();
    Walk walk{std::vector<char>(n, 0), std::vector<std::size_t>(n, 0)};
    for (std::size_t i = 0; i < n; ++i)
        if (g.nodes_[i].children.empty() && g.nodes_[i].dependents.empty()) walk_from(i, walk);
    for (std::size_t i = 0; i < n; ++i) walk_from(i, walk);
    if (walk.cyclic) return;
    for (std::size_t pos = 0; pos < n; ++pos) g.nodes_[g.topo_[pos]].topo_position = pos;
}

// The k-th parent of node i in header order: down_revision, then depends_on.
std::optional<std::size_t> RevisionGraph::Builder::parent_at(std::size_t i, std::size_t k) const {
    const Revision& r = g.nodes_[i];
    if (k < r.parents.size()) return r.parents[k];
    k -= r.parents.size();
    if (k < r.dependencies.size()) return r.dependencies[k];
    return std::nullopt;
}

void RevisionGraph::Builder::walk_from(std::size_t root, Walk& walk) {
    if (walk.state[root]) return;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};  // node, next parent to visit
    walk.state[root] = 1;
    walk.on_stack_at[root] = 0;
    while (!stack.empty()) {
        auto [i, k] = stack.back();
        ++stack.back().second;
        std::optional<std::size_t> p = parent_at(i, k);
        if (!p) {
            walk.state[i] = 2;
            g.topo_.push_back(i);
            stack.pop_back();
        } else if (walk.state[*p] == 0) {
            walk.state[*p] = 1;
            walk.on_stack_at[*p] = stack.size();
            stack.push_back({*p, 0});
        } else if (walk.state[*p] == 1 && !walk.cyclic) {
            walk.cyclic = true;
            report_cycle(stack, walk, i, *p);
        }
    }
}

// The cycle is the stack from `parent` down to `child`, then back to
// `parent`; reported at the header entry of `child` that names `parent`.
void RevisionGraph::Builder::report_cycle(const std::vector<std::pair<std::size_t, std::size_t>>& stack,
                                          const Walk& walk, std::size_t child, std::size_t parent) {
    std::string path;
    for (std::size_t s = walk.on_stack_at[parent]; s < stack.size(); ++s) path += g.nodes_[stack[s].first].id + " -> ";
    const std::string& parent_id = g.nodes_[parent].id;
    path += parent_id;
    const ast::Header& h = g.nodes_[child].migration->header;
    SourceSpan at = h.down_revision_span.valid() ? h.down_revision_span : h.span;
    for (const ast::Name& name : h.down_revisions)
        if (name.text == parent_id) at = name.span;
    for (const ast::Name& name : h.depends_on)
        if (name.text == parent_id) at = name.span;
    diagnostics.error(DiagCode::revision_cycle, at, "revision cycle: {} (each revision names the next as its parent)",
                      path);
    ok = false;
}

// Normalized parents, Alembic's `_normalized_down_revisions`: the
// down_revisions plus each depends_on target that no revision on the
// down_revision chain below (not through depends_on) names in its own
// depends_on. A target that is only an ancestor some other way stays: its
// row is restored on a downgrade, as Alembic restores it.
void RevisionGraph::Builder::normalize_parents() {
    for (Revision& r : g.nodes_) {
        r.normalized_parents = r.parents;
        if (r.dependencies.empty()) continue;
        std::vector<char> below(g.nodes_.size(), 0);
        g.mark_ancestors(r.parents, below, false);
        std::vector<char> named(g.nodes_.size(), 0);
        for (std::size_t a = 0; a < g.nodes_.size(); ++a) {
            if (!below[a]) continue;
            const Revision& ancestor = g.nodes_[a];
            for (std::size_t d : ancestor.dependencies) named[d] = 1;
            for (std::size_t p : ancestor.parents)  // a depends_on that repeats its own down_revision
                if (std::find(ancestor.depends_on.begin(), ancestor.depends_on.end(), g.nodes_[p].id) !=
                    ancestor.depends_on.end())
                    named[p] = 1;
        }
        for (std::size_t d : r.dependencies)
            if (!named[d]) r.normalized_parents.push_back(d);
    }
}

}  // namespace retort::graph
