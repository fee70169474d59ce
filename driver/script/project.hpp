#pragma once
// A loaded project: its config and every .mig file, parsed. Commands get
// one from load_project() and hand its parts to the later phases.
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/config/config.hpp"
#include "compiler/source/diagnostics.hpp"
#include "driver/script/project_paths.hpp"

namespace retort::driver {


struct Project {
    std::string root;             // the project folder (-C)
    std::string config_path;      // the config file that was read
    config::Config config;
    // Every file that parsed, sorted by display path (the path relative to
    // root, as diagnostics print it). Files with syntax errors are left out;
    // their diagnostics are in the engine.
    std::vector<ast::Migration> migrations;
};

// Reads the config and every *.mig file in the configured version folders.
// Returns nullopt only when nothing useful could be loaded (no config, an
// unreadable folder); syntax errors in single files are diagnostics and the
// other files are still returned.
std::optional<Project> load_project(const ProjectPaths& paths, SourceManager& sources,
                                    DiagnosticEngine& diagnostics);

// Moves a project that is no longer needed somewhere it lives until the
// process exits, which frees it at once instead of node by node (the AST of
// a large project is millions of small allocations: about 4 % of a run).
// It stays reachable, so leak checkers do not report it.
void keep_until_exit(std::optional<Project>& project);

}  // namespace retort::driver
