#include "compiler/graph/planner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/graph/revision_spec.hpp"

namespace retort::graph {

namespace {

std::vector<std::size_t> indices(const std::vector<const Revision*>& revs) {
    std::vector<std::size_t> out;
    for (const Revision* r : revs) out.push_back(r->index);
    return out;
}

// Depth-first post-order from `roots` (taken in topological order) through
// parents in header order, restricted to `in_set`: parents before children.
std::vector<const Revision*> walk_order(const RevisionGraph& g, std::vector<std::size_t> roots,
                                        const std::vector<char>& in_set) {
    std::sort(roots.begin(), roots.end(),
              [&](std::size_t a, std::size_t b) { return g.at(a).topo_position < g.at(b).topo_position; });
    std::vector<char> state(g.size(), 0);
    std::vector<const Revision*> out;
    std::vector<std::pair<std::size_t, std::size_t>> stack;
    for (std::size_t root : roots) {
        if (!in_set[root] || state[root]) continue;
        state[root] = 1;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto& [i, k] = stack.back();
            const Revision& r = g.at(i);
            std::size_t next = g.size();
            while (next == g.size() && k < r.parents.size() + r.dependencies.size()) {
                std::size_t p = k < r.parents.size() ? r.parents[k] : r.dependencies[k - r.parents.size()];
                ++k;
                if (in_set[p] && !state[p]) next = p;
            }
            if (next == g.size()) {
                out.push_back(&r);
                stack.pop_back();
            } else {
                state[next] = 1;
                stack.push_back({next, 0});
            }
        }
    }
    return out;
}

struct Ends {
    ResolvedSpec start, end;
};

std::optional<Ends> resolve_range(const RevisionGraph& g, std::string_view range, DiagnosticEngine& d,
                                  SpecRole end_role, bool start_required) {
    auto text = split_range(range, d);
    if (!text) return std::nullopt;
    if (!text->start && start_required) {
        d.error(DiagCode::bad_revision_range, SourceSpan{},
                "'{}' has no START: offline there is no database to read the current revision from; "
                "write START:END (for example heads:{})",
                range, text->end);
        return std::nullopt;
    }
    SpecResolver resolver(g, d);
    auto start = resolver.resolve(text->start.value_or("base"), SpecRole::start);
    if (!start) return std::nullopt;
    auto end = resolver.resolve(text->end, end_role, &*start);
    if (!end) return std::nullopt;
    return Ends{*start, *end};
}

Plan upgrade_plan(const RevisionGraph& g, const Ends& e, bool stamp) {
    std::vector<char> need(g.size(), 0), have(g.size(), 0);
    g.mark_ancestors(indices(e.end.revisions), need, true);
    g.mark_ancestors(indices(e.start.revisions), have, true);
    for (std::size_t i = 0; i < g.size(); ++i) need[i] = need[i] && !have[i];
    Plan plan;
    plan.upgrade = true;
    plan.stamp = stamp;
    plan.from_base = e.start.base();
    plan.start_heads = e.start.revisions;
    VersionRows rows(g, e.start.revisions);
    for (const Revision* r : walk_order(g, indices(e.end.revisions), need))
        plan.runs.push_back({r, true, rows.upgrade(*r)});
    plan.end_rows = rows.rows();
    return plan;
}

std::optional<Plan> downgrade_plan(const RevisionGraph& g, const Ends& e, DiagnosticEngine& d, bool stamp) {
    if (e.end.revisions.size() > 1) {
        d.error(DiagCode::ambiguous_revision, SourceSpan{},
                "a downgrade goes to one revision, but END names {}: {}; name one of them",
                e.end.revisions.size(), list_revisions(e.end.revisions));
        return std::nullopt;
    }
    std::vector<std::size_t> roots;
    if (e.end.base()) {
        for (const Revision* b : g.bases()) roots.push_back(b->index);
    } else {
        roots = e.end.revisions.front()->children;
    }
    if (e.end.label && roots.size() > 1) {
        SpecResolver resolver(g, d);
        const Revision* branch = resolver.resolve_branch(*e.end.label, *e.end.label);
        if (!branch) return std::nullopt;
        std::vector<char> anc(g.size(), 0);
        g.mark_ancestors({branch->index}, anc, false);
        roots.erase(std::remove_if(roots.begin(), roots.end(), [&](std::size_t r) { return !anc[r]; }),
                    roots.end());
        if (roots.empty()) {
            d.error(DiagCode::bad_revision_range, SourceSpan{},
                    "branch '{}' has nothing to downgrade below {}", *e.end.label,
                    e.end.base() ? std::string("base") : e.end.revisions.front()->id);
            return std::nullopt;
        }
    }
    std::vector<char> drop(g.size(), 0), active(g.size(), 0);
    g.mark_descendants(roots, drop, true);
    g.mark_ancestors(indices(e.start.revisions), active, true);
    bool any = false;
    for (std::size_t i = 0; i < g.size(); ++i) {
        drop[i] = drop[i] && active[i];
        any = any || drop[i];
    }
    if (!any && !e.end.base() &&
        std::find(e.start.revisions.begin(), e.start.revisions.end(), e.end.revisions.front()) ==
            e.start.revisions.end()) {
        d.error(DiagCode::bad_revision_range, SourceSpan{},
                "nothing to downgrade: {} is not below START ({})", e.end.revisions.front()->id,
                e.start.base() ? std::string("base") : list_revisions(e.start.revisions));
        return std::nullopt;
    }
    auto order = walk_order(g, indices(e.start.revisions), drop);
    std::reverse(order.begin(), order.end());
    if (!stamp) {
        bool blocked = false;
        for (const Revision* r : order)
            if (r->migration && r->migration->downgrade_kind == ast::DowngradeKind::none) {
                d.error(DiagCode::no_downgrade, r->migration->header.span,
                        "revision {} has no downgrade, so it cannot be downgraded past; add a downgrade "
                        "block (or `downgrade auto;`), or stop the downgrade above it",
                        r->id);
                blocked = true;
            }
        if (blocked) return std::nullopt;
    }
    Plan plan;
    plan.upgrade = false;
    plan.stamp = stamp;
    plan.from_base = e.start.base();
    plan.start_heads = e.start.revisions;
    VersionRows rows(g, e.start.revisions);
    for (const Revision* r : order) plan.runs.push_back({r, false, rows.downgrade(*r)});
    plan.end_rows = rows.rows();
    return plan;
}

}  // namespace

std::optional<Plan> plan_upgrade(const RevisionGraph& g, std::string_view range, DiagnosticEngine& d) {
    auto e = resolve_range(g, range, d, SpecRole::upgrade_end, false);
    if (!e) return std::nullopt;
    return upgrade_plan(g, *e, false);
}

std::optional<Plan> plan_downgrade(const RevisionGraph& g, std::string_view range, DiagnosticEngine& d) {
    auto e = resolve_range(g, range, d, SpecRole::downgrade_end, true);
    if (!e) return std::nullopt;
    return downgrade_plan(g, *e, d, false);
}

// Alembic 1.8's stamp (ScriptDirectory._stamp_revs, then HeadMaintainer
// applying each StampStep): one step per END revision, from the START rows
// that share a lineage with END, straight to it; no migration is walked.
std::optional<Plan> plan_stamp(const RevisionGraph& g, std::string_view range, DiagnosticEngine& d) {
    auto text = split_range(range, d);
    if (!text) return std::nullopt;
    SpecResolver resolver(g, d);
    auto start = resolver.resolve(text->start.value_or("base"), SpecRole::start);
    if (!start) return std::nullopt;
    auto end = resolver.resolve(text->end, SpecRole::upgrade_end, &*start);
    if (!end) return std::nullopt;

    // The START rows in id order (the order the guard lists them; Alembic's
    // is the version table's): a merge step UPDATEs the last, DELETEs the rest.
    std::vector<const Revision*> heads = start->revisions;
    std::sort(heads.begin(), heads.end(), [](const Revision* a, const Revision* b) { return a->id < b->id; });
    heads.erase(std::unique(heads.begin(), heads.end()), heads.end());

    // filter_for_lineage(heads, END, include_dependencies): every row for base.
    std::vector<const Revision*> filtered;
    if (end->base() && !end->label) {
        filtered = heads;
    } else {
        // END's revisions and its branch label (LABEL@base: the label alone).
        std::vector<std::size_t> shares = indices(end->revisions);
        if (end->label) {
            if (const Revision* branch = resolver.resolve_branch(*end->label, *end->label)) shares.push_back(branch->index);
        }
        std::vector<char> below(g.size(), 0), above(g.size(), 0);  // separate: a walk stops at marked nodes
        g.mark_ancestors(shares, below, true);
        g.mark_descendants(shares, above, true);
        for (const Revision* h : heads)
            if (below[h->index] || above[h->index]) filtered.push_back(h);
    }

    Plan plan;
    plan.stamp = true;
    plan.upgrade = true;
    plan.from_base = start->base();
    plan.start_heads = start->revisions;
    std::vector<std::string> rows;
    for (const Revision* h : heads) rows.push_back(h->id);
    auto has = [&](const std::string& id) { return std::find(rows.begin(), rows.end(), id) != rows.end(); };
    auto refuse = [&](const std::string& why) {
        d.error(DiagCode::bad_revision_range, SourceSpan{}, "stamp {}: {}; Alembic's stamp stops here too", range,
                why);
        return std::nullopt;
    };
    // HeadMaintainer's statements, with its checks.
    auto remove = [&](const std::string& id, std::vector<VersionOp>& ops) {
        auto it = std::find(rows.begin(), rows.end(), id);
        if (it == rows.end()) return false;
        rows.erase(it);
        ops.push_back({VersionOp::Kind::delete_, id, {}});
        return true;
    };
    auto update = [&](const std::string& from, const std::string& to, std::vector<VersionOp>& ops) {
        auto it = std::find(rows.begin(), rows.end(), from);
        if (it == rows.end() || has(to)) return false;
        *it = to;
        ops.push_back({VersionOp::Kind::update, from, to});
        return true;
    };

    if (end->base()) {
        plan.upgrade = false;
        for (const Revision* h : filtered) {
            MigrationRun run{h, false, {}};
            remove(h->id, run.version_ops);
            plan.runs.push_back(std::move(run));
        }
    }
    // One step per END revision, in id order (Alembic's order is its map's).
    std::vector<const Revision*> dests = end->revisions;
    std::sort(dests.begin(), dests.end(), [](const Revision* a, const Revision* b) { return a->id < b->id; });
    for (const Revision* dest : dests) {
        if (std::find(filtered.begin(), filtered.end(), dest) != filtered.end()) continue;  // already stamped
        std::vector<char> above(g.size(), 0), below(g.size(), 0);
        g.mark_descendants({dest->index}, above, true);
        g.mark_ancestors({dest->index}, below, true);
        bool rows_above = std::any_of(filtered.begin(), filtered.end(), [&](const Revision* h) { return above[h->index]; });
        bool rows_below = std::any_of(filtered.begin(), filtered.end(), [&](const Revision* h) { return below[h->index]; });
        if (rows_above && rows_below)
            return refuse(fmt::format("START holds rows both above and below {}", dest->id));
        // from: the filtered rows (none: a new branch); upgrade unless rows lie above.
        bool upgrade = !rows_above;
        bool branch_move = !rows_above && !rows_below;
        MigrationRun run{dest, upgrade, {}};
        std::vector<std::string> from;
        if (!branch_move)
            for (const Revision* h : filtered) from.push_back(h->id);
        bool from_missing = std::any_of(from.begin(), from.end(), [&](const std::string& id) { return !has(id); });
        if (upgrade && (branch_move || from_missing) && !has(dest->id)) {
            rows.push_back(dest->id);
            run.version_ops.push_back({VersionOp::Kind::insert, {}, dest->id});
        } else if (from.size() > 1) {
            for (std::size_t i = 0; i + 1 < from.size(); ++i)
                if (!remove(from[i], run.version_ops))
                    return refuse(fmt::format("row {} is already gone when {} is stamped", from[i], dest->id));
            if (!update(from.back(), dest->id, run.version_ops))
                return refuse(fmt::format("cannot move row {} to {}", from.back(), dest->id));
        } else if (from.size() == 1) {
            if (!update(from.front(), dest->id, run.version_ops))
                return refuse(fmt::format("cannot move row {} to {}", from.front(), dest->id));
        } else {
            return refuse(fmt::format("{} is already a row", dest->id));
        }
        if (!upgrade) plan.upgrade = false;
        plan.runs.push_back(std::move(run));
    }
    std::sort(rows.begin(), rows.end());
    plan.end_rows = rows;
    return plan;
}

std::string format_plan(const Plan& plan) {
    std::string out = "start";
    if (plan.start_heads.empty()) out += " base";
    std::vector<std::string> ids;
    for (const Revision* r : plan.start_heads) ids.push_back(r->id);
    std::sort(ids.begin(), ids.end());
    for (const std::string& id : ids) out += " " + id;
    out += "\n";
    if (plan.from_base) out += "create-version-table\n";
    for (const MigrationRun& run : plan.runs) {
        out += plan.stamp ? "stamp-" : "";
        out += run.upgrade ? "upgrade " : "downgrade ";
        out += run.revision->id + ":";
        bool first = true;
        for (const VersionOp& op : run.version_ops) {
            out += first ? " " : ", ";
            first = false;
            switch (op.kind) {
            case VersionOp::Kind::insert: out += "insert " + op.to; break;
            case VersionOp::Kind::update: out += "update " + op.from + " " + op.to; break;
            case VersionOp::Kind::delete_: out += "delete " + op.from; break;
            }
        }
        out += "\n";
    }
    out += "rows";
    if (plan.end_rows.empty()) out += " (none)";
    for (const std::string& id : plan.end_rows) out += " " + id;
    out += "\n";
    return out;
}

}  // namespace retort::graph
