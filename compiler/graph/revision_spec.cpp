#include "compiler/graph/revision_spec.hpp"

#include <algorithm>
#include <cctype>

namespace retort::graph {

namespace {

bool is_word(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

struct Relative {
    std::optional<std::string> label;
    std::string symbol;  // may be empty: relative to START
    long steps = 0;
};

// Alembic's `(?:(.+?)@)?(\w+)?([+-]\d+)`, matched against the whole spec.
std::optional<Relative> parse_relative(std::string_view spec) {
    std::size_t end = spec.size(), i = end;
    while (i > 0 && std::isdigit(static_cast<unsigned char>(spec[i - 1]))) --i;
    if (i == end || i == 0 || (spec[i - 1] != '+' && spec[i - 1] != '-')) return std::nullopt;
    if (end - i > 9) return std::nullopt;  // absurd counts are not relative specs
    Relative r;
    r.steps = std::stol(std::string(spec.substr(i)));
    if (spec[i - 1] == '-') r.steps = -r.steps;
    std::string_view rest = spec.substr(0, i - 1);
    auto at = rest.find('@');
    if (at != std::string_view::npos) {
        if (at == 0) return std::nullopt;
        r.label = std::string(rest.substr(0, at));
        rest = rest.substr(at + 1);
    }
    if (!is_word(rest)) return std::nullopt;
    r.symbol = std::string(rest);
    return r;
}

}  // namespace

std::string list_revisions(const std::vector<const Revision*>& revisions, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < revisions.size() && i < max; ++i) {
        if (i) out += ", ";
        out += revisions[i]->id;
    }
    if (revisions.size() > max) out += " and " + std::to_string(revisions.size() - max) + " more";
    if (revisions.empty()) out = "(none)";
    return out;
}

std::optional<RangeText> split_range(std::string_view range, DiagnosticEngine& diagnostics) {
    RangeText r;
    auto colon = range.find(':');
    if (colon == std::string_view::npos) {
        r.end = std::string(range);
    } else {
        if (range.find(':', colon + 1) != std::string_view::npos) {
            diagnostics.error(DiagCode::bad_revision_range, SourceSpan{},
                              "'{}' is not a range: write START:END with one ':'", range);
            return std::nullopt;
        }
        r.start = std::string(range.substr(0, colon));
        r.end = std::string(range.substr(colon + 1));
        if (r.start->empty() || r.end.empty()) {
            diagnostics.error(DiagCode::bad_revision_range, SourceSpan{},
                              "'{}' is not a range: both START and END are needed around ':'", range);
            return std::nullopt;
        }
    }
    if (r.end.empty()) {
        diagnostics.error(DiagCode::bad_revision_range, SourceSpan{}, "an empty revision was given");
        return std::nullopt;
    }
    return r;
}

void SpecResolver::fail(std::string message) {
    diagnostics_.add(Severity::error, DiagCode::unknown_revision, SourceSpan{}, std::move(message));
}

std::vector<const Revision*> SpecResolver::filter_lineage(const std::vector<const Revision*>& revs,
                                                          const Revision* anchor) const {
    std::vector<const Revision*> out;
    for (const Revision* r : revs)
        if (graph_.shares_lineage(r->index, anchor->index)) out.push_back(r);
    return out;
}

const Revision* SpecResolver::resolve_branch(std::string_view label, std::string_view spec) {
    if (const Revision* r = graph_.find_label(label)) return r;
    if (const Revision* r = graph_.find(label)) return r;
    if (label.size() >= 4) {
        auto c = graph_.find_prefix(label);
        if (c.size() == 1) return c.front();
        if (c.size() > 1) {
            diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                             "'" + std::string(label) + "' in '" + std::string(spec) +
                                 "' matches several revisions: " + list_revisions(c));
            return nullptr;
        }
    }
    fail("no branch label or revision '" + std::string(label) + "' (in '" + std::string(spec) + "')");
    return nullptr;
}

std::optional<const Revision*> SpecResolver::resolve_one(std::string_view id,
                                                         const std::optional<std::string>& label,
                                                         std::string_view spec) {
    const Revision* branch = nullptr;
    if (label) {
        branch = resolve_branch(*label, spec);
        if (!branch) return std::nullopt;
    }
    const Revision* found = graph_.find(id);
    if (!found) found = graph_.find_label(id);
    if (!found) {
        if (id.size() < 4) {
            fail("no revision or branch label '" + std::string(id) +
                 "'; a revision prefix needs at least 4 characters");
            return std::nullopt;
        }
        auto candidates = graph_.find_prefix(id);
        if (branch) candidates = filter_lineage(candidates, branch);
        if (candidates.empty()) {
            fail("no revision or branch label '" + std::string(id) + "'" +
                 (branch ? " on branch '" + *label + "'" : std::string()));
            return std::nullopt;
        }
        if (candidates.size() > 1) {
            diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                             "'" + std::string(id) + "' is ambiguous; it starts " +
                                 std::to_string(candidates.size()) + " revisions: " + list_revisions(candidates));
            return std::nullopt;
        }
        found = candidates.front();
    }
    if (branch && !graph_.shares_lineage(found->index, branch->index)) {
        fail("revision " + found->id + " is not on branch '" + *label + "'");
        return std::nullopt;
    }
    return found;
}

std::optional<ResolvedSpec> SpecResolver::resolve_absolute(std::string_view spec) {
    ResolvedSpec out;
    std::string_view id = spec;
    auto at = spec.find('@');
    if (at != std::string_view::npos) {
        if (at == 0) {
            fail("'" + std::string(spec) + "' has an empty branch label before '@'");
            return std::nullopt;
        }
        out.label = std::string(spec.substr(0, at));
        id = spec.substr(at + 1);
        if (id.empty()) {
            fail("'" + std::string(spec) + "' needs a revision after '@': head, heads, base or an id");
            return std::nullopt;
        }
    }
    const Revision* branch = nullptr;
    if (out.label && (id == "head" || id == "heads" || id == "base")) {
        branch = resolve_branch(*out.label, spec);
        if (!branch) return std::nullopt;
    }
    if (id == "heads") {
        out.revisions = branch ? filter_lineage(graph_.branch_heads(), branch) : graph_.heads();
        return out;
    }
    if (id == "head") {
        auto heads = graph_.branch_heads();
        if (branch) heads = filter_lineage(heads, branch);
        if (heads.size() > 1) {
            diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                             "'" + std::string(spec) + "' is ambiguous: there are " +
                                 std::to_string(heads.size()) + " heads: " + list_revisions(heads) +
                                 "; name one of them, or use 'heads'");
            return std::nullopt;
        }
        out.revisions = heads;
        return out;
    }
    if (id == "base") return out;
    if (!is_word(id)) {
        fail("'" + std::string(spec) + "' is not a revision: ids and labels are letters, digits and '_'");
        return std::nullopt;
    }
    auto one = resolve_one(id, out.label, spec);
    if (!one) return std::nullopt;
    out.revisions = {*one};
    return out;
}

std::optional<const Revision*> SpecResolver::walk(const Revision* start, long steps,
                                                  const std::optional<std::string>& label,
                                                  std::string_view spec) {
    const Revision* branch = nullptr;
    if (label && steps > 0) {
        branch = resolve_branch(*label, spec);
        if (!branch) return std::nullopt;
    }
    const Revision* cur = start;
    bool at_base = start == nullptr;
    long taken = 0;
    auto too_far = [&]() {
        diagnostics_.add(Severity::error, DiagCode::bad_revision_range, SourceSpan{},
                         "'" + std::string(spec) + "' walks past the " + (steps > 0 ? "heads" : "base") +
                             ": only " + std::to_string(taken) + " of " + std::to_string(std::labs(steps)) +
                             " steps exist from " + (start ? start->id : std::string("base")));
    };
    for (; taken < std::labs(steps); ++taken) {
        if (steps > 0) {
            std::vector<const Revision*> next;
            if (!cur) {
                next = graph_.bases();
            } else {
                for (std::size_t c : cur->children) next.push_back(&graph_.at(c));
            }
            if (branch) next = filter_lineage(next, branch);
            if (next.empty()) {
                too_far();
                return std::nullopt;
            }
            if (next.size() > 1) {
                diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                                 "'" + std::string(spec) + "' is ambiguous: " +
                                     (cur ? "the branch splits after " + cur->id : std::string("there are several bases")) +
                                     " into " + list_revisions(next) + "; name a branch (LABEL@+N) or a revision");
                return std::nullopt;
            }
            cur = next.front();
            at_base = false;
        } else {
            if (at_base) {
                too_far();
                return std::nullopt;
            }
            if (cur->parents.empty()) {
                cur = nullptr;
                at_base = true;
                continue;
            }
            if (cur->parents.size() > 1) {
                std::vector<const Revision*> ps;
                for (std::size_t p : cur->parents) ps.push_back(&graph_.at(p));
                diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                                 "'" + std::string(spec) + "' is ambiguous: " + cur->id + " merges " +
                                     list_revisions(ps) + "; name the revision to go to");
                return std::nullopt;
            }
            cur = &graph_.at(cur->parents.front());
        }
    }
    return cur;
}

std::optional<ResolvedSpec> SpecResolver::resolve(std::string_view spec, SpecRole role,
                                                  const ResolvedSpec* current) {
    if (spec.empty()) {
        fail("an empty revision was given");
        return std::nullopt;
    }
    auto rel = parse_relative(spec);
    if (!rel) return resolve_absolute(spec);
    if (!rel->symbol.empty()) return resolve_from_anchor(spec, rel->label, rel->symbol, rel->steps);
    if (!counts_the_right_way(spec, role, current, rel->steps)) return std::nullopt;
    return resolve_from_start(spec, role, *current, rel->label, rel->steps);
}

// SYMBOL+N, LABEL@SYMBOL-N: relative to a named revision.
std::optional<ResolvedSpec> SpecResolver::resolve_from_anchor(std::string_view spec,
                                                              const std::optional<std::string>& label,
                                                              const std::string& symbol, long steps) {
    ResolvedSpec out;
    out.label = label;
    std::string anchor = label ? *label + "@" + symbol : symbol;
    auto a = resolve_absolute(anchor);
    if (!a) return std::nullopt;
    if (a->revisions.size() > 1) {
        diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                         "'" + anchor + "' in '" + std::string(spec) + "' names " +
                             std::to_string(a->revisions.size()) + " revisions: " + list_revisions(a->revisions) +
                             "; name one of them");
        return std::nullopt;
    }
    auto w = walk(a->base() ? nullptr : a->revisions.front(), steps, steps > 0 ? label : std::nullopt, spec);
    if (!w) return std::nullopt;
    if (*w) out.revisions = {*w};
    return out;
}

// +N / -N counts from START: not as START itself, and up for upgrade, down
// for downgrade.
bool SpecResolver::counts_the_right_way(std::string_view spec, SpecRole role, const ResolvedSpec* current,
                                        long steps) {
    if (role == SpecRole::start || !current) {
        diagnostics_.add(Severity::error, DiagCode::bad_revision_range, SourceSpan{},
                         "'" + std::string(spec) + "' counts from the start of a range; it cannot be the start itself");
        return false;
    }
    if (role == SpecRole::upgrade_end && steps <= 0) {
        diagnostics_.add(Severity::error, DiagCode::bad_revision_range, SourceSpan{},
                         "upgrade to '" + std::string(spec) + "' goes down; use downgrade");
        return false;
    }
    if (role == SpecRole::downgrade_end && steps >= 0) {
        diagnostics_.add(Severity::error, DiagCode::bad_revision_range, SourceSpan{},
                         "downgrade to '" + std::string(spec) + "' goes up; use upgrade");
        return false;
    }
    return true;
}

// The branch has no revision in START: the tips of the branch's revisions
// below START (empty: count from base).
std::vector<const Revision*> SpecResolver::branch_tips_below(const ResolvedSpec& current,
                                                             const Revision* branch) const {
    std::vector<std::size_t> idx;
    for (const Revision* r : current.revisions) idx.push_back(r->index);
    std::vector<char> mark(graph_.size(), 0);
    graph_.mark_ancestors(idx, mark, true);
    std::vector<const Revision*> below;
    for (const Revision* r : graph_.topological_order())
        if (mark[r->index] && graph_.shares_lineage(r->index, branch->index)) below.push_back(r);
    std::vector<char> is_parent(graph_.size(), 0);
    for (const Revision* r : below)
        for (std::size_t p : r->normalized_parents) is_parent[p] = 1;
    std::vector<const Revision*> tips;
    for (const Revision* r : below)
        if (!is_parent[r->index]) tips.push_back(r);
    return tips;
}

// +N, -N, LABEL@+N, LABEL@-N: relative to START.
std::optional<ResolvedSpec> SpecResolver::resolve_from_start(std::string_view spec, SpecRole role,
                                                             const ResolvedSpec& current,
                                                             const std::optional<std::string>& label, long steps) {
    ResolvedSpec out;
    out.label = label;
    std::vector<const Revision*> from = current.revisions;
    if (label) {
        const Revision* branch = resolve_branch(*label, spec);
        if (!branch) return std::nullopt;
        from = filter_lineage(from, branch);
        if (from.empty() && role == SpecRole::upgrade_end && !current.base()) from = branch_tips_below(current, branch);
    }
    if (role == SpecRole::downgrade_end && from.empty()) {
        diagnostics_.add(Severity::error, DiagCode::bad_revision_range, SourceSpan{},
                         "'" + std::string(spec) + "': START has no revision" +
                             (label ? " on branch '" + *label + "'" : std::string()) + " to count from");
        return std::nullopt;
    }
    if (from.size() > 1) {
        diagnostics_.add(Severity::error, DiagCode::ambiguous_revision, SourceSpan{},
                         "'" + std::string(spec) + "' is ambiguous: START has " + std::to_string(from.size()) +
                             " revisions: " + list_revisions(from) + "; use LABEL@" + (steps > 0 ? "+" : "") +
                             std::to_string(steps) + " or name a revision");
        return std::nullopt;
    }
    const Revision* start = from.empty() ? nullptr : from.front();
    auto w = walk(start, steps, steps > 0 ? label : std::nullopt, spec);
    if (!w) return std::nullopt;
    if (*w) out.revisions = {*w};
    // A relative downgrade stays on the branch it counted along.
    if (role == SpecRole::downgrade_end && !out.label && start) out.label = start->id;
    return out;
}

}  // namespace retort::graph
