#pragma once
// Builds ast::Migration headers by hand (with real source text, so that
// diagnostics have line:col), for the graph tests.
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/graph/planner.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::graph::test {

struct Spec {
    std::string id;
    std::vector<std::string> down;  // empty: none
    std::vector<std::string> labels = {};
    std::vector<std::string> depends = {};
    bool has_downgrade = true;
};

class GraphFixture {
public:
    GraphFixture() : diagnostics(sources) {}

    // One file per spec, named versions/<id>.mig, in the given order.
    void add(const Spec& spec) {
        std::string text = "revision " + spec.id + ";\n";
        std::vector<std::pair<std::string, std::size_t>> names;  // text, offset
        auto put_list = [&](const std::string& key, const std::vector<std::string>& items) {
            text += key + " ";
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i) text += ", ";
                names.push_back({items[i], text.size()});
                text += items[i];
            }
            text += ";\n";
        };
        std::size_t down_begin = text.size();
        if (spec.down.empty())
            text += "down_revision none;\n";
        else
            put_list("down_revision", spec.down);
        std::size_t down_end = text.size() - 1;
        std::size_t labels_from = names.size();
        if (!spec.labels.empty()) put_list("branch_labels", spec.labels);
        std::size_t deps_from = names.size();
        if (!spec.depends.empty()) put_list("depends_on", spec.depends);
        text += "upgrade { }\n";
        const SourceFile& f = sources.add("versions/" + spec.id + ".mig", "versions/" + spec.id + ".mig", text);
        ast::Migration m;
        m.file = f.id();
        auto span = [&](std::size_t b, std::size_t len) {
            return f.span(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(b + len));
        };
        m.header.revision = ast::Name{spec.id, span(9, spec.id.size()), false};
        m.header.has_down_revision = true;
        m.header.down_revision_span = span(down_begin, down_end - down_begin);
        for (std::size_t i = 0; i < names.size(); ++i) {
            ast::Name n{names[i].first, span(names[i].second, names[i].first.size()), false};
            if (i < labels_from)
                m.header.down_revisions.push_back(n);
            else if (i < deps_from)
                m.header.branch_labels.push_back(n);
            else
                m.header.depends_on.push_back(n);
        }
        m.header.span = span(0, text.size() - 12);
        m.downgrade_kind = spec.has_downgrade ? ast::DowngradeKind::block : ast::DowngradeKind::none;
        migrations.push_back(std::move(m));
    }
    void add_all(const std::vector<Spec>& specs) {
        for (const Spec& s : specs) add(s);
    }

    const RevisionGraph& build() {
        graph = RevisionGraph::build(migrations, diagnostics);
        return *graph;
    }

    std::string errors() { return diagnostics.render(); }

    // The `retort plan` text of a range, or the diagnostics when it fails.
    std::string plan(const std::string& range, bool downgrade = false) {
        if (!graph) build();
        if (!graph) return errors();
        auto p = downgrade ? plan_downgrade(*graph, range, diagnostics) : plan_upgrade(*graph, range, diagnostics);
        if (!p) return errors();
        return format_plan(*p);
    }

    SourceManager sources;
    DiagnosticEngine diagnostics;
    std::vector<ast::Migration> migrations;
    std::optional<RevisionGraph> graph;
};

}  // namespace retort::graph::test
