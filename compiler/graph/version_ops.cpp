#include "compiler/graph/version_ops.hpp"

#include <algorithm>

namespace retort::graph {

VersionRows::VersionRows(const RevisionGraph& graph, const std::vector<const Revision*>& start)
    : graph_(graph), present_(graph.size(), 0), seen_(graph.size(), 0) {
    for (const Revision* r : start) add(r->index);
}

void VersionRows::add(std::size_t index) {
    if (present_[index]) return;
    present_[index] = 1;
    rows_.push_back(index);
}

void VersionRows::remove(std::size_t index) {
    if (!present_[index]) return;
    present_[index] = 0;
    rows_.erase(std::find(rows_.begin(), rows_.end(), index));
}

std::vector<std::string> VersionRows::rows() const {
    std::vector<std::string> out;
    for (std::size_t i : rows_) out.push_back(graph_.at(i).id);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<char> VersionRows::implied_by_others(const std::vector<std::size_t>& candidates,
                                                 std::size_t except, bool rows_imply_themselves) {
    std::vector<char> out(candidates.size(), 0);
    if (candidates.empty()) return out;
    // Parents come before children in topological order, so a walk down from
    // the other rows never needs to go below the lowest candidate.
    std::size_t floor = graph_.at(candidates.front()).topo_position;
    for (std::size_t c : candidates) floor = std::min(floor, graph_.at(c).topo_position);
    if (++generation_ == 0) {
        std::fill(seen_.begin(), seen_.end(), 0);
        generation_ = 1;
    }
    std::vector<std::size_t> todo;
    // Walk down from the other rows (Alembic's "other heads"), the rows among
    // the candidates included only with `rows_imply_themselves`.
    for (std::size_t r : rows_)
        if (r != except && graph_.at(r).topo_position >= floor &&
            (rows_imply_themselves || std::find(candidates.begin(), candidates.end(), r) == candidates.end()))
            todo.push_back(r);
    while (!todo.empty()) {
        std::size_t i = todo.back();
        todo.pop_back();
        if (seen_[i] == generation_) continue;
        seen_[i] = generation_;
        for (std::size_t k = 0; k < candidates.size(); ++k)
            if (candidates[k] == i) out[k] = 1;
        const Revision& r = graph_.at(i);
        for (std::size_t p : r.parents)
            if (seen_[p] != generation_ && graph_.at(p).topo_position >= floor) todo.push_back(p);
        for (std::size_t p : r.dependencies)
            if (seen_[p] != generation_ && graph_.at(p).topo_position >= floor) todo.push_back(p);
    }
    return out;
}

std::vector<VersionOp> VersionRows::upgrade(const Revision& revision) {
    using K = VersionOp::Kind;
    std::vector<VersionOp> ops;
    const auto& downs = revision.normalized_parents;
    std::vector<std::size_t> present;
    for (std::size_t d : downs)
        if (present_[d]) present.push_back(d);
    if (present.empty()) {
        ops.push_back({K::insert, "", revision.id});
        add(revision.index);
        return ops;
    }
    if (present.size() > 1) {
        // A merge: keep the rows no other row implies; the first keeps its
        // row (UPDATE), the others are DELETEd, in header order.
        // Only rows outside the parents count, as in Alembic.
        std::vector<char> implied = implied_by_others(present, revision.index, false);
        std::vector<std::size_t> from;
        for (std::size_t k = 0; k < present.size(); ++k)
            if (!implied[k]) from.push_back(present[k]);
        if (from.empty()) from = present;
        for (std::size_t k = 1; k < from.size(); ++k) {
            ops.push_back({K::delete_, graph_.at(from[k]).id, ""});
            remove(from[k]);
        }
        ops.push_back({K::update, graph_.at(from.front()).id, revision.id});
        remove(from.front());
        add(revision.index);
        return ops;
    }
    ops.push_back({K::update, graph_.at(present.front()).id, revision.id});
    remove(present.front());
    add(revision.index);
    return ops;
}

std::vector<VersionOp> VersionRows::downgrade(const Revision& revision) {
    using K = VersionOp::Kind;
    std::vector<VersionOp> ops;
    if (!present_[revision.index]) return ops;  // implied by another row; nothing to move
    const auto& downs = revision.normalized_parents;
    std::vector<char> implied = implied_by_others(downs, revision.index, true);
    std::vector<std::size_t> to;
    for (std::size_t k = 0; k < downs.size(); ++k)
        if (!implied[k]) to.push_back(downs[k]);
    if (to.empty()) {
        ops.push_back({K::delete_, revision.id, ""});
        remove(revision.index);
        return ops;
    }
    ops.push_back({K::update, revision.id, graph_.at(to.front()).id});
    remove(revision.index);
    add(to.front());
    for (std::size_t k = 1; k < to.size(); ++k) {
        ops.push_back({K::insert, "", graph_.at(to[k]).id});
        add(to[k]);
    }
    return ops;
}

}  // namespace retort::graph
