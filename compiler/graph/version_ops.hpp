#pragma once
// The rows of the version table while a plan runs, and the statements that
// move them: Alembic's HeadMaintainer rules (language.md §6).
//   upgrade, no parent row present (a base, or a new branch)  INSERT
//   upgrade with two or more parent rows (a merge)            DELETE all but the
//                                                              first parent row, UPDATE it
//   upgrade along a branch                                     UPDATE parent -> revision
//   downgrade of a merge                                       UPDATE revision -> first parent,
//                                                              INSERT the other parents
//   downgrade to base, or to a parent another row implies      DELETE
//   downgrade along a branch                                   UPDATE revision -> parent
// "Parents" are Alembic's normalized down revisions (graph.hpp). As in
// Alembic, only the *other* current rows imply a parent (it is one of them
// or an ancestor of one): a parent that is an ancestor of another parent
// still gets its row back on a downgrade, and is DELETEd on an upgrade of
// the merge. The rows are therefore not always the smallest set; they are
// always the rows Alembic's HeadMaintainer leaves.
#include <string>
#include <vector>

#include "compiler/graph/graph.hpp"

namespace retort::graph {

struct VersionOp {
    enum class Kind { insert, update, delete_ } kind;
    std::string from, to;  // insert: to; delete: from; update: from -> to
    friend bool operator==(const VersionOp&, const VersionOp&) = default;
};

class VersionRows {
public:
    VersionRows(const RevisionGraph& graph, const std::vector<const Revision*>& start);

    // Applies one migration and returns the statements that record it.
    std::vector<VersionOp> upgrade(const Revision& revision);
    std::vector<VersionOp> downgrade(const Revision& revision);

    bool contains(std::size_t index) const { return present_[index] != 0; }
    // The current rows, by id.
    std::vector<std::string> rows() const;

private:
    // Which of `candidates` are ancestors (or equal) of a current row other than `except`.
    // Rows that are candidates count only with `rows_imply_themselves`.
    std::vector<char> implied_by_others(const std::vector<std::size_t>& candidates, std::size_t except,
                                        bool rows_imply_themselves);
    void add(std::size_t index);
    void remove(std::size_t index);

    const RevisionGraph& graph_;
    std::vector<char> present_;
    std::vector<std::size_t> rows_;  // unordered
    std::vector<unsigned> seen_;     // generation stamps for walks
    unsigned generation_ = 0;
};

}  // namespace retort::graph
