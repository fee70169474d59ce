// Decoding of string, binary and date literals.
#include <cstdio>

#include "compiler/source/utf8.hpp"
#include "compiler/parse/parse_state.hpp"

namespace retort::parse {

namespace {

// Reads \uXXXX at p (p points at the backslash); returns -1 if malformed.
long read_u4(const char* p, const char* end) {
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u') return -1;
    long v = 0;
    for (int i = 2; i < 6; ++i) {
        int h = hex_value(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

}  // namespace

std::string decode_single_quoted(std::string_view body) {
    // Runs between quotes are copied whole; '' is one quote.
    std::string out;
    out.reserve(body.size());
    std::size_t start = 0;
    for (std::size_t q = body.find('\''); q != std::string_view::npos; q = body.find('\'', start)) {
        out.append(body, start, q + 1 - start);
        start = q + 2;
        if (start >= body.size()) break;
    }
    if (start < body.size()) out.append(body, start);
    return out;
}

std::string decode_e_string(ParseState& state, const char* begin, const char* end) {
    std::string out;
    out.reserve(static_cast<std::size_t>(end - begin));
    for (const char* p = begin; p < end;) {
        char c = *p;
        if (c == '\'') {  // '' inside e'...'
            out += '\'';
            p += 2;
            continue;
        }
        if (c != '\\') {
            out += c;
            ++p;
            continue;
        }
        char e = p + 1 < end ? p[1] : '\0';
        switch (e) {
            case 'n': out += '\n'; p += 2; continue;
            case 'r': out += '\r'; p += 2; continue;
            case 't': out += '\t'; p += 2; continue;
            case '\\': out += '\\'; p += 2; continue;
            case '\'': out += '\''; p += 2; continue;
            case 'u': {
                long cp = read_u4(p, end);
                std::size_t used = 6;
                if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
                    long low = read_u4(p + 6, end);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        used = 12;
                    } else {
                        cp = -2;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = -2;
                }
                SourceSpan sp = state.span(p, p + std::min<std::ptrdiff_t>(end - p, 6));
                if (cp == -1) {
                    state.diagnostics.error(DiagCode::bad_escape, sp,
                                            "\\u must be followed by four hex digits");
                    p += 2;
                } else if (cp == -2) {
                    state.diagnostics.error(DiagCode::bad_escape, sp,
                                            "a UTF-16 surrogate must come as a high-low pair");
                    p += 6;
                } else if (cp == 0) {
                    state.diagnostics.error(DiagCode::nul_character, sp,
                                            "a string cannot hold a NUL character");
                    p += 6;
                } else {
                    append_utf8(out, static_cast<std::uint32_t>(cp));
                    p += used;
                }
                continue;
            }
            default: {
                SourceSpan sp = state.span(p, p + 2);
                state.diagnostics.error(DiagCode::bad_escape, sp,
                                        "unknown escape in an e'...' string; the escapes are \\n "
                                        "\\r \\t \\\\ \\' and \\uXXXX");
                p += 2;
                continue;
            }
        }
    }
    return out;
}

std::string decode_hex(std::string_view digits) {
    std::string out;
    out.reserve(digits.size() / 2);
    for (std::size_t i = 0; i + 1 < digits.size(); i += 2)
        out += static_cast<char>(hex_value(digits[i]) * 16 + hex_value(digits[i + 1]));
    return out;
}

namespace {

bool digits_at(const std::string& t, std::size_t pos, std::size_t n, int& value) {
    if (pos + n > t.size()) return false;
    value = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return false;
        value = value * 10 + (t[i] - '0');
    }
    return true;
}

bool valid_date(const std::string& t) {
    int y, m, d;
    if (!digits_at(t, 0, 4, y) || t.size() < 10 || t[4] != '-' || !digits_at(t, 5, 2, m) ||
        t[7] != '-' || !digits_at(t, 8, 2, d))
        return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap ? 1 : 0);
    return d <= max && y >= 1;
}

bool valid_time(const std::string& t, std::size_t pos) {
    int h, mi, se = 0;
    if (!digits_at(t, pos, 2, h) || pos + 5 > t.size() || t[pos + 2] != ':' ||
        !digits_at(t, pos + 3, 2, mi))
        return false;
    std::size_t p = pos + 5;
    if (p < t.size() && t[p] == ':') {
        if (!digits_at(t, p + 1, 2, se)) return false;
        p += 3;
        if (p < t.size() && t[p] == '.') {
            std::size_t q = p + 1;
            while (q < t.size() && t[q] >= '0' && t[q] <= '9') ++q;
            if (q == p + 1 || q - p - 1 > 6) return false;
            p = q;
        }
    }
    return p == t.size() && h <= 23 && mi <= 59 && se <= 59;
}

}  // namespace

void check_date_literal(ParseState& state, const ast::StringValue& value, bool with_time) {
    const std::string& t = value.text;
    bool ok;
    if (!with_time)
        ok = t.size() == 10 && valid_date(t);
    else
        ok = t.size() >= 16 && valid_date(t) && (t[10] == ' ' || t[10] == 'T') && valid_time(t, 11);
    if (!ok)
        state.diagnostics.error(DiagCode::bad_literal, value.span, "'{}' is not a valid {}; write {}",
                                t, with_time ? "timestamp" : "date",
                                with_time ? "'YYYY-MM-DD HH:MM:SS[.ffffff]'" : "'YYYY-MM-DD'");
}

}  // namespace retort::parse
