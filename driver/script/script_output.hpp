#pragma once
// Where a script goes (cli.md, options of the script commands): stdout, a
// file written atomically (-o), or a comparison with a golden file (--check)
// that prints a unified diff.
#include <optional>
#include <string>
#include <string_view>

#include <iosfwd>

namespace retort::driver {

struct ScriptDestination {
    std::optional<std::string> output;  // -o FILE
    std::optional<std::string> check;   // --check GOLDEN
};

// Prints, writes or checks `text`; returns the exit status (0, or 1 for a
// difference or a file that cannot be written/read).
int deliver_script(std::ostream& out, std::ostream& err, const std::string& text, const ScriptDestination& destination);

// Writes `text` to `path` through a temporary file in the same folder and a
// rename, so that readers see the old file or the new one, never a part.
// Returns an error message, or "" on success.
std::string write_file_atomically(const std::string& path, const std::string& text);

// A unified diff (`diff -u` style, 3 lines of context) from `a` to `b`;
// empty when they are equal.
std::string unified_diff(std::string_view a, std::string_view b, std::string_view a_name,
                         std::string_view b_name);

}  // namespace retort::driver
