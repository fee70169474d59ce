// Statements: imports, assignments, def, if/elif/else, with, for, the ones
// read as OtherStmt, and blocks built from the indentation.
#include <catch2/catch.hpp>

#include "python_helpers.hpp"

using retort::test::py_dump;

namespace {
struct Case {
    const char* text;
    const char* dump;
};
}  // namespace

TEST_CASE("imports", "[python][statements]") {
    auto c = GENERATE(values<Case>({
        {"import os", "(module (import (alias os)))"},
        {"import a.b as c, d", "(module (import (alias a.b as c) (alias d)))"},
        {"import sqlalchemy as sa", "(module (import (alias sqlalchemy as sa)))"},
        {"from alembic import op", "(module (from alembic (alias op)))"},
        {"from a import (b as c, d)", "(module (from a (alias b as c) (alias d)))"},
        {"from a import (\n    b,\n    c,\n)", "(module (from a (alias b) (alias c)))"},
        {"from . import x", "(module (from . (alias x)))"},
        {"from ..a.b import x", "(module (from ..a.b (alias x)))"},
        {"from ... import x", "(module (from ... (alias x)))"},
        {"from x import *", "(module (from x (alias *)))"},
        {"from sqlalchemy.dialects import postgresql", "(module (from sqlalchemy.dialects (alias postgresql)))"},
        {"from typing import Sequence, Union", "(module (from typing (alias Sequence) (alias Union)))"},
    }));
    CAPTURE(c.text);
    CHECK(py_dump(std::string(c.text) + "\n") == c.dump);
}

TEST_CASE("assignments", "[python][statements]") {
    auto c = GENERATE(values<Case>({
        {"revision = 'abc'", "(module (assign revision = 'abc'))"},
        {"a = b = 1", "(module (assign a b = 1))"},
        {"revision: str = 'abc'", "(module (assign revision = 'abc'))"},
        {"down_revision: Union[str, None] = None", "(module (assign down_revision = None))"},
        {"branch_labels: Union[str, Sequence[str], None] = None", "(module (assign branch_labels = None))"},
        {"x: T", "(module (assign x))"},
        {"a, b = 1, 2", "(module (assign (tuple a b) = (tuple 1 2)))"},
        {"(a, b) = [c, d] = x", "(module (assign (tuple a b) (list c d) = x))"},
        {"a.b[0] = 1", "(module (assign ([] (. a b) 0) = 1))"},
        {"*a, b = x", "(module (assign (tuple (* a) b) = x))"},
        {"x += 1", "(module (+= x 1))"}, {"x //= 2", "(module (//= x 2))"}, {"x **= 2", "(module (**= x 2))"},
        {"x >>= 2", "(module (>>= x 2))"}, {"x |= y", "(module (|= x y))"},
        {"down_revision = ('a', 'b')", "(module (assign down_revision = (tuple 'a' 'b')))"},
        {"x = yield", "(module (assign x = (unsupported \"a yield expression\")))"},
        {"a = 1; b = 2;", "(module (assign a = 1) (assign b = 2))"},
        {"x = 1  # comment", "(module (assign x = 1))"},
        {"x = \\\n    1", "(module (assign x = 1))"},
    }));
    CAPTURE(c.text);
    CHECK(py_dump(std::string(c.text) + "\n") == c.dump);
}

TEST_CASE("functions and blocks", "[python][statements]") {
    auto c = GENERATE(values<Case>({
        {"def upgrade() -> None:\n    pass", "(module (def upgrade (params) (body (pass))))"},
        {"def f(a, b=1, *args, c, d=2, **kwargs):\n    return a",
         "(module (def f (params a (b 1) *args c (d 2) **kwargs) (body (return a))))"},
        {"def f(a: int, b: str = 'x', *, c: T = None, **kw: Any) -> Dict[str, int]:\n    return",
         "(module (def f (params a (b 'x') * (c None) **kw) (body (return))))"},
        {"def f(a, /, b):\n    pass", "(module (def f (params a / b) (body (pass))))"},
        {"def f(\n    a,\n    b,\n):\n    pass", "(module (def f (params a b) (body (pass))))"},
        {"@dec\n@dec2(1)\ndef f(): pass", "(module (def f (params) (decorators dec (call dec2 1)) (body (pass))))"},
        {"def f(): return 1; pass", "(module (def f (params) (body (return 1) (pass))))"},
        {"if x:\n    a\nelif y:\n    b\nelse:\n    c",
         "(module (if x (body (expr a)) (else (if y (body (expr b)) (else (expr c))))))"},
        {"if x: pass\nelse: pass", "(module (if x (body (pass)) (else (pass))))"},
        {"if x:\n    if y:\n        a\n    b\nc",
         "(module (if x (body (if y (body (expr a))) (expr b))) (expr c))"},
        {"with op.batch_alter_table('t', schema=None) as batch_op:\n    batch_op.drop_column('c')",
         "(module (with (item (call (. op batch_alter_table) 't' (kw schema None)) as batch_op) (body (expr "
         "(call (. batch_op drop_column) 'c')))))"},
        {"with a as b, c:\n    pass", "(module (with (item a as b) (item c) (body (pass))))"},
        {"with (a as b, c as d):\n    pass", "(module (with (item a as b) (item c as d) (body (pass))))"},
        {"with (a, b) as c:\n    pass", "(module (with (item (tuple a b) as c) (body (pass))))"},
        {"with (a):\n    pass", "(module (with (item a) (body (pass))))"},
        {"for x in [1, 2]:\n    f(x)", "(module (for x (list 1 2) (body (expr (call f x)))))"},
        {"for k, v in d.items():\n    pass\nelse:\n    pass",
         "(module (for (tuple k v) (call (. d items)) (body (pass)) (else (pass))))"},
        {"for x in a, b:\n    pass", "(module (for x (tuple a b) (body (pass))))"},
        {"bind = op.get_bind()\nif bind.dialect.name == 'postgresql':\n    op.execute(sa.text(\"SELECT 1\"))",
         "(module (assign bind = (call (. op get_bind))) (if (== (. (. bind dialect) name) 'postgresql') (body "
         "(expr (call (. op execute) (call (. sa text) 'SELECT 1'))))))"},
    }));
    CAPTURE(c.text);
    CHECK(py_dump(std::string(c.text) + "\n") == c.dump);
}

TEST_CASE("statements read as OtherStmt", "[python][statements]") {
    auto c = GENERATE(values<Case>({
        {"while x:\n    a\nelse:\n    b", "(module (other \"a while statement\" (body (expr a) (expr b))))"},
        {"try:\n    a\nexcept E as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
         "(module (other \"a try statement\" (body (expr a) (expr b) (expr c) (expr d) (expr e) (expr f))))"},
        {"try:\n    a\nfinally:\n    b", "(module (other \"a try statement\" (body (expr a) (expr b))))"},
        {"try:\n    a\nexcept* E:\n    b", "(module (other \"a try statement\" (body (expr a) (expr b))))"},
        {"class C(B, metaclass=M):\n    x = 1", "(module (other \"a class definition\" (body (assign x = 1))))"},
        {"@dataclass\nclass C:\n    pass", "(module (other \"a class definition\" (body (pass))))"},
        {"raise ValueError('x') from e", "(module (other \"a raise statement\"))"},
        {"raise", "(module (other \"a raise statement\"))"},
        {"assert x, 'msg'", "(module (other \"an assert statement\"))"},
        {"del a, b[0]", "(module (other \"a del statement\"))"},
        {"global a, b", "(module (other \"a global statement\"))"},
        {"def f():\n    nonlocal a", "(module (def f (params) (body (other \"a nonlocal statement\"))))"},
        {"for x in y:\n    break\n    continue",
         "(module (for x y (body (other \"a break statement\") (other \"a continue statement\"))))"},
        {"async def f():\n    await g()",
         "(module (other \"an async function\" (body (expr (unsupported \"an await expression\")))))"},
        {"async def f():\n    async with a as b:\n        async for x in y:\n            pass",
         "(module (other \"an async function\" (body (other \"an async with statement\" (body (other \"an async "
         "for statement\" (body (pass))))))))"},
    }));
    CAPTURE(c.text);
    CHECK(py_dump(std::string(c.text) + "\n") == c.dump);
}

TEST_CASE("file forms: comments, BOM, CRLF, tabs, no trailing newline", "[python][statements]") {
    auto c = GENERATE(values<Case>({
        {"# -*- coding: utf-8 -*-\nx = 1\n", "(module (assign x = 1))"},
        {"\xEF\xBB\xBFx = 1\n", "(module (assign x = 1))"},
        {"def f():\r\n    x = '''a\r\nb'''\r\n    return x\r\n",
         "(module (def f (params) (body (assign x = 'a\\nb') (return x))))"},
        {"if x:\r\n    a = [\r\n        1,\r\n    ]\r\n", "(module (if x (body (assign a = (list 1)))))"},
        {"x = \\\r\n  1\r\n", "(module (assign x = 1))"},
        {"if x:\n\ta\n\tb\n", "(module (if x (body (expr a) (expr b))))"},
        {"if x:\n\tif y:\n\t\ta\n", "(module (if x (body (if y (body (expr a))))))"},
        {"x = 1", "(module (assign x = 1))"}, {"if x:\n    pass", "(module (if x (body (pass))))"},
        {"", "(module)"}, {"\n\n# only a comment\n   \n", "(module)"},
        {"if x:\n\n    # comment\n        # deeper comment\n    a\n", "(module (if x (body (expr a))))"},
        {"x = (1,\n# comment\n     2)\n", "(module (assign x = (tuple 1 2)))"},
        {"s = '''\nnot code:\n  if x\n'''\n", "(module (assign s = '\\nnot code:\\n  if x\\n'))"},
        {"x = 1\x0c\ny = 2\n", "(module (assign x = 1) (assign y = 2))"},
    }));
    CAPTURE(c.text);
    CHECK(py_dump(c.text) == c.dump);
}
