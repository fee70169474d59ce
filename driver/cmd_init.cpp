// retort init DIR: writes a new project (retort.yaml, versions/, README.md).
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <system_error>

#include "compiler/dialect/descriptor.hpp"
#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/script/compile.hpp"
#include "driver/script/sum_file.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace retort::driver {

namespace {

// retort.yaml with every option at its default, the dialect as -d gives it.
// MySQL's charset and collation are left out: tables take the database's
// (docs/mysql.md, "Charset and collation").
std::string config_text(const std::string& dialect) {
    return fmt::format(
        "# retort project configuration (see docs/config.md)\n"
        "versions: [versions]            # folders holding .mig files\n"
        "{:<32}# default --dialect: {}\n"
        "{:<32}# every dialect `retort check` checks\n"
        "version_table: alembic_version\n"
        "version_table_schema: null\n"
        "naming: convention              # unnamed constraints: pk_<table>, ...; engine: the engine's names\n"
        "transaction_per_migration: false\n"
        "file_template: \"{{year}}_{{month}}_{{day}}_{{hour}}{{minute}}_{{rev}}_{{slug}}\"\n"
        "postgresql: {{ json: jsonb, autoincrement: identity }}\n"
        "sqlite: {{ autoincrement: autoincrement, json: text }}\n"
        "# MySQL tables take the database's charset and collation (none given here): docs/mysql.md\n"
        "mysql: {{ engine: InnoDB }}\n",
        "dialect: " + dialect, dialect::target_names(", ", " or "), "dialects: [" + dialect + "]");
}

constexpr const char* readme_text =
    "Database migrations for this project, written in retort's .mig language: one revision per\n"
    "file in versions/; `retort revision -m MSG` adds one, `retort check` checks them all.\n";

bool write_file(const fs::path& path, const std::string& text, std::string& error) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        error = fmt::format("cannot write {}", path.string());
        return false;
    }
    return true;
}

}  // namespace

int cmd_init(Invocation& inv) {
    po::options_description options("Options of retort init");
    static const std::string dialect_help = dialect::target_names(" | ", " | ") + " (default: postgresql)";
    options.add_options()("dialect,d", po::value<std::string>()->value_name("D"),
                          ("the dialect retort.yaml names: " + dialect_help).c_str());
    // DIR is a single string: a second one (--dir a --dir b) is a usage error.
    auto p = parse_args(inv, options,
                        {.usage = "retort [-C DIR] init DIR [-d D]",
                         .about = "Writes a new project into DIR (relative to -C): retort.yaml with every\n"
                                  "option at its default and `dialect: D`, an empty retort.sum (check then\n"
                                  "notices edited revisions), an empty versions/ folder and a README.md line.\n"
                                  "Refuses a DIR that exists and is not empty.",
                         .positional = "dir",
                         .count = 1,
                         .value = po::value<std::string>()});
    if (p.status >= 0) return p.status;
    if (!p.vm.count("dir")) return usage_error(inv, "init needs the folder to create: retort init DIR");
    std::string dialect_name = "postgresql";
    if (p.vm.count("dialect")) {
        dialect_name = p.vm["dialect"].as<std::string>();
        if (!dialect_id(dialect_name)) return usage_error(inv, unknown_dialect(dialect_name));
    }
    fs::path dir(p.vm["dir"].as<std::string>());
    if (dir.is_relative() && inv.paths.project_dir != ".") dir = fs::path(inv.paths.project_dir) / dir;
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) {
            inv.err << fmt::format("retort init: error: {} exists and is not a folder\n", dir.string());
            return exit_input_error;
        }
        if (!fs::is_empty(dir, ec)) {
            inv.err << fmt::format(
                "retort init: error: {} is not empty; init writes a new project only into a new or "
                "empty folder\n",
                dir.string());
            return exit_input_error;
        }
    }
    fs::create_directories(dir / "versions", ec);
    if (ec) {
        inv.err << fmt::format("retort init: error: cannot create {}: {}\n", (dir / "versions").string(),
                               ec.message());
        return exit_input_error;
    }
    std::string error;
    if (!write_file(dir / "retort.yaml", config_text(dialect_name), error) ||
        !write_file(dir / "README.md", readme_text, error) || !write_sums((dir / sum_file_name).string(), {}, error)) {
        inv.err << fmt::format("retort init: error: {}\n", error);
        return exit_input_error;
    }
    inv.out << fmt::format("created {}: retort.yaml, retort.sum, versions/, README.md\n", dir.string());
    return exit_ok;
}

}  // namespace retort::driver
