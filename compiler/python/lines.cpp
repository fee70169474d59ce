#include "compiler/python/lines.hpp"

#include <string>

namespace retort::py {

namespace {

bool is_prefix(std::string_view w) {
    if (w.empty() || w.size() > 2) return false;
    std::string l;
    for (char c : w) l += static_cast<char>(c | 0x20);
    return l == "r" || l == "u" || l == "b" || l == "f" || l == "rb" || l == "br" || l == "fr" ||
           l == "rf";
}

bool ident_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// Skips the string starting at its quote text[i]; returns the offset after
// it. An unterminated '...' ends at its line break, an unterminated '''...'''
// at the end of the file: the grammar then reports it at its quote.
std::size_t skip_string(std::string_view text, std::size_t i) {
    const std::size_t n = text.size();
    const char q = text[i];
    if (i + 2 < n && text[i + 1] == q && text[i + 2] == q) {
        i += 3;
        while (i < n) {
            if (text[i] == '\\') {
                i += 2;
            } else if (text[i] == q && i + 2 < n && text[i + 1] == q && text[i + 2] == q) {
                return i + 3;
            } else {
                ++i;
            }
        }
        return n;
    }
    ++i;
    while (i < n) {
        const char c = text[i];
        if (c == '\\') {
            if (i + 2 < n && text[i + 1] == '\r' && text[i + 2] == '\n')
                i += 3;
            else
                i += 2;
        } else if (c == q) {
            return i + 1;
        } else if (c == '\n') {
            return i;
        } else {
            ++i;
        }
    }
    return n;
}

}  // namespace

std::vector<LogicalLine> logical_lines(std::string_view text, std::uint32_t start) {
    std::vector<LogicalLine> lines;
    const std::size_t n = text.size();
    std::size_t i = start;
    while (i < n) {
        // indentation
        std::uint32_t col = 0, alt = 0;
        while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\f')) {
            if (text[i] == ' ') {
                ++col;
                ++alt;
            } else if (text[i] == '\t') {
                col = (col / 8 + 1) * 8;
                ++alt;
            } else {  // form feed resets the count, as in CPython
                col = alt = 0;
            }
            ++i;
        }
        if (i >= n) break;
        if (text[i] == '#' || text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ||
            (text[i] == '\r' && i + 1 == n)) {
            while (i < n && text[i] != '\n') ++i;
            ++i;
            continue;
        }
        LogicalLine line{static_cast<std::uint32_t>(i), 0, col, alt};
        std::vector<std::size_t> open;  // offsets of the open brackets
        while (i < n) {
            const char c = text[i];
            if (c == '#') {
                while (i < n && text[i] != '\n') ++i;
            } else if (c == '\'' || c == '"') {
                i = skip_string(text, i);
            } else if (ident_char(static_cast<unsigned char>(c))) {
                std::size_t w = i;
                while (i < n && ident_char(static_cast<unsigned char>(text[i]))) ++i;
                if (i < n && (text[i] == '\'' || text[i] == '"') && is_prefix(text.substr(w, i - w)))
                    i = skip_string(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                open.push_back(i);
                ++i;
            } else if (c == ')' || c == ']' || c == '}') {
                if (!open.empty()) open.pop_back();
                ++i;
            } else if (c == '\\' && i + 1 < n && text[i + 1] == '\n') {
                i += 2;
            } else if (c == '\\' && i + 2 < n && text[i + 1] == '\r' && text[i + 2] == '\n') {
                i += 3;
            } else if (c == '\n' && open.empty()) {
                break;
            } else {
                ++i;
            }
        }
        if (i > n) i = n;
        if (!open.empty()) line.unclosed = static_cast<std::int64_t>(open.back());
        line.end = static_cast<std::uint32_t>(i);
        lines.push_back(line);
        ++i;
    }
    return lines;
}

}  // namespace retort::py
