// Project loading (config + every .mig file) and the init and check
// commands, run through the real command line entry point.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "driver/cli.hpp"
#include "driver/script/project.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
    int status;
    std::string out, err;
};

Run run(std::vector<std::string> args) {
    std::vector<const char*> argv{"retort"};
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    int status = retort::driver::run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {status, out.str(), err.str()};
}

std::string sample(const std::string& name) { return std::string(RETORT_SOURCE_DIR) + "/samples/" + name; }

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("retort_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    return dir;
}

}  // namespace

TEST_CASE("load_project reads every .mig file, sorted by display path", "[project]") {
    retort::driver::ProjectPaths paths{sample("school"), ""};
    retort::SourceManager sources;
    retort::DiagnosticEngine diagnostics(sources);
    auto project = retort::driver::load_project(paths, sources, diagnostics);
    REQUIRE(project);
    CHECK_FALSE(diagnostics.has_errors());
    REQUIRE(project->migrations.size() == 7);
    std::vector<std::string> shown;
    for (const auto& m : project->migrations) shown.push_back(sources.file(m.file).display_name());
    CHECK(shown.front() == "versions/2024_01_10_0900_3f9a1c2b7d40_create_students.mig");
    CHECK(std::is_sorted(shown.begin(), shown.end()));
    CHECK(project->migrations.front().header.revision->text == "3f9a1c2b7d40");
}

TEST_CASE("a file with a syntax error is left out, the others are still loaded", "[project]") {
    retort::driver::ProjectPaths paths{sample("fail_syntax_several_files"), ""};
    retort::SourceManager sources;
    retort::DiagnosticEngine diagnostics(sources);
    auto project = retort::driver::load_project(paths, sources, diagnostics);
    REQUIRE(project);
    CHECK(project->migrations.size() == 1);
    CHECK(diagnostics.error_count() == 2);
}

TEST_CASE("the folder scan takes regular *.mig files and links to them, nothing else", "[project]") {
    fs::path dir = fresh_dir("scan");
    fs::create_directories(dir / "versions" / "sub.mig");  // a folder named like a file: skipped
    std::ofstream(dir / "retort.yaml") << "dialect: postgresql\nversions: [versions]\n";
    auto write = [&](const std::string& name, const std::string& id) {
        std::ofstream(dir / "versions" / name) << "revision " << id << ";\ndown_revision none;\n"
                                               << "upgrade { }\ndowngrade { }\n";
    };
    write("a.mig", "aaaa1111");
    write("b.txt", "bbbb2222");      // not .mig
    write(".mig", "cccc3333");       // no extension, as path::extension() sees it
    write("d.mig.bak", "dddd4444");  // ends in .bak
    fs::create_directories(dir / "elsewhere");
    std::ofstream(dir / "elsewhere" / "e.mig") << "revision eeee5555;\ndown_revision aaaa1111;\nupgrade { }\ndowngrade { }\n";
    fs::create_symlink(dir / "elsewhere" / "e.mig", dir / "versions" / "e.mig");        // followed
    fs::create_symlink(dir / "elsewhere" / "missing", dir / "versions" / "f.mig");      // dangling: skipped
    fs::create_symlink(dir / "elsewhere", dir / "versions" / "g.mig");                  // to a folder: skipped

    retort::driver::ProjectPaths paths{dir.string(), ""};
    retort::SourceManager sources;
    retort::DiagnosticEngine diagnostics(sources);
    auto project = retort::driver::load_project(paths, sources, diagnostics);
    REQUIRE(project);
    CHECK(diagnostics.render() == "");
    std::vector<std::string> shown;
    for (const auto& m : project->migrations) shown.push_back(sources.file(m.file).display_name());
    CHECK(shown == std::vector<std::string>{"versions/a.mig", "versions/e.mig"});
    fs::remove_all(dir);
}

TEST_CASE("check: exit 0 on the good samples, 1 with diagnostics otherwise", "[project][cli]") {
    for (const char* good : {"school", "branchy", "hostile_literals"}) {
        auto r = run({"-C", sample(good), "check"});
        INFO(good << ": " << r.err);
        CHECK(r.status == 0);
    }
    auto bad = run({"-C", sample("fail_syntax_missing_semicolon"), "check"});
    CHECK(bad.status == 1);
    CHECK(bad.err.find("create_students.mig:9:1: error: expected ';'") != std::string::npos);
    auto nothing = run({"-C", fresh_dir("nothing").string(), "check"});
    CHECK(nothing.status == 1);
    CHECK(nothing.err.find("no config file retort.yaml") != std::string::npos);
}

TEST_CASE("check and init: --help, usage errors exit 2", "[project][cli]") {
    auto help = run({"check", "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("usage: retort [-C DIR] [-c FILE] check") == 0);
    CHECK(run({"check", "--frobnicate"}).status == 2);
    CHECK(run({"init", "--help"}).status == 0);
    auto no_dir = run({"init"});
    CHECK(no_dir.status == 2);
    CHECK(no_dir.err.find("retort init: error:") == 0);
    CHECK(run({"init", "a", "b"}).status == 2);
}

TEST_CASE("init writes a project that check accepts, and refuses a non-empty folder", "[project][cli]") {
    fs::path dir = fresh_dir("init");
    auto r = run({"init", dir.string()});
    CHECK(r.status == 0);
    CHECK(fs::is_regular_file(dir / "retort.yaml"));
    CHECK(fs::is_directory(dir / "versions"));
    CHECK(fs::is_regular_file(dir / "README.md"));
    auto check = run({"-C", dir.string(), "check"});
    CHECK(check.status == 0);
    CHECK(check.out == "checked 0 revisions: no errors\n");
    auto again = run({"init", dir.string()});
    CHECK(again.status == 1);
    CHECK(again.err.find("is not empty") != std::string::npos);
    fs::remove_all(dir);
}

namespace {
std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_CASE("init -d writes the dialect, no MySQL charset or collation", "[project][cli]") {
    struct Row {
        std::vector<std::string> args;
        const char* dialect_line;  // "": a usage error
    };
    auto row = GENERATE(values<Row>({
        {{}, "dialect: postgresql "},
        {{"-d", "sqlite"}, "dialect: sqlite "},
        {{"-d", "mysql"}, "dialect: mysql "},
        {{"-d", "mariadb"}, "dialect: mariadb "},  // not mysql.flavor: the dialect's name says it
        {{"--dialect", "mariadb"}, "dialect: mariadb "},
        {{"-d", "oracle"}, ""},
    }));
    fs::path dir = fresh_dir("init_dialect");
    std::vector<std::string> args{"init", dir.string()};
    args.insert(args.end(), row.args.begin(), row.args.end());
    auto r = run(args);
    INFO(r.err);
    if (!*row.dialect_line) {
        CHECK(r.status == 2);
        CHECK(r.err.find("unknown dialect 'oracle' (postgresql, sqlite, mysql or mariadb)") != std::string::npos);
        CHECK_FALSE(fs::exists(dir));
        return;
    }
    REQUIRE(r.status == 0);
    std::string yaml = read_text(dir / "retort.yaml");
    CHECK(yaml.find(std::string("\n") + row.dialect_line) != std::string::npos);
    CHECK(yaml.find("# default --dialect: postgresql, sqlite, mysql or mariadb\n") != std::string::npos);
    CHECK(yaml.find("\nmysql: { engine: InnoDB }\n") != std::string::npos);
    CHECK(yaml.find("charset:") == std::string::npos);
    CHECK(yaml.find("collation:") == std::string::npos);
    CHECK(yaml.find("flavor:") == std::string::npos);
    auto check = run({"-C", dir.string(), "check"});
    CHECK(check.status == 0);
    fs::remove_all(dir);
}

TEST_CASE("-c names another config file", "[project][cli]") {
    fs::path dir = fresh_dir("config");
    fs::create_directories(dir / "migrations");
    std::ofstream(dir / "other.yaml") << "versions: [migrations]\ncolour: blue\n";
    auto r = run({"-C", dir.string(), "-c", (dir / "other.yaml").string(), "check"});
    CHECK(r.status == 1);
    CHECK(r.err.find("other.yaml:2:1: error: unknown key 'colour'") != std::string::npos);
    fs::remove_all(dir);
}
