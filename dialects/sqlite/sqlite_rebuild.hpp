#pragma once
// The SQLite rebuild planner: which `alter table` statements SQLite's own
// ALTER TABLE can carry out, and for the others where each column of the
// rebuilt table takes its values from. Free functions of the plan step
// alone, so that they are unit-tested without rendering.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/plan/step.hpp"
#include "compiler/schema/model.hpp"

namespace retort::dialects::sqlite {

// Why SQLite's ALTER TABLE cannot carry out `step` (an English phrase that
// completes "SQLite cannot ..."), or nullopt when every action has a native
// form: ADD COLUMN (not a key, NOT NULL only with a non-NULL default,
// REFERENCES only with a NULL default, a constant default), RENAME COLUMN,
// DROP COLUMN (not part of a key, an index, a foreign key or a check).
std::optional<std::string> rebuild_reason(const plan::AlterTable& step);

// The constraints of step.after that the statement adds (by name), each with
// the added column it belongs to when it can be written inline in that
// column's ADD COLUMN (a single-column REFERENCES, or a CHECK on that column
// alone); "" otherwise.
std::vector<std::pair<const schema::Constraint*, std::string>> added_constraints(const plan::AlterTable& step);

// How the columns move when the statement is carried out by a rebuild.
struct RebuildColumns {
    // RENAME COLUMN statements run on the old table before the rebuild, so
    // that SQLite rewrites the foreign keys of other tables that point at
    // the renamed columns. Pairs (from, to), in order.
    std::vector<std::pair<std::string, std::string>> native_renames;
    // For each column of step.after, in order: the old table's column (named
    // as after the native renames) that holds its values, or nullopt for a
    // column that the statement adds.
    std::vector<std::pair<std::string, std::optional<std::string>>> sources;
    // Columns renamed by the copy alone (a native rename was impossible, e.g.
    // the new name is still taken in the old table): (old name, new name).
    std::vector<std::pair<std::string, std::string>> renamed_in_copy;
};
RebuildColumns rebuild_columns(const plan::AlterTable& step);

// True when an expression can be a default of SQLite's ADD COLUMN: a
// literal or a signed number (not CURRENT_TIMESTAMP, not an expression).
bool constant_default(const sql::ExprRef& expr);

}  // namespace retort::dialects::sqlite
