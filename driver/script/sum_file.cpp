#include "driver/script/sum_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "compiler/source/sha256.hpp"

namespace fs = std::filesystem;

namespace retort::driver {

namespace {

struct SumLine {
    std::string digest;
    SourceSpan span;  // the line in retort.sum
};

struct ParsedSums {
    std::map<std::string, SumLine> lines;
    std::size_t bad_line = 0;  // first line that is not `ID sha256:HEX` (1-based), 0: none
};

bool valid_digest(std::string_view d) {
    if (d.substr(0, 7) != "sha256:" || d.size() != 7 + 64) return false;
    return std::all_of(d.begin() + 7, d.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f'); });
}

// Parses the text; reports a bad or repeated line through `bad` (line number, span, why).
template <typename Bad>
ParsedSums parse_sums(const SourceFile& file, Bad&& bad) {
    ParsedSums out;
    const std::string& text = file.text();
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        ++line_no;
        std::string_view line(text.data() + at, end - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        SourceSpan span = file.span(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + line.size()));
        std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] != '#') {
            std::size_t space = line.find(' ');
            std::string_view id = line.substr(0, space);
            std::string_view d = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
            if (id.empty() || !valid_digest(d)) {
                if (!out.bad_line) out.bad_line = line_no;
                bad(span, "a line of retort.sum is `<revision id> sha256:<64 hex digits>`");
            } else if (out.lines.count(std::string(id))) {
                if (!out.bad_line) out.bad_line = line_no;
                bad(span, fmt::format("revision {} has a second line in retort.sum", id));
            } else {
                out.lines[std::string(id)] = {std::string(d), span};
            }
        }
        at = end + 1;
    }
    return out;
}

std::string display_name(const Project& project, const std::string& path) {
    fs::path rel = fs::path(path).lexically_relative(fs::path(project.root));
    return rel.empty() || *rel.begin() == ".." ? path : rel.string();
}

}  // namespace

std::string sum_path(const Project& project) {
    return (fs::path(project.config_path).parent_path() / sum_file_name).string();
}

std::string digest(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return "sha256:" + hash.hex();
}

Sums project_sums(const Project& project, const SourceManager& sources) {
    Sums out;
    for (const ast::Migration& m : project.migrations)
        if (m.header.revision && m.header.span.valid())
            out[m.header.revision->text] = digest(sources.file(m.header.span.file).text());
    return out;
}

std::string render_sums(const Sums& sums) {
    std::string out =
        "# retort.sum: the sha256 of each revision's .mig file. `retort check` fails when a file\n"
        "# no longer matches; `retort sum` rewrites this file on purpose (docs/cli.md).\n";
    for (const auto& [id, d] : sums) out += id + " " + d + "\n";
    return out;
}

bool write_sums(const std::string& path, const Sums& sums, std::string& error) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << render_sums(sums);
        out.close();
        if (!out) {
            error = fmt::format("cannot write {}", tmp);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        error = fmt::format("cannot replace {}: {}", path, ec.message());
        return false;
    }
    return true;
}

void check_sums(const Project& project, SourceManager& sources, DiagnosticEngine& diagnostics,
                bool all_files_parsed) {
    const std::string path = sum_path(project);
    std::error_code ec;
    if (!fs::exists(path, ec)) return;  // not checked: docs/cli.md
    std::string error;
    const SourceFile* file = sources.load(path, display_name(project, path), error);
    if (!file) {
        diagnostics.error(DiagCode::file_unreadable, SourceSpan{}, "cannot read {}: {}", display_name(project, path), error);
        return;
    }
    ParsedSums parsed = parse_sums(*file, [&](SourceSpan span, const std::string& why) {
        diagnostics.error(DiagCode::sum_syntax, span, "{}; fix the line or rewrite the file with `retort sum`", why);
    });
    std::map<std::string, bool> seen;
    for (const ast::Migration& m : project.migrations) {
        if (!m.header.revision) continue;
        const ast::Name& id = *m.header.revision;
        seen[id.text] = true;
        auto line = parsed.lines.find(id.text);
        if (line == parsed.lines.end()) {
            if (parsed.bad_line) continue;  // may be the bad line
            diagnostics.error(DiagCode::sum_missing, id.span,
                              "revision {} is not recorded in {}; `retort revision` and `retort merge` record "
                              "the files they write, `retort sum` records every file",
                              id.text, file->display_name());
            continue;
        }
        const std::string now = digest(sources.file(m.header.span.file).text());
        if (now != line->second.digest)
            diagnostics
                .error(DiagCode::sum_mismatch, id.span,
                       "revision {} was edited after it was recorded in {} (recorded {}, now {}): a revision "
                       "that was deployed must not change; undo the edit, or accept it on purpose with "
                       "`retort sum`",
                       id.text, file->display_name(), line->second.digest.substr(0, 19), now.substr(0, 19))
                .note(line->second.span, "recorded here");
    }
    if (!all_files_parsed) return;
    for (const auto& [id, line] : parsed.lines)
        if (!seen.count(id))
            diagnostics.error(DiagCode::sum_stale, line.span,
                              "{} records revision {}, which no project file declares any more; if it was "
                              "removed on purpose, drop the line with `retort sum`",
                              file->display_name(), id);
}

bool record_sum(const Project& project, const std::string& id, std::string_view bytes, bool& recorded,
                std::string& error) {
    recorded = false;
    const std::string path = sum_path(project);
    std::error_code ec;
    if (!fs::exists(path, ec)) return true;
    SourceManager sources;
    const SourceFile* file = sources.load(path, path, error);
    if (!file) return false;
    ParsedSums parsed = parse_sums(*file, [](SourceSpan, const std::string&) {});
    if (parsed.bad_line) {
        error = fmt::format("{} line {} is not `<revision id> sha256:<hex>`; the new file is not recorded: fix the "
                            "line, then run `retort sum`",
                            path, parsed.bad_line);
        return false;
    }
    Sums sums;
    for (const auto& [rev, line] : parsed.lines) sums[rev] = line.digest;
    sums[id] = digest(bytes);
    if (!write_sums(path, sums, error)) return false;
    recorded = true;
    return true;
}

}  // namespace retort::driver
