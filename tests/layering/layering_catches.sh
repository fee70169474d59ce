#!/usr/bin/env bash
# The layering check must fail when a forbidden include is added: a copy of
# the tree gets a dialect that includes the AST, a compiler phase that
# includes the driver, and a relative include; each must be reported.
set -euo pipefail
src=${1:?usage: layering_catches.sh SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/grammar" "$src/compiler" "$src/dialects" "$src/driver" "$work/"
echo '#include "compiler/ast/ast.hpp"' >>"$work/dialects/dialect.hpp"
echo '#include "driver/cli.hpp"' >>"$work/compiler/graph/graph.hpp"
echo '#include "../../compiler/parse/parser.hpp"' >>"$work/dialects/base_dialect.cpp"
set +e
out=$(bash "$src/tests/layering/layering.sh" "$work" 2>&1)
status=$?
set -e
echo "$out"
fail() { echo "layering_catches: $*"; exit 1; }
[ $status -eq 1 ] || fail "expected exit 1, got $status"
grep -q '^dialects/dialect.hpp:[0-9]*: error: dialects may not include "compiler/ast/ast.hpp"' <<<"$out" \
  || fail "the AST included by a dialect was not reported"
grep -q '^compiler/graph/graph.hpp:[0-9]*: error: compiler/graph may not include "driver/cli.hpp"' <<<"$out" \
  || fail "the driver included by compiler/graph was not reported"
grep -q '^dialects/base_dialect.cpp:[0-9]*: error: relative include' <<<"$out" \
  || fail "the relative include was not reported"
echo "layering_catches: all three forbidden includes reported"
