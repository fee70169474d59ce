#include "compiler/source/diagnostics.hpp"

#include "compiler/source/utf8.hpp"

#include <algorithm>
#include <ostream>

namespace retort {

namespace {

struct CodeInfo {
    const char* name;
    const char* description;
};

constexpr CodeInfo code_table[] = {
#define RETORT_DIAG(name, description) {#name, description},
#include "compiler/source/diag_codes.def"
#undef RETORT_DIAG
};

const char* severity_word(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

// Source lines are shown as they are, except what a terminal cannot show:
// control characters and bytes that are not UTF-8 become '?', and a very long
// line is cut to a window around the caret.
constexpr std::size_t max_shown = 160;

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\t' || (c >= 0x20 && c < 0x7f)) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t length = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        bool ok = length != 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k)
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += '?';
            ++i;
        }
    }
    return out;
}

}  // namespace

const char* diag_code_name(DiagCode code) { return code_table[static_cast<int>(code)].name; }
const char* diag_code_description(DiagCode code) {
    return code_table[static_cast<int>(code)].description;
}

DiagnosticBuilder DiagnosticEngine::add(Severity severity, DiagCode code, SourceSpan span,
                                        std::string message) {
    if (severity == Severity::warning && warnings_as_errors_) severity = Severity::error;
    if (severity == Severity::error) ++errors_;
    if (severity == Severity::warning) ++warnings_;
    diagnostics_.push_back(Diagnostic{severity, code, span, std::move(message), {}});
    return DiagnosticBuilder(*this, diagnostics_.size() - 1);
}

void DiagnosticEngine::absorb(DiagnosticEngine& other) {
    for (Diagnostic& d : other.diagnostics_) diagnostics_.push_back(std::move(d));
    errors_ += other.errors_;
    warnings_ += other.warnings_;
    other.diagnostics_.clear();
    other.errors_ = other.warnings_ = 0;
}

std::string DiagnosticEngine::format_one(Severity severity, SourceSpan span,
                                         const std::string& message) const {
    if (!span.valid() || span.file >= sources_.size())
        return fmt::format("retort: {}: {}\n", severity_word(severity), message);
    const SourceFile& file = sources_.file(span.file);
    LineCol at = file.line_col(span.begin);
    std::string out = fmt::format("{}:{}:{}: {}: {}\n", file.display_name(), at.line, at.column,
                                  severity_word(severity), message);
    std::string_view raw = file.line_text(at.line);
    // Work on code points: the caret column is counted in them.
    std::string line = printable(raw);
    std::size_t caret = at.column - 1;
    std::size_t total = utf8_length(line);  // the line is printable UTF-8 by now
    if (total > max_shown) {
        std::size_t first = caret > max_shown / 2 ? caret - max_shown / 2 : 0;
        // Cut by code points.
        std::size_t begin_byte = 0, end_byte = line.size(), seen = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
            if (seen == first) begin_byte = i;
            if (seen == first + max_shown) {
                end_byte = i;
                break;
            }
            ++seen;
        }
        std::string cut = line.substr(begin_byte, end_byte - begin_byte);
        line = (first > 0 ? "..." : "") + cut + (end_byte < line.size() ? "..." : "");
        caret = caret - first + (first > 0 ? 3 : 0);
    }
    std::string pad;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < line.size() && seen < caret; ++i) {
        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
        pad += line[i] == '\t' ? '\t' : ' ';
        ++seen;
    }
    while (seen++ < caret) pad += ' ';
    out += fmt::format("{:>5} | {}\n", at.line, line);
    out += fmt::format("{:>5} | {}^\n", "", pad);
    return out;
}

std::string DiagnosticEngine::format(const Diagnostic& diagnostic) const {
    std::string out = format_one(diagnostic.severity, diagnostic.span,
                                 show_codes_ ? diagnostic.message + " [" + diag_code_name(diagnostic.code) + "]"
                                             : diagnostic.message);
    for (const Note& note : diagnostic.notes) out += format_one(Severity::note, note.span, note.message);
    return out;
}

std::string DiagnosticEngine::render() {
    std::vector<const Diagnostic*> order;
    order.reserve(diagnostics_.size());
    for (const Diagnostic& d : diagnostics_) order.push_back(&d);
    auto key_file = [&](const Diagnostic* d) -> std::string_view {
        if (!d->span.valid() || d->span.file >= sources_.size()) return {};
        return sources_.file(d->span.file).display_name();
    };
    std::stable_sort(order.begin(), order.end(), [&](const Diagnostic* a, const Diagnostic* b) {
        bool fa = a->span.valid(), fb = b->span.valid();
        if (fa != fb) return !fa;
        if (!fa) return false;
        auto na = key_file(a), nb = key_file(b);
        if (na != nb) return na < nb;
        return a->span.begin < b->span.begin;
    });
    std::string out;
    for (const Diagnostic* d : order) out += format(*d);
    diagnostics_.clear();
    return out;
}

void DiagnosticEngine::print(std::ostream& out) { out << render(); }

}  // namespace retort
