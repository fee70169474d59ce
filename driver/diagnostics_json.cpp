#include "driver/diagnostics_json.hpp"

#include <algorithm>

namespace retort::driver {

namespace {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

bool has_file(const SourceManager& sources, SourceSpan span) { return span.valid() && span.file < sources.size(); }

void set_place(json::Value& v, const SourceManager& sources, SourceSpan span) {
    if (!has_file(sources, span)) {
        v.set("file", json::Value());
        v.set("line", json::Value());
        v.set("column", json::Value());
        return;
    }
    const SourceFile& file = sources.file(span.file);
    LineCol at = file.line_col(span.begin);
    v.set("file", json::Value::string(file.display_name()));
    v.set("line", json::Value::number(at.line));
    v.set("column", json::Value::number(at.column));
}

}  // namespace

bool diagnostic_before(const SourceManager& sources, const Diagnostic& a, const Diagnostic& b) {
    bool fa = has_file(sources, a.span), fb = has_file(sources, b.span);
    if (fa != fb) return !fa;
    if (!fa) return false;
    std::string_view na = sources.file(a.span.file).display_name();
    std::string_view nb = sources.file(b.span.file).display_name();
    if (na != nb) return na < nb;
    return a.span.begin < b.span.begin;
}

json::Value diagnostic_json(const SourceManager& sources, const Diagnostic& d) {
    json::Value v = json::Value::object();
    set_place(v, sources, d.span);
    v.set("severity", json::Value::string(severity_name(d.severity)));
    v.set("code", json::Value::string(diag_code_name(d.code)));
    v.set("message", json::Value::string(d.message));
    json::Value notes = json::Value::array();
    for (const Note& n : d.notes) {
        json::Value note = json::Value::object();
        set_place(note, sources, n.span);
        note.set("message", json::Value::string(n.message));
        notes.push(std::move(note));
    }
    v.set("notes", std::move(notes));
    return v;
}

json::Value diagnostics_json(const DiagnosticEngine& diagnostics) {
    const SourceManager& sources = diagnostics.sources();
    std::vector<const Diagnostic*> order;
    for (const Diagnostic& d : diagnostics.diagnostics()) order.push_back(&d);
    std::stable_sort(order.begin(), order.end(), [&](const Diagnostic* a, const Diagnostic* b) {
        return diagnostic_before(sources, *a, *b);
    });
    json::Value list = json::Value::array();
    for (const Diagnostic* d : order) list.push(diagnostic_json(sources, *d));
    return list;
}

}  // namespace retort::driver
