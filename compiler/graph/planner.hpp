#pragma once
// The planner: a revision range -> the migrations to run, in order, and the
// version-table statements after each (docs/revisions.md).
//
// Upgrade START:END runs every ancestor of END (through down_revision and
// depends_on) that is not an ancestor of START. Downgrade START:END undoes
// every revision that descends from END's children (or from every base, for
// `base`) and is an ancestor of START. START may hold several revisions
// (`heads`), also for downgrades.
//
// Order: upgrades list parents before children: a depth-first walk from the
// END revisions (in topological order), visiting parents in header order
// (down_revision, then depends_on). Downgrades are the reverse of the same
// walk from the START revisions. Nothing depends on file names or hashing.
// Linear in revisions plus edges.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/graph/graph.hpp"
#include "compiler/graph/version_ops.hpp"

namespace retort::graph {

struct MigrationRun {
    const Revision* revision = nullptr;
    bool upgrade = true;
    std::vector<VersionOp> version_ops;  // the statements that follow this migration
};

struct Plan {
    bool upgrade = true;
    bool stamp = false;       // only the version ops matter (plan_stamp)
    bool from_base = false;   // the script creates the version table
    std::vector<const Revision*> start_heads;  // the revisions current at START (state to replay up to)
    std::vector<MigrationRun> runs;            // in execution order
    std::vector<std::string> end_rows;         // the version table's rows at the end, by id
};

// range: cli.md revision syntax. Diagnostics for bad specs have no span and
// list the candidates.
std::optional<Plan> plan_upgrade(const RevisionGraph&, std::string_view range, DiagnosticEngine&);
std::optional<Plan> plan_downgrade(const RevisionGraph&, std::string_view range, DiagnosticEngine&);
// Version ops only, as Alembic 1.8's stamp: for each END revision one step
// from the START rows sharing its lineage (ancestors or descendants, through
// depends_on) straight to it: UPDATE (DELETE all but one first when several),
// or INSERT when no row is related (a new branch); END `base` DELETEs every
// row. Each MigrationRun is a step: its revision is the END revision (the
// deleted row for `base`). Refused where Alembic's HeadMaintainer would fail.
std::optional<Plan> plan_stamp(const RevisionGraph&, std::string_view range, DiagnosticEngine&);

// The stable text form of `retort plan`:
//   start base | start ID ID...
//   create-version-table                  (when the plan starts from base)
//   upgrade ID: insert ID                 (one line per migration; ops separated by ", ")
//   downgrade ID: update ID ID, insert ID, delete ID
//   rows ID ID... | rows (none)
std::string format_plan(const Plan& plan);

}  // namespace retort::graph
