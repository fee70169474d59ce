#pragma once
// An Alembic project on disk, read without running it: alembic.ini (script
// location, version locations, file_template, the URL's dialect), env.py
// (version_table, version_table_schema, transaction_per_migration when
// given as literals) and every revision file of the versions folders.
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/python/ast.hpp"
#include "compiler/source/diagnostics.hpp"
#include "driver/import/value.hpp"

namespace retort::driver::import {

struct AlembicRevision {
    const SourceFile* file = nullptr;
    py::Module module;
    Scope scope;  // module level: imports, constants, helper functions
    std::string id;
    std::vector<std::string> down;
    std::vector<std::string> labels;
    std::vector<std::string> depends;
    std::string message;
    std::optional<std::tm> created;  // "Create Date:" of the docstring
    const py::FunctionDef* upgrade = nullptr;
    const py::FunctionDef* downgrade = nullptr;
};

struct AlembicProject {
    std::string script_dir;
    std::string version_table = "alembic_version";
    std::string version_table_schema;  // empty: none
    bool transaction_per_migration = false;
    std::string file_template = "{rev}_{slug}";  // in retort's spelling
    std::string dialect;                         // from sqlalchemy.url; empty when it says none we know
    std::size_t files = 0;                       // revision files found (M of "imported N of M")
    std::vector<std::unique_ptr<AlembicRevision>> revisions;  // read ones, parents before children
};

// Reads the project at `dir` (the folder of alembic.ini, or the script
// folder with env.py and versions/). Problems are diagnostics; returns
// nullopt when there is no Alembic project there.
std::optional<AlembicProject> read_alembic_project(const std::string& dir, SourceManager& sources,
                                                   DiagnosticEngine& diagnostics);

}  // namespace retort::driver::import
