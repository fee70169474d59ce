// String and number literals: checked and decoded as Python does.
#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/source/utf8.hpp"
#include "compiler/python/actions.hpp"

namespace retort::py {

namespace {

[[noreturn]] void bad(std::uint32_t at, std::string message) {
    throw SyntaxError{at, std::move(message), DiagCode::python_syntax};
}

struct Literal {
    bool raw = false, bytes = false, fstring = false;
    std::uint32_t body_begin = 0, body_end = 0;  // offsets of the text between the quotes
};

Literal split(const ParseState& s, const Piece& p) {
    Literal l;
    const char* t = s.base;
    std::uint32_t i = p.begin;
    while (t[i] != '\'' && t[i] != '"') {
        char c = static_cast<char>(t[i] | 0x20);
        if (c == 'r') l.raw = true;
        if (c == 'b') l.bytes = true;
        if (c == 'f') l.fstring = true;
        ++i;
    }
    const char q = t[i];
    const bool triple = p.end - i >= 6 && t[i + 1] == q && t[i + 2] == q;
    const std::uint32_t n = triple ? 3 : 1;
    l.body_begin = i + n;
    l.body_end = p.end - n;
    return l;
}

// Appends the decoded body of one literal. Returns what makes it
// unsupported (nullptr when it is read).
const char* decode_body(const ParseState& s, const Literal& l, std::string& out) {
    const char* t = s.base;
    std::uint32_t i = l.body_begin;
    const std::uint32_t end = l.body_end;
    const char* unsupported = nullptr;
    while (i < end) {
        char c = t[i];
        if (c == '\r' && i + 1 < end && t[i + 1] == '\n') {  // a CRLF file: a line break is \n
            ++i;
            continue;
        }
        if (l.bytes && static_cast<unsigned char>(c) >= 0x80)
            bad(i, "a bytes literal can hold only ASCII characters; write others as \\xNN escapes");
        if (c != '\\' || l.raw) {
            out += c;
            ++i;
            continue;
        }
        // c == '\\' and not raw; the grammar guarantees a character follows
        const std::uint32_t at = i;
        char e = t[i + 1];
        i += 2;
        switch (e) {
            case '\n': break;
            case '\r':
                if (i < end && t[i] == '\n') ++i;
                break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            case 'x': {
                if (i + 2 > end || hex_value(t[i]) < 0 || hex_value(t[i + 1]) < 0)
                    bad(at, "truncated \\xNN escape: \\x takes two hex digits");
                unsigned v = static_cast<unsigned>(hex_value(t[i]) * 16 + hex_value(t[i + 1]));
                i += 2;
                if (l.bytes)
                    out += static_cast<char>(v);
                else
                    append_utf8(out, v);
                break;
            }
            case 'u':
            case 'U': {
                if (l.bytes) {  // not an escape in bytes
                    out += '\\';
                    out += e;
                    break;
                }
                const std::uint32_t digits = e == 'u' ? 4 : 8;
                std::uint32_t v = 0;
                for (std::uint32_t k = 0; k < digits; ++k) {
                    if (i + k >= end || hex_value(t[i + k]) < 0)
                        bad(at, e == 'u' ? "truncated \\uNNNN escape: \\u takes four hex digits"
                                         : "truncated \\UNNNNNNNN escape: \\U takes eight hex digits");
                    v = v * 16 + static_cast<std::uint32_t>(hex_value(t[i + k]));
                }
                i += digits;
                if (v > 0x10FFFF) bad(at, "this \\U escape is past U+10FFFF, the last Unicode character");
                if (v >= 0xD800 && v <= 0xDFFF)
                    unsupported = "a string with a surrogate escape";
                else
                    append_utf8(out, v);
                break;
            }
            case 'N': {
                if (l.bytes) {
                    out += "\\N";
                    break;
                }
                if (i >= end || t[i] != '{') bad(at, "malformed \\N character escape: expected \\N{name}");
                while (i < end && t[i] != '}') ++i;
                if (i >= end) bad(at, "malformed \\N character escape: no closing '}'");
                ++i;
                unsupported = "a \\N{...} escape";
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    unsigned v = static_cast<unsigned>(e - '0');
                    for (int k = 0; k < 2 && i < end && t[i] >= '0' && t[i] <= '7'; ++k)
                        v = v * 8 + static_cast<unsigned>(t[i++] - '0');
                    if (l.bytes)
                        out += static_cast<char>(v & 0xFF);
                    else
                        append_utf8(out, v);
                } else {  // not an escape: kept as written, as Python does
                    out += '\\';
                    --i;
                }
        }
    }
    return unsupported;
}

}  // namespace

void push_strings(ParseState& s, const std::vector<Piece>& pieces, SourceSpan span) {
    std::string value;
    const char* unsupported = nullptr;
    bool any_bytes = false, any_text = false;
    for (const Piece& p : pieces) {
        Literal l = split(s, p);
        (l.bytes ? any_bytes : any_text) = true;
        if (any_bytes && any_text)
            bad(p.begin, "cannot mix bytes and text literals in one implicit concatenation");
        if (l.fstring) {
            if (s.reported.insert(p.begin).second) {
                s.diagnostics.error(DiagCode::python_unsupported, s.span(p.begin, p.end),
                                    "retort cannot follow an f-string: write the string out as a "
                                    "plain literal");
            }
            unsupported = "an f-string";
            continue;
        }
        if (const char* why = decode_body(s, l, value); why && !unsupported) unsupported = why;
    }
    if (unsupported) {
        detail::push(s, span, Unsupported{unsupported}, 0);
        return;
    }
    detail::push(s, span, Str{std::move(value), any_bytes}, 0);
}

Expr decode_number(ParseState& s, std::uint32_t begin, std::uint32_t end) {
    std::string_view text(s.base + begin, end - begin);
    Expr out;
    out.span = s.span(begin, end);
    // '_' only between digits
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '_') continue;
        auto digitish = [](char c) { return hex_value(c) >= 0; };
        if (i == 0 || i + 1 == text.size() || !digitish(text[i - 1]) || !digitish(text[i + 1]))
            bad(begin + static_cast<std::uint32_t>(i), "invalid number: '_' must be between digits");
    }
    std::string clean;
    for (char c : text)
        if (c != '_') clean += c;
    auto invalid = [&]() { bad(begin, "invalid number literal '" + std::string(text) + "'"); };
    if (!clean.empty() && (clean.back() == 'j' || clean.back() == 'J')) {
        std::string rest = clean.substr(0, clean.size() - 1);
        for (char c : rest)
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) invalid();
        out.node = Unsupported{"a complex number"};
        return out;
    }
    if (clean.size() > 1 && clean[0] == '0' &&
        (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' || clean[1] == 'b' ||
         clean[1] == 'B')) {
        const unsigned base = (clean[1] | 0x20) == 'x' ? 16 : (clean[1] | 0x20) == 'o' ? 8 : 2;
        if (clean.size() == 2) invalid();
        unsigned long long v = 0;
        bool overflow = false;
        for (std::size_t i = 2; i < clean.size(); ++i) {
            int d = hex_value(clean[i]);
            if (d < 0 || static_cast<unsigned>(d) >= base) invalid();
            if (v > (~0ull - static_cast<unsigned>(d)) / base) overflow = true;
            v = v * base + static_cast<unsigned>(d);
        }
        if (overflow) {
            out.node = Unsupported{"an integer literal past 2**64"};
            return out;
        }
        out.node = Number{std::to_string(v), true};
        return out;
    }
    // decimal: digits [. digits] [e [+-] digits]
    std::size_t i = 0;
    const std::size_t n = clean.size();
    auto digits = [&]() {
        std::size_t from = i;
        while (i < n && clean[i] >= '0' && clean[i] <= '9') ++i;
        return i - from;
    };
    std::size_t int_digits = digits();
    bool integer = true;
    if (i < n && clean[i] == '.') {
        integer = false;
        ++i;
        std::size_t frac = digits();
        if (int_digits == 0 && frac == 0) invalid();
    }
    if (i < n && (clean[i] == 'e' || clean[i] == 'E')) {
        integer = false;
        ++i;
        if (i < n && (clean[i] == '+' || clean[i] == '-')) ++i;
        if (digits() == 0) invalid();
    }
    if (i != n) invalid();
    if (integer && clean.size() > 1 && clean[0] == '0' && clean.find_first_not_of('0') != std::string::npos)
        bad(begin, "leading zeros in a decimal integer are not allowed in Python 3; write 0o" +
                       clean.substr(clean.find_first_not_of('0')) + " for an octal number");
    out.node = Number{std::move(clean), integer};
    return out;
}

}  // namespace retort::py
