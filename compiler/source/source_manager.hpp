#pragma once
// Source files and byte-offset spans. A span is turned into line:col only
// when a diagnostic is printed.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace retort {

using FileId = std::uint32_t;
inline constexpr FileId no_file = 0xffffffffu;

struct SourceSpan {
    FileId file = no_file;
    std::uint32_t begin = 0;  // byte offset, inclusive
    std::uint32_t end = 0;    // byte offset, exclusive

    bool valid() const { return file != no_file; }
    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

struct LineCol {
    std::uint32_t line = 1;    // 1-based
    std::uint32_t column = 1;  // 1-based, counted in UTF-8 code points
};

class SourceFile {
public:
    SourceFile(FileId id, std::string path, std::string display_name, std::string text);

    FileId id() const { return id_; }
    const std::string& path() const { return path_; }          // as opened
    const std::string& display_name() const { return display_; }  // as printed
    const std::string& text() const { return text_; }
    SourceSpan span(std::uint32_t begin, std::uint32_t end) const { return {id_, begin, end}; }

    LineCol line_col(std::uint32_t offset) const;
    std::string_view line_text(std::uint32_t line) const;  // without the newline

private:
    void index_lines() const;

    FileId id_;
    std::string path_;
    std::string display_;
    std::string text_;
    mutable std::vector<std::uint32_t> line_starts_;  // built on first use
};

// Reads a whole file into `text`. Returns false (and sets `error`) when it
// cannot be read. Touches no shared state: safe to call from several threads.
bool read_file(const std::string& path, std::string& text, std::string& error);

// Owns every file read in one run; FileIds index into it. Files are never
// removed, so references stay valid for the whole run.
class SourceManager {
public:
    // Reads a file from disk. Returns nullptr (and sets `error`) when it
    // cannot be read.
    const SourceFile* load(const std::string& path, const std::string& display_name,
                           std::string& error);
    const SourceFile& add(std::string path, std::string display_name, std::string text);
    const SourceFile& file(FileId id) const { return *files_.at(id); }
    std::size_t size() const { return files_.size(); }

private:
    std::vector<std::unique_ptr<SourceFile>> files_;
};

}  // namespace retort
