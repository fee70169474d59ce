#include "compiler/lint/lint.hpp"

#include <algorithm>
#include <cctype>

namespace retort::lint {

std::optional<Version> parse_version(std::string_view text) {
    int parts[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = 0;
    while (i < text.size() && count < 3) {
        std::size_t start = i;
        long n = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && i - start < 6)
            n = n * 10 + (text[i++] - '0');
        if (i == start) return std::nullopt;
        parts[count++] = static_cast<int>(n);
        if (i == text.size()) break;
        if (text[i] != '.') return std::nullopt;
        ++i;
        if (i == text.size()) return std::nullopt;
    }
    if (count == 0 || i != text.size()) return std::nullopt;
    return Version{parts[0], parts[1], parts[2]};
}

std::string to_string(const Version& version) {
    return std::to_string(version.major) + "." + std::to_string(version.minor) + "." + std::to_string(version.patch);
}

const char* server_name(Server server) {
    switch (server) {
        case Server::postgresql: return "postgresql";
        case Server::sqlite: return "sqlite";
        case Server::mysql: return "mysql";
        case Server::mariadb: return "mariadb";
    }
    return "postgresql";
}

Version default_version(Server server) {
    switch (server) {
        case Server::postgresql: return {15, 0, 0};
        case Server::sqlite: return {3, 35, 0};
        case Server::mysql: return {8, 0, 0};
        case Server::mariadb: return {10, 6, 0};
    }
    return {};
}

std::vector<DiagCode> Linter::rule_codes() {
    return {DiagCode::lint_index_not_concurrent, DiagCode::lint_not_null_without_default,
            DiagCode::lint_set_not_null,         DiagCode::lint_table_rewrite,
            DiagCode::lint_add_constraint,       DiagCode::lint_drop_column,
            DiagCode::lint_drop_table,           DiagCode::lint_rename_column,
            DiagCode::lint_rename_table,         DiagCode::lint_unfiltered_write,
            DiagCode::lint_raw_sql,              DiagCode::lint_enum_value_dropped,
            DiagCode::lint_sqlite_rebuild,       DiagCode::lint_mysql_table_copy,
            DiagCode::lint_no_lock_timeout,      DiagCode::lint_accept_invalid,
            DiagCode::lint_accept_unused};
}

Linter::Linter(DiagnosticEngine& diagnostics, Options options)
    : diagnostics_(diagnostics), options_(std::move(options)) {}

void Linter::begin_revision(const std::string& revision, FileId file) {
    revision_ = revision;
    new_tables_.clear();
    if (file != no_file && read_files_.insert(file).second) read_directives(file);
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::optional<DiagCode> rule_code(std::string_view name) {
    for (DiagCode code : Linter::rule_codes())
        if (name == diag_code_name(code) && code != DiagCode::lint_accept_invalid &&
            code != DiagCode::lint_accept_unused)
            return code;
    return std::nullopt;
}

}  // namespace

// `-- lint: accept CODE 'reason'` (or "reason"), alone on its line.
void Linter::read_directives(FileId file_id) {
    const SourceFile& file = diagnostics_.sources().file(file_id);
    const std::string_view text = file.text();
    for (std::uint32_t line = 1;; ++line) {
        std::string_view raw = file.line_text(line);
        if (raw.data() == nullptr || raw.data() < text.data() || raw.data() > text.data() + text.size()) break;
        auto offset = static_cast<std::uint32_t>(raw.data() - text.data());
        std::string_view s = trim(raw);
        std::uint32_t at = offset + static_cast<std::uint32_t>(s.data() - raw.data());
        SourceSpan span{file_id, at, static_cast<std::uint32_t>(at + s.size())};
        if (starts_with(s, "--")) {
            std::string_view rest = trim(s.substr(2));
            if (starts_with(rest, "lint:")) {
                rest = trim(rest.substr(5));
                auto bad = [&](const std::string& why) {
                    diagnostics_
                        .error(DiagCode::lint_accept_invalid, span, "{}", why)
                        .note(SourceSpan{}, "the form is `-- lint: accept CODE 'reason'`, on the line above the "
                                            "statement (docs/lint.md)");
                };
                if (!starts_with(rest, "accept ")) {
                    bad("a `-- lint:` comment must be `accept CODE 'reason'`");
                } else {
                    rest = trim(rest.substr(7));
                    std::size_t end = 0;
                    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '_'))
                        ++end;
                    std::string name(rest.substr(0, end));
                    std::string_view reason = trim(rest.substr(end));
                    auto code = rule_code(name);
                    if (name.empty()) {
                        bad("`-- lint: accept` needs the code of the finding it accepts");
                    } else if (!code) {
                        bad("'" + name + "' is not a lint code (docs/lint.md lists them)");
                    } else if (reason.size() < 2 || (reason.front() != '\'' && reason.front() != '"') ||
                               reason.back() != reason.front()) {
                        bad("`-- lint: accept " + name + "` needs a reason in quotes, e.g. 'the table is empty'");
                    } else if (trim(reason.substr(1, reason.size() - 2)).empty()) {
                        bad("the reason of `-- lint: accept " + name + "` is empty");
                    } else {
                        directives_.push_back(Directive{file_id, line, span, *code,
                                                        std::string(reason.substr(1, reason.size() - 2)), false});
                    }
                }
            }
        }
        if (offset + raw.size() >= text.size()) break;
    }
}

Linter::Directive* Linter::directive_for(DiagCode code, SourceSpan at, SourceSpan statement) {
    const SourceManager& sources = diagnostics_.sources();
    for (SourceSpan place : {at, statement}) {
        if (!place.valid() || place.file >= sources.size()) continue;
        const SourceFile& file = sources.file(place.file);
        std::uint32_t line = file.line_col(place.begin).line;
        // The comment lines directly above `line`.
        for (std::uint32_t l = line; l-- > 1;) {
            if (!starts_with(trim(file.line_text(l)), "--")) break;
            for (Directive& d : directives_)
                if (d.file == place.file && d.line == l && d.code == code) return &d;
        }
    }
    return nullptr;
}

void Linter::add(Finding finding, SourceSpan statement, std::vector<Finding>& out) {
    finding.revision = revision_;
    if (Directive* d = directive_for(finding.diagnostic.code, finding.diagnostic.span, statement)) {
        d->used = true;
        finding.accepted = true;
        finding.reason = d->reason;
    } else {
        const Diagnostic& f = finding.diagnostic;
        auto builder = diagnostics_.add(f.severity, f.code, f.span, f.message);
        for (const Note& n : f.notes) builder.note(n.span, "{}", n.message);
    }
    findings_.push_back(finding);
    out.push_back(std::move(finding));
}

void Linter::finish() {
    for (const Directive& d : directives_)
        if (!d.used)
            diagnostics_
                .warning(DiagCode::lint_accept_unused, d.span, "this directive accepts no {} finding",
                         diag_code_name(d.code))
                .note(SourceSpan{}, "put it on the line directly above the statement (or the alter action) "
                                    "that has the finding, or remove it");
}

std::size_t Linter::open_errors() const {
    return std::count_if(findings_.begin(), findings_.end(), [](const Finding& f) {
        return !f.accepted && f.diagnostic.severity == Severity::error;
    });
}

std::size_t Linter::open_warnings() const {
    return std::count_if(findings_.begin(), findings_.end(), [](const Finding& f) {
        return !f.accepted && f.diagnostic.severity == Severity::warning;
    });
}

std::size_t Linter::accepted() const {
    return std::count_if(findings_.begin(), findings_.end(), [](const Finding& f) { return f.accepted; });
}

}  // namespace retort::lint
