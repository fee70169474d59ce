#pragma once
// retort.sum, beside the config file: the SHA-256 of every revision's .mig
// file, so that `check` notices a file edited after it was recorded
// (docs/cli.md, "retort sum"). One line per revision, sorted by id:
//   <revision id> sha256:<64 lower-case hex digits>
// '#' starts a comment line. A project without the file is not checked.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/source/diagnostics.hpp"
#include "driver/script/project.hpp"

namespace retort::driver {

inline constexpr const char* sum_file_name = "retort.sum";

// revision id -> "sha256:<hex>"
using Sums = std::map<std::string, std::string>;

// The path of the project's sum file: beside the config file.
std::string sum_path(const Project& project);
// "sha256:<hex>" of a file's bytes.
std::string digest(std::string_view bytes);
// The digest of every revision that parsed, from the bytes that were read.
Sums project_sums(const Project& project, const SourceManager& sources);
// The file's text for these sums.
std::string render_sums(const Sums& sums);
// Writes the file; on failure returns false and sets `error`.
bool write_sums(const std::string& path, const Sums& sums, std::string& error);
// Reads the sum file into the source manager and parses it; a bad line is a
// sum_syntax diagnostic. nullopt when there is no sum file.
std::optional<Sums> read_sums(const std::string& path, SourceManager& sources, DiagnosticEngine& diagnostics);
// check: every revision's file against its line, and every line against a
// revision. `all_files_parsed` false skips the stale-line check (a file with
// a syntax error is missing from the project, not deleted).
void check_sums(const Project& project, SourceManager& sources, DiagnosticEngine& diagnostics,
                bool all_files_parsed);
// revision and merge: records a new revision's file if the project has a sum
// file (does nothing otherwise). Returns false and sets `error` on a write error.
bool record_sum(const Project& project, const std::string& id, std::string_view bytes, bool& recorded,
                std::string& error);

}  // namespace retort::driver
