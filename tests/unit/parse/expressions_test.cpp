// Expressions (language.md §5): literals, operators and their precedence,
// functions. Checked through `update t set x = <expr>`.
#include <catch2/catch.hpp>

#include "parse_helpers.hpp"

using retort::test::parse_text;
using retort::test::upgrade_dump;

namespace {
struct Case {
    const char* expr;
    const char* dump;
};
std::string dump_of(const std::string& e) {
    std::string d = upgrade_dump("update t set x = " + e + ";");
    const std::string prefix = "  update t\n    set x = ";
    if (d.rfind(prefix, 0) != 0) return d;
    return d.substr(prefix.size(), d.size() - prefix.size() - 1);
}
}  // namespace

TEST_CASE("literals", "[parse][expressions]") {
    auto c = GENERATE(values<Case>({
        {"42", "42"}, {"-7", "-7"}, {"3.25", "decimal:3.25"}, {"1e6", "decimal:1e6"},
        {"-0.5", "decimal:-0.5"}, {"2.5E-3", "decimal:2.5E-3"},
        {"9223372036854775807", "9223372036854775807"},
        {"'s'", "'s'"}, {"'it''s'", "'it''s'"}, {"''", "''"},
        {"e'a\\tb\\nc\\rd\\\\e\\'f'", "'a\\tb\\nc\\rd\\\\e''f'"},
        {"E'caf\\u00e9'", "'café'"}, {"e'\\ud83e\\udd80'", "'🦀'"},
        {"$$raw 'text' \\n$$", "'raw ''text'' \\\\n'"}, {"$tag$ has $$ inside $tag$", "' has $$ inside '"},
        {"'line1\nline2'", "'line1\\nline2'"}, {"'C:\\dir\\'", "'C:\\\\dir\\\\'"},
        {"true", "true"}, {"FALSE", "false"}, {"null", "null"},
        {"date '2024-01-15'", "date '2024-01-15'"}, {"date '2024-02-29'", "date '2024-02-29'"},
        {"timestamp '2024-01-15 12:00:00'", "timestamp '2024-01-15 12:00:00'"},
        {"timestamp '2024-01-15T12:00:00.123456'", "timestamp '2024-01-15T12:00:00.123456'"},
        {"x'00ff'", "x'00ff'"}, {"X'DEADBEEF'", "x'deadbeef'"}, {"x''", "x''"},
    }));
    CAPTURE(c.expr);
    CHECK(dump_of(c.expr) == c.dump);
}

TEST_CASE("operator precedence: or < and < not < comparison < || < + - < * / % < unary", "[parse][expressions]") {
    auto c = GENERATE(values<Case>({
        {"a + b * c", "(+ a (* b c))"},
        {"a * b + c", "(+ (* a b) c)"},
        {"a - b - c", "(- (- a b) c)"},
        {"a / b % c", "(% (/ a b) c)"},
        {"-a * b", "(* (- a) b)"},
        {"- -a", "(- (- a))"},
        {"+a", "(+ a)"},
        {"-(1)", "(- (paren 1))"},
        {"a || b + c", "(|| a (+ b c))"},
        {"a || b = c", "(= (|| a b) c)"},
        {"a = 1 or b = 2 and c = 3", "(or (= a 1) (and (= b 2) (= c 3)))"},
        {"not a = 1 and b", "(and (not (= a 1)) b)"},
        {"not not a", "(not (not a))"},
        {"(a + b) * c", "(* (paren (+ a b)) c)"},
        {"a <> b", "(<> a b)"}, {"a != b", "(<> a b)"}, {"a <= b", "(<= a b)"},
        {"a >= b", "(>= a b)"}, {"a < b", "(< a b)"}, {"a > b", "(> a b)"},
        {"a is null", "(is-null a)"}, {"a IS NOT NULL", "(is-not-null a)"},
        {"a in (1, 2, 3)", "(in a 1 2 3)"}, {"a not in ('x')", "(not-in a 'x')"},
        {"a like 'x%'", "(like a 'x%')"}, {"a not like 'x%'", "(not-like a 'x%')"},
        {"a between 1 and 2 and b", "(and (between a 1 2) b)"},
        {"a not between 1 + 1 and 5", "(not-between a (+ 1 1) 5)"},
        {"a + 1 in (2)", "(in (+ a 1) 2)"},
    }));
    CAPTURE(c.expr);
    CHECK(dump_of(c.expr) == c.dump);
}

TEST_CASE("the portable functions", "[parse][expressions]") {
    auto c = GENERATE(values<Case>({
        {"now()", "now()"}, {"NOW( )", "now()"}, {"current_date", "current_date"},
        {"lower(name)", "lower(name)"}, {"upper('x')", "upper('x')"}, {"length(a || b)", "length((|| a b))"},
        {"coalesce(a, b, 'none')", "coalesce(a b 'none')"},
    }));
    CAPTURE(c.expr);
    CHECK(dump_of(c.expr) == c.dump);
}

TEST_CASE("an unknown function lists the known ones", "[parse][expressions]") {
    auto p = parse_text("revision a; down_revision none;\nupgrade { update t set x = md5(a); }\n");
    CHECK_FALSE(p.migration);
    CHECK(p.diagnostics.find("t.mig:2:28: error: unknown function 'md5'; the known functions are now(), "
                             "current_date, lower(), upper(), length(), coalesce(), replace(), substr(), "
                             "trim(), abs(), round() and concat()") == 0);
}

TEST_CASE("a function called with the wrong number of arguments", "[parse][expressions]") {
    auto p = parse_text("revision a; down_revision none;\nupgrade { update t set x = lower(a, b); }\n");
    CHECK_FALSE(p.migration);
    CHECK(p.diagnostics.find("error: lower() takes 1 argument, not 2") != std::string::npos);
}

TEST_CASE("invalid date and timestamp literals", "[parse][expressions]") {
    auto text = GENERATE(as<std::string>{}, "date '2024-02-30'", "date '2023-02-29'", "date 'tomorrow'",
                         "timestamp '2024-01-15 25:00:00'", "timestamp '2024-01-15'");
    CAPTURE(text);
    auto p = parse_text("revision a; down_revision none;\nupgrade { update t set x = " + text + "; }\n");
    CHECK_FALSE(p.migration);
    CHECK(p.diagnostics.find("is not a valid") != std::string::npos);
}

TEST_CASE("bad escapes in e-strings", "[parse][expressions]") {
    auto p = parse_text("revision a; down_revision none;\nupgrade { update t set x = e'ok \\q'; }\n");
    CHECK_FALSE(p.migration);
    CHECK(p.diagnostics.find("t.mig:2:33: error: unknown escape in an e'...' string") == 0);
    auto u = parse_text("revision a; down_revision none;\nupgrade { update t set x = e'\\u12'; }\n");
    CHECK(u.diagnostics.find("\\u must be followed by four hex digits") != std::string::npos);
    auto nul = parse_text("revision a; down_revision none;\nupgrade { update t set x = e'\\u0000'; }\n");
    CHECK(nul.diagnostics.find("NUL") != std::string::npos);
}
