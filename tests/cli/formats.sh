#!/usr/bin/env bash
# formats.sh RETORT SAMPLES_DIR GRAPH_GOLDEN
# --format json of history, heads, branches, show, check and plan parsed back
# with python3 and compared with the text output; history --format dot read
# by Graphviz (when `dot` is installed) and --format mermaid checked for its
# nodes and edges; history --graph of samples/branchy against its golden.
# Every form twice: the same bytes both times.
set -uo pipefail
R=$1 SAMPLES=$2 GRAPH_GOLDEN=$3
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
B="$SAMPLES/branchy"

same_twice() {  # name, args...: runs retort twice, keeps the first output in $tmp/NAME
  local name=$1
  shift
  "$R" "$@" >"$tmp/$name" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.rc"
  "$R" "$@" >"$tmp/$name.again" 2>/dev/null
  cmp -s "$tmp/$name" "$tmp/$name.again" || fail "retort $*: two runs differ"
}

# The ids of the text forms, in order, against the JSON ones.
same_twice history_text -C "$B" history
same_twice history_json -C "$B" history --format json
python3 - "$tmp/history_text" "$tmp/history_json" <<'PY' || fail "history --format json does not match the text"
import json, re, sys
text = [re.match(r"(?:\(.*?\)|\S+) -> (\w+)", l).group(1) for l in open(sys.argv[1]) if l.strip()]
doc = json.load(open(sys.argv[2]))
assert list(doc) == ["revisions"], list(doc)
ids = [r["id"] for r in doc["revisions"]]
assert ids == text, (ids, text)
keys = ["id", "message", "down_revisions", "depends_on", "branch_labels", "labels", "children",
        "dependents", "head", "base", "branch_point", "merge", "path"]
for r in doc["revisions"]:
    assert list(r) == keys, list(r)
by = {r["id"]: r for r in doc["revisions"]}
merge = by["8c5f2e7b1d94"]
assert merge["merge"] and merge["head"] and merge["down_revisions"] == ["4e1a6c9f0b73", "2a9d4f6c8e31"], merge
assert by["2a9d4f6c8e31"]["depends_on"] == ["f3b8e2d7c5a6"], by["2a9d4f6c8e31"]
assert by["f3b8e2d7c5a6"]["dependents"] == ["2a9d4f6c8e31"]
assert by["6d2f8b3e9a14"]["branch_point"]
assert by["1c4e7a9b2d50"]["base"] and by["0b9e5d3a7c12"]["branch_labels"] == ["audit"]
assert "reports" in by["2a9d4f6c8e31"]["labels"]
assert by["2a9d4f6c8e31"]["path"].endswith("_2a9d4f6c8e31_report_payment_lines.mig"), by["2a9d4f6c8e31"]["path"]
PY

same_twice history_range_text -C "$B" history -r 6d2f8b3e9a14:heads
same_twice history_range_json -C "$B" history -r 6d2f8b3e9a14:heads --format json
python3 - "$tmp/history_range_text" "$tmp/history_range_json" <<'PY' || fail "history -r --format json does not match the text"
import json, re, sys
text = [re.match(r"(?:\(.*?\)|\S+) -> (\w+)", l).group(1) for l in open(sys.argv[1]) if l.strip()]
ids = [r["id"] for r in json.load(open(sys.argv[2]))["revisions"]]
assert ids == text and "1c4e7a9b2d50" not in ids, (ids, text)
PY

same_twice heads_text -C "$B" heads
same_twice heads_json -C "$B" heads --format json
python3 - "$tmp/heads_text" "$tmp/heads_json" <<'PY' || fail "heads --format json does not match the text"
import json, sys
text = [l.split()[0] for l in open(sys.argv[1]) if l.strip()]
ids = [r["id"] for r in json.load(open(sys.argv[2]))["heads"]]
assert ids == text and len(ids) == 2, (ids, text)
PY

same_twice branches_text -C "$B" branches
same_twice branches_json -C "$B" branches --format json
python3 - "$tmp/branches_text" "$tmp/branches_json" <<'PY' || fail "branches --format json does not match the text"
import json, re, sys
points, children = [], []
for l in open(sys.argv[1]):
    m = re.match(r"\S+ -> (\w+)", l)
    if m: points.append((m.group(1), []))
    else: points[-1][1].append(re.match(r"\s+-> (\w+)", l).group(1))
doc = json.load(open(sys.argv[2]))["branch_points"]
got = [(r["id"], r["children"]) for r in doc]
assert got == points and points, (got, points)
PY

same_twice show_json -C "$B" show 2a9d --format json
same_twice show_base -C "$B" show base --format json
python3 - "$tmp/show_json" "$tmp/show_base" <<'PY' || fail "show --format json"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["base"] is False and [r["id"] for r in doc["revisions"]] == ["2a9d4f6c8e31"], doc
assert json.load(open(sys.argv[2])) == {"base": True, "revisions": []}
PY

# check: a clean project, and a failing one whose text diagnostics are known.
same_twice check_ok -C "$B" check --format json
python3 - "$tmp/check_ok" "$(cat "$tmp/check_ok.rc")" <<'PY' || fail "check --format json on branchy"
import json, sys
doc = json.load(open(sys.argv[1]))
assert sys.argv[2] == "0" and doc["ok"] and doc["errors"] == 0 and doc["diagnostics"] == [], doc
assert doc["revisions"] == 9, doc
assert list(doc) == ["ok", "revisions", "errors", "warnings", "diagnostics"]
PY
for sample in fail_check_unknown_table fail_check_duplicate_column fail_syntax_missing_semicolon; do
  "$R" -C "$SAMPLES/$sample" check >/dev/null 2>"$tmp/check_text"
  same_twice check_fail -C "$SAMPLES/$sample" check --format json
  [ -s "$tmp/check_fail.err" ] && fail "check --format json on $sample wrote to stderr"
  python3 - "$tmp/check_text" "$tmp/check_fail" "$(cat "$tmp/check_fail.rc")" <<'PY' || fail "check --format json on $sample"
import json, re, sys
places = []
for l in open(sys.argv[1]):
    m = re.match(r"(\S+\.mig):(\d+):(\d+): (error|warning|note): (.*)$", l)
    if m: places.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)))
doc = json.load(open(sys.argv[2]))
assert sys.argv[3] == "1" and not doc["ok"] and doc["errors"] >= 1, doc
got = []
for d in doc["diagnostics"]:
    assert list(d) == ["file", "line", "column", "severity", "code", "message", "notes"], list(d)
    assert re.fullmatch(r"[a-z_]+", d["code"]), d
    got.append((d["file"], d["line"], d["column"], d["severity"], d["message"]))
    for n in d["notes"]:
        if n["file"] is not None:
            got.append((n["file"], n["line"], n["column"], "note", n["message"]))
assert got == places and places, (got, places)
PY
done

# plan: the JSON runs and rows are the text plan's.
same_twice plan_text -C "$B" plan base:heads 6d2f:heads
same_twice plan_json -C "$B" plan --format json base:heads 6d2f:heads nosuch
python3 - "$tmp/plan_text" "$tmp/plan_json" "$(cat "$tmp/plan_json.rc")" <<'PY' || fail "plan --format json does not match the text"
import json, sys
plans, cur = [], None
for l in open(sys.argv[1]):
    if l.startswith("== "): cur = {"runs": []}; plans.append(cur)
    elif l.startswith("upgrade "): cur["runs"].append(l.split()[1].rstrip(":"))
    elif l.startswith("rows"): cur["rows"] = l.split()[1:]
doc = json.load(open(sys.argv[2]))["plans"]
assert sys.argv[3] == "1", sys.argv[3]
assert len(doc) == 3 and doc[2]["refused"] is True and doc[2]["diagnostics"], doc[2]
for want, got in zip(plans, doc):
    assert [r["revision"] for r in got["runs"]] == want["runs"], (got, want)
    assert got["rows"] == want["rows"], (got, want)
    assert got["direction"] == "upgrade"
assert doc[0]["create_version_table"] and doc[0]["start"] == []
PY

# dot and mermaid: every revision a node, every edge there, dependencies dashed.
same_twice dot -C "$B" history --format dot
same_twice mermaid -C "$B" history --format mermaid
python3 - "$tmp/dot" "$tmp/mermaid" "$tmp/history_json" <<'PY' || fail "dot/mermaid"
import json, sys
dot, mer = open(sys.argv[1]).read(), open(sys.argv[2]).read()
revs = json.load(open(sys.argv[3]))["revisions"]
assert dot.startswith("digraph retort {") and mer.startswith("flowchart BT\n")
for r in revs:
    assert f'"{r["id"]}" [label="{r["id"]}' in dot, r["id"]
    assert f'r_{r["id"]}["{r["id"]}' in mer, r["id"]
    for p in r["down_revisions"]:
        assert f'"{p}" -> "{r["id"]}";' in dot and f"r_{p} --> r_{r['id']}" in mer, (p, r["id"])
    for d in r["depends_on"]:
        assert f'"{d}" -> "{r["id"]}" [style=dashed' in dot and f"r_{d} -. depends_on .-> r_{r['id']}" in mer
edges = sum(len(r["down_revisions"]) + len(r["depends_on"]) for r in revs)
assert dot.count(" -> ") == edges and mer.count("-->") + mer.count(".->") == edges
PY
if command -v dot >/dev/null; then
  dot -Tsvg "$tmp/dot" >"$tmp/graph.svg" 2>"$tmp/dot.err" || fail "dot -Tsvg refused: $(cat "$tmp/dot.err")"
  [ -s "$tmp/dot.err" ] && fail "dot -Tsvg warned: $(cat "$tmp/dot.err")"
  grep -q "<svg" "$tmp/graph.svg" || fail "dot -Tsvg wrote no svg"
else
  echo "formats.sh: graphviz not installed, dot -Tsvg not run" >&2
fi

# --graph: the golden drawing, within 80 columns; --graph with --format is a usage error.
same_twice graph -C "$B" history --graph
diff -u "$GRAPH_GOLDEN" "$tmp/graph" || fail "history --graph differs from $GRAPH_GOLDEN"
awk 'length > 80 { exit 1 }' "$tmp/graph" || fail "history --graph is wider than 80 columns"
# Every sample: the drawing within 80 columns, one row per revision, and DOT that Graphviz reads.
for sample in "$SAMPLES"/*/; do
  sample=${sample%/}
  case $(basename "$sample") in fail_*) continue ;; esac
  "$R" -C "$sample" history --graph >"$tmp/g" 2>"$tmp/g.err" || { fail "history --graph of $sample: $(cat "$tmp/g.err")"; continue; }
  awk 'length > 80 { exit 1 }' "$tmp/g" || fail "history --graph of $(basename "$sample") is wider than 80 columns"
  rows=$(grep -c '\*' "$tmp/g")
  revs=$("$R" -C "$sample" history | grep -c .)
  [ "$rows" = "$revs" ] || fail "history --graph of $(basename "$sample"): $rows rows with '*' for $revs revisions"
  if command -v dot >/dev/null; then
    "$R" -C "$sample" history --format dot | dot -Tsvg >/dev/null 2>"$tmp/dot.err" && [ ! -s "$tmp/dot.err" ] \
      || fail "dot -Tsvg on $(basename "$sample"): $(cat "$tmp/dot.err")"
  fi
done
"$R" -C "$B" history --graph --format json >/dev/null 2>&1
[ $? = 2 ] || fail "history --graph --format json: expected exit 2"
"$R" -C "$B" heads --format yaml >/dev/null 2>"$tmp/err"
[ $? = 2 ] || fail "heads --format yaml: expected exit 2"
grep -qF "unknown --format 'yaml' (known: text, json)" "$tmp/err" || fail "heads --format yaml: $(cat "$tmp/err")"

# Hostile messages: quotes, backslashes, newlines and non-ASCII survive every form.
mkdir -p "$tmp/p/versions"
printf 'versions: [versions]\ndialect: sqlite\n' >"$tmp/p/retort.yaml"
cat >"$tmp/p/versions/a.mig" <<'MIG'
revision aaaa1111;
down_revision none;
message e'say "hi" \\ <b>#1</b>\nnext line, caf\u00e9';
upgrade { create table t (id integer primary key); }
downgrade auto;
MIG
"$R" -C "$tmp/p" history --format json >"$tmp/hj" || fail "history json of a hostile message"
python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["revisions"][0]["message"]; assert m == "say \"hi\" \\ <b>#1</b>\nnext line, caf\u00e9", repr(m)' "$tmp/hj" \
  || fail "the hostile message did not survive JSON"
"$R" -C "$tmp/p" history --format dot >"$tmp/hd" || fail "history dot of a hostile message"
if command -v dot >/dev/null; then dot -Tsvg "$tmp/hd" >/dev/null 2>&1 || fail "dot refused the hostile message"; fi
"$R" -C "$tmp/p" history --format mermaid >"$tmp/hm" || fail "history mermaid of a hostile message"
grep -qF 'r_aaaa1111["aaaa1111<br/>say #quot;hi#quot; \ #lt;b#gt;#35;1#lt;/b#gt;<br/>next line, café"]' "$tmp/hm" \
  || fail "mermaid escaping: $(cat "$tmp/hm")"

[ $failures = 0 ] && echo "formats: all passed"
exit $((failures > 0))
