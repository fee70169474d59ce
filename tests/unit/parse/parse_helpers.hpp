#pragma once
// Helpers for the parse tests: parse a text, get the AST dump or the
// rendered diagnostics.
#include <optional>
#include <regex>
#include <string>

#include "compiler/ast/ast.hpp"
#include "compiler/parse/parser.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::test {

struct Parsed {
    std::optional<ast::Migration> migration;
    std::string diagnostics;  // rendered, as retort prints them
    std::string dump;         // empty when the file did not parse
};

inline Parsed parse_text(const std::string& text, const std::string& name = "t.mig") {
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    const SourceFile& file = sources.add(name, name, text);
    Parsed p;
    p.migration = parse::parse_migration(file, diagnostics);
    p.diagnostics = diagnostics.render();
    if (p.migration) p.dump = ast::dump(*p.migration);
    return p;
}

inline const char* header = "revision a1; down_revision none;\n";

// The dump of the statements of `upgrade { body }`, without byte offsets.
inline std::string upgrade_dump(const std::string& body) {
    Parsed p = parse_text(std::string(header) + "upgrade {\n" + body + "\n}\n");
    if (!p.migration) return "PARSE FAILED: " + p.diagnostics;
    std::string d = p.dump;
    auto from = d.find("upgrade\n") + 8;
    auto to = d.find("downgrade");
    d = d.substr(from, to - from);
    return std::regex_replace(d, std::regex(" @[0-9]+"), "");
}

// The first line of the diagnostics for `upgrade { body }`.
inline std::string first_error(const std::string& text) {
    Parsed p = parse_text(text);
    return p.diagnostics.substr(0, p.diagnostics.find('\n'));
}

}  // namespace retort::test
