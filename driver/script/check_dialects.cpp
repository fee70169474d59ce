#include "driver/script/check_dialects.hpp"

#include <algorithm>
#include <memory>

#include "compiler/replay/replay.hpp"
#include "dialects/dialect.hpp"
#include "driver/script/compile.hpp"

namespace retort::driver {

namespace {

bool same_diagnostic(const Diagnostic& a, const Diagnostic& b) {
    return a.code == b.code && a.span.file == b.span.file && a.span.begin == b.span.begin && a.message == b.message;
}

// Replays every revision for `dialect_name` (its `only` blocks, name limits,
// naming) and renders each step of every upgrade and downgrade as its
// scripts would, into `diagnostics`.
void check_dialect(const Project& project, const graph::RevisionGraph& graph,
                   const std::vector<const ast::Migration*>& order, const std::string& dialect_name,
                   DiagnosticEngine& diagnostics) {
    const config::Config& config = project.config;
    std::unique_ptr<dialects::Dialect> dialect = dialects::make_dialect(dialect_name, dialect_options(config));
    if (!dialect) {
        diagnostics.error(DiagCode::not_implemented, SourceSpan{}, "the {} dialect is not available", dialect_name);
        return;
    }
    dialects::Output scratch;
    replay::StepSink render = [&](const plan::Step& step, const schema::Schema& after) {
        scratch.clear();
        dialects::Context ctx{after, step.span, diagnostics, scratch};
        dialect->render(step, ctx);
    };
    replay::check_project(order, diagnostics, with_ancestry(replay_options(config, dialect_name), graph), render);
}

}  // namespace

void check_dialects(const Project& project, const graph::RevisionGraph& graph,
                    const std::vector<const ast::Migration*>& order, const SourceManager& sources,
                    DiagnosticEngine& diagnostics) {
    const config::Config& config = project.config;
    check_dialect(project, graph, order, config.dialect, diagnostics);
    for (std::size_t i = 0; i < config.dialects.size(); ++i) {
        const std::string& name = config.dialects[i];
        if (name == config.dialect) continue;
        DiagnosticEngine own(sources);
        check_dialect(project, graph, order, name, own);
        for (const Diagnostic& d : own.diagnostics()) {
            const auto& known = diagnostics.diagnostics();
            if (std::any_of(known.begin(), known.end(), [&](const Diagnostic& k) { return same_diagnostic(k, d); }))
                continue;
            auto b = diagnostics.add(d.severity, d.code, d.span, d.message);
            for (const Note& n : d.notes) b.note(n.span, "{}", n.message);
            SourceSpan at = i < config.dialects_at.size() ? config.dialects_at[i] : SourceSpan{};
            b.note(at, "found when checking for {}, listed in 'dialects' of retort.yaml", name);
        }
    }
}

}  // namespace retort::driver
