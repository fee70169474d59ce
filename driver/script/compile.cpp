#include "driver/script/compile.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "driver/script/lint_run.hpp"
#include "driver/script/script_writer.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/graph/planner.hpp"
#include "compiler/replay/replay.hpp"
#include "compiler/source/sha256.hpp"

namespace retort::driver {

const char* script_kind_name(ScriptKind kind) {
    switch (kind) {
        case ScriptKind::upgrade: return "upgrade";
        case ScriptKind::downgrade: return "downgrade";
        case ScriptKind::stamp: return "stamp";
    }
    return "?";
}

dialects::Options dialect_options(const config::Config& config) {
    dialects::Options options;
    options.version_table = config.version_table;
    options.version_table_schema = config.version_table_schema.value_or("");
    options.postgresql_json = config.postgresql.json;
    options.postgresql_autoincrement = config.postgresql.autoincrement;
    options.sqlite_autoincrement = config.sqlite.autoincrement;
    options.sqlite_json = config.sqlite.json;
    options.mysql_engine = config.mysql.engine;
    options.mysql_charset = config.mysql.charset;
    options.mysql_collation = config.mysql.collation;
    options.mysql_flavor = config.mysql.flavor;
    options.postgresql_lock_timeout = config.postgresql.lock_timeout;
    options.postgresql_statement_timeout = config.postgresql.statement_timeout;
    options.mysql_lock_wait_timeout = config.mysql.lock_wait_timeout.value_or(0);
    return options;
}

replay::Options replay_options(const config::Config& config, std::string_view dialect_name) {
    auto target = dialect::find_target(dialect_name);
    auto id = target ? target->dialect->id : ast::DialectId::postgresql;  // the callers have refused other names
    // -d mariadb chooses the server; -d mysql leaves it to mysql.flavor.
    std::string_view server = target && target->server ? target->server->name : std::string_view(config.mysql.flavor);
    return replay::options_for(id, config.naming == "engine" ? replay::Naming::engine : replay::Naming::convention,
                               server == "mariadb");
}

replay::Options with_ancestry(replay::Options options, const graph::RevisionGraph& graph) {
    options.is_ancestor = [&graph](std::string_view ancestor, std::string_view revision) {
        const graph::Revision* a = graph.find(ancestor);
        const graph::Revision* r = graph.find(revision);
        if (!a || !r) return true;
        std::vector<char> mark(graph.size(), 0);
        graph.mark_ancestors({r->index}, mark);
        return mark[a->index] != 0;
    };
    return options;
}

std::optional<ast::DialectId> dialect_id(std::string_view name) {
    if (auto target = dialect::find_target(name)) return target->dialect->id;
    return std::nullopt;
}

std::string unknown_dialect(std::string_view name) {
    return fmt::format("unknown dialect '{}' ({})", name, dialect::target_names(", ", " or "));
}

const std::string& dialect_option_help() {
    static const std::string help = dialect::target_names(" | ", " | ") + " (default: from retort.yaml)";
    return help;
}

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// Alembic's "Running upgrade A -> B" (A: the down revisions, empty for a
// root), then the message on its own line.
std::string banner(const graph::MigrationRun& run) {
    const graph::Revision& rev = *run.revision;
    std::string parents = join(rev.down_revisions);
    std::string line = run.upgrade ? fmt::format("Running upgrade {} -> {}", parents, rev.id)
                                   : fmt::format("Running downgrade {} -> {}", rev.id, parents);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!rev.message.empty()) line += "\n" + rev.message;
    return line;
}

void add_version_ops(const graph::MigrationRun& run, const dialects::Dialect& dialect, dialects::Output& out) {
    for (const auto& op : run.version_ops) {
        std::string sql;
        switch (op.kind) {
            case graph::VersionOp::Kind::insert: sql = dialect.insert_version(op.to); break;
            case graph::VersionOp::Kind::update: sql = dialect.update_version(op.from, op.to); break;
            case graph::VersionOp::Kind::delete_: sql = dialect.delete_version(op.from); break;
        }
        out.push_back(dialects::Statement{std::move(sql), dialects::Placement::in_transaction, false});
    }
}

}  // namespace

std::optional<std::string> compile_script(const Project& project, const ScriptRequest& request,
                                          DiagnosticEngine& diagnostics) {
    auto id = dialect_id(request.dialect);
    std::unique_ptr<dialects::Dialect> dialect =
        id ? dialects::make_dialect(request.dialect, dialect_options(project.config)) : nullptr;
    if (!dialect) {
        diagnostics.error(DiagCode::not_implemented, SourceSpan{}, "the {} dialect is not available",
                          request.dialect);
        return std::nullopt;
    }

    auto graph = graph::RevisionGraph::build(project.migrations, diagnostics);
    if (!graph) return std::nullopt;
    std::optional<graph::Plan> plan;
    switch (request.kind) {
        case ScriptKind::upgrade: plan = graph::plan_upgrade(*graph, request.range, diagnostics); break;
        case ScriptKind::downgrade: plan = graph::plan_downgrade(*graph, request.range, diagnostics); break;
        case ScriptKind::stamp: plan = graph::plan_stamp(*graph, request.range, diagnostics); break;
    }
    if (!plan || diagnostics.has_errors()) return std::nullopt;

    std::vector<ScriptMigration> migrations;
    if (request.kind == ScriptKind::stamp || plan->stamp) {
        for (const auto& run : plan->runs) {
            ScriptMigration m;
            add_version_ops(run, *dialect, m.statements);
            migrations.push_back(std::move(m));
        }
    } else {
        replay::Options options = replay_options(project.config, request.dialect);
        options.downgrade_warnings = request.kind != ScriptKind::upgrade;
        replay::Replayer replayer(diagnostics, with_ancestry(options, *graph));
        // --annotate: the findings of lint, kept apart from the script's diagnostics.
        DiagnosticEngine lint_diagnostics(diagnostics.sources());
        std::optional<lint::Linter> linter;
        if (request.annotate && request.kind == ScriptKind::upgrade)
            linter.emplace(lint_diagnostics, lint_options(project.config, request.dialect));
        // The state at START, silently.
        for (const graph::Revision* rev : graph->ancestors_in_order(plan->start_heads))
            replayer.upgrade(*rev->migration, {});
        for (const auto& run : plan->runs) {
            ScriptMigration m;
            m.banner = banner(run);
            m.transactional = run.revision->migration->header.transactional;
            if (linter && run.upgrade) linter->begin_revision(run.revision->id, run.revision->migration->file);
            auto sink = [&](const plan::Step& step, const schema::Schema& after) {
                std::vector<lint::Finding> found;
                if (linter && run.upgrade) found = linter->review(step);
                const std::size_t first = m.statements.size();
                dialects::Context ctx{after, step.span, diagnostics, m.statements};
                dialect->render(step, ctx);
                std::string note;
                for (const lint::Finding& f : found)
                    note += fmt::format("{}lint: {}: {}{}", note.empty() ? "" : "\n", diag_code_name(f.diagnostic.code),
                                        f.diagnostic.message,
                                        f.accepted ? fmt::format(" (accepted: {})", f.reason) : std::string());
                if (note.empty()) return;
                // Above the first statement the writer prints in place (not
                // a prologue statement such as SQLite's PRAGMA foreign_keys=OFF).
                for (std::size_t i = first; i < m.statements.size(); ++i)
                    if (!m.statements[i].comment &&
                        (m.statements[i].placement == dialects::Placement::in_transaction ||
                         m.statements[i].placement == dialects::Placement::outside_transaction)) {
                        m.statements[i].annotation = std::move(note);
                        return;
                    }
                m.statements.push_back(dialects::Statement{std::move(note), dialects::Placement::in_transaction, true});
            };
            if (run.upgrade) replayer.upgrade(*run.revision->migration, sink);
            else replayer.downgrade(*run.revision->migration, sink);
            add_version_ops(run, *dialect, m.statements);
            migrations.push_back(std::move(m));
        }
    }
    if (diagnostics.has_errors()) return std::nullopt;

    ScriptLayout layout;
    // The range as resolved, not as typed: `heads`, `base:heads`, a prefix or
    // the full id give the same header, so --check does not depend on spelling.
    auto rows_text = [](std::vector<std::string> ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids.empty() ? std::string("base") : join(ids);
    };
    std::vector<std::string> start_ids;
    for (const graph::Revision* rev : plan->start_heads) start_ids.push_back(rev->id);
    layout.header = {fmt::format("Generated by retort: {} from {} to {}", script_kind_name(request.kind),
                                 rows_text(start_ids), rows_text(plan->end_rows)),
                     fmt::format("Dialect: {}", dialect->descriptor().name)};
    // The audit lines (docs/scripts.md): what runs, and the source it came from.
    std::vector<std::string> ids;
    Sha256 source;
    const SourceManager& sources = diagnostics.sources();
    for (const auto& run : plan->runs) {
        ids.push_back(run.revision->id);
        if (run.revision->migration) source.update(sources.file(run.revision->migration->header.span.file).text());
    }
    for (FileId f = 0; f < sources.size(); ++f)
        if (sources.file(f).path() == project.config_path) source.update(sources.file(f).text());
    layout.header.push_back(ids.empty() ? std::string("Revisions: (none)") : "Revisions: " + join(ids));
    layout.header.push_back("Source sha256: " + source.hex() + " (the .mig files above, in order, then " +
                            "the config file)");
    layout.notes = dialect->script_notes();
    layout.transactional_ddl = dialect->descriptor().transactional_ddl;
    layout.transaction_per_migration = project.config.transaction_per_migration;
    if (plan->from_base)
        layout.preamble.push_back(
            dialects::Statement{dialect->create_version_table(), dialects::Placement::in_transaction, false});
    layout.settings = dialect->settings();
    if (request.guard) {
        std::vector<std::string> rows;
        for (const graph::Revision* rev : plan->start_heads) rows.push_back(rev->id);
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        // Rows of branches the script has nothing to do with are left aside
        // (a DBA may run `upgrade A:B` on a database with several heads).
        std::vector<std::size_t> touched;
        for (const graph::Revision* rev : plan->start_heads) touched.push_back(rev->index);
        for (const auto& run : plan->runs) touched.push_back(run.revision->index);
        std::vector<char> above(graph->size(), 0), below(graph->size(), 0);
        graph->mark_ancestors(touched, below, true);
        graph->mark_descendants(touched, above, true);
        std::vector<std::string> other_branches;
        for (std::size_t i = 0; i < graph->size(); ++i)
            if (!above[i] && !below[i]) other_branches.push_back(graph->at(i).id);
        std::sort(other_branches.begin(), other_branches.end());
        layout.guard = dialect->guard(rows, other_branches);
        layout.guard_after_preamble = dialect->guard_after_version_table();
    }
    return ScriptWriter(std::move(layout)).write(migrations);
}

}  // namespace retort::driver
