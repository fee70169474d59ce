#pragma once
// The line pass: splits a Python file into logical lines (physical lines
// joined inside (), [], {}, after a `\`, and inside triple-quoted strings;
// blank and comment-only lines skipped), each with its indentation and its
// byte range in the original text.
#include <cstdint>
#include <string_view>
#include <vector>

namespace retort::py {

struct LogicalLine {
    std::uint32_t begin;   // first character after the indentation
    std::uint32_t end;     // before the line break that ends it (or the end of the file)
    std::uint32_t indent;  // columns, a tab to the next multiple of 8
    std::uint32_t alt;     // columns, a tab as one: where the two disagree, tabs and spaces are mixed
    // The offset of a bracket never closed (the line runs to the end of the
    // file), or -1. Reported when the parser reaches this line.
    std::int64_t unclosed = -1;
};

// `start` skips a UTF-8 byte order mark.
std::vector<LogicalLine> logical_lines(std::string_view text, std::uint32_t start);

}  // namespace retort::py
