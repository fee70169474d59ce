// Syntax errors: one python_syntax error at the first bad place, at
// file:line:col, saying what was expected. Nesting is bounded.
#include <catch2/catch.hpp>

#include "python_helpers.hpp"

using retort::test::parse_py;
using retort::test::py_error;

namespace {
struct Case {
    const char* text;
    const char* error;
};
}  // namespace

TEST_CASE("syntax errors", "[python][errors]") {
    auto c = GENERATE(values<Case>({
        {"x = \n", "t.py:1:5: error: expected an expression"},
        {"x = 1 2\n", "t.py:1:7: error: unexpected text: expected an operator, ';' or the end of the statement here"},
        {"x = (1, 2\ny = 3\n", "t.py:1:5: error: '(' is never closed"},
        {"x = [1, 2\n", "t.py:1:5: error: '[' is never closed"},
        {"x = f(a b)\n", "t.py:1:9: error: expected ')'"},
        {"x = (a b)\n", "t.py:1:8: error: expected ',' or ')'"},
        {"x = [a b]\n", "t.py:1:8: error: expected ',' or ']'"},
        {"x = {'a' 1}\n", "t.py:1:10: error: expected ',' or '}'"},
        {"x = {'a': 1 'b'}\n", "t.py:1:13: error: expected ',' or '}'"},
        {"x = a.\n", "t.py:1:7: error: expected an attribute name after '.'"},
        {"x = a.1\n", "t.py:1:7: error: expected an attribute name after '.'"},
        {"x = a if b\n", "t.py:1:11: error: expected 'else' (a conditional expression is: a if condition else b)"},
        {"if x\n    pass\n", "t.py:1:5: error: expected ':'"},
        {"def f(:\n    pass\n", "t.py:1:6: error: '(' is never closed"},
        {"def f(:): pass\n", "t.py:1:7: error: expected ')'"},
        {"def (): pass\n", "t.py:1:5: error: expected a name"},
        {"def f():\npass\n", "t.py:2:1: error: expected an indented block after 'def' on line 1"},
        {"def f():\n", "t.py:2:1: error: expected an indented block after 'def' on line 1"},
        {"x = 1\n    y = 2\n", "t.py:2:5: error: unexpected indentation: this line is indented more than the statement before it"},
        {"  x = 1\n", "t.py:1:3: error: unexpected indentation: the first statement of a file is not indented"},
        {"if x:\n        a\n    b\n", "t.py:3:5: error: unindent does not match any outer indentation level"},
        {"if x:\n\ta\n        b\n", "t.py:3:9: error: inconsistent use of tabs and spaces in indentation: indent with spaces only (or with tabs only)"},
        {"else:\n    pass\n", "t.py:1:1: error: 'else' does not follow an 'if', 'for', 'while' or 'try' block at the same indentation"},
        {"try:\n    a\nb = 1\n", "t.py:3:1: error: expected 'except' or 'finally' after the try block"},
        {"@dec\nx = 1\n", "t.py:2:1: error: expected 'def' or 'class' after a decorator"},
        {"import\n", "t.py:1:7: error: expected a module name"},
        {"from x import\n", "t.py:1:14: error: expected the names to import, '(' or '*'"},
        {"from x imp y\n", "t.py:1:8: error: expected 'import'"},
        {"for x y:\n    pass\n", "t.py:1:7: error: expected 'in'"},
        {")\n", "t.py:1:1: error: expected a statement"},
        {"x = $\n", "t.py:1:5: error: expected an expression"},
        {"x = 1 \\ 2\n", "t.py:1:7: error: unexpected text: expected an operator, ';' or the end of the statement here"},
        {"async x\n", "t.py:1:7: error: expected 'def', 'for' or 'with' after 'async'"},
        {"x = 1 +\n", "t.py:1:8: error: expected an operand"},
        {"print 'x'\n", "t.py:1:7: error: unexpected text: expected an operator, ';' or the end of the statement here"},
        {"x = 'ok'\ny = (\n", "t.py:2:5: error: '(' is never closed"},
        {"a = 1\nb = )\nc = (\n", "t.py:2:5: error: expected an expression"},
    }));
    CAPTURE(c.text);
    auto p = parse_py(c.text);
    CHECK(!p.module);
    CHECK(py_error(c.text) == c.error);
    // exactly one error
    CHECK(p.diagnostics.find(": error: ", p.diagnostics.find(": error: ") + 1) == std::string::npos);
}

TEST_CASE("deep nesting is an error, not a stack overflow", "[python][errors]") {
    auto c = GENERATE(values<Case>({
        {"(", "nested too deeply"}, {"[", "nested too deeply"}, {"{", "nested too deeply"},
        {"f(", "nested too deeply"}, {"-", "nested too deeply"}, {"not ", "nested too deeply"},
    }));
    std::string open, close;
    for (int i = 0; i < 5000; ++i) open += c.text;
    std::string text = "x = " + open + "1";
    for (char ch : std::string(c.text)) {
        char m = ch == '(' ? ')' : ch == '[' ? ']' : ch == '{' ? '}' : 0;
        if (m)
            for (int i = 0; i < 5000; ++i) close += m;
    }
    auto p = parse_py(text + close + "\n");
    CAPTURE(c.text);
    CHECK(!p.module);
    CHECK(p.diagnostics.find(c.error) != std::string::npos);
    CHECK(p.diagnostics.find("error: nested too deeply") != std::string::npos);
}

TEST_CASE("a long operator chain and deep blocks are bounded", "[python][errors]") {
    std::string chain = "x = 1";
    for (int i = 0; i < 5000; ++i) chain += " + 1";
    auto p = parse_py(chain + "\n");
    CHECK(!p.module);
    CHECK(p.diagnostics.find("error: nested too deeply") != std::string::npos);

    std::string blocks;
    for (int i = 0; i < 200; ++i) blocks += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
    blocks += std::string(200, ' ') + "pass\n";
    auto q = parse_py(blocks);
    CHECK(!q.module);
    CHECK(q.diagnostics.find("error: nested too deeply: more than 100 levels of blocks") != std::string::npos);

    std::string ok = "x = 1";
    for (int i = 0; i < 300; ++i) ok += " + 1";
    CHECK(parse_py(ok + "\n").module.has_value());
}

TEST_CASE("invalid UTF-8 and NUL bytes", "[python][errors]") {
    CHECK(py_error("x = '\xff'\n").rfind("t.py:1:6: error: the file is not valid UTF-8", 0) == 0);
    CHECK(py_error(std::string("x = 1\0\n", 7)) ==
          "t.py:1:6: error: a NUL character (byte 0) cannot appear in a Python file");
}
