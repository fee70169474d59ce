#include "compiler/replay/literal_check.hpp"

#include "compiler/source/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace retort::replay {

namespace {

std::string shown(const sql::Literal& literal) {
    std::string text = sql::to_mig(sql::Expr{literal, {}});
    if (utf8_length(text) > 40) {
        // Cut on a code point boundary.
        std::size_t seen = 0, i = 0;
        for (; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
            if (seen++ == 37) break;
        }
        text = text.substr(0, i) + "...";
    }
    return text;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A number split into sign, integer digits (no leading zeros) and fraction digits.
struct Decimal {
    bool negative = false;
    std::string integer;   // without leading zeros; empty for 0
    std::string fraction;  // as many digits as the exact value needs
};

std::optional<Decimal> parse_decimal(std::string_view text) {
    Decimal d;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
    std::string digits;
    long point = -1;
    for (; i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'); ++i) {
        if (text[i] == '.') {
            if (point >= 0) return std::nullopt;
            point = static_cast<long>(digits.size());
        } else {
            digits += text[i];
        }
    }
    if (digits.empty()) return std::nullopt;
    if (point < 0) point = static_cast<long>(digits.size());
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool neg = false;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
        std::string_view exp = text.substr(i);
        if (!all_digits(exp) || exp.size() > 6) return std::nullopt;
        long e = std::strtol(std::string(exp).c_str(), nullptr, 10);
        point += neg ? -e : e;
        i = text.size();
    }
    if (i != text.size()) return std::nullopt;
    if (point < 0) {
        digits.insert(0, static_cast<std::size_t>(-point), '0');
        point = 0;
    }
    if (point > static_cast<long>(digits.size())) digits.append(point - digits.size(), '0');
    d.integer = digits.substr(0, static_cast<std::size_t>(point));
    d.fraction = digits.substr(static_cast<std::size_t>(point));
    d.integer.erase(0, std::min(d.integer.find_first_not_of('0'), d.integer.size()));
    while (!d.fraction.empty() && d.fraction.back() == '0') d.fraction.pop_back();
    return d;
}

// Rounds to `scale` fraction digits (half away from zero, as engines do).
void round_to(Decimal& d, std::size_t scale) {
    if (d.fraction.size() <= scale) return;
    bool up = d.fraction[scale] >= '5';
    d.fraction.resize(scale);
    if (!up) return;
    std::string all = d.integer + d.fraction;
    int i = static_cast<int>(all.size()) - 1;
    for (; i >= 0; --i) {
        if (all[i] == '9') {
            all[i] = '0';
        } else {
            ++all[i];
            break;
        }
    }
    if (i < 0) all.insert(all.begin(), '1');
    d.integer = all.substr(0, all.size() - scale);
    d.fraction = all.substr(all.size() - scale);
    d.integer.erase(0, std::min(d.integer.find_first_not_of('0'), d.integer.size()));
}

// Compares a non-negative digit string (no leading zeros) with a limit.
bool digits_greater(const std::string& value, std::string_view limit) {
    if (value.size() != limit.size()) return value.size() > limit.size();
    return value > limit;
}

std::optional<Misfit> check_integer(const Decimal& d, const sql::Literal& literal, const sql::Type& type) {
    Decimal r = d;
    round_to(r, 0);
    std::string_view max_pos, max_neg;
    switch (type.kind) {
        case sql::TypeKind::smallint: max_pos = "32767"; max_neg = "32768"; break;
        case sql::TypeKind::integer: max_pos = "2147483647"; max_neg = "2147483648"; break;
        default: max_pos = "9223372036854775807"; max_neg = "9223372036854775808"; break;
    }
    if (digits_greater(r.integer, r.negative ? max_neg : max_pos))
        return Misfit{DiagCode::literal_out_of_range,
                      fmt::format("value {} is out of range for {} (-{} to {})", shown(literal),
                                  sql::to_mig(type), max_neg, max_pos)};
    return std::nullopt;
}

std::optional<Misfit> check_numeric(const Decimal& d, const sql::Literal& literal, const sql::Type& type) {
    if (!type.length) return std::nullopt;
    int precision = *type.length, scale = type.scale.value_or(0);
    Decimal r = d;
    round_to(r, static_cast<std::size_t>(scale));
    if (static_cast<int>(r.integer.size()) > precision - scale)
        return Misfit{DiagCode::literal_out_of_range,
                      fmt::format("value {} does not fit {}: at most {} digit{} before the decimal point",
                                  shown(literal), sql::to_mig(type), precision - scale,
                                  precision - scale == 1 ? "" : "s")};
    return std::nullopt;
}

int two(std::string_view s, std::size_t at) {
    if (at + 2 > s.size() || !std::isdigit(static_cast<unsigned char>(s[at])) ||
        !std::isdigit(static_cast<unsigned char>(s[at + 1])))
        return -1;
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

// YYYY-MM-DD; returns the number of bytes used or 0.
std::size_t parse_date(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !all_digits(s.substr(0, 4))) return 0;
    int year = std::atoi(std::string(s.substr(0, 4)).c_str());
    int month = two(s, 5), day = two(s, 8);
    if (year < 1 || month < 1 || month > 12 || day < 1) return 0;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int max = days[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= max ? 10 : 0;
}

// HH:MM[:SS[.ffffff]]; returns the bytes used or 0.
std::size_t parse_time(std::string_view s) {
    int h = two(s, 0), m = s.size() > 2 && s[2] == ':' ? two(s, 3) : -1;
    if (h < 0 || h > 23 || m < 0 || m > 59) return 0;
    std::size_t at = 5;
    if (at < s.size() && s[at] == ':') {
        int sec = two(s, at + 1);
        if (sec < 0 || sec > 59) return 0;
        at += 3;
        if (at < s.size() && s[at] == '.') {
            std::size_t digits = 0;
            ++at;
            while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at, ++digits;
            if (digits == 0 || digits > 6) return 0;
        }
    }
    return at;
}

// Z, +HH, +HH:MM, -HHMM; the whole rest must be used.
bool parse_zone(std::string_view s) {
    if (s.empty()) return true;
    if (s == "Z" || s == "z") return true;
    if (s[0] != '+' && s[0] != '-') return false;
    int h = two(s, 1);
    if (h < 0 || h > 15) return false;
    if (s.size() == 3) return true;
    std::size_t at = s[3] == ':' ? 4 : 3;
    int m = two(s, at);
    return m >= 0 && m <= 59 && at + 2 == s.size();
}

bool valid_timestamp(std::string_view s) {
    std::size_t n = parse_date(s);
    if (n == 0) return false;
    if (n == s.size()) return true;
    if (s[n] != ' ' && s[n] != 'T') return false;
    std::string_view rest = s.substr(n + 1);
    std::size_t t = parse_time(rest);
    if (t == 0) return false;
    rest = rest.substr(t);
    if (!rest.empty() && rest[0] == ' ') rest = rest.substr(1);
    return parse_zone(rest);
}

bool valid_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
}

Misfit mismatch(const sql::Literal& literal, const sql::Type& type) {
    return Misfit{DiagCode::data_mismatch,
                  fmt::format("value {} cannot be stored in a column of type {}", shown(literal),
                              sql::to_mig(type))};
}

}  // namespace

std::optional<sql::Literal> literal_of(const sql::Expr& expr) {
    if (auto* lit = std::get_if<sql::Literal>(&expr.node)) return *lit;
    if (auto* paren = std::get_if<sql::Paren>(&expr.node)) return paren->inner ? literal_of(*paren->inner) : std::nullopt;
    if (auto* unary = std::get_if<sql::Unary>(&expr.node)) {
        if (unary->op == sql::UnaryOp::not_ || !unary->operand) return std::nullopt;
        auto inner = literal_of(*unary->operand);
        if (!inner || (inner->kind != sql::LiteralKind::integer && inner->kind != sql::LiteralKind::decimal))
            return std::nullopt;
        if (unary->op == sql::UnaryOp::negate) {
            if (!inner->text.empty() && inner->text[0] == '-')
                inner->text.erase(0, 1);
            else
                inner->text = "-" + inner->text;  // not insert(0, ...): GCC 12's -Wrestrict misfires on it
        }
        return inner;
    }
    return std::nullopt;
}

std::optional<std::string> check_temporal_literal(const sql::Literal& literal) {
    if (literal.kind == sql::LiteralKind::date && parse_date(literal.text) != literal.text.size())
        return fmt::format("invalid date '{}': expected YYYY-MM-DD with a real day", literal.text);
    if (literal.kind == sql::LiteralKind::timestamp && !valid_timestamp(literal.text))
        return fmt::format("invalid timestamp '{}': expected YYYY-MM-DD HH:MM[:SS[.ffffff]]", literal.text);
    return std::nullopt;
}

namespace {

using K = sql::LiteralKind;
using T = sql::TypeKind;

bool is_number(const sql::Literal& literal) { return literal.kind == K::integer || literal.kind == K::decimal; }

std::optional<Misfit> check_number_column(const sql::Literal& literal, const sql::Type& type) {
    if (!is_number(literal) && literal.kind != K::string) return mismatch(literal, type);
    auto d = parse_decimal(literal.text);
    if (!d)
        return Misfit{DiagCode::data_mismatch, fmt::format("value {} is not a number, but the column is {}",
                                                           shown(literal), sql::to_mig(type))};
    if (sql::is_integer(type.kind)) return check_integer(*d, literal, type);
    if (type.kind == T::numeric) return check_numeric(*d, literal, type);
    return std::nullopt;
}

std::optional<Misfit> check_boolean_column(const sql::Literal& literal) {
    if (literal.kind == K::boolean) return std::nullopt;
    if (literal.kind == K::integer && (literal.text == "0" || literal.text == "1")) return std::nullopt;
    return Misfit{DiagCode::data_mismatch,
                  fmt::format("value {} is not a boolean: write true or false", shown(literal))};
}

std::optional<Misfit> check_text_column(const sql::Literal& literal, const sql::Type& type) {
    if (literal.kind != K::string && !is_number(literal) && literal.kind != K::date && literal.kind != K::timestamp)
        return mismatch(literal, type);
    if (type.length && utf8_length(literal.text) > static_cast<std::size_t>(*type.length))
        return Misfit{DiagCode::literal_out_of_range,
                      fmt::format("value {} has {} characters, more than {} allows", shown(literal),
                                  utf8_length(literal.text), sql::to_mig(type))};
    return std::nullopt;
}

// date, time, datetime, timestamp, timestamptz columns.
std::optional<Misfit> check_temporal_column(const sql::Literal& literal, const sql::Type& type) {
    const bool temporal_literal = literal.kind == K::date || literal.kind == K::timestamp;
    if (temporal_literal && type.kind != T::time) return std::nullopt;
    if (literal.kind != K::string) return mismatch(literal, type);
    if (type.kind == T::date) {
        if (parse_date(literal.text) != literal.text.size())
            return Misfit{DiagCode::literal_out_of_range,
                          fmt::format("value {} is not a valid date (YYYY-MM-DD)", shown(literal))};
    } else if (type.kind == T::time) {
        if (literal.text.empty() || parse_time(literal.text) != literal.text.size())
            return Misfit{DiagCode::literal_out_of_range,
                          fmt::format("value {} is not a valid time (HH:MM[:SS])", shown(literal))};
    } else if (!valid_timestamp(literal.text)) {
        return Misfit{DiagCode::literal_out_of_range,
                      fmt::format("value {} is not a valid timestamp (YYYY-MM-DD HH:MM:SS)", shown(literal))};
    }
    return std::nullopt;
}

std::optional<Misfit> check_enum_column(const sql::Literal& literal, const sql::Type& type,
                                        const schema::EnumType* enum_type) {
    if (literal.kind != K::string) return mismatch(literal, type);
    if (!enum_type ||
        std::find(enum_type->values.begin(), enum_type->values.end(), literal.text) != enum_type->values.end())
        return std::nullopt;
    std::string list;
    for (const auto& v : enum_type->values) list += (list.empty() ? "'" : ", '") + v + "'";
    return Misfit{DiagCode::literal_out_of_range,
                  fmt::format("value {} is not a value of enum {} ({})", shown(literal), enum_type->name, list)};
}

}  // namespace

std::optional<Misfit> check_literal(const sql::Literal& literal, const sql::Type& type,
                                    const schema::EnumType* enum_type) {
    if (literal.kind == K::null) return std::nullopt;
    if (auto bad = check_temporal_literal(literal)) return Misfit{DiagCode::literal_out_of_range, *bad};
    const bool string = literal.kind == K::string;
    switch (type.kind) {
        case T::smallint:
        case T::integer:
        case T::bigint:
        case T::numeric:
        case T::float_:
        case T::double_:
            return check_number_column(literal, type);
        case T::boolean:
            return check_boolean_column(literal);
        case T::varchar:
        case T::char_:
        case T::text:
            return check_text_column(literal, type);
        case T::date:
        case T::time:
        case T::datetime:
        case T::timestamp:
        case T::timestamptz:
            return check_temporal_column(literal, type);
        case T::json:
            if (!string) return mismatch(literal, type);
            return std::nullopt;
        case T::uuid:
            if (!string) return mismatch(literal, type);
            if (!valid_uuid(literal.text))
                return Misfit{DiagCode::literal_out_of_range,
                              fmt::format("value {} is not a uuid (8-4-4-4-12 hexadecimal digits)",
                                          shown(literal))};
            return std::nullopt;
        case T::binary:
            if (literal.kind != K::binary && !string) return mismatch(literal, type);
            return std::nullopt;
        case T::enum_:
            return check_enum_column(literal, type, enum_type);
    }
    return std::nullopt;
}

}  // namespace retort::replay
