#pragma once
// Parses .mig text, replays it, and lints the last revision, for the lint tests.
#include <memory>
#include <string>
#include <vector>

#include "compiler/lint/lint.hpp"
#include "compiler/parse/parser.hpp"
#include "compiler/replay/replay.hpp"
#include "dialects/sqlite/sqlite_rebuild.hpp"

namespace retort::lint::test {

struct Fixture {
    SourceManager sources;
    DiagnosticEngine diagnostics{sources};  // parse and replay
    DiagnosticEngine found{sources};        // lint
    std::vector<std::unique_ptr<ast::Migration>> migrations;

    // A revision r<N> whose parent is the previous one, with `upgrade` as its body.
    void add(const std::string& upgrade) {
        std::size_t n = migrations.size();
        std::string text = "revision r" + std::to_string(n) + ";\n";
        text += n == 0 ? "down_revision none;\n" : "down_revision r" + std::to_string(n - 1) + ";\n";
        text += "upgrade {\n" + upgrade + "\n}\n";
        std::string name = "versions/r" + std::to_string(n) + ".mig";
        const SourceFile& file = sources.add(name, name, text);
        auto parsed = parse::parse_migration(file, diagnostics);
        if (parsed) migrations.push_back(std::make_unique<ast::Migration>(std::move(*parsed)));
    }

    static Options options(Server server, Version version = {}, bool lock_timeout = true) {
        Options o;
        o.server = server;
        o.version = version == Version{} ? default_version(server) : version;
        o.lock_timeout = lock_timeout;
        o.sqlite_rebuild = [](const plan::AlterTable& step) { return dialects::sqlite::rebuild_reason(step); };
        return o;
    }

    // Lints the last revision (the others are the state before it); returns its linter.
    std::unique_ptr<Linter> lint(const Options& options) {
        dialect::Id id = options.server == Server::postgresql ? dialect::Id::postgresql
                         : options.server == Server::sqlite   ? dialect::Id::sqlite
                                                              : dialect::Id::mysql;
        replay::Replayer replayer(diagnostics,
                                  replay::options_for(id, replay::Naming::convention, options.server == Server::mariadb));
        auto linter = std::make_unique<Linter>(found, options);
        for (std::size_t i = 0; i < migrations.size(); ++i) {
            if (i + 1 < migrations.size()) {
                replayer.upgrade(*migrations[i], {});
                continue;
            }
            linter->begin_revision("r" + std::to_string(i), migrations[i]->file);
            replayer.upgrade(*migrations[i], [&](const plan::Step& step, const schema::Schema&) { linter->review(step); });
        }
        linter->finish();
        return linter;
    }
};

// The codes of every finding, accepted or not, in order.
inline std::vector<std::string> codes(const Linter& linter) {
    std::vector<std::string> out;
    for (const Finding& f : linter.findings()) out.push_back(diag_code_name(f.diagnostic.code));
    return out;
}

}  // namespace retort::lint::test
