#pragma once
// The revision syntax of cli.md, as Alembic reads it:
//   ID | PREFIX (>= 4 characters, unique) | LABEL | head | heads | base
//   LABEL@head | LABEL@heads | LABEL@base | LABEL@ID
//   +N | -N                  relative to START (the range's left side)
//   LABEL@+N | LABEL@-N      relative to START, along LABEL's branch
//   ID+N | ID-N | LABEL@head-N | LABEL@ID+N   relative to a named revision
// LABEL may also be a revision id or prefix: "the branch that holds it".
// Problems are diagnostics without a span ("retort: error: ...") that list
// the candidates.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/graph/graph.hpp"

namespace retort::graph {

// One side of a range, resolved.
struct ResolvedSpec {
    std::vector<const Revision*> revisions;  // empty: base
    std::optional<std::string> label;        // the LABEL@ part, if any
    bool base() const { return revisions.empty(); }
};

enum class SpecRole { start, upgrade_end, downgrade_end };

class SpecResolver {
public:
    SpecResolver(const RevisionGraph& graph, DiagnosticEngine& diagnostics)
        : graph_(graph), diagnostics_(diagnostics) {}

    // Resolves `spec`; `current` is the resolved START for relative forms
    // (ignored when role is start). Returns nullopt after a diagnostic.
    std::optional<ResolvedSpec> resolve(std::string_view spec, SpecRole role,
                                        const ResolvedSpec* current = nullptr);

    // One revision (or base) by id, prefix, label or head/LABEL@head.
    // `what` names the argument in messages.
    std::optional<ResolvedSpec> resolve_absolute(std::string_view spec);

    // A label, or a revision id/prefix standing for "its branch".
    const Revision* resolve_branch(std::string_view label, std::string_view spec);

private:
    std::optional<ResolvedSpec> resolve_from_anchor(std::string_view spec, const std::optional<std::string>& label,
                                                    const std::string& symbol, long steps);
    bool counts_the_right_way(std::string_view spec, SpecRole role, const ResolvedSpec* current, long steps);
    std::vector<const Revision*> branch_tips_below(const ResolvedSpec& current, const Revision* branch) const;
    std::optional<ResolvedSpec> resolve_from_start(std::string_view spec, SpecRole role, const ResolvedSpec& current,
                                                   const std::optional<std::string>& label, long steps);
    std::optional<const Revision*> walk(const Revision* start, long steps,
                                        const std::optional<std::string>& label,
                                        std::string_view spec);
    std::optional<const Revision*> resolve_one(std::string_view id, const std::optional<std::string>& label,
                                               std::string_view spec);
    std::vector<const Revision*> filter_lineage(const std::vector<const Revision*>& revs,
                                                const Revision* anchor) const;
    void fail(std::string message);

    const RevisionGraph& graph_;
    DiagnosticEngine& diagnostics_;
};

// Splits "START:END" ("END" alone gives an empty START). More than one ':'
// is a diagnostic.
struct RangeText {
    std::optional<std::string> start;
    std::string end;
};
std::optional<RangeText> split_range(std::string_view range, DiagnosticEngine& diagnostics);

// "a, b, c" / "a, b and 3 more" for candidate lists in messages.
std::string list_revisions(const std::vector<const Revision*>& revisions, std::size_t max = 8);

}  // namespace retort::graph
