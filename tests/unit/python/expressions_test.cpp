// Expressions: atoms, trailers, operators and Python's precedence, and the
// forms read as Unsupported. Each case is one expression statement.
#include <catch2/catch.hpp>

#include "python_helpers.hpp"

using retort::test::py_expr;

namespace {
struct Case {
    const char* text;
    const char* dump;
};
}  // namespace

TEST_CASE("atoms", "[python][expressions]") {
    auto c = GENERATE(values<Case>({
        {"x", "x"}, {"_private9", "_private9"}, {"None", "None"}, {"True", "True"}, {"False", "False"},
        {"...", "..."}, {"café", "café"},
        {"()", "(tuple)"}, {"(a,)", "(tuple a)"}, {"(a, b)", "(tuple a b)"}, {"(a, b,)", "(tuple a b)"},
        {"a, b", "(tuple a b)"}, {"a,", "(tuple a)"}, {"(a)", "a"}, {"((a))", "a"},
        {"[]", "(list)"}, {"[1]", "(list 1)"}, {"[1, 2,]", "(list 1 2)"}, {"[*a, b]", "(list (* a) b)"},
        {"{}", "(dict)"}, {"{'a': 1, 'b': [2]}", "(dict ('a' 1) ('b' (list 2)))"},
        {"{'a': 1,}", "(dict ('a' 1))"},
        {"{1, 2}", "(unsupported \"a set display\")"}, {"{a}", "(unsupported \"a set display\")"},
        {"{**a, 'b': 1}", "(unsupported \"a dict with ** unpacking\")"},
        {"(\n  a,\n  # comment\n  b\n)", "(tuple a b)"},
    }));
    CAPTURE(c.text);
    CHECK(py_expr(c.text) == c.dump);
}

TEST_CASE("calls, attributes, subscripts", "[python][expressions]") {
    auto c = GENERATE(values<Case>({
        {"f()", "(call f)"}, {"f(a)", "(call f a)"}, {"f(a, b,)", "(call f a b)"},
        {"f(a, k=1)", "(call f a (kw k 1))"}, {"f(k = 1)", "(call f (kw k 1))"},
        {"f(*a, **k)", "(call f (* a) (kw ** k))"}, {"f(a == 1)", "(call f (== a 1))"},
        {"sa.dialects.postgresql.ENUM", "(. (. (. sa dialects) postgresql) ENUM)"},
        {"op.create_table('t', sa.Column('id', sa.Integer(), nullable=False))",
         "(call (. op create_table) 't' (call (. sa Column) 'id' (call (. sa Integer)) (kw nullable False)))"},
        {"x[0]", "([] x 0)"}, {"Union[str, None]", "([] Union (tuple str None))"}, {"x[a,]", "([] x (tuple a))"},
        {"x[1:2]", "([] x (unsupported \"a slice\"))"}, {"x[:]", "([] x (unsupported \"a slice\"))"},
        {"x[::2]", "([] x (unsupported \"a slice\"))"}, {"x[a, 1:]", "([] x (tuple a (unsupported \"a slice\")))"},
        {"f(a)(b).c[d]", "([] (. (call (call f a) b) c) d)"},
        {"f(x for x in y)", "(call f (unsupported \"a generator expression\"))"},
        {"f(\n    a,  # first\n    b=2,\n)", "(call f a (kw b 2))"},
        {"x . y", "(. x y)"},
    }));
    CAPTURE(c.text);
    CHECK(py_expr(c.text) == c.dump);
}

TEST_CASE("operators and precedence", "[python][expressions]") {
    auto c = GENERATE(values<Case>({
        {"a + b * c", "(+ a (* b c))"}, {"(a + b) * c", "(* (+ a b) c)"}, {"a - b - c", "(- (- a b) c)"},
        {"a ** b ** c", "(** a (** b c))"}, {"-a ** b", "(unary - (** a b))"}, {"-1", "(unary - 1)"},
        {"+a", "(unary + a)"}, {"~a", "(unary ~ a)"}, {"- - a", "(unary - (unary - a))"},
        {"a // b % c @ d / e", "(/ (@ (% (// a b) c) d) e)"}, {"a << 1 | b & c ^ d", "(| (<< a 1) (^ (& b c) d))"},
        {"a >> b", "(>> a b)"},
        {"a == b", "(== a b)"}, {"a != b", "(!= a b)"}, {"a <= b", "(<= a b)"}, {"a > b", "(> a b)"},
        {"a in b", "(in a b)"}, {"a not in b", "(not in a b)"}, {"a is b", "(is a b)"},
        {"a is not None", "(is not a None)"}, {"a < b < c", "(and (< a b) (< b c))"},
        {"a < b <= c == d", "(and (and (< a b) (<= b c)) (== c d))"},
        {"not a", "(unary not a)"}, {"not a == b", "(unary not (== a b))"},
        {"a and b or c", "(or (and a b) c)"}, {"a or b and c", "(or a (and b c))"},
        {"not a and not b", "(and (unary not a) (unary not b))"},
        {"a if c else b", "(ifexp c a b)"}, {"a if c else b if d else e", "(ifexp c a (ifexp d b e))"},
        {"x + 1 if y else 2", "(ifexp y (+ x 1) 2)"},
        {"bind.dialect.name == 'postgresql'", "(== (. (. bind dialect) name) 'postgresql')"},
    }));
    CAPTURE(c.text);
    CHECK(py_expr(c.text) == c.dump);
}

TEST_CASE("forms read as Unsupported", "[python][expressions]") {
    auto c = GENERATE(values<Case>({
        {"lambda: 0", "(unsupported \"a lambda\")"}, {"lambda x, y=1, *a, **k: x + y", "(unsupported \"a lambda\")"},
        {"[x for x in y]", "(unsupported \"a list comprehension\")"},
        {"[x for x in y if x if z for w in x]", "(unsupported \"a list comprehension\")"},
        {"{k: v for k, v in d.items()}", "(unsupported \"a dict comprehension\")"},
        {"{x for x in y}", "(unsupported \"a set comprehension\")"},
        {"(x for x in y)", "(unsupported \"a generator expression\")"},
        {"[x async for x in y]", "(unsupported \"a list comprehension\")"},
        {"await f()", "(unsupported \"an await expression\")"},
        {"(yield)", "(unsupported \"a yield expression\")"}, {"yield x", "(unsupported \"a yield expression\")"},
        {"yield from g()", "(unsupported \"a yield expression\")"},
        {"(y := f(x))", "(unsupported \"an assignment expression (:=)\")"},
        {"f(y := 1)", "(call f (unsupported \"an assignment expression (:=)\"))"},
        {"1j", "(unsupported \"a complex number\")"},
    }));
    CAPTURE(c.text);
    CHECK(py_expr(c.text) == c.dump);
}

TEST_CASE("numbers", "[python][expressions]") {
    auto c = GENERATE(values<Case>({
        {"0", "0"}, {"42", "42"}, {"1_000_000", "1000000"}, {"000", "000"}, {"0x1F", "31"}, {"0o17", "15"},
        {"0b1010", "10"}, {"0xFFFF_FFFF", "4294967295"}, {"0xffffffffffffffff", "18446744073709551615"},
        {"0x1_0000_0000_0000_0000", "(unsupported \"an integer literal past 2**64\")"},
        {"1.5", "float:1.5"}, {"1.", "float:1."}, {".5", "float:.5"}, {"1e10", "float:1e10"},
        {"2.5E-3", "float:2.5E-3"}, {"1_0.0_1e+1_0", "float:10.01e+10"},
        {"0xe+1", "(+ 14 1)"}, {"1-1", "(- 1 1)"},
    }));
    CAPTURE(c.text);
    CHECK(py_expr(c.text) == c.dump);
}
