#!/usr/bin/python3
"""Pathological retort projects, generated at test time (never committed).

    gen.py OUT_DIR KIND [N]

KIND (N is its size):
  chain N       N revisions, each the parent of the next
  merge N       a base, N heads on it, and one revision merging them all
  big_string N  one insert of a string literal of N megabytes
  statements N  N statements in one upgrade block
  cycle N       N revisions whose depends_on run in a circle
  nested N      a literal in N nested parentheses
  operators N   an expression of N terms joined by `+`
  unary N       a literal behind N unary minus signs
  yaml_nested N retort.yaml with a value in N nested flow sequences
The project is OUT_DIR/retort.yaml and OUT_DIR/versions/*.mig.
"""
import os
import sys


def write_revision(versions, rev, parents, upgrade, downgrade, depends=()):
    head = [f"revision {rev};", f"down_revision {', '.join(parents) if parents else 'none'};"]
    if depends:
        head.append(f"depends_on {', '.join(depends)};")
    body = "upgrade {\n" + "".join(f"    {s}\n" for s in upgrade) + "}\n"
    body += "downgrade {\n" + "".join(f"    {s}\n" for s in downgrade) + "}\n"
    with open(os.path.join(versions, f"{rev}.mig"), "w") as f:
        f.write("\n".join(head) + "\n\n" + body)


TABLE = "create table t (id integer primary key, n integer, s text);"


def chain(versions, n):
    write_revision(versions, "r000000", [], [TABLE], ["drop table t;"])
    for i in range(1, n):
        write_revision(versions, f"r{i:06d}", [f"r{i - 1:06d}"],
                       [f"update t set n = {i} where id = 1;"], [f"update t set n = {i - 1} where id = 1;"])


def merge(versions, n):
    write_revision(versions, "base0", [], [TABLE], ["drop table t;"])
    heads = [f"h{i:05d}" for i in range(n)]
    for i, h in enumerate(heads):
        write_revision(versions, h, ["base0"], [f"create table t{i} (id integer);"], [f"drop table t{i};"])
    write_revision(versions, "merged", heads, [], [])


def big_string(versions, megabytes):
    text = "x" * (megabytes * 1024 * 1024)
    write_revision(versions, "big0", [], [TABLE, f"insert into t (id, s) values (1, '{text}');"],
                   ["drop table t;"])


def statements(versions, n):
    rows = [TABLE] + [f"insert into t (id, n) values ({i}, {i});" for i in range(1, n)]
    write_revision(versions, "many0", [], rows, ["drop table t;"])


def cycle(versions, n):
    write_revision(versions, "c0", [], [TABLE], ["drop table t;"], depends=[f"c{n - 1}"])
    for i in range(1, n):
        write_revision(versions, f"c{i}", [], [f"create table t{i} (id integer);"], [f"drop table t{i};"],
                       depends=[f"c{i - 1}"])


def expression(versions, text):
    write_revision(versions, "deep0", [], [TABLE, f"insert into t (id, n) values (1, {text});"], ["drop table t;"])


def main():
    out, kind = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    versions = os.path.join(out, "versions")
    os.makedirs(versions, exist_ok=True)
    with open(os.path.join(out, "retort.yaml"), "w") as f:
        f.write("versions: [versions]\ndialect: postgresql\n")
    if kind == "yaml_nested":
        write_revision(versions, "y0", [], [TABLE], ["drop table t;"])
        with open(os.path.join(out, "retort.yaml"), "w") as f:
            f.write("versions: " + "[" * n + "versions" + "]" * n + "\n")
        return
    kinds = {
        "chain": lambda: chain(versions, n),
        "merge": lambda: merge(versions, n),
        "big_string": lambda: big_string(versions, n),
        "statements": lambda: statements(versions, n),
        "cycle": lambda: cycle(versions, n),
        "nested": lambda: expression(versions, "(" * n + "1" + ")" * n),
        "operators": lambda: expression(versions, " + ".join(["1"] * n)),
        "unary": lambda: expression(versions, "- " * n + "1"),
    }
    if kind not in kinds:
        sys.exit(f"gen.py: unknown kind {kind!r}; one of {', '.join(kinds)}")
    kinds[kind]()


if __name__ == "__main__":
    main()
