// libFuzzer target: the whole pipeline on a multi-file project. The input is
// split into .mig files at every line "%%"; the files that parse make the
// project (default retort.yaml). Then, for each of the three back ends: the
// project check (replay and the up/down round trip of every revision), the
// upgrade script base:heads and the downgrade script heads:base. Every
// compile must end in a script or in an error diagnostic.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/graph/graph.hpp"
#include "compiler/parse/parser.hpp"
#include "compiler/replay/replay.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/project.hpp"

using namespace retort;

namespace {

constexpr std::size_t max_files = 16;

std::vector<std::string_view> split_files(std::string_view input) {
    std::vector<std::string_view> files;
    for (;;) {
        const std::size_t cut = input.find("\n%%\n");
        if (cut == std::string_view::npos || files.size() + 1 == max_files) break;
        files.push_back(input.substr(0, cut + 1));
        input.remove_prefix(cut + 4);
    }
    files.push_back(input);
    return files;
}

void check(const driver::Project& project, ast::DialectId dialect, const SourceManager& sources) {
    DiagnosticEngine diagnostics(sources);
    auto graph = graph::RevisionGraph::build(project.migrations, diagnostics);
    if (!graph) {
        if (!diagnostics.has_errors()) std::abort();
        return;
    }
    std::vector<const ast::Migration*> order;
    for (const graph::Revision* r : graph->topological_order()) order.push_back(r->migration);
    replay::check_project(order, diagnostics, replay::options_for(dialect));
    (void)diagnostics.render();
}

void script(const driver::Project& project, driver::ScriptKind kind, const char* range, const char* dialect,
            const SourceManager& sources) {
    DiagnosticEngine diagnostics(sources);
    auto text = driver::compile_script(project, {kind, range, dialect}, diagnostics);
    if (!text && !diagnostics.has_errors()) std::abort();  // no script and no reason given
    (void)diagnostics.render();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    SourceManager sources;
    DiagnosticEngine parse_diagnostics(sources);
    driver::Project project;
    project.root = ".";
    project.config_path = "retort.yaml";
    // Both transaction layouts, chosen by the input so runs stay reproducible.
    project.config.transaction_per_migration = size % 2 == 1;
    std::size_t n = 0;
    for (std::string_view text : split_files(input)) {
        const std::string name = "versions/" + std::to_string(n++) + ".mig";
        const SourceFile& file = sources.add(name, name, std::string(text));
        if (auto migration = parse::parse_migration(file, parse_diagnostics))
            project.migrations.push_back(std::move(*migration));
        else if (!parse_diagnostics.has_errors())
            std::abort();
    }
    (void)parse_diagnostics.render();
    for (const char* dialect : {"postgresql", "sqlite", "mysql"}) {
        check(project, *driver::dialect_id(dialect), sources);
        script(project, driver::ScriptKind::upgrade, "base:heads", dialect, sources);
        script(project, driver::ScriptKind::downgrade, "heads:base", dialect, sources);
    }
    return 0;
}
