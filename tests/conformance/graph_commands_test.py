#!/usr/bin/python3
"""The graph commands on samples/branchy: heads, branches, history, show,
plan, revision, merge, and the graph diagnostics through the command line.

    graph_commands_test.py RETORT SOURCE_DIR
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

RETORT, SOURCE = sys.argv[1], sys.argv[2]
SAMPLE = os.path.join(SOURCE, "samples", "branchy")
failures = []


def run(*args, project=SAMPLE):
    p = subprocess.run([RETORT, "-C", project, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}\n{detail}")


def expect(name, args, code, out=None, contains=(), err_contains=(), project=SAMPLE):
    rc, so, se = run(*args, project=project)
    detail = f"$ retort {' '.join(args)}\nexit {rc}\n--- stdout\n{so}--- stderr\n{se}"
    check(f"{name}: exit status {rc}, expected {code}", rc == code, detail)
    if out is not None:
        check(f"{name}: output", so == out, detail + f"--- expected\n{out}")
    for c in contains:
        check(f"{name}: stdout lacks {c!r}", c in so, detail)
    for c in err_contains:
        check(f"{name}: stderr lacks {c!r}", c in se, detail)
    return so


expect("heads", ["heads"], 0, "7f6a4b2c8d05 (head)\n8c5f2e7b1d94 (head) (mergepoint)\n")
expect("plan base:heads", ["plan", "base:heads"], 0,
       "start base\n"
       "create-version-table\n"
       "upgrade 0b9e5d3a7c12: insert 0b9e5d3a7c12\n"
       "upgrade 7f6a4b2c8d05: update 0b9e5d3a7c12 7f6a4b2c8d05\n"
       "upgrade 1c4e7a9b2d50: insert 1c4e7a9b2d50\n"
       "upgrade 6d2f8b3e9a14: update 1c4e7a9b2d50 6d2f8b3e9a14\n"
       "upgrade f3b8e2d7c5a6: update 6d2f8b3e9a14 f3b8e2d7c5a6\n"
       "upgrade 4e1a6c9f0b73: update f3b8e2d7c5a6 4e1a6c9f0b73\n"
       "upgrade b7e3c1a5f902: insert b7e3c1a5f902\n"
       "upgrade 2a9d4f6c8e31: update b7e3c1a5f902 2a9d4f6c8e31\n"
       "upgrade 8c5f2e7b1d94: delete 2a9d4f6c8e31, update 4e1a6c9f0b73 8c5f2e7b1d94\n"
       "rows 7f6a4b2c8d05 8c5f2e7b1d94\n")
expect("plan downgrade heads:base", ["plan", "--downgrade", "heads:base"], 0,
       contains=["start 7f6a4b2c8d05 8c5f2e7b1d94\n",
                 "downgrade 8c5f2e7b1d94: update 8c5f2e7b1d94 4e1a6c9f0b73, insert 2a9d4f6c8e31\n",
                 "rows (none)\n"])
expect("plan to a label's head", ["plan", "audit@head"], 0,
       contains=["upgrade 7f6a4b2c8d05: update 0b9e5d3a7c12 7f6a4b2c8d05\nrows 7f6a4b2c8d05\n"])
expect("plan downgrade a branch to its base", ["plan", "--downgrade", "heads:audit@base"], 0,
       contains=["downgrade 7f6a4b2c8d05: update 7f6a4b2c8d05 0b9e5d3a7c12\n"
                 "downgrade 0b9e5d3a7c12: delete 0b9e5d3a7c12\nrows 8c5f2e7b1d94\n"])
expect("head is ambiguous", ["plan", "head"], 1,
       err_contains=["retort: error: 'head' is ambiguous: there are 2 heads: 7f6a4b2c8d05, 8c5f2e7b1d94"])
expect("unknown label", ["plan", "billing@head"], 1, err_contains=["no branch label or revision 'billing'"])
expect("two colons", ["plan", "base:head:heads"], 1, err_contains=["is not a range"])
expect("same output twice", ["plan", "base:heads"], 0,
       out=run("plan", "base:heads")[1])

hist = expect("history", ["history"], 0)
lines = hist.splitlines()
check("history: newest first", lines and lines[0].startswith("(4e1a6c9f0b73, 2a9d4f6c8e31) -> 8c5f2e7b1d94 (head) (mergepoint)"), hist)
check("history: branch point", "1c4e7a9b2d50 -> 6d2f8b3e9a14 (branchpoint), create orders" in hist, hist)
check("history: a root", "<base> -> 0b9e5d3a7c12 (audit), create audit log" in hist, hist)
check("history: 9 revisions", len(lines) == 9, hist)
sub = expect("history -r", ["history", "-r", "6d2f:4e1a"], 0)
check("history -r keeps the range", [l.split(" -> ")[1].split()[0].rstrip(",") for l in sub.splitlines()] ==
      ["4e1a6c9f0b73", "f3b8e2d7c5a6", "6d2f8b3e9a14"], sub)
expect("history -v", ["history", "-v", "-r", "8c5f:"], 0,
       contains=["Rev: 8c5f2e7b1d94 (head) (mergepoint)\n", "Merges: 4e1a6c9f0b73, 2a9d4f6c8e31\n",
                 "Path: versions/2024_03_10_0900_8c5f2e7b1d94_merge_reports.mig\n"])
expect("branches", ["branches"], 0,
       "1c4e7a9b2d50 -> 6d2f8b3e9a14 (branchpoint), create orders\n"
       "             -> b7e3c1a5f902 (reports), create report runs\n"
       "             -> f3b8e2d7c5a6, create payments\n")
expect("show", ["show", "2a9d"], 0,
       contains=["Rev: 2a9d4f6c8e31\n", "Parent: b7e3c1a5f902\n", "Also depends on: f3b8e2d7c5a6\n"])
expect("show ambiguous", ["show", "head"], 1, err_contains=["ambiguous"])
for cmd in ["heads", "branches", "history", "show", "plan", "revision", "merge"]:
    expect(f"{cmd} --help", [cmd, "--help"], 0, contains=["usage: retort " + cmd])

# revision and merge write files into a copy of the sample.
tmp = tempfile.mkdtemp(prefix="retort-graph-cli-")
try:
    proj = os.path.join(tmp, "branchy")
    shutil.copytree(SAMPLE, proj)
    expect("revision refuses several heads", ["revision", "-m", "x"], 2, project=proj,
           err_contains=["there are 2 heads: 7f6a4b2c8d05, 8c5f2e7b1d94"])
    expect("revision on a non-head", ["revision", "-m", "x", "--head", "6d2f"], 2, project=proj,
           err_contains=["6d2f8b3e9a14 is not a head"])
    expect("revision --head", ["revision", "-m", "Add fees, please!", "--head", "8c5f",
                               "--rev-id", "abcdef123456", "--branch-label", "fees"], 0, project=proj)
    made = glob.glob(os.path.join(proj, "versions", "*_abcdef123456_add_fees_please.mig"))
    check("revision: file name from the template", len(made) == 1 and
          re.search(r"/\d{4}_\d\d_\d\d_\d{4}_abcdef123456_add_fees_please\.mig$", made[0]),
          str(os.listdir(os.path.join(proj, "versions"))))
    if made:
        text = open(made[0]).read()
        check("revision: header", text.startswith(
            "revision abcdef123456;\ndown_revision 8c5f2e7b1d94;\nbranch_labels fees;\n"
            "message 'Add fees, please!';\n"), text)
    expect("heads after revision", ["heads"], 0, "7f6a4b2c8d05 (head)\nabcdef123456 (fees) (head)\n", project=proj)
    expect("revision id taken", ["revision", "-m", "y", "--head", "fees@head", "--rev-id", "abcdef123456"], 2,
           project=proj, err_contains=["already used"])
    expect("merge heads", ["merge", "heads", "-m", "join", "--rev-id", "111122223333"], 0, project=proj)
    expect("heads after merge", ["heads"], 0, "111122223333 (head) (mergepoint)\n", project=proj)
    expect("revision on the single head", ["revision", "-m", "next"], 0, project=proj)
    expect("show the new head", ["show", "head"], 0, contains=["Parent: 111122223333\n"], project=proj)
    expect("splice", ["revision", "-m", "side", "--head", "6d2f", "--splice", "--rev-id", "5p11ce000000"], 0,
           project=proj)
    expect("a merge of an ancestor", ["merge", "6d2f", "5p11", "-m", "x"], 2, project=proj,
           err_contains=["is an ancestor of"])
    expect("depends_on from the command line", ["revision", "-m", "dep", "--head", "5p11",
                                                "--depends-on", "7f6a", "--rev-id", "de9e00000000"], 0,
           project=proj)
    expect("plan through the new dependency", ["plan", "base:de9e"], 0,
           contains=["upgrade de9e00000000: delete 7f6a4b2c8d05, update 5p11ce000000 de9e00000000\n"],
           project=proj)

    # Graph diagnostics through the command line.
    bad = os.path.join(tmp, "bad")
    shutil.copytree(SAMPLE, bad)
    src = glob.glob(os.path.join(bad, "versions", "*_6d2f8b3e9a14_*.mig"))[0]
    shutil.copy(src, os.path.join(bad, "versions", "zz_copy.mig"))
    expect("duplicate id", ["heads"], 1, project=bad,
           err_contains=["versions/zz_copy.mig:1:10: error: duplicate revision id '6d2f8b3e9a14'",
                         "_6d2f8b3e9a14_create_orders.mig:1:10: note: revision '6d2f8b3e9a14' is also declared here"])
    os.remove(os.path.join(bad, "versions", "zz_copy.mig"))
    with open(src) as f:
        text = f.read()
    with open(src, "w") as f:
        f.write(text.replace("down_revision 1c4e7a9b2d50;", "down_revision 8c5f2e7b1d94;"))
    expect("cycle", ["heads"], 1, project=bad, err_contains=["error: revision cycle: "])
finally:
    shutil.rmtree(tmp)

for f in failures:
    print("FAIL:", f)
print(f"graph commands: {len(failures)} failures")
sys.exit(1 if failures else 0)
