"""A SQLite database's catalog as text, for tests/handover/handover.sh.

SQLite keeps each table's CREATE statement as it was typed, so two databases
with the same schema differ in their sqlite_schema text whenever two tools
lay the statement out differently. This prints what the engine itself
reports instead: per table, its columns (declared type, NOT NULL, default,
primary-key position), whether its key is the rowid and AUTOINCREMENT, its
indexes (named or automatic) with their columns, its foreign keys with their
actions, and its CHECK and CONSTRAINT-name clauses with blanks, quotes and
case removed.

usage: sqlite_catalog.py DATABASE_FILE
"""
import re
import sqlite3
import sys


def clauses(sql, word):
    """The parenthesized bodies after each `word (` in sql, normalized."""
    out = []
    for m in re.finditer(r"\b" + word + r"\s*\(", sql, re.IGNORECASE):
        depth, i = 1, m.end()
        while i < len(sql) and depth:
            depth += {"(": 1, ")": -1}.get(sql[i], 0)
            i += 1
        out.append(re.sub(r"[\s\"`]", "", sql[m.end():i - 1]).lower())
    return sorted(out)


def table(db, name, sql):
    lines = [f"table {name}"]
    for cid, col, typ, notnull, default, pk in db.execute(f'PRAGMA table_info("{name}")'):
        lines.append(f"  column {col} {typ.upper()} notnull={notnull} default={default} pk={pk}")
    pk_cols = [r for r in db.execute(f'PRAGMA table_info("{name}")') if r[5]]
    rowid = len(pk_cols) == 1 and pk_cols[0][2].upper() == "INTEGER"
    lines.append(f"  rowid_key={rowid} autoincrement={bool(re.search(r'AUTOINCREMENT', sql, re.I))}")
    for _, index, unique, origin, partial in db.execute(f'PRAGMA index_list("{name}")'):
        cols = ",".join(r[2] or "<expr>" for r in db.execute(f'PRAGMA index_info("{index}")'))
        shown = "<auto>" if index.startswith("sqlite_autoindex_") else index
        lines.append(f"  index {shown} ({cols}) unique={unique} origin={origin} partial={partial}")
    for row in sorted(db.execute(f'PRAGMA foreign_key_list("{name}")'), key=lambda r: (r[0], r[1])):
        _, seq, ref, frm, to, on_update, on_delete, _match = row
        lines.append(f"  foreign key {frm} -> {ref}({to}) on update {on_update} on delete {on_delete}")
    for body in clauses(sql, "check"):
        lines.append(f"  check ({body})")
    for cname in sorted(re.findall(r"\bconstraint\s+\"?(\w+)", sql, re.I)):
        lines.append(f"  constraint name {cname}")
    return lines


def main():
    db = sqlite3.connect(sys.argv[1])
    rows = db.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").fetchall()
    for name, sql in rows:
        print("\n".join(table(db, name, sql)))


main()
