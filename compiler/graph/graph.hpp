#pragma once
// The revision graph (language.md §2): one node per .mig file, edges from
// `down_revision` and `depends_on`. Built once from the parsed headers; every
// problem is a diagnostic at the header that causes it.
//
// Determinism: nothing here depends on file names or on hashing. Where an
// order is needed, ties are broken by the order parents are written in a
// header and, between unrelated revisions, by revision id (byte order).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::graph {

inline constexpr std::size_t default_max_id_length = 32;

struct Revision {
    std::string id;
    std::vector<std::string> down_revisions;  // resolved ids, header order
    std::vector<std::string> depends_on;      // resolved ids, header order, deduplicated
    std::vector<std::string> branch_labels;   // declared on this revision
    std::string message;
    const ast::Migration* migration = nullptr;  // never null for loaded revisions

    // Graph indices (positions in RevisionGraph's node list), filled by build().
    std::size_t index = 0;
    std::vector<std::size_t> parents;            // down_revisions
    std::vector<std::size_t> dependencies;       // depends_on, minus those equal to a down_revision
    // down_revisions + the dependencies that no revision on the down_revision
    // chain below names in its own depends_on: the revisions whose version
    // rows this one replaces (Alembic's "normalized down revisions").
    std::vector<std::size_t> normalized_parents;
    std::vector<std::size_t> children;           // revisions naming this one in down_revision (id order)
    std::vector<std::size_t> dependents;         // revisions naming this one in depends_on (id order)
    std::size_t topo_position = 0;               // position in topological_order()

    bool is_merge() const { return parents.size() > 1; }
    bool is_branch_point() const { return children.size() > 1; }
    bool is_base() const { return parents.empty(); }
};

class RevisionGraph {
public:
    // Builds the graph; reports duplicate ids (both places), unknown
    // down_revision / depends_on targets, cycles (with their path), ids longer
    // than `max_id_length`, labels used twice or equal to an id. Returns
    // nullopt when any of these was found.
    static std::optional<RevisionGraph> build(const std::vector<ast::Migration>& migrations,
                                              DiagnosticEngine& diagnostics,
                                              std::size_t max_id_length = default_max_id_length);

    RevisionGraph() = default;
    RevisionGraph(RevisionGraph&&) = default;
    RevisionGraph& operator=(RevisionGraph&&) = default;
    RevisionGraph(const RevisionGraph&) = delete;
    RevisionGraph& operator=(const RevisionGraph&) = delete;

    std::size_t size() const { return nodes_.size(); }
    const Revision& at(std::size_t index) const { return nodes_[index]; }
    const Revision* find(std::string_view id) const;
    // The revision that declares a branch label, or null.
    const Revision* find_label(std::string_view label) const;
    // Revisions whose id starts with `prefix` (id order).
    std::vector<const Revision*> find_prefix(std::string_view prefix) const;

    // Revisions nothing depends on, through down_revision or depends_on (id order).
    std::vector<const Revision*> heads() const;
    // Revisions no other names in down_revision (Alembic's `head` candidates).
    std::vector<const Revision*> branch_heads() const;
    // Revisions with no down_revision (id order).
    std::vector<const Revision*> bases() const;
    // Revisions with more than one child (id order).
    std::vector<const Revision*> branch_points() const;

    // Every revision, parents (and dependencies) before children. Rule: a
    // depth-first walk from the heads in id order, visiting the parents of a
    // revision in header order (down_revision, then depends_on) and listing a
    // revision once all of its parents are listed. Branches stay together.
    std::vector<const Revision*> topological_order() const;

    // The given revisions and all their ancestors (down_revision and
    // depends_on), parents first, in the order of topological_order().
    std::vector<const Revision*> ancestors_in_order(const std::vector<const Revision*>& targets) const;

    // Marks (in `mark`, size() entries) every ancestor of `from` including
    // `from` itself; with `with_dependencies` false only down_revision counts.
    void mark_ancestors(const std::vector<std::size_t>& from, std::vector<char>& mark,
                        bool with_dependencies = true) const;
    // Marks every descendant of `from` including `from` itself.
    void mark_descendants(const std::vector<std::size_t>& from, std::vector<char>& mark,
                          bool with_dependencies = true) const;

    // Alembic's "shares lineage": `a` is an ancestor or descendant of `b`
    // through down_revision.
    bool shares_lineage(std::size_t a, std::size_t b) const;

    // Every label visible on a revision: its own and those it inherits from
    // the labelled revisions it descends from (as Alembic propagates them).
    std::vector<std::string> labels_of(std::size_t index) const;

private:
    struct Builder;  // the phases of build() (graph.cpp)

    using Edges = std::vector<std::size_t> Revision::*;
    // Marks `from` and everything reached from it along `edges`, and along
    // `more` unless it is null.
    void mark_reachable(const std::vector<std::size_t>& from, std::vector<char>& mark, Edges edges,
                        Edges more) const;

    std::vector<Revision> nodes_;  // sorted by id
    std::unordered_map<std::string_view, std::size_t> by_id_;
    std::unordered_map<std::string, std::size_t> by_label_;
    std::vector<std::size_t> topo_;  // indices in topological order
};

}  // namespace retort::graph
