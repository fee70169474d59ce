#!/usr/bin/python3
"""Conformance of retort's planner with Alembic 1.8 (issue 3).

Generates random revision graphs (branches, merges, several bases, branch
labels, depends_on; every other graph depends_on-heavy: across branches, on
merged-in branches, on labels), writes each as an Alembic project and as a retort
project, and compares, for many ranges, what the two plan:

  * the same set of migrations runs;
  * retort's order respects every edge (down_revision and depends_on);
  * retort's version-table statements are valid one by one (no INSERT of a
    present row, no UPDATE or DELETE of a missing one) and after every
    migration the rows describe exactly the revisions applied so far;
  * after every migration the rows are those Alembic's own HeadMaintainer
    leaves when it runs the same migrations in retort's order (Alembic's
    RevisionSteps fed through its MigrationContext);
  * the final rows equal those of Alembic's own run, or (where Alembic's
    order differs) describe the same applied revisions;
  * stamps: retort's statements are valid and are Alembic's own stamp
    statements (Alembic's _stamp_revs through its HeadMaintainer), with the
    same final rows;
  * where Alembic calls a target ambiguous, retort refuses it too.

Alembic's order is not compared (it changes with file names and hashing).
Alembic's version-table statements come from its offline (as_sql) output for
the sqlite dialect. Alembic runs through its Python API, which accepts
several START revisions (its command line cannot); that is the only way to
compare `heads:...` downgrades.

Exit status: 0 pass, 1 a difference, 77 Alembic missing (skip) unless CI=true.
"""
import argparse
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import alembic  # noqa: F401
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext, RevisionStep
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError
    from alembic.script.revision import RevisionError, MultipleHeads, ResolutionError
except ImportError as e:  # pragma: no cover - environment
    if os.environ.get("CI") == "true":
        print(f"alembic conformance: Alembic is not importable ({e}); install python3-alembic", file=sys.stderr)
        sys.exit(1)
    print(f"alembic conformance: skipped, Alembic is not importable ({e})", file=sys.stderr)
    sys.exit(77)

import logging
import warnings

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")


# ---------------------------------------------------------------- graphs

class Rev:
    def __init__(self, id_, down, labels, deps):
        self.id = id_
        self.down = down      # list of ids
        self.labels = labels  # list
        self.deps = deps      # list of ids or labels


def random_graph(rng, n, heavy=False):
    """A random graph; `heavy` makes depends_on the rule rather than the
    exception: up to three per revision, aimed at other branches' heads, at
    revisions on a branch a parent merged in, at labels and at ancestors."""
    revs = []
    ids = set()
    label_no = [0]
    dep_rate, label_rate = (0.6, 0.3) if heavy else (0.15, 0.18)

    def new_id():
        while True:
            # Sometimes share a 4-character prefix on purpose (ambiguous prefixes).
            if revs and rng.random() < 0.15:
                base = rng.choice(revs).id[:4]
                i = base + "".join(rng.choice("0123456789abcdef") for _ in range(8))
            else:
                i = "".join(rng.choice("0123456789abcdef") for _ in range(12))
            if i not in ids:
                ids.add(i)
                return i

    def heads():
        children = {d for r in revs for d in r.down}
        return [r for r in revs if r.id not in children]

    def ancestors(rid):
        by = {r.id: r for r in revs}
        seen, todo = set(), [rid]
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            todo.extend(by[x].down)
            todo.extend(d for d in by[x].deps if d in by)
        return seen

    def heavy_target(down):
        roll = rng.random()
        by = {r.id: r for r in revs}
        if roll < 0.3:
            others = [h for h in heads() if h.id not in down]
            if others:
                return rng.choice(others)
        elif roll < 0.6:
            # A revision on a branch that some merge below merged in.
            merged_in = [a for d in down for m in ancestors(d) for a in by[m].down[1:]]
            if merged_in:
                return by[rng.choice(sorted(ancestors(rng.choice(merged_in))))]
        elif roll < 0.8 and down:
            return by[rng.choice(sorted(ancestors(down[0])))]
        return rng.choice(revs)

    for k in range(n):
        rid = new_id()
        roll = rng.random()
        hs = heads()
        if not revs or roll < 0.12:
            down = []
        elif roll < 0.32 and len(hs) >= 2:
            pick = rng.sample(hs, min(len(hs), rng.choice([2, 2, 3])))
            down = [p.id for p in pick]
        elif roll < 0.55:
            down = [rng.choice(revs).id]  # may branch
        else:
            down = [rng.choice(hs).id]
        labels = []
        if rng.random() < label_rate:
            label_no[0] += 1
            labels = [f"lbl{label_no[0]}"]
        deps = []
        if revs and rng.random() < dep_rate:
            # Earlier revisions that are not already parents, by id or by label.
            for _ in range(rng.choice([1, 1, 2, 3]) if heavy else 1):
                target = heavy_target(down) if heavy else rng.choice(revs)
                if target.id in down:
                    continue
                name = target.id
                if target.labels and rng.random() < (0.5 if heavy else 0.3):
                    name = target.labels[0]
                if name not in deps:
                    deps.append(name)
        revs.append(Rev(rid, down, labels, deps))
    return revs


def write_alembic(revs, root):
    versions = os.path.join(root, "versions")
    os.makedirs(versions)
    for r in revs:
        down = "None" if not r.down else (repr(r.down[0]) if len(r.down) == 1 else repr(tuple(r.down)))
        labels = repr(tuple(r.labels)) if r.labels else "None"
        deps = repr(tuple(r.deps)) if r.deps else "None"
        with open(os.path.join(versions, f"{r.id}_m.py"), "w") as f:
            f.write("from alembic import op\n"
                    f"revision = {r.id!r}\n"
                    f"down_revision = {down}\n"
                    f"branch_labels = {labels}\n"
                    f"depends_on = {deps}\n"
                    f"def upgrade():\n    op.execute(\"SELECT 'up {r.id}'\")\n"
                    f"def downgrade():\n    op.execute(\"SELECT 'down {r.id}'\")\n")


def write_retort(revs, root):
    versions = os.path.join(root, "versions")
    os.makedirs(versions)
    with open(os.path.join(root, "retort.yaml"), "w") as f:
        f.write("versions: [versions]\ndialect: sqlite\n")
    for r in revs:
        if not r.down:
            down = "none"
        elif len(r.down) == 1:
            down = r.down[0]
        else:
            down = "(" + ", ".join(r.down) + ")"
        text = f"revision {r.id};\ndown_revision {down};\n"
        if r.labels:
            text += "branch_labels " + ", ".join(r.labels) + ";\n"
        if r.deps:
            text += "depends_on " + ", ".join(r.deps) + ";\n"
        text += (f"message 'm {r.id}';\n\nupgrade {{\n    execute $$SELECT 'up {r.id}'$$;\n}}\n\n"
                 f"downgrade {{\n    execute $$SELECT 'down {r.id}'$$;\n}}\n")
        # File names carry no meaning: use a random one.
        with open(os.path.join(versions, f"{r.id[::-1]}.mig"), "w") as f:
            f.write(text)


# ---------------------------------------------------------------- alembic

AMBIGUOUS = re.compile(r"Multiple head|Multiple revisions start|Ambiguous|ambiguous|more than one", re.I)


class AlembicResult:
    def __init__(self, runs=None, ops=None, error=None, ambiguous=False, start_rows=()):
        self.runs = runs or []      # [(direction, id)]
        self.ops = ops or []        # per run: list of ops
        self.error = error
        self.ambiguous = ambiguous
        self.start_rows = tuple(start_rows)


OP_RE = [
    (re.compile(r"^INSERT INTO alembic_version \(version_num\) VALUES \('(\w+)'\)"), "insert"),
    (re.compile(r"^UPDATE alembic_version SET version_num='(\w+)' WHERE alembic_version.version_num = '(\w+)'"), "update"),
    (re.compile(r"^DELETE FROM alembic_version WHERE alembic_version.version_num = '(\w+)'"), "delete"),
]
MARK_RE = re.compile(r"^SELECT '(up|down) (\w+)'")


def alembic_plan(script, upgrade, start_ids, dest, stamp=False, order=None):
    """Alembic's plan of a range; with `order` (revision ids), Alembic's own
    HeadMaintainer runs those migrations in that order instead of its own."""
    buf = io.StringIO()

    def fn(rev, ctx):
        if order is not None:
            return [RevisionStep(script.revision_map, script.get_revision(i), upgrade) for i in order]
        if stamp:
            return script._stamp_revs(dest, rev)
        if upgrade:
            return script._upgrade_revs(dest, rev)
        return script._downgrade_revs(dest, rev)

    try:
        ctx = MigrationContext.configure(
            dialect_name="sqlite",
            opts={"as_sql": True, "output_buffer": buf, "starting_rev": list(start_ids) or None,
                  "destination_rev": dest, "fn": fn, "script": script, "transactional_ddl": False})
        with Operations.context(ctx):
            ctx.run_migrations()
    except (CommandError, RevisionError, MultipleHeads, ResolutionError, AssertionError, KeyError,
            ValueError, TypeError, AttributeError) as e:
        msg = f"{type(e).__name__}: {e}"
        return AlembicResult(error=msg, ambiguous=bool(AMBIGUOUS.search(msg)) or isinstance(e, MultipleHeads),
                             start_rows=start_ids)
    runs, ops = [], []
    if stamp:  # no migration runs: one list of statements
        runs, ops = [("stamp", dest)], [[]]
    for line in buf.getvalue().splitlines():
        m = MARK_RE.match(line)
        if m:
            runs.append((m.group(1), m.group(2)))
            ops.append([])
            continue
        for rx, kind in OP_RE:
            m = rx.match(line)
            if m:
                if kind == "update":
                    ops[-1].append(("update", m.group(2), m.group(1)))
                else:
                    ops[-1].append((kind, m.group(1)))
    return AlembicResult(runs, ops, start_rows=start_ids)


# ---------------------------------------------------------------- retort

class RetortPlan:
    def __init__(self):
        self.start = []
        self.runs = []   # [(direction, id)]
        self.ops = []    # per run
        self.rows = []
        self.refused = None


def parse_plans(text):
    plans = {}
    cur = None
    for line in text.splitlines():
        if line.startswith("== "):
            cur = RetortPlan()
            plans[line[3:]] = cur
            continue
        if cur is None:
            continue
        if cur.refused is not None:
            cur.refused += line + "\n"
        elif line == "refused":
            cur.refused = ""
        elif line.startswith("start "):
            cur.start = [] if line == "start base" else line.split()[1:]
        elif line.startswith("rows"):
            cur.rows = [] if line == "rows (none)" else line.split()[1:]
        elif line.startswith(("upgrade ", "downgrade ", "stamp-upgrade ", "stamp-downgrade ")):
            head, _, tail = line.removeprefix("stamp-").partition(":")
            direction, rid = head.split()
            cur.runs.append(("up" if direction == "upgrade" else "down", rid))
            ops = []
            for part in filter(None, (p.strip() for p in tail.split(","))):
                w = part.split()
                if w[0] == "update":
                    ops.append(("update", w[1], w[2]))
                else:
                    ops.append((w[0], w[1]))
            cur.ops.append(ops)
    return plans


def retort_plans(retort, root, ranges, mode):
    flag = {"up": [], "down": ["--downgrade"], "stamp": ["--stamp"]}[mode]
    args = [retort, "-C", root, "plan"] + flag + ["--"] + ranges
    if len(ranges) == 1:
        # Keep the '== RANGE' form: add the range twice and drop one.
        args.append(ranges[0])
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"retort exited {p.returncode}: {' '.join(args)}\n{p.stderr}")
    plans = parse_plans(p.stdout)
    missing = [r for r in ranges if r not in plans]
    if missing:
        raise RuntimeError(f"retort printed no plan for {missing}: {' '.join(args)}\n{p.stdout}\n{p.stderr}")
    return plans


# ---------------------------------------------------------------- checks

class Graph:
    def __init__(self, revs):
        self.by = {r.id: r for r in revs}
        labels = {l: r.id for r in revs for l in r.labels}
        self.parents = {r.id: list(r.down) + [labels.get(d, d) for d in r.deps if labels.get(d, d) not in r.down]
                        for r in revs}

    def closure(self, ids):
        seen, todo = set(), list(ids)
        while todo:
            x = todo.pop()
            if x in seen:
                continue
            seen.add(x)
            todo.extend(self.parents[x])
        return seen

    def minimal(self, ids):
        ids = set(ids)
        implied = set()
        for i in ids:
            implied |= self.closure(self.parents[i])
        return ids - implied


def apply_ops(rows, ops, where):
    for op in ops:
        if op[0] == "insert":
            if op[1] in rows:
                return f"{where}: INSERT of {op[1]}, which is already a row"
            rows.add(op[1])
        elif op[0] == "delete":
            if op[1] not in rows:
                return f"{where}: DELETE of {op[1]}, which is no row"
            rows.remove(op[1])
        else:
            if op[1] not in rows:
                return f"{where}: UPDATE of {op[1]}, which is no row"
            if op[2] in rows:
                return f"{where}: UPDATE to {op[2]}, which is already a row"
            rows.remove(op[1])
            rows.add(op[2])
    return None


def compare(g, rng_desc, upgrade, rnge, start_ids, a, r, replay):
    """Returns a list of problems (strings). `replay` is Alembic's
    HeadMaintainer run on retort's order of migrations: its statements must
    leave the same rows after every migration."""
    problems = []
    tag = f"{rng_desc} {'upgrade' if upgrade else 'downgrade'} {rnge}"
    if a.error:
        if r.refused is None and a.ambiguous:
            problems.append(f"{tag}: Alembic calls it ambiguous ({a.error}) but retort planned it")
        return problems, ("alembic-error-ambiguous" if a.ambiguous else "alembic-error")
    if r.refused is not None:
        problems.append(f"{tag}: Alembic plans it but retort refused:\n{r.refused}")
        return problems, "retort-refused"
    a_set = {x[1] for x in a.runs}
    r_set = {x[1] for x in r.runs}
    if a_set != r_set:
        problems.append(f"{tag}: migrations differ: only Alembic {sorted(a_set - r_set)}, only retort {sorted(r_set - a_set)}")
        return problems, "differ"
    want_dir = "up" if upgrade else "down"
    if any(d != want_dir for d, _ in r.runs):
        problems.append(f"{tag}: retort runs a migration in the wrong direction")
    # Order respects every edge.
    pos = {rid: i for i, (_, rid) in enumerate(r.runs)}
    for rid in r_set:
        for p in g.parents[rid]:
            if p in pos and ((upgrade and pos[p] > pos[rid]) or (not upgrade and pos[p] < pos[rid])):
                problems.append(f"{tag}: retort runs {rid} {'before' if upgrade else 'after'} its parent {p}")
    # Version rows: valid at every step, describe the applied state, and are
    # the rows Alembic's HeadMaintainer leaves after the same migration.
    # Alembic's merge DELETEs every parent no other row implies, present or
    # not: on an order where a parent has no row (a sibling parent implies
    # it) it stops with a KeyError. Then only the final rows are compared.
    replay_failed = bool(replay.error)
    if replay_failed and not (upgrade and replay.error.startswith("KeyError")):
        problems.append(f"{tag}: Alembic's HeadMaintainer fails on retort's order: {replay.error}")
        return problems, "differ"
    rows = set(r.start)
    a_step_rows = set(replay.start_rows)
    applied = g.closure(rows)
    for i, ((_, rid), ops) in enumerate(zip(r.runs, r.ops)):
        err = apply_ops(rows, ops, f"{tag} step {i + 1} ({rid})")
        if err:
            problems.append(err)
            break
        if replay_failed:
            err = None
        else:
            err = apply_ops(a_step_rows, replay.ops[i], f"{tag} step {i + 1} ({rid}) (alembic)")
        if not replay_failed and (err or rows != a_step_rows):
            problems.append(f"{tag} step {i + 1} ({rid}): rows {sorted(rows)}, Alembic's HeadMaintainer "
                            f"leaves {err or sorted(a_step_rows)}")
            break
        if upgrade:
            applied.add(rid)
        else:
            applied.discard(rid)
        if g.closure(rows) != applied:
            problems.append(f"{tag} step {i + 1} ({rid}): rows {sorted(rows)} do not describe the applied "
                            f"revisions {sorted(applied)}")
            break
    if sorted(rows) != sorted(r.rows):
        problems.append(f"{tag}: retort's final 'rows' line {r.rows} disagrees with its own ops {sorted(rows)}")
    # Alembic's final rows.
    a_rows = set(a.start_rows)
    err = apply_ops(a_rows, [op for ops in a.ops for op in ops], f"{tag} (alembic)")
    kind = "same"
    if err:
        kind = "alembic-invalid-ops"
    elif a_rows != rows:
        # Same rules, another order (Alembic's follows file order and hashing):
        # the rows may differ only in rows another row implies.
        if g.closure(a_rows) == g.closure(rows):
            kind = "alembic-order-other-rows"
        else:
            problems.append(f"{tag}: final rows differ: Alembic {sorted(a_rows)}, retort {sorted(rows)}")
    elif g.minimal(rows) != rows:
        kind = "same-with-implied-row"
    if replay_failed and not problems:
        kind = "alembic-keyerror-on-retort-order"
    return problems, kind


def compare_stamp(g, rng_desc, rnge, start_ids, a, r):
    """A stamp: retort's statements must be Alembic's (issue 17): the same
    INSERT, UPDATE and DELETE statements in the same order, and the same
    final rows. Alembic is given the START rows and the END revisions in id
    order, the order retort uses (Alembic's own follows its revision map)."""
    tag = f"{rng_desc} stamp {rnge}"
    if a.error:
        if r.refused is None:
            if a.ambiguous:  # retort refuses every target Alembic calls ambiguous
                return [f"{tag}: Alembic calls it ambiguous ({a.error}), retort plans it"], "differ"
            return [], "alembic-error-retort-plans"
        return [], ("alembic-error-ambiguous" if a.ambiguous else "alembic-error")
    if r.refused is not None:
        return [f"{tag}: retort refuses a stamp Alembic makes: {r.refused.strip()}"], "differ"
    rows = set(r.start)
    for i, ((_, rid), ops) in enumerate(zip(r.runs, r.ops)):
        err = apply_ops(rows, ops, f"{tag} step {i + 1} ({rid})")
        if err:
            return [err], "differ"
    a_ops = [op for ops in a.ops for op in ops]
    a_rows = set(a.start_rows)
    if apply_ops(a_rows, a_ops, f"{tag} (alembic)"):
        return [], "alembic-invalid-ops"
    problems = []
    if a_rows != rows:
        problems.append(f"{tag}: final rows differ: Alembic {sorted(a_rows)}, retort {sorted(rows)}")
    r_ops = [op for ops in r.ops for op in ops]
    if a_ops != r_ops:
        problems.append(f"{tag}: statements differ: Alembic {a_ops}, retort {r_ops}")
    return problems, ("differ" if problems else "same")


# ---------------------------------------------------------------- ranges

def choose_ranges(rng, revs, script):
    ids = [r.id for r in revs]
    labels = [l for r in revs for l in r.labels]
    g = Graph(revs)
    up, down = [], []
    up.append("base:heads")
    up.append("base:head")
    for rid in rng.sample(ids, min(4, len(ids))):
        up.append(f"base:{rid}")
        up.append(f"base:{rid[:rng.choice([4, 5, 6])]}")
        up.append(f"{rid}:heads")
        up.append(f"{rid}:+1")
        up.append(f"{rid}:{rid}+2" if rng.random() < 0.5 else f"base:{rid}-1")
        anc = sorted(g.closure([rid]) - {rid})
        if anc:
            up.append(f"{rng.choice(anc)}:{rid}")
            down.append(f"{rid}:{rng.choice(anc)}")
        down.append(f"{rid}:base")
        down.append(f"{rid}:-1")
        down.append(f"heads:{rid}")
    for l in labels[:3]:
        up.append(f"base:{l}@head")
        up.append(f"base:{l}")
        down.append(f"heads:{l}@base")
    down.append("heads:base")
    # Stamps: the ranges without relative steps (labels included).
    stamp = [x for x in up + down if not re.search(r"[+]|:-|-\d", x)]
    return list(dict.fromkeys(up)), list(dict.fromkeys(down)), list(dict.fromkeys(stamp))


def start_of(script, rnge):
    start = rnge.split(":")[0] if ":" in rnge else "base"
    if start == "base":
        return ()
    if start == "heads":
        return tuple(script.revision_map._real_heads)
    return (script.revision_map.get_revision(start).revision,)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--retort", required=True)
    ap.add_argument("--graphs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20241)
    ap.add_argument("--min-size", type=int, default=3)
    ap.add_argument("--max-size", type=int, default=16)
    ap.add_argument("--keep", help="write the projects of failing graphs here")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--show", type=int, default=40, help="print at most this many problems")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp(prefix="retort-conformance-")
    started = time.time()
    counts = {}
    problems_total = []
    errors = {}
    cases = 0
    try:
        for n in range(args.graphs):
            heavy = n % 2 == 1  # every other graph is depends_on-heavy
            revs = random_graph(rng, rng.randint(args.min_size, args.max_size), heavy)
            root = os.path.join(tmp, f"g{n}")
            write_alembic(revs, os.path.join(root, "alembic"))
            write_retort(revs, os.path.join(root, "retort"))
            script = ScriptDirectory(os.path.join(root, "alembic"))
            try:
                script.revision_map.heads
            except Exception as e:  # noqa: BLE001 - Alembic rejects the graph itself
                counts["alembic-rejects-graph"] = counts.get("alembic-rejects-graph", 0) + 1
                if args.verbose:
                    print(f"graph {n}: Alembic rejects it: {e}")
                shutil.rmtree(root)
                continue
            g = Graph(revs)
            up, down, stamp = choose_ranges(rng, revs, script)
            graph_problems = []
            for mode, ranges in (("up", up), ("down", down), ("stamp", stamp)):
                upgrade = mode == "up"
                plans = retort_plans(args.retort, os.path.join(root, "retort"), ranges, mode)
                for rnge in ranges:
                    cases += 1
                    try:
                        start_ids = start_of(script, rnge)
                    except Exception:  # noqa: BLE001 - START itself is ambiguous for Alembic
                        start_ids = None
                    if start_ids is None:
                        a = AlembicResult(error="start", ambiguous=True)
                    else:
                        dest = rnge.split(":", 1)[1] if ":" in rnge else rnge
                        if mode == "stamp":
                            # retort's orders: START rows and END revisions by id.
                            start_ids = tuple(sorted(start_ids))
                            if dest == "heads":
                                dest = tuple(sorted(script.revision_map._real_heads))
                        a = alembic_plan(script, upgrade, start_ids, dest, stamp=mode == "stamp")
                    if mode == "stamp":
                        p, kind = compare_stamp(g, f"graph {n}", rnge, start_ids, a, plans[rnge])
                        kind = "stamp " + kind
                    elif a.error:
                        p, kind = compare(g, f"graph {n}", upgrade, rnge, start_ids, a, plans[rnge], None)
                    else:
                        replay = alembic_plan(script, upgrade, start_ids, dest,
                                              order=[rid for _, rid in plans[rnge].runs])
                        p, kind = compare(g, f"graph {n}", upgrade, rnge, start_ids, a, plans[rnge], replay)
                    counts[kind] = counts.get(kind, 0) + 1
                    if args.verbose and a.error:
                        key = mode + " " + re.sub(r"'?\b[0-9a-f]{12}\b'?", "X", a.error)[:90]
                        key += " | retort " + ("refuses" if plans[rnge].refused is not None else "plans")
                        errors[key] = errors.get(key, 0) + 1
                    graph_problems += p
            if graph_problems:
                problems_total += graph_problems
                if args.keep:
                    shutil.copytree(root, os.path.join(args.keep, f"g{n}"), dirs_exist_ok=True)
            shutil.rmtree(root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for k, v in sorted(errors.items(), key=lambda kv: -kv[1]):
        print(f"{v:5} {k}")
    for p in problems_total[:args.show]:
        print(p)
    print(f"alembic conformance: {args.graphs} graphs, {cases} ranges, {time.time() - started:.1f} s; "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if problems_total:
        print(f"alembic conformance: {len(problems_total)} problems")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
