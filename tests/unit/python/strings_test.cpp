// Every string form, decoded; implicit concatenation; f-strings.
#include <catch2/catch.hpp>

#include "python_helpers.hpp"

using retort::test::parse_py;
using retort::test::py_error;
using retort::test::py_expr;

namespace {
struct Case {
    const char* text;
    const char* dump;
};
}  // namespace

TEST_CASE("string forms", "[python][strings]") {
    auto c = GENERATE(values<Case>({
        {"'abc'", "'abc'"}, {"\"abc\"", "'abc'"}, {"''", "''"}, {"\"it's\"", "'it\\'s'"},
        {"'''a\nb'''", "'a\\nb'"}, {"\"\"\"a\n\"b\"\n\"\"\"", "'a\\n\"b\"\\n'"}, {"''''''", "''"},
        {"r'\\d+\\n'", "'\\\\d+\\\\n'"}, {"R'x'", "'x'"}, {"r'\\''", "'\\\\\\''"},
        {"b'ab'", "b'ab'"}, {"B'\\x00\\xff'", "b'\\x00\xff'"}, {"rb'\\n'", "b'\\\\n'"}, {"Br'\\n'", "b'\\\\n'"},
        {"u'x'", "'x'"}, {"U'x'", "'x'"},
        {"'\\n\\t\\\\\\'\\\"'", "'\\n\\t\\\\\\'\"'"}, {"'\\a\\b\\f\\v\\r'", "'\\x07\\x08\\x0c\\x0b\\r'"},
        {"'\\x41\\u00e9\\U0001F980'", "'Aé🦀'"}, {"'\\101\\0\\7'", "'A\\x00\\x07'"},
        {"'a\\\nb'", "'ab'"}, {"'\\d'", "'\\\\d'"}, {"b'\\u0041'", "b'\\\\u0041'"},
        {"'\\N{DASH}'", "(unsupported \"a \\N{...} escape\")"},
        {"'\\ud800'", "(unsupported \"a string with a surrogate escape\")"},
        {"'a' 'b'", "'ab'"}, {"'a' \"b\" '''c'''", "'abc'"}, {"('a'\n 'b'\n # c\n 'c')", "'abc'"},
        {"b'a' b'b'", "b'ab'"}, {"'a' r'\\n'", "'a\\\\n'"},
    }));
    CAPTURE(c.text);
    CHECK(py_expr(c.text) == c.dump);
}

TEST_CASE("f-strings are reported and become Unsupported", "[python][strings]") {
    auto c = GENERATE(values<const char*>({"f'x{y}'", "F\"{y}\"", "rf'{y}'", "fR'{y}'", "'a' f'{b}'", "f'''{x}'''"}));
    CAPTURE(c);
    auto p = parse_py(std::string("x = ") + c + "\n");
    REQUIRE(p.module);
    CHECK(p.dump == "(module (assign x = (unsupported \"an f-string\")))");
    std::string first = p.diagnostics.substr(0, p.diagnostics.find('\n'));
    CHECK(first.find("t.py:1:") == 0);
    CHECK(first.find("error: retort cannot follow an f-string: write the string out as a plain literal") !=
          std::string::npos);
}

TEST_CASE("an f-string is reported at its line:col, and parsing goes on", "[python][strings]") {
    auto p = parse_py("def upgrade():\n    op.execute(f'DROP {t}')\n    op.execute('x')\n");
    REQUIRE(p.module);
    CHECK(p.diagnostics.rfind("t.py:2:16: error: retort cannot follow an f-string", 0) == 0);
    CHECK(p.dump ==
          "(module (def upgrade (params) (body (expr (call (. op execute) (unsupported \"an f-string\"))) "
          "(expr (call (. op execute) 'x')))))");
}

TEST_CASE("malformed literals", "[python][strings]") {
    auto c = GENERATE(values<Case>({
        {"x = 'abc\n", "t.py:1:5: error: unterminated string: this ' has no matching ' on its line"},
        {"x = \"abc\n", "t.py:1:5: error: unterminated string: this \" has no matching \" on its line"},
        {"x = '''abc\n\n", "t.py:1:5: error: unterminated string: these ''' have no matching '''"},
        {"x = \"\"\"abc", "t.py:1:5: error: unterminated string: these \"\"\" have no matching \"\"\""},
        {"x = '\\x4'\n", "t.py:1:6: error: truncated \\xNN escape: \\x takes two hex digits"},
        {"x = '\\u12'\n", "t.py:1:6: error: truncated \\uNNNN escape: \\u takes four hex digits"},
        {"x = '\\U00110000'\n", "t.py:1:6: error: this \\U escape is past U+10FFFF, the last Unicode character"},
        {"x = b'é'\n", "t.py:1:7: error: a bytes literal can hold only ASCII characters; write others as \\xNN escapes"},
        {"x = 'a' b'b'\n", "t.py:1:9: error: cannot mix bytes and text literals in one implicit concatenation"},
        {"x = 01\n", "t.py:1:5: error: leading zeros in a decimal integer are not allowed in Python 3; write 0o1 for an octal number"},
        {"x = 1__0\n", "t.py:1:6: error: invalid number: '_' must be between digits"},
        {"x = 0x\n", "t.py:1:5: error: invalid number literal '0x'"},
        {"x = 0b2\n", "t.py:1:5: error: invalid number literal '0b2'"},
        {"x = 1e\n", "t.py:1:5: error: invalid number literal '1e'"},
        {"x = 12abc\n", "t.py:1:5: error: invalid number literal '12abc'"},
    }));
    CAPTURE(c.text);
    CHECK(py_error(c.text) == c.dump);
}
