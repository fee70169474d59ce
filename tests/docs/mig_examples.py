#!/usr/bin/python3
"""Every .mig example in docs/ compiles (issue 18).

usage: mig_examples.py RETORT REPO

A .mig example is a fenced block whose info string starts with `mig`:

    ```mig                  must pass `retort check`
    ```mig fails TEXT       must fail `retort check` with TEXT in its output

Other fences (plain ``` for grammar synopses with [optional] parts, sql,
sh, ...) are not examples. Each example is checked in a new project made by
`retort init`, on top of the revisions in tests/docs/fixture/ (a chain:
students, then the tables the fragments use):

  * a complete file (it has a `revision` line) goes in as written, after
    the fixture revisions up to its `down_revision` (none for a root);
  * a fragment (statements only) becomes the upgrade block of a revision on
    top of the whole fixture.

Exit 0 when every example behaves, 1 otherwise (each failure printed with
its file:line and retort's output).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

FENCE = re.compile(r"^\s*```(.*)$")  # a fence may be indented (inside a list item)
MIN_EXAMPLES = 10  # the docs hold at least this many: an extraction that finds none fails


def examples(docs):
    for name in sorted(os.listdir(docs)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(docs, name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        i = 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            if not m:
                i += 1
                continue
            info = m.group(1).strip()
            start = i + 1
            j = start
            while j < len(lines) and not lines[j].lstrip().startswith("```"):
                j += 1
            if info == "mig" or info.startswith("mig "):
                rest = info[3:].strip()
                expect = None
                if rest:
                    if not rest.startswith("fails "):
                        raise SystemExit(f"{path}:{i + 1}: unknown fence info '{info}' (mig, or mig fails TEXT)")
                    expect = rest[len("fails "):].strip()
                yield f"docs/{name}:{start}", textwrap.dedent("\n".join(lines[start:j]) + "\n"), expect
            i = j + 1


def fixture(repo):
    d = os.path.join(repo, "tests", "docs", "fixture")
    chain = []
    for name in sorted(os.listdir(d)):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            text = f.read()
        rid = re.search(r"^revision (\w+);", text, re.M).group(1)
        chain.append((rid, name, text))
    return chain


def project_for(retort, tmp, chain, text):
    root = tempfile.mkdtemp(dir=tmp)
    proj = os.path.join(root, "p")
    p = subprocess.run([retort, "init", proj], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"retort init failed: {p.stderr}")
    versions = os.path.join(proj, "versions")
    m = re.search(r"^\s*revision\s+(\w+)\s*;", text, re.M)
    if m:
        down = re.search(r"^\s*down_revision\s+(\w+)\s*;", text, re.M)
        parent = down.group(1) if down else "none"
        ids = [rid for rid, _, _ in chain]
        take = ids.index(parent) + 1 if parent in ids else 0
        body = text
    else:
        take = len(chain)
        body = (f"revision d0c5e4a3b201;\ndown_revision {chain[-1][0]};\nmessage 'a docs example';\n\n"
                f"upgrade {{\n{text}}}\n")
    for _, name, fixture_text in chain[:take]:
        with open(os.path.join(versions, name), "w", encoding="utf-8") as f:
            f.write(fixture_text)
    with open(os.path.join(versions, "99_example.mig"), "w", encoding="utf-8") as f:
        f.write(body)
    # No retort.sum: the examples are new files, not deployed history.
    os.remove(os.path.join(proj, "retort.sum"))
    return proj


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    retort, repo = sys.argv[1], sys.argv[2]
    chain = fixture(repo)
    tmp = tempfile.mkdtemp(prefix="retort-docs-")
    failures, count = [], 0
    try:
        for where, text, expect in examples(os.path.join(repo, "docs")):
            count += 1
            proj = project_for(retort, tmp, chain, text)
            p = subprocess.run([retort, "-C", proj, "check"], capture_output=True, text=True)
            out = p.stdout + p.stderr
            if expect is None and p.returncode != 0:
                failures.append(f"{where}: the example does not compile (exit {p.returncode}):\n{out}")
            elif expect is not None and p.returncode != 1:
                failures.append(f"{where}: the example should fail with '{expect}' but exits {p.returncode}:\n{out}")
            elif expect is not None and expect not in out:
                failures.append(f"{where}: the example fails, but without '{expect}':\n{out}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL: " + f)
    if count < MIN_EXAMPLES:
        print(f"FAIL: found {count} ```mig examples in docs/, expected at least {MIN_EXAMPLES}")
        return 1
    print(f"docs examples: {count} checked, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
