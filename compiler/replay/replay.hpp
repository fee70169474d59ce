#pragma once
// Replay of migrations over the schema model (language.md §7, issue 4).
//
// A Replayer holds the schema state and applies revisions to it, statement by
// statement. Each statement is checked against the state before it (unknown
// or duplicate objects, foreign keys, data that does not fit, ...); a
// statement that fails is reported, becomes no step, and still declares what
// it can (docs/schema-model.md, "Recovery"), so one typo does not cascade.
// Each statement without mistakes becomes one plan::Step carrying
// the state a back end needs. Unnamed constraints and indexes are named by
// the convention in naming.hpp (docs/schema-model.md).
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/plan/step.hpp"
#include "compiler/schema/model.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::replay {

using StepSink = std::function<void(const plan::Step&, const schema::Schema& after)>;

// How constraints declared without a name are named (retort.yaml `naming`).
enum class Naming {
    convention,  // pk_<table>, fk_..., uq_..., ck_... (naming.hpp), written in the DDL
    engine,      // the name the engine gives them; the DDL leaves the name out
};

struct Options {
    // The target dialect: statements restricted by `only` (or `execute`) to
    // other dialects are skipped. nullopt: every statement whatever its `only`.
    std::optional<ast::DialectId> dialect;
    // The dialect's identifier length limit; none: no length check.
    dialect::NameLimit names;
    Naming naming = Naming::convention;
    bool mariadb = false;  // the MySQL dialect on MariaDB (mysql.flavor): its engine names differ
    // Keep schema::Table::fk_indexes by InnoDB's rule (fk_indexes.hpp); set
    // from the descriptor's fk_needs_index.
    bool fk_indexes = false;
    // Is revision `ancestor` an ancestor of `revision` (through down_revision
    // or depends_on)? What a replayed insert of another revision stored counts
    // as certain only where that revision is an ancestor of the one being
    // replayed (docs/schema-model.md, "Rows and stored values"). Empty: every
    // revision replayed earlier counts (a straight chain).
    std::function<bool(std::string_view ancestor, std::string_view revision)> is_ancestor;
    // Warnings that concern only a derived downgrade (data_not_restored):
    // off for an upgrade script, which runs no downgrade.
    bool downgrade_warnings = true;
};

// The options of a dialect: `dialect` set, its name limit from its
// descriptor (compiler/dialect), the given naming.
Options options_for(ast::DialectId dialect, Naming naming = Naming::convention, bool mariadb = false);

class Replayer {
public:
    Replayer(DiagnosticEngine& diagnostics, Options options);
    ~Replayer();
    Replayer(const Replayer&) = delete;
    Replayer& operator=(const Replayer&) = delete;

    const schema::Schema& state() const;

    // Applies a revision's upgrade statements to the state, calling `sink`
    // (may be empty: silent) for each step with the state after it. For a
    // revision with `downgrade auto;` the inverse of every statement is
    // derived here, from the state before it, for downgrade() to replay.
    void upgrade(const ast::Migration& migration, const StepSink& sink);

    // Applies the revision's downgrade: its block, or for `downgrade auto;`
    // the inverse derived when upgrade() ran it (the revision's upgrade must
    // have been replayed by this Replayer first). A revision without a
    // downgrade is a diagnostic no_downgrade naming it.
    void downgrade(const ast::Migration& migration, const StepSink& sink);

    struct Impl;
    Impl& impl() { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

// `retort check`'s part: replays every revision in the given order (parents
// first) and checks each revision's round trip: its downgrade must restore
// exactly the state its upgrade started from (column order within a table
// is not compared). Every difference of a revision is reported. Returns
// false on any error.
// `render` (may be empty) receives every step of every upgrade and
// downgrade, as a script would: `check` renders each dialect's SQL with it.
bool check_project(const std::vector<const ast::Migration*>& order, DiagnosticEngine& diagnostics,
                   const Options& options, const StepSink& render = {});

}  // namespace retort::replay
