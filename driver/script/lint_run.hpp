#pragma once
// The glue of `retort lint` and `upgrade --annotate`: the lint settings of
// retort.yaml, and the review of an upgrade range (docs/lint.md).
#include <string>
#include <string_view>

#include "compiler/config/config.hpp"
#include "compiler/lint/lint.hpp"
#include "driver/script/project.hpp"

namespace retort::driver {

// The lint options for the dialect or server named `dialect_name` (-d or
// `dialect:`): the server (mysql.flavor or -d mariadb), its version
// (postgresql.version, mysql.version, or the documented default), whether a
// lock timeout is set, and the SQLite back end's rebuild planner.
lint::Options lint_options(const config::Config& config, std::string_view dialect_name);

// Reviews every revision the upgrade plan of `range` runs (the revisions
// before START replayed silently). Load, plan and replay errors go to
// `input` (replay's own warnings, check's, are dropped); findings and
// directive errors to the linter's engine. False after an input error.
bool lint_range(const Project& project, const std::string& range, std::string_view dialect_name,
                DiagnosticEngine& input, lint::Linter& linter);

}  // namespace retort::driver
