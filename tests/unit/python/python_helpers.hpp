#pragma once
// Helpers for the Python reader tests: parse a text, get the dump or the
// rendered diagnostics.
#include <optional>
#include <string>

#include "compiler/python/dump.hpp"
#include "compiler/python/parser.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::test {

struct PyParsed {
    std::optional<py::Module> module;
    std::string diagnostics;  // rendered, as retort prints them
    std::string dump;         // without spans; empty when the file did not parse
    std::string spans;        // with @line:col
};

inline PyParsed parse_py(const std::string& text, const std::string& name = "t.py") {
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    const SourceFile& file = sources.add(name, name, text);
    PyParsed p;
    p.module = py::parse_python(file, diagnostics);
    p.diagnostics = diagnostics.render();
    if (p.module) {
        p.dump = py::dump(*p.module);
        p.spans = py::dump(*p.module, &file);
    }
    return p;
}

// The dump of a file that must parse without diagnostics, else the diagnostics.
inline std::string py_dump(const std::string& text) {
    PyParsed p = parse_py(text);
    if (!p.module || !p.diagnostics.empty()) return "DIAGNOSTICS: " + p.diagnostics;
    return p.dump;
}

// The dump of one expression statement's expression.
inline std::string py_expr(const std::string& text) {
    std::string d = py_dump(text + "\n");
    const std::string prefix = "(module (expr ";
    if (d.rfind(prefix, 0) != 0 || d.size() < prefix.size() + 2) return d;
    return d.substr(prefix.size(), d.size() - prefix.size() - 2);
}

// The first line of the diagnostics.
inline std::string py_error(const std::string& text) {
    PyParsed p = parse_py(text);
    return p.diagnostics.substr(0, p.diagnostics.find('\n'));
}

}  // namespace retort::test
