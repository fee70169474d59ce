#pragma once
// The imported project's files: retort.yaml and one .mig per revision.
#include <string>
#include <vector>

#include "driver/import/alembic_project.hpp"
#include "driver/import/columns.hpp"
#include "driver/import/translator.hpp"

namespace retort::driver::import {

struct ImportedRevision {
    const AlembicRevision* source = nullptr;
    std::vector<Emitted> upgrade;
    bool has_downgrade = false;
    std::vector<Emitted> downgrade;
    bool hand_work = false;
};

// The .mig text of one revision.
std::string render_mig(const ImportedRevision& r, const std::string& alembic_file);

// retort.yaml for the project: naming: engine and SQLAlchemy's spellings (docs/alembic.md).
std::string render_config(const AlembicProject& project, const ImportState& state, const std::string& from);

}  // namespace retort::driver::import
