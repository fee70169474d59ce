#pragma once
// One diagnostics engine for every phase. Diagnostics are collected, then
// printed sorted by file and offset, in the form compilers use:
//   file:line:col: error: message
//      12 |     add column amount numeric(10, 2),
//         |     ^
#include <fmt/format.h>

#include <iosfwd>
#include <string>
#include <vector>

#include "compiler/source/source_manager.hpp"

namespace retort {

enum class DiagCode {
#define RETORT_DIAG(name, description) name,
#include "compiler/source/diag_codes.def"
#undef RETORT_DIAG
};

const char* diag_code_name(DiagCode code);
const char* diag_code_description(DiagCode code);

enum class Severity { error, warning, note };

struct Note {
    SourceSpan span;  // may be invalid: a note without a place
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::error;
    DiagCode code = DiagCode::syntax;
    SourceSpan span;  // may be invalid: a diagnostic about the run itself
    std::string message;
    std::vector<Note> notes;
};

class DiagnosticEngine;

// Returned by error()/warning(); adds notes to the diagnostic just made.
class DiagnosticBuilder {
public:
    DiagnosticBuilder(DiagnosticEngine& engine, std::size_t index) : engine_(engine), index_(index) {}

    template <typename... Args>
    DiagnosticBuilder& note(SourceSpan span, fmt::format_string<Args...> format, Args&&... args);

private:
    DiagnosticEngine& engine_;
    std::size_t index_;
};

class DiagnosticEngine {
public:
    explicit DiagnosticEngine(const SourceManager& sources) : sources_(sources) {}

    template <typename... Args>
    DiagnosticBuilder error(DiagCode code, SourceSpan span, fmt::format_string<Args...> format,
                            Args&&... args) {
        return add(Severity::error, code, span, fmt::format(format, std::forward<Args>(args)...));
    }
    template <typename... Args>
    DiagnosticBuilder warning(DiagCode code, SourceSpan span, fmt::format_string<Args...> format,
                              Args&&... args) {
        return add(Severity::warning, code, span, fmt::format(format, std::forward<Args>(args)...));
    }
    DiagnosticBuilder add(Severity severity, DiagCode code, SourceSpan span, std::string message);

    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return warnings_; }
    bool has_errors() const { return errors_ != 0; }
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    const SourceManager& sources() const { return sources_; }

    // Moves every diagnostic of `other` (an engine over the same sources,
    // used by one worker thread) to the end of this one.
    void absorb(DiagnosticEngine& other);

    // When set, warnings count as errors (lint --strict and the like).
    void set_warnings_as_errors(bool on) { warnings_as_errors_ = on; }
    bool warnings_as_errors() const { return warnings_as_errors_; }

    // When set, the first line of each diagnostic ends with its code:
    // `file:line:col: warning: message [code]` (retort lint). Off for check.
    void set_show_codes(bool on) { show_codes_ = on; }

    // Prints every diagnostic, sorted by file name and offset (diagnostics
    // without a file first, in the order they were made), then clears them.
    void print(std::ostream& out);
    // The same text as print(), for tests.
    std::string render();

    // The text of one diagnostic, with its source line and caret.
    std::string format(const Diagnostic& diagnostic) const;

private:
    friend class DiagnosticBuilder;
    std::string format_one(Severity severity, SourceSpan span, const std::string& message) const;

    const SourceManager& sources_;
    std::vector<Diagnostic> diagnostics_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
    bool warnings_as_errors_ = false;
    bool show_codes_ = false;
};

template <typename... Args>
DiagnosticBuilder& DiagnosticBuilder::note(SourceSpan span, fmt::format_string<Args...> format,
                                           Args&&... args) {
    engine_.diagnostics_[index_].notes.push_back(
        Note{span, fmt::format(format, std::forward<Args>(args)...)});
    return *this;
}

}  // namespace retort
