#!/usr/bin/python3
"""Benchmark project generator: one N-revision history written twice from the
same seed, as a retort project (retort.yaml + versions/*.mig) and as the
equivalent Alembic project (alembic.ini + alembic/env.py + alembic/versions).

    bench/gen.py OUT_DIR --revisions N [--shape linear|branchy] [--seed S]

The generator keeps its own model of the schema so that every revision is
valid against the state it applies to: no unknown or duplicate names, no
dropped column that an index or constraint still uses, no literal that does
not fit its column.  In the branchy shape every group of three revisions is a
branch point (two children of the same head) and a merge of the two; the two
siblings touch disjoint tables, so either order of application is valid.

Each revision carries one to three statements and a hand-written downgrade
that undoes them (data revisions: a delete / update that keeps the schema).
"""
import argparse
import os
import random
import shutil
import sys

WORDS = ["account", "invoice", "student", "course", "ledger", "parcel", "order",
         "vendor", "route", "ticket", "sensor", "reading", "badge", "asset",
         "budget", "policy", "claim", "region", "store", "review", "shipment",
         "payment", "contract", "device", "member", "lesson", "report", "tag"]

AWKWARD = ["it's", "O'Brien's \"quoted\"", "C:\\temp\\new", "50% off", "100%%",
           "naïve café", "Ünïcödé ✓", "日本語", "a\\'b", "back\\\\slash",
           "semi;colon", "dash -- not a comment", "/* not a comment */",
           "$$dollar$$", "tab\there", "line\nbreak", "emoji 🎉", "x'00'",
           "percent %s and %(name)s", "question ?", "'; drop table x; --"]


def q(s):
    """A retort string literal for the Python string s."""
    if any(c in s for c in "\n\r\t"):
        out = []
        for c in s:
            if c == "\\":
                out.append("\\\\")
            elif c == "'":
                out.append("\\'")
            elif c == "\n":
                out.append("\\n")
            elif c == "\r":
                out.append("\\r")
            elif c == "\t":
                out.append("\\t")
            else:
                out.append(c)
        return "e'" + "".join(out) + "'"
    return "'" + s.replace("'", "''") + "'"


def pyq(s):
    return repr(s)


def not_sqlite(stmt):
    """Alembic cannot ALTER constraints on SQLite outside batch mode (which
    needs the full table offline): the Alembic side skips them there."""
    return "if op.get_context().dialect.name != 'sqlite':  # needs batch mode\n    " + stmt


# ---------------------------------------------------------------- types
class Type:
    def __init__(self, kind, a=None, b=None):
        self.kind, self.a, self.b = kind, a, b

    def mig(self):
        if self.kind in ("string", "numeric"):
            return f"{self.kind}({self.a})" if self.b is None else f"{self.kind}({self.a}, {self.b})"
        return self.kind

    def sa(self):
        k = self.kind
        return {
            "integer": "sa.Integer()", "bigint": "sa.BigInteger()",
            "smallint": "sa.SmallInteger()", "float": "sa.Float()",
            "double": "sa.Float(precision=53)", "boolean": "sa.Boolean()",
            "text": "sa.Text()", "date": "sa.Date()", "time": "sa.Time()",
            "datetime": "sa.DateTime()", "timestamptz": "sa.DateTime(timezone=True)",
            "json": "sa.JSON()", "blob": "sa.LargeBinary()",
        }.get(k) or (f"sa.String({self.a})" if k == "string" else f"sa.Numeric({self.a}, {self.b})")

    def literal_ok(self):
        """Types whose values the generator writes in inserts / updates."""
        return self.kind in ("integer", "bigint", "smallint", "numeric", "float",
                             "double", "boolean", "string", "text")

    def indexable(self):
        return self.kind in ("integer", "bigint", "smallint", "numeric", "boolean",
                             "date", "datetime") or (self.kind == "string" and self.a <= 190)

    def copy(self):
        return Type(self.kind, self.a, self.b)


class Col:
    def __init__(self, name, typ, nullable=True, default=None):
        self.name, self.type, self.nullable, self.default = name, typ, nullable, default
        self.has_null = False  # some existing row holds NULL here

    # default: None or (mig_expr, sa_expr)
    def mig(self):
        s = f"{self.name} {self.type.mig()}"
        if not self.nullable:
            s += " not null"
        if self.default:
            s += f" default {self.default[0]}"
        return s

    def sa(self, extra=""):
        s = f"sa.Column({pyq(self.name)}, {self.type.sa()}, nullable={self.nullable}"
        if self.default:
            s += f", server_default={self.default[1]}"
        return s + extra + ")"

    def existing(self):
        s = f"existing_type={self.type.sa()}, existing_nullable={self.nullable}"
        if self.default:
            s += f", existing_server_default={self.default[1]}"
        return s


class Table:
    def __init__(self, name):
        self.name = name
        self.cols = {}
        self.indexes = {}      # name -> (unique, [cols])
        self.constraints = {}  # name -> ("unique"|"check"|"fk", cols, extra)
        self.refs_in = 0
        self.nrows = 0         # rows inserted so far (on the upgrade path)

    def unique_cols(self):
        s = set()
        for unique, cols in self.indexes.values():
            if unique:
                s.update(cols)
        for kind, cols, _ in self.constraints.values():
            if kind == "unique":
                s.update(cols)
        return s

    def locked(self):
        s = {"id", "name"}
        for _, cols in self.indexes.values():
            s.update(cols)
        for _, cols, _ in self.constraints.values():
            s.update(cols)
        return s

    def free_cols(self):
        lk = self.locked()
        return [c for c in self.cols.values() if c.name not in lk]


# ---------------------------------------------------------------- generator
class Gen:
    def __init__(self, seed, plain=False):
        self.r = random.Random(seed)
        self.strings = [w + " text" for w in WORDS] if plain else AWKWARD
        self.tables = {}
        self.counter = 0
        self.row_counter = 0

    def uid(self):
        self.counter += 1
        return self.counter

    def word(self):
        return self.r.choice(WORDS)

    def rand_type(self):
        r = self.r.random()
        if r < 0.22:
            return Type("string", self.r.choice([20, 40, 80, 120]))
        if r < 0.34:
            return Type("integer")
        if r < 0.40:
            return Type("bigint")
        if r < 0.44:
            return Type("smallint")
        if r < 0.54:
            return Type("numeric", self.r.choice([10, 12]), 2)
        if r < 0.58:
            return Type("float")
        if r < 0.61:
            return Type("double")
        if r < 0.69:
            return Type("boolean")
        if r < 0.77:
            return Type("text")
        if r < 0.81:
            return Type("date")
        if r < 0.87:
            return Type("datetime")
        if r < 0.90:
            return Type("timestamptz")
        if r < 0.93:
            return Type("time")
        if r < 0.97:
            return Type("json")
        return Type("blob")

    def rand_col(self, name):
        t = self.rand_type()
        if not t.literal_ok():
            if t.kind == "datetime" and self.r.random() < 0.5:
                return Col(name, t, False, ("now()", "sa.func.now()"))
            return Col(name, t, True)
        r = self.r.random()
        if r < 0.5:
            return Col(name, t, True)
        if r < 0.8:
            if t.kind == "text":  # MySQL before 8.0.13 has no TEXT defaults
                return Col(name, t, True)
            return Col(name, t, False, self.default_for(t))
        return Col(name, t, False)

    def default_for(self, t):
        if t.kind == "boolean":
            return ("false", "sa.false()")
        if t.kind == "string":
            v = self.r.choice(["pending", "n/a", "it's", ""])
            return (q(v), pyq(v))
        return ("0", "sa.text('0')")

    def value(self, t, unique=False):
        """(mig literal, python literal) fitting type t; unique: never repeated."""
        k = t.kind
        if unique:
            self.row_counter += 1
            u = self.row_counter
            if k in ("string", "text"):
                s = f"{u} {self.r.choice(self.strings)}"
                while k == "string" and len(s.encode()) > t.a:
                    s = s[:-1]
                return (q(s), pyq(s))
            if k == "numeric":
                return (f"{u}.5", f"decimal.Decimal('{u}.5')")
            if k in ("float", "double"):
                return (f"{u}.5", f"{u}.5")
            if k == "smallint":
                u %= 32000
            return (str(u), str(u))
        if k in ("integer", "bigint"):
            v = self.r.randint(0, 100000)  # check constraints say >= 0
            return (str(v), str(v))
        if k == "smallint":
            v = self.r.randint(0, 300)
            return (str(v), str(v))
        if k == "numeric":
            v = f"{self.r.randint(0, 99999)}.{self.r.randint(0, 99):02d}"
            return (v, f"decimal.Decimal({v!r})")
        if k in ("float", "double"):
            v = self.r.choice(["1.5", "3.25", "0.125", "1e6", "7.75"])
            return (v, v)
        if k == "boolean":
            b = self.r.random() < 0.5
            return ("true" if b else "false", "True" if b else "False")
        s = self.r.choice(self.strings)
        if k == "string":
            while len(s.encode()) > t.a:
                s = s[:-1]
        return (q(s), pyq(s))

    # ---------------------------------------------------------- operations
    # Each returns (mig_up, sa_up, mig_down, sa_down, touched_tables) with
    # lists of statements, or None when it does not apply to the state.

    def pick_table(self, exclude, pred=lambda t: True):
        cands = [t for n, t in self.tables.items() if n not in exclude and pred(t)]
        return self.r.choice(cands) if cands else None

    def op_create_table(self, exclude):
        name = f"t{self.uid()}_{self.word()}"
        t = Table(name)
        t.cols["id"] = Col("id", Type("integer"), False)
        t.cols["name"] = Col("name", Type("string", 100), False)
        for _ in range(self.r.randint(2, 7)):
            cn = f"c{self.uid()}_{self.word()}"
            t.cols[cn] = self.rand_col(cn)
        mig_cols = ["    id integer primary key autoincrement", "    name string(100) not null"]
        sa_items = ["sa.Column('id', sa.Integer(), nullable=False, autoincrement=True)",
                    "sa.Column('name', sa.String(100), nullable=False)"]
        for c in list(t.cols.values())[2:]:
            mig_cols.append("    " + c.mig())
            sa_items.append(c.sa())
        touched = {name}
        parent = self.pick_table(exclude) if self.r.random() < 0.5 else None
        if parent is not None:
            cn = f"{parent.name.split('_')[0]}_id"
            if cn in t.cols:
                parent = None
        if parent is not None:
            t.cols[cn] = Col(cn, Type("integer"), True)
            mig_cols.append(f"    {cn} integer")
            sa_items.append(f"sa.Column({pyq(cn)}, sa.Integer(), nullable=True)")
        # the column's primary key gets the convention's name pk_<table>, as on the Alembic side
        sa_items.append(f"sa.PrimaryKeyConstraint('id', name={pyq('pk_' + name)})")
        if parent is not None:
            fk = f"fk_{name}_{cn}"
            mig_cols.append(f"    constraint {fk} foreign key ({cn}) references {parent.name} (id) on delete cascade")
            sa_items.append(f"sa.ForeignKeyConstraint([{pyq(cn)}], [{pyq(parent.name + '.id')}], name={pyq(fk)}, ondelete='CASCADE')")
            t.constraints[fk] = ("fk", [cn], parent.name)
            parent.refs_in += 1
            touched.add(parent.name)
        nums = [c for c in t.cols.values() if c.type.kind in ("integer", "numeric") and c.name != "id"
                and not c.nullable]
        if nums and self.r.random() < 0.5:
            c = self.r.choice(nums)
            ck = f"ck_{name}_{c.name}"
            mig_cols.append(f"    constraint {ck} check ({c.name} >= 0)")
            sa_items.append(f"sa.CheckConstraint({pyq(c.name + ' >= 0')}, name={pyq(ck)})")
            t.constraints[ck] = ("check", [c.name], (f"{c.name} >= 0", f"{c.name} >= 0"))
        self.tables[name] = t
        mig = f"create table {name} (\n" + ",\n".join(mig_cols) + "\n)"
        sa_ = f"op.create_table({pyq(name)},\n        " + ",\n        ".join(sa_items) + ")"
        return [mig], [sa_], [f"drop table {name}"], [f"op.drop_table({pyq(name)})"], touched

    def op_add_column(self, exclude):
        t = self.pick_table(exclude, lambda t: len(t.cols) < 14)
        if t is None:
            return None
        cols = []
        for _ in range(self.r.randint(1, 2)):
            cn = f"c{self.uid()}_{self.word()}"
            c = self.rand_col(cn)
            if not c.nullable and c.default is None:
                c.nullable = True
            cols.append(c)
        for c in cols:
            c.has_null = c.nullable and c.default is None and t.nrows > 0
            t.cols[c.name] = c
        mig = f"alter table {t.name}\n    " + ",\n    ".join("add column " + c.mig() for c in cols)
        sa_ = [f"op.add_column({pyq(t.name)}, {c.sa()})" for c in cols]
        down = f"alter table {t.name}\n    " + ",\n    ".join("drop column " + c.name for c in reversed(cols))
        sa_d = [f"op.drop_column({pyq(t.name)}, {pyq(c.name)})" for c in reversed(cols)]
        return [mig], sa_, [down], sa_d, {t.name}

    def op_add_fk(self, exclude):
        t = self.pick_table(exclude, lambda t: len(t.cols) < 14)
        if t is None:
            return None
        p = self.pick_table(exclude | {t.name})
        if p is None:
            return None
        cn = f"{p.name.split('_')[0]}_ref{self.uid()}"
        fk = f"fk_{t.name}_{cn}"
        t.cols[cn] = Col(cn, Type("integer"), True)
        t.constraints[fk] = ("fk", [cn], p.name)
        p.refs_in += 1
        mig = (f"alter table {t.name}\n    add column {cn} integer,\n"
               f"    add constraint {fk} foreign key ({cn}) references {p.name} (id)")
        sa_ = [f"op.add_column({pyq(t.name)}, sa.Column({pyq(cn)}, sa.Integer(), nullable=True))",
               not_sqlite(f"op.create_foreign_key({pyq(fk)}, {pyq(t.name)}, {pyq(p.name)}, [{pyq(cn)}], ['id'])")]
        down = f"alter table {t.name}\n    drop constraint {fk},\n    drop column {cn}"
        sa_d = [not_sqlite(f"op.drop_constraint({pyq(fk)}, {pyq(t.name)}, type_='foreignkey')"),
                f"op.drop_column({pyq(t.name)}, {pyq(cn)})"]
        return [mig], sa_, [down], sa_d, {t.name, p.name}

    def op_alter_type(self, exclude):
        t = self.pick_table(exclude, lambda t: any(c.type.kind in ("string", "numeric") and c.type.a < 200
                                                   for c in t.free_cols()))
        if t is None:
            return None
        c = self.r.choice([c for c in t.free_cols() if c.type.kind in ("string", "numeric") and c.type.a < 200])
        old = c.type.copy()
        ex = c.existing()
        c.type.a += 10 if c.type.kind == "string" else 2
        mig = f"alter table {t.name} alter column {c.name} type {c.type.mig()}"
        sa_ = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, type_={c.type.sa()}, {ex})"
        down = f"alter table {t.name} alter column {c.name} type {old.mig()}"
        sa_d = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, type_={old.sa()}, {c.existing()})"
        return [mig], [sa_], [down], [sa_d], {t.name}

    def op_rename_column(self, exclude):
        t = self.pick_table(exclude, lambda t: t.free_cols())
        if t is None:
            return None
        c = self.r.choice(t.free_cols())
        old = c.name
        new = f"c{self.uid()}_{self.word()}"
        ex = c.existing()
        del t.cols[old]
        c.name = new
        t.cols[new] = c
        mig = f"alter table {t.name} rename column {old} to {new}"
        sa_ = f"op.alter_column({pyq(t.name)}, {pyq(old)}, new_column_name={pyq(new)}, {ex})"
        down = f"alter table {t.name} rename column {new} to {old}"
        sa_d = f"op.alter_column({pyq(t.name)}, {pyq(new)}, new_column_name={pyq(old)}, {ex})"
        return [mig], [sa_], [down], [sa_d], {t.name}

    def op_drop_column(self, exclude):
        # only columns that the downgrade can add back without a lint warning
        # (with a default: the re-added column holds no NULL that an older
        # downgrade step setting NOT NULL would trip over)
        droppable = lambda t: [c for c in t.free_cols() if c.default]
        t = self.pick_table(exclude, lambda t: len(t.free_cols()) >= 2 and droppable(t))
        if t is None:
            return None
        c = self.r.choice(droppable(t))
        del t.cols[c.name]
        mig = f"alter table {t.name} drop column {c.name}"
        sa_ = f"op.drop_column({pyq(t.name)}, {pyq(c.name)})"
        down = f"alter table {t.name} add column {c.mig()}"
        sa_d = f"op.add_column({pyq(t.name)}, {c.sa()})"
        return [mig], [sa_], [down], [sa_d], {t.name}

    def op_nullability(self, exclude):
        t = self.pick_table(exclude, lambda t: t.free_cols())
        if t is None:
            return None
        c = self.r.choice(t.free_cols())
        ex = c.existing()
        if c.nullable:
            # only columns that every inserted row fills: literal types
            if not c.type.literal_ok() or c.has_null:
                return None
            c.nullable = False
            verb, back = "set", "drop"
        else:
            c.nullable = True
            verb, back = "drop", "set"
        mig = f"alter table {t.name} alter column {c.name} {verb} not null"
        sa_ = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, nullable={c.nullable}, {ex})"
        down = f"alter table {t.name} alter column {c.name} {back} not null"
        sa_d = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, nullable={not c.nullable}, {c.existing()})"
        return [mig], [sa_], [down], [sa_d], {t.name}

    def op_default(self, exclude):
        ok = lambda c: c.type.literal_ok() and c.type.kind != "text"
        t = self.pick_table(exclude, lambda t: any(ok(c) for c in t.free_cols()))
        if t is None:
            return None
        c = self.r.choice([c for c in t.free_cols() if ok(c)])
        ex = c.existing()
        old = c.default
        if old is None:
            c.default = self.default_for(c.type)
            mig = f"alter table {t.name} alter column {c.name} set default {c.default[0]}"
            sa_ = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, server_default={c.default[1]}, {ex})"
            down = f"alter table {t.name} alter column {c.name} drop default"
            sa_d = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, server_default=None, {c.existing()})"
        else:
            if not c.nullable:
                return None  # keep NOT NULL columns defaulted (inserts may omit them)
            c.default = None
            mig = f"alter table {t.name} alter column {c.name} drop default"
            sa_ = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, server_default=None, {ex})"
            down = f"alter table {t.name} alter column {c.name} set default {old[0]}"
            sa_d = f"op.alter_column({pyq(t.name)}, {pyq(c.name)}, server_default={old[1]}, {c.existing()})"
        return [mig], [sa_], [down], [sa_d], {t.name}

    def op_create_index(self, exclude):
        t = self.pick_table(exclude, lambda t: any(c.type.indexable() for c in t.cols.values()
                                                   if c.name != "id"))
        if t is None:
            return None
        cands = [c.name for c in t.cols.values() if c.type.indexable() and c.name != "id"]
        cols = self.r.sample(cands, min(len(cands), self.r.randint(1, 2)))
        unique = (self.r.random() < 0.25 and t.nrows == 0 and
                  all(t.cols[c].type.literal_ok() and t.cols[c].type.kind != "boolean" for c in cols))
        ix = f"{'uq' if unique else 'ix'}_{t.name}_{self.uid()}"
        t.indexes[ix] = (unique, cols)
        u = "unique " if unique else ""
        mig = f"create {u}index {ix} on {t.name} ({', '.join(cols)})"
        sa_ = f"op.create_index({pyq(ix)}, {pyq(t.name)}, {cols!r}, unique={unique})"
        return [mig], [sa_], [f"drop index {ix}"], [f"op.drop_index({pyq(ix)}, table_name={pyq(t.name)})"], {t.name}

    def op_drop_index(self, exclude):
        t = self.pick_table(exclude, lambda t: t.indexes)
        if t is None:
            return None
        ix = self.r.choice(sorted(t.indexes))
        unique, cols = t.indexes.pop(ix)
        u = "unique " if unique else ""
        return ([f"drop index {ix}"], [f"op.drop_index({pyq(ix)}, table_name={pyq(t.name)})"],
                [f"create {u}index {ix} on {t.name} ({', '.join(cols)})"],
                [f"op.create_index({pyq(ix)}, {pyq(t.name)}, {cols!r}, unique={unique})"], {t.name})

    def op_add_constraint(self, exclude):
        t = self.pick_table(exclude, lambda t: t.free_cols())
        if t is None:
            return None
        free = t.free_cols()
        nums = [c for c in free if c.type.kind in ("integer", "bigint", "numeric", "smallint")]
        if nums and self.r.random() < 0.5:
            c = self.r.choice(nums)
            ck = f"ck_{t.name}_{self.uid()}"
            expr = (f"{c.name} >= 0 or {c.name} is null", f"{c.name} >= 0 OR {c.name} IS NULL")
            t.constraints[ck] = ("check", [c.name], expr)
            mig = f"alter table {t.name} add constraint {ck} check ({expr[0]})"
            sa_ = not_sqlite(f"op.create_check_constraint({pyq(ck)}, {pyq(t.name)}, {pyq(expr[1])})")
        else:
            strs = [c for c in free if c.type.kind == "string" and c.type.a <= 190 and t.nrows == 0]
            if not strs:
                return None
            c = self.r.choice(strs)
            ck = f"uq_{t.name}_{self.uid()}"
            t.constraints[ck] = ("unique", [c.name], None)
            mig = f"alter table {t.name} add constraint {ck} unique ({c.name})"
            sa_ = not_sqlite(f"op.create_unique_constraint({pyq(ck)}, {pyq(t.name)}, [{pyq(c.name)}])")
        kind = "check" if ck.startswith("ck_") else "unique"
        return ([mig], [sa_], [f"alter table {t.name} drop constraint {ck}"],
                [not_sqlite(f"op.drop_constraint({pyq(ck)}, {pyq(t.name)}, type_={kind!r})")], {t.name})

    def op_drop_constraint(self, exclude):
        t = self.pick_table(exclude, lambda t: any(v[0] != "fk" for v in t.constraints.values()))
        if t is None:
            return None
        ck = self.r.choice(sorted(k for k, v in t.constraints.items() if v[0] != "fk"))
        kind, cols, expr = t.constraints.pop(ck)
        c = cols[0]
        if kind == "check":
            mig_d = f"alter table {t.name} add constraint {ck} check ({expr[0]})"
            sa_d = not_sqlite(f"op.create_check_constraint({pyq(ck)}, {pyq(t.name)}, {pyq(expr[1])})")
        else:
            mig_d = f"alter table {t.name} add constraint {ck} unique ({c})"
            sa_d = not_sqlite(f"op.create_unique_constraint({pyq(ck)}, {pyq(t.name)}, [{pyq(c)}])")
        return ([f"alter table {t.name} drop constraint {ck}"],
                [not_sqlite(f"op.drop_constraint({pyq(ck)}, {pyq(t.name)}, type_={kind!r})")], [mig_d], [sa_d], {t.name})

    def op_rename_table(self, exclude):
        t = self.pick_table(exclude, lambda t: t.refs_in == 0 and
                            not any(v[0] == "fk" for v in t.constraints.values()))
        if t is None:
            return None
        old = t.name
        new = f"t{self.uid()}_{self.word()}"
        del self.tables[old]
        t.name = new
        self.tables[new] = t
        return ([f"alter table {old} rename to {new}"], [f"op.rename_table({pyq(old)}, {pyq(new)})"],
                [f"alter table {new} rename to {old}"], [f"op.rename_table({pyq(new)}, {pyq(old)})"], {old, new})

    def insert_cols(self, t):
        return [c for c in t.cols.values() if c.name != "id" and c.type.literal_ok()
                and not (c.name.endswith("_id") or "_ref" in c.name)]

    def op_insert(self, exclude):
        t = self.pick_table(exclude)
        if t is None:
            return None
        cols = self.insert_cols(t)
        rows, markers = [], []
        for _ in range(self.r.randint(1, 3)):
            self.row_counter += 1
            m = f"row-{self.row_counter}"
            markers.append(m)
            uniq = t.unique_cols()
            rows.append([(q(m), pyq(m))] + [self.value(c.type, c.name in uniq)
                                            for c in cols if c.name != "name"])
        names = ["name"] + [c.name for c in cols if c.name != "name"]
        typed = {c.name: c for c in t.cols.values()}
        mig = (f"insert into {t.name} ({', '.join(names)}) values\n    " +
               ",\n    ".join("(" + ", ".join(v[0] for v in row) + ")" for row in rows))
        sa_tab = (f"sa.table({pyq(t.name)}, " +
                  ", ".join(f"sa.column({pyq(n)}, {typed[n].type.sa()})" for n in names) + ")")
        sa_rows = ", ".join("{" + ", ".join(f"{pyq(n)}: {v[1]}" for n, v in zip(names, row)) + "}"
                            for row in rows)
        sa_ = f"op.bulk_insert({sa_tab}, [{sa_rows}], multiinsert=False)"
        t.nrows += len(rows)
        inlist = ", ".join(q(m) for m in markers)
        mig_d = f"delete from {t.name} where name in ({inlist})"
        sa_d = (f"op.execute(sa.table({pyq(t.name)}, sa.column('name', sa.String(100))).delete()"
                f".where(sa.column('name').in_({markers!r})))")
        return [mig], [sa_], [mig_d], [sa_d], {t.name}

    def op_update(self, exclude):
        cands = lambda t: [c for c in self.insert_cols(t) if c.name != "name" and c.name not in t.unique_cols()]
        t = self.pick_table(exclude, cands)
        if t is None:
            return None
        c = self.r.choice(cands(t))
        v, v2 = self.value(c.type), self.value(c.type)
        if self.r.random() < 0.5 and self.row_counter:
            m = f"row-{self.r.randint(1, self.row_counter)}"
            where_m, where_p = f"name = {q(m)}", f"tab.c.name == {pyq(m)}"
        else:
            where_m, where_p = f"name like 'row-1%' and {c.name} is not null", \
                f"sa.and_(tab.c.name.like('row-1%'), tab.c.{c.name}.isnot(None))"
        tab = f"tab = sa.table({pyq(t.name)}, sa.column('name', sa.String(100)), sa.column({pyq(c.name)}, {c.type.sa()}))"
        mig = f"update {t.name} set {c.name} = {v[0]} where {where_m}"
        sa_ = f"{tab}\nop.execute(tab.update().where({where_p}).values({{{pyq(c.name)}: {v[1]}}}))"
        mig_d = f"update {t.name} set {c.name} = {v2[0]} where {where_m}"
        sa_d = f"{tab}\nop.execute(tab.update().where({where_p}).values({{{pyq(c.name)}: {v2[1]}}}))"
        return [mig], [sa_], [mig_d], [sa_d], {t.name}

    OPS = [("create_table", 10), ("add_column", 14), ("add_fk", 5), ("alter_type", 7),
           ("rename_column", 7), ("drop_column", 6), ("nullability", 5), ("default", 5),
           ("create_index", 9), ("drop_index", 3), ("add_constraint", 4), ("drop_constraint", 2),
           ("rename_table", 2), ("insert", 14), ("update", 8)]

    def revision_ops(self, exclude):
        """One to three operations; returns (mig_up, sa_up, mig_down, sa_down, touched)."""
        ups, saups, downs, sadowns, touched = [], [], [], [], set()
        want = self.r.choice([1, 1, 2, 2, 3])
        tries = 0
        while len(ups) < want and tries < 50:
            tries += 1
            if len(self.tables) < 3 + len(exclude):
                name = "create_table"
            else:
                names, weights = zip(*self.OPS)
                name = self.r.choices(names, weights)[0]
            res = getattr(self, "op_" + name)(exclude)
            if res is None:
                continue
            mu, su, md, sd, tt = res
            ups += mu
            saups += su
            downs = md + downs
            sadowns = sd + sadowns
            touched |= tt
        return ups, saups, downs, sadowns, touched


# ---------------------------------------------------------------- output
def write_project(out, n, shape, seed, plain=False):
    g = Gen(seed, plain)
    rid = random.Random(seed * 7919 + 1)
    if os.path.exists(out):
        shutil.rmtree(out)
    vdir = os.path.join(out, "versions")
    adir = os.path.join(out, "alembic", "versions")
    os.makedirs(vdir)
    os.makedirs(adir)
    with open(os.path.join(out, "retort.yaml"), "w") as f:
        f.write("versions: [versions]\ndialect: postgresql\n")
    with open(os.path.join(out, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = %(here)s/alembic\n")
    with open(os.path.join(out, "alembic", "env.py"), "w") as f:
        f.write(ENV_PY)

    used = set()

    def new_id():
        while True:
            s = "%012x" % rid.getrandbits(48)
            if s not in used:
                used.add(s)
                return s

    head = None
    parent = first = None  # the branchy shape: the branch point, and its first child
    touched_first = set()
    heads = set()
    for i in range(n):
        rev = new_id()
        exclude = set()
        k = (i - 1) % 3 if shape == "branchy" and i > 0 else -1
        if k == 0:          # first child of the branch point
            parent, down = head, head
        elif k == 1:        # second child of the same branch point
            down, exclude = parent, touched_first
        elif k == 2:        # the merge of the two
            down = (first, second)
        else:
            down = head
        ups, saups, downs, sadowns, touched = g.revision_ops(exclude)
        if k == 0:
            first, touched_first = rev, touched
        elif k == 1:
            second = rev
        else:
            head = rev
        msg = f"step {i + 1}: " + (ups[0].split("\n")[0][:50] if ups else "noop")
        write_mig(vdir, i, rev, down, msg, ups, downs)
        write_py(adir, i, rev, down, msg, saups, sadowns)
        heads.discard(down if isinstance(down, str) else None)
        if isinstance(down, tuple):
            heads.difference_update(down)
        heads.add(rev)
    # the runner checks `retort heads` and the scripts against these
    with open(os.path.join(out, "bench-heads.txt"), "w") as f:
        f.write("\n".join(sorted(heads)) + "\n")


def slug(msg):
    return "".join(ch if ch.isalnum() else "_" for ch in msg.lower())[:30].strip("_")


def write_mig(vdir, i, rev, down, msg, ups, downs):
    if down is None:
        d = "none"
    elif isinstance(down, tuple):
        d = "(" + ", ".join(down) + ")"
    else:
        d = down
    body = [f"-- generated by bench/gen.py", f"revision {rev};", f"down_revision {d};",
            f"message {q(msg)};", "", "upgrade {"]
    body += ["    " + s.replace("\n", "\n    ") + ";" for s in ups]
    body += ["}", "", "downgrade {"]
    body += ["    " + s.replace("\n", "\n    ") + ";" for s in downs]
    body += ["}", ""]
    with open(os.path.join(vdir, f"{i:06d}_{rev}_{slug(msg)}.mig"), "w") as f:
        f.write("\n".join(body))


def write_py(adir, i, rev, down, msg, ups, downs):
    d = repr(down)  # None, 'rev', or ('rev1', 'rev2') for a merge
    body = [f'"""{msg.replace(chr(92), "/")}\n\nRevision ID: {rev}\nRevises: {down}\n"""',
            "import decimal", "", "from alembic import op", "import sqlalchemy as sa", "",
            f"revision = {rev!r}", f"down_revision = {d}", "branch_labels = None",
            "depends_on = None", "", "", "def upgrade():"]
    body += ["    " + s.replace("\n", "\n    ") for s in ups] or ["    pass"]
    body += ["", "", "def downgrade():"]
    body += ["    " + s.replace("\n", "\n    ") for s in downs] or ["    pass"]
    with open(os.path.join(adir, f"{rev}_{slug(msg)}.py"), "w") as f:
        f.write("\n".join(body) + "\n")


ENV_PY = '''"""Offline-only env.py for the benchmark: the dialect comes from -x dialect=."""
from alembic import context

dialect = context.get_x_argument(as_dictionary=True).get("dialect", "postgresql")

if not context.is_offline_mode():
    raise SystemExit("this benchmark project runs offline only (--sql)")

context.configure(dialect_name=dialect, literal_binds=True,
                  transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--revisions", "-n", type=int, required=True)
    ap.add_argument("--shape", choices=["linear", "branchy"], default="linear")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--plain-strings", action="store_true",
                    help="no awkward strings: for replaying Alembic's output on a live server "
                         "(its offline literals double %% and backslashes on PostgreSQL)")
    a = ap.parse_args()
    if a.revisions < 1:
        sys.exit("--revisions must be at least 1")
    write_project(a.out, a.revisions, a.shape, a.seed, a.plain_strings)


if __name__ == "__main__":
    main()
