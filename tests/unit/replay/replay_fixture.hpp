#pragma once
// Parses .mig text and replays it, for the replay tests.
#include <string>
#include <vector>

#include "compiler/parse/parser.hpp"
#include "compiler/replay/replay.hpp"
#include "compiler/replay/schema_text.hpp"

namespace retort::replay::test {

struct Fixture {
    SourceManager sources;
    DiagnosticEngine diagnostics{sources};
    std::vector<std::unique_ptr<ast::Migration>> migrations;

    // A revision r<N> whose parent is the previous one, with `upgrade` as its
    // upgrade body and `downgrade` as written after it ("auto", a block body,
    // or empty for none).
    const ast::Migration* add(const std::string& upgrade, const std::string& downgrade = "") {
        std::size_t n = migrations.size();
        std::string text = "revision r" + std::to_string(n) + ";\n";
        text += n == 0 ? "down_revision none;\n" : "down_revision r" + std::to_string(n - 1) + ";\n";
        text += "upgrade {\n" + upgrade + "\n}\n";
        if (downgrade == "auto")
            text += "downgrade auto;\n";
        else if (!downgrade.empty())
            text += "downgrade {\n" + downgrade + "\n}\n";
        return add_file("versions/r" + std::to_string(n) + ".mig", text);
    }

    const ast::Migration* add_file(const std::string& name, const std::string& text) {
        const SourceFile& file = sources.add(name, name, text);
        auto parsed = parse::parse_migration(file, diagnostics);
        if (!parsed) return nullptr;
        migrations.push_back(std::make_unique<ast::Migration>(std::move(*parsed)));
        return migrations.back().get();
    }

    std::vector<const ast::Migration*> order() const {
        std::vector<const ast::Migration*> out;
        for (const auto& m : migrations) out.push_back(m.get());
        return out;
    }

    std::string render() { return diagnostics.render(); }
};

}  // namespace retort::replay::test
