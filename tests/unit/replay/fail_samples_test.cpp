// samples/fail_check_*: what `retort check` must print for each kind of
// semantic error. This test runs the pipeline check runs (load, graph,
// driver::check_dialects: the replay and rendering for every dialect of
// `dialects`) and compares with
// expected.txt; UPDATE_GOLDENS=1 rewrites them. tests/fail_samples runs the
// real binary against the same files.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "driver/script/check_dialects.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/project.hpp"
#include "compiler/dialect/descriptor.hpp"
#include "compiler/graph/graph.hpp"
#include "compiler/replay/replay.hpp"

using namespace retort;

namespace {

std::string run_check(const std::string& dir) {
    driver::ProjectPaths paths{dir, ""};
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    auto project = driver::load_project(paths, sources, diagnostics);
    REQUIRE(project);
    auto graph = graph::RevisionGraph::build(project->migrations, diagnostics);
    REQUIRE(graph);
    std::vector<const ast::Migration*> order;
    for (const graph::Revision* r : graph->topological_order()) order.push_back(r->migration);
    driver::check_dialects(*project, *graph, order, sources, diagnostics);
    std::size_t errors = diagnostics.error_count(), warnings = diagnostics.warning_count();
    std::string text = diagnostics.render();
    text += fmt::format("{} error{}{}\n", errors, errors == 1 ? "" : "s",
                        warnings ? fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s") : std::string());
    return text;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("every fail_check sample reports its error", "[replay][samples]") {
    std::vector<std::string> dirs;
    for (const auto& e : std::filesystem::directory_iterator(std::string(RETORT_SOURCE_DIR) + "/samples"))
        if (e.is_directory() && e.path().filename().string().rfind("fail_check_", 0) == 0) dirs.push_back(e.path().string());
    std::sort(dirs.begin(), dirs.end());
    REQUIRE(dirs.size() >= 20);
    const bool update = std::getenv("UPDATE_GOLDENS") && std::string(std::getenv("UPDATE_GOLDENS")) == "1";
    for (const auto& dir : dirs) {
        INFO(dir);
        std::string actual = run_check(dir);
        CHECK(actual.find("error: ") != std::string::npos);
        if (update) std::ofstream(dir + "/expected.txt", std::ios::binary) << actual;
        CHECK(actual == slurp(dir + "/expected.txt"));
    }
}

TEST_CASE("every good sample passes the checks of check", "[replay][samples]") {
    for (const auto& e : std::filesystem::directory_iterator(std::string(RETORT_SOURCE_DIR) + "/samples")) {
        std::string name = e.path().filename().string();
        if (!e.is_directory() || name.rfind("fail_", 0) == 0) continue;
        INFO(name);
        std::string out = run_check(e.path().string());
        INFO(out);
        CHECK(out.find("error:") == std::string::npos);
        CHECK(out.rfind("0 errors", 0) == 0);
    }
}
