#include "driver/script/lint_run.hpp"

#include "compiler/graph/graph.hpp"
#include "compiler/graph/planner.hpp"
#include "compiler/replay/replay.hpp"
#include "driver/script/compile.hpp"
#include "dialects/sqlite/sqlite_rebuild.hpp"

namespace retort::driver {

lint::Options lint_options(const config::Config& config, std::string_view dialect_name) {
    lint::Options options;
    auto target = dialect::find_target(dialect_name);
    auto id = target ? target->dialect->id : dialect::Id::postgresql;
    std::string_view server = target && target->server ? target->server->name : std::string_view(config.mysql.flavor);
    switch (id) {
        case dialect::Id::postgresql:
            options.server = lint::Server::postgresql;
            options.lock_timeout = !config.postgresql.lock_timeout.empty();
            break;
        case dialect::Id::sqlite: options.server = lint::Server::sqlite; break;
        case dialect::Id::mysql:
            options.server = server == "mariadb" ? lint::Server::mariadb : lint::Server::mysql;
            options.lock_timeout = config.mysql.lock_wait_timeout.has_value();
            break;
    }
    options.version = lint::default_version(options.server);
    const std::string& given = options.server == lint::Server::postgresql ? config.postgresql.version
                               : options.server == lint::Server::sqlite   ? std::string()
                                                                          : config.mysql.version;
    if (auto v = lint::parse_version(given)) options.version = *v;  // the config loader checked its form
    options.sqlite_rebuild = [](const plan::AlterTable& step) { return dialects::sqlite::rebuild_reason(step); };
    return options;
}

bool lint_range(const Project& project, const std::string& range, std::string_view dialect_name,
                DiagnosticEngine& input, lint::Linter& linter) {
    auto graph = graph::RevisionGraph::build(project.migrations, input);
    if (!graph) return false;
    auto plan = graph::plan_upgrade(*graph, range, input);
    if (!plan || input.has_errors()) return false;
    if (plan->stamp) return true;
    // Replay's warnings are check's; lint reports its own findings.
    DiagnosticEngine replayed(input.sources());
    replay::Replayer replayer(replayed, with_ancestry(replay_options(project.config, dialect_name), *graph));
    for (const graph::Revision* rev : graph->ancestors_in_order(plan->start_heads))
        replayer.upgrade(*rev->migration, {});
    for (const auto& run : plan->runs) {
        if (!run.upgrade) continue;
        linter.begin_revision(run.revision->id, run.revision->migration->file);
        replayer.upgrade(*run.revision->migration,
                         [&](const plan::Step& step, const schema::Schema&) { linter.review(step); });
    }
    if (replayed.has_errors()) {
        for (const Diagnostic& d : replayed.diagnostics())
            if (d.severity == Severity::error) {
                auto b = input.add(d.severity, d.code, d.span, d.message);
                for (const Note& n : d.notes) b.note(n.span, "{}", n.message);
            }
        return false;
    }
    linter.finish();
    return true;
}

}  // namespace retort::driver
