#include "driver/script/compile.hpp"

#include <fmt/format.h>

#include "driver/script/script_writer.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/graph/planner.hpp"
#include "compiler/replay/replay.hpp"

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
        replay::Replayer replayer(diagnostics, replay::options_for(*id));
        // The state at START, silently.
        for (const graph::Revision* rev : graph->ancestors_in_order(plan->start_heads))
            replayer.upgrade(*rev->migration, {});
        for (const auto& run : plan->runs) {
            ScriptMigration m;
            m.banner = banner(run);
            m.transactional = run.revision->migration->header.transactional;
            auto sink = [&](const plan::Step& step, const schema::Schema& after) {
                dialects::Context ctx{after, step.span, diagnostics, m.statements};
                dialect->render(step, ctx);
            };
            if (run.upgrade) replayer.upgrade(*run.revision->migration, sink);
            else replayer.downgrade(*run.revision->migration, sink);
            add_version_ops(run, *dialect, m.statements);
            migrations.push_back(std::move(m));
        }
    }
    if (diagnostics.has_errors()) return std::nullopt;

    ScriptLayout layout;
    layout.header = {fmt::format("Generated by retort: {} {}", script_kind_name(request.kind), request.range),
                     fmt::format("Dialect: {}", dialect->descriptor().name)};
    layout.notes = dialect->script_notes();
    layout.transactional_ddl = dialect->descriptor().transactional_ddl;
    layout.transaction_per_migration = project.config.transaction_per_migration;
    if (plan->from_base)
        layout.preamble.push_back(
            dialects::Statement{dialect->create_version_table(), dialects::Placement::in_transaction, false});
    return ScriptWriter(std::move(layout)).write(migrations);
}

}  // namespace retort::driver
