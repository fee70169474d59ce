// The Alembic operations (op.X and batch_op.X) and the .mig they become.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "driver/import/mig_text.hpp"
#include "driver/import/translator.hpp"

namespace retort::driver::import {

namespace {

// The arguments of op.X(table, ...) and of batch_op.X(...), which has no table.
struct OpArgs {
    const Value& call;
    const std::string* batch;  // the batch's table, or null
    std::size_t table_pos;     // where op.X takes the table

    const Value* get(std::size_t i, const char* name) const {
        if (!batch || i < table_pos) return call.arg(i, name);
        if (i == table_pos) return nullptr;
        return call.arg(i - 1, name);
    }
};

struct Op {
    Translator& t;
    const Value& call;
    unsigned only;
    Problem problem;

    bool fail(const Value* at, std::string what, std::string instead = {}) {
        t.refuse(Problem{at ? at->span : call.span, std::move(what), std::move(instead)}, only);
        return true;
    }
    bool fail_problem() {
        t.refuse(problem, only);
        return true;
    }
    // A string argument; reports and returns nullopt when it is something else.
    std::optional<std::string> text(const Value* v, const char* what) {
        if (v && v->is(ValueKind::string)) return v->text;
        fail(v, fmt::format("{} given as {}", what, v ? describe(*v) : "nothing"), "write it as a string");
        return std::nullopt;
    }
    std::optional<std::string> table(const OpArgs& a, const char* keyword) {
        if (a.batch) return *a.batch;
        return text(a.get(a.table_pos, keyword), "the table name");
    }
    bool plain_schema() {
        for (const char* k : {"schema", "source_schema", "referent_schema"})
            if (const Value* s = call.keyword(k); s && !s->is(ValueKind::none)) {
                fail(s, "a table in another schema (schema=...)", "retort's tables live in the default schema");
                return false;
            }
        return true;
    }
    bool flag(const char* name) {
        const Value* v = call.keyword(name);
        return v && v->is(ValueKind::boolean) && v->flag;
    }
    void enum_before(const MigType& type) {
        if (auto decl = declare_enum(type, t.state())) {
            t.emit(*decl, only);
            t.note_enum_declared(type.enum_decl->name);
        }
    }
    void warn_near(const MigType& type, SourceSpan span) {
        if (!type.warning.empty()) t.warn(span, type.warning);
    }
};

std::optional<std::string> sql_text(const Value* v) {
    if (!v) return std::nullopt;
    if (v->is(ValueKind::string)) return v->text;
    if (v->is_call_of("sqlalchemy.text") && v->items.size() == 1 && v->items[0].is(ValueKind::string) &&
        v->keywords.empty())
        return v->items[0].text;
    return std::nullopt;
}

bool create_table(Op& o) {
    OpArgs a{o.call, nullptr, 0};
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    TablePieces pieces;
    std::vector<ColumnDef> columns;
    for (std::size_t i = 1; i < o.call.items.size(); ++i)
        if (!read_table_item(*table, o.call.items[i], pieces, columns, o.t.state(), o.problem)) return o.fail_problem();
    std::vector<const ColumnDef*> flagged;
    for (const ColumnDef& c : columns)
        if (c.primary_key) flagged.push_back(&c);
    std::vector<std::string> pk = pieces.primary_key;
    if (flagged.size() > 1) {
        for (ColumnDef& c : columns) {
            if (c.primary_key) pk.push_back(c.name);
            c.primary_key = false;
        }
        pieces.elements.insert(pieces.elements.begin(), "primary key (" + join_names(pk) + ")");
    } else if (flagged.size() == 1) {
        pk = {flagged[0]->name};
    }
    std::string serial;
    if (pk.size() == 1)
        for (const ColumnDef& c : columns)
            if (c.name == pk[0] && c.type.integer && !c.is_foreign_key && c.autoincrement.value_or(true)) {
                serial = c.name;
                if (c.type.text != "integer")
                    o.t.warn(o.call.span, fmt::format("the {} primary key {}.{}: SQLAlchemy declares it {} on SQLite, "
                                                      "not the rowid, so it does not autoincrement there; retort "
                                                      "makes it INTEGER PRIMARY KEY (the rowid)",
                                                      c.type.text, *table, c.name,
                                                      c.type.text == "bigint" ? "BIGINT" : "SMALLINT"));
            }
    std::vector<std::string> elements;
    for (const ColumnDef& c : columns) {
        o.enum_before(c.type);
        o.warn_near(c.type, o.call.span);
        elements.push_back(render_column(c, c.name == serial));
        if (c.index)
            pieces.after.push_back(render_index("ix_" + *table + "_" + c.name, *table, {c.name}, c.unique, false, ""));
        o.t.state().columns[*table][c.name] = c.type;
    }
    elements.insert(elements.end(), pieces.elements.begin(), pieces.elements.end());
    std::string body;
    for (const std::string& e : elements) body += (body.empty() ? "" : ",") + ("\n\x01    " + e);
    std::string if_not = o.flag("if_not_exists") ? "if not exists " : "";
    o.t.emit_checked(fmt::format("create table {}{} ({}\n\x01);", if_not, mig_name(*table), body), o.call.span, o.only);
    for (const std::string& s : pieces.after) o.t.emit_checked(s, o.call.span, o.only);
    if (const Value* comment = o.call.keyword("comment"); comment && comment->is(ValueKind::string))
        o.t.emit(fmt::format("comment on table {} is {};", mig_name(*table), mig_string(comment->text)), o.only);
    // The engine, charset and collation come from retort.yaml (mysql.md); others are said.
    static const std::set<std::string> settled = {"mysql_engine", "mysql_default_charset", "mysql_collate",
                                                  "mysql_charset", "mariadb_engine", "mariadb_default_charset",
                                                  "mariadb_collate"};
    for (const Keyword& k : o.call.keywords)
        if ((k.name.rfind("mysql_", 0) == 0 || k.name.rfind("mariadb_", 0) == 0) && !settled.count(k.name))
            o.t.warn(k.value->span, fmt::format("{}= is left out: retort.yaml's mysql: settings apply to every table",
                                                k.name));
    return true;
}

bool drop_table(Op& o) {
    OpArgs a{o.call, nullptr, 0};
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    o.t.state().columns.erase(*table);
    o.t.emit(fmt::format("drop table {};", mig_name(*table)), o.only);
    return true;
}

bool rename_table(Op& o) {
    auto from = o.text(o.call.arg(0, "old_table_name"), "the table name");
    auto to = from ? o.text(o.call.arg(1, "new_table_name"), "the new table name") : std::nullopt;
    if (!to || !o.plain_schema()) return true;
    auto& cols = o.t.state().columns;
    if (auto it = cols.find(*from); it != cols.end()) {
        cols[*to] = it->second;
        cols.erase(*from);
    }
    o.t.emit(fmt::format("alter table {} rename to {};", mig_name(*from), mig_name(*to)), o.only);
    return true;
}

bool add_column(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 0};
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    const Value* column = a.get(1, "column");
    if (!column) return o.fail(nullptr, "add_column without its sa.Column");
    auto c = read_column(*column, o.t.state(), o.problem);
    if (!c) return o.fail_problem();
    if (c->primary_key) return o.fail(column, "a primary-key column added to an existing table",
                                      "add the column, then create_primary_key");
    o.enum_before(c->type);
    o.warn_near(c->type, column->span);
    o.t.state().columns[*table][c->name] = c->type;
    o.t.emit_checked(fmt::format("alter table {} add column {};", mig_name(*table), render_column(*c, false)),
                     o.call.span, o.only);
    if (c->index)
        o.t.emit_checked(render_index("ix_" + *table + "_" + c->name, *table, {c->name}, c->unique, false, ""),
                         o.call.span, o.only);
    return true;
}

bool drop_column(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 0};
    auto table = o.table(a, "table_name");
    auto column = table ? o.text(a.get(1, "column_name"), "the column name") : std::nullopt;
    if (!column || !o.plain_schema()) return true;
    o.t.state().columns[*table].erase(*column);
    o.t.emit(fmt::format("alter table {} drop column {};", mig_name(*table), mig_name(*column)), o.only);
    return true;
}

bool alter_column(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 0};
    auto table = o.table(a, "table_name");
    auto column = table ? o.text(a.get(1, "column_name"), "the column name") : std::nullopt;
    if (!column || !o.plain_schema()) return true;
    std::vector<std::string> actions;
    std::string prefix = "alter column " + mig_name(*column) + " ";
    const MigType* type = nullptr;
    auto& known = o.t.state().columns[*table];
    if (auto it = known.find(*column); it != known.end()) type = &it->second;
    std::optional<MigType> existing;
    if (const Value* e = o.call.keyword("existing_type")) {
        TypeError error;
        existing = mig_type(*e, error);
        if (existing && !type) type = &*existing;
    }
    std::vector<std::string> before;
    if (const Value* new_type = o.call.keyword("type_"); new_type && !new_type->is(ValueKind::none)) {
        TypeError error;
        auto t = mig_type(*new_type, error);
        if (t && t->enum_decl && t->enum_decl->name.empty()) {
            t.reset();
            error.message = "a mysql.ENUM without name='...' as the new type";
        }
        if (!t) {
            o.t.refuse(Problem{new_type->span, error.message, "the type table is in docs/import.md", true}, o.only);
            return true;
        }
        if (auto decl = declare_enum(*t, o.t.state())) {
            before.push_back(*decl);
            o.t.note_enum_declared(t->enum_decl->name);
        }
        o.warn_near(*t, new_type->span);
        actions.push_back(prefix + "type " + t->text);
        known[*column] = *t;
        type = &known[*column];
    }
    if (const Value* n = o.call.keyword("nullable"); n && n->is(ValueKind::boolean))
        actions.push_back(prefix + (n->flag ? "drop not null" : "set not null"));
    if (const Value* d = o.call.keyword("server_default"); d && !(d->is(ValueKind::boolean) && !d->flag)) {
        if (d->is(ValueKind::none)) actions.push_back(prefix + "drop default");
        else {
            auto expr = default_expression(*d, type, o.problem, &o.t.state().warnings);
            if (!expr) return o.fail_problem();
            actions.push_back(prefix + "set default " + *expr);
        }
    }
    if (const Value* u = o.call.keyword("postgresql_using"))
        o.t.warn(u->span, "postgresql_using= is left out: retort writes the USING cast a type change needs");
    if (const Value* ai = o.call.keyword("autoincrement"); ai && !ai->is(ValueKind::none))
        return o.fail(ai, "alter_column(autoincrement=...)", "write `alter column c set autoincrement` by hand");
    std::optional<std::string> comment;
    if (const Value* c = o.call.keyword("comment"); c && !(c->is(ValueKind::boolean) && !c->flag))
        comment = c->is(ValueKind::string) ? mig_string(c->text) : std::string("null");
    std::string name = *column;
    if (const Value* rename = o.call.keyword("new_column_name"); rename && !rename->is(ValueKind::none)) {
        auto to = o.text(rename, "new_column_name");
        if (!to) return true;
        actions.push_back("rename column " + mig_name(*column) + " to " + mig_name(*to));
        if (known.count(*column)) {
            MigType moved = known[*column];
            known.erase(*column);
            known[*to] = moved;
        }
        name = *to;
    }
    for (const std::string& s : before) o.t.emit(s, o.only);
    for (const std::string& act : actions)
        o.t.emit_checked(fmt::format("alter table {} {};", mig_name(*table), act), o.call.span, o.only);
    if (comment)
        o.t.emit(fmt::format("comment on column {}.{} is {};", mig_name(*table), mig_name(name), *comment), o.only);
    return true;
}

bool create_index(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 1};
    auto name = constraint_name(o.call.arg(0, "index_name"), o.problem);
    if (!name) return o.fail_problem();
    if (name->empty()) return o.fail(nullptr, "create_index without the index's name");
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    auto columns = name_list(a.get(2, "columns"), o.problem);
    if (!columns) return o.fail_problem();
    for (const char* k : {"mysql_length", "mysql_prefix", "postgresql_using", "postgresql_include", "postgresql_ops",
                          "mysql_using"})
        if (const Value* v = o.call.keyword(k))
            return o.fail(v, fmt::format("create_index({}=...)", k),
                          "retort's indexes are plain B-tree indexes on whole columns; write it with `execute` in an "
                          "`only` block");
    std::string where;
    for (const char* k : {"postgresql_where", "sqlite_where"})
        if (const Value* w = o.call.keyword(k)) {
            auto sql = sql_text(w);
            if (!sql) return o.fail(w, fmt::format("{}= that is not SQL text", k), "write it as sa.text('...')");
            where = mig_sql_expression(*sql);
        }
    auto& dropped = o.t.state().uniques_dropped_as_index[*table];
    if (dropped.count(*name) && where.empty()) {
        o.t.warn(o.call.span, fmt::format("create_index of {}, the unique constraint an upgrade dropped with "
                                          "drop_index (autogenerate on MySQL reflects unique constraints as "
                                          "indexes, unique=False): imported as the unique constraint; Alembic's "
                                          "downgrade makes a plain index",
                                          *name));
        dropped.erase(*name);
        o.t.state().unique_constraints[*table].insert(*name);
        o.t.emit_checked(fmt::format("alter table {} add constraint {} unique ({});", mig_name(*table),
                                     mig_name(*name), join_names(*columns)),
                         o.call.span, o.only);
        return true;
    }
    o.t.emit_checked(render_index(*name, *table, *columns, o.flag("unique"), o.flag("postgresql_concurrently"), where),
                     o.call.span, o.only);
    o.t.state().indexes[*table].insert(*name);
    return true;
}

bool drop_index(Op& o) {
    Problem p;
    auto name = constraint_name(o.call.arg(0, "index_name"), p);
    if (!name || name->empty()) return o.fail(o.call.arg(0, "index_name"), "drop_index without the index's name");
    // MySQL reflects a unique constraint as a unique index: autogenerate drops it with drop_index.
    if (const Value* t = o.call.keyword("table_name"); t && t->is(ValueKind::string)) {
        auto& uniques = o.t.state().unique_constraints[t->text];
        if (uniques.count(*name)) {
            o.t.warn(o.call.span, fmt::format("drop_index of the unique constraint {} (MySQL reflects it as an "
                                              "index): dropped as the constraint",
                                              *name));
            uniques.erase(*name);
            o.t.state().uniques_dropped_as_index[t->text].insert(*name);
            o.t.emit(fmt::format("alter table {} drop constraint {};", mig_name(t->text), mig_name(*name)), o.only);
            return true;
        }
    }
    o.t.emit(fmt::format("drop index {}{};", o.flag("postgresql_concurrently") ? "concurrently " : "", mig_name(*name)),
             o.only);
    return true;
}

bool create_foreign_key(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 1};
    auto name = constraint_name(o.call.arg(0, "constraint_name"), o.problem);
    if (!name) return o.fail_problem();
    auto source = o.table(a, "source_table");
    auto referent = source ? o.text(a.get(2, "referent_table"), "the referenced table") : std::nullopt;
    if (!referent || !o.plain_schema()) return true;
    auto local = name_list(a.get(3, "local_cols"), o.problem);
    auto remote = local ? name_list(a.get(4, "remote_cols"), o.problem) : std::nullopt;
    if (!remote) return o.fail_problem();
    auto actions = fk_actions(o.call, o.problem);
    if (!actions) return o.fail_problem();
    for (const char* k : {"deferrable", "initially", "match"})
        if (const Value* v = o.call.keyword(k); v && !v->is(ValueKind::none))
            return o.fail(v, fmt::format("create_foreign_key({}=...)", k));
    std::string named = name->empty() ? "" : "constraint " + mig_name(*name) + " ";
    o.t.emit_checked(fmt::format("alter table {} add {}foreign key ({}) references {} ({}){};", mig_name(*source), named,
                                 join_names(*local), mig_name(*referent), join_names(*remote), *actions),
                     o.call.span, o.only);
    return true;
}

// create_unique_constraint, create_primary_key: (name, table, columns)
bool create_keyed(Op& o, const std::string* batch, const char* what) {
    OpArgs a{o.call, batch, 1};
    auto name = constraint_name(o.call.arg(0, "constraint_name"), o.problem);
    if (!name) return o.fail_problem();
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    auto columns = name_list(a.get(2, "columns"), o.problem);
    if (!columns) return o.fail_problem();
    std::string named = name->empty() ? "" : "constraint " + mig_name(*name) + " ";
    o.t.emit_checked(fmt::format("alter table {} add {}{} ({});", mig_name(*table), named, what, join_names(*columns)),
                     o.call.span, o.only);
    if (std::string(what) == "unique" && !name->empty()) o.t.state().unique_constraints[*table].insert(*name);
    return true;
}

bool create_check_constraint(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 1};
    auto name = constraint_name(o.call.arg(0, "constraint_name"), o.problem);
    if (!name) return o.fail_problem();
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    const Value* condition = a.get(2, "condition");
    auto sql = sql_text(condition);
    if (!sql) return o.fail(condition, "a check condition that is not SQL text", "write it as a string");
    std::string named = name->empty() ? "" : "constraint " + mig_name(*name) + " ";
    o.t.emit_checked(fmt::format("alter table {} add {}check ({});", mig_name(*table), named, mig_sql_expression(*sql)),
                     o.call.span, o.only);
    return true;
}

bool drop_constraint(Op& o, const std::string* batch) {
    OpArgs a{o.call, batch, 1};
    auto name = constraint_name(o.call.arg(0, "constraint_name"), o.problem);
    if (!name) return o.fail_problem();
    if (name->empty())
        return o.fail(&o.call, "drop_constraint without a name",
                      "name the constraint, or write `drop foreign key (cols)` / `drop unique (cols)`");
    auto table = o.table(a, "table_name");
    if (!table || !o.plain_schema()) return true;
    const Value* type = o.call.keyword("type_");
    if (type && type->is(ValueKind::string) && type->text == "unique" &&
        !o.t.state().unique_constraints[*table].count(*name) && o.t.state().indexes[*table].count(*name)) {
        o.t.warn(o.call.span, fmt::format("drop_constraint of {}, which this history made as an index (on MySQL "
                                          "the two are one): dropped as the index",
                                          *name));
        o.t.state().indexes[*table].erase(*name);
        o.t.emit(fmt::format("drop index {};", mig_name(*name)), o.only);
        return true;
    }
    o.t.emit(fmt::format("alter table {} drop constraint {};", mig_name(*table), mig_name(*name)), o.only);
    o.t.state().unique_constraints[*table].erase(*name);
    return true;
}

// The table of a bulk_insert: sa.table('t', sa.column('c'), ...), sa.Table, or op.create_table's result.
bool bulk_table(const Value& v, std::string& name, std::vector<std::string>& columns) {
    bool table_fn = v.is_call_of("sqlalchemy.table") || v.is_call_of("sqlalchemy.Table") ||
                    v.is_call_of("alembic.op.create_table");
    if (!table_fn || v.items.empty() || !v.items[0].is(ValueKind::string)) return false;
    name = v.items[0].text;
    for (std::size_t i = 1; i < v.items.size(); ++i) {
        const Value& c = v.items[i];
        if ((c.is_call_of("sqlalchemy.column") || c.is_call_of("sqlalchemy.Column")) && !c.items.empty() &&
            c.items[0].is(ValueKind::string))
            columns.push_back(c.items[0].text);
    }
    return true;
}

bool bulk_insert(Op& o) {
    const Value* table = o.call.arg(0, "table");
    std::string name;
    std::vector<std::string> columns;
    if (!table || !bulk_table(*table, name, columns))
        return o.fail(table, "a bulk_insert into " + (table ? describe(*table) : std::string("nothing")),
                      "give it sa.table('name', sa.column('c'), ...)");
    const Value* rows = o.call.arg(1, "rows");
    if (!rows || !rows->is(ValueKind::list))
        return o.fail(rows, "bulk_insert rows that are not a literal list", "write the rows out as a list of dicts");
    // Rows with the same keys share one insert, in the order they come.
    std::vector<std::string> keys;
    std::vector<std::string> values;
    auto flush = [&] {
        if (values.empty()) return;
        std::string body;
        for (const std::string& v : values) body += (body.empty() ? "\n\x01    " : ",\n\x01    ") + v;
        o.t.emit_checked(fmt::format("insert into {} ({}) values{};", mig_name(name), join_names(keys), body),
                         o.call.span, o.only);
        values.clear();
    };
    for (const Value& row : rows->items) {
        if (!row.is(ValueKind::dict)) return o.fail(&row, "a bulk_insert row that is not a literal dict");
        std::vector<std::string> row_keys;
        for (const std::string& c : columns)
            for (const Value& k : row.items)
                if (k.is(ValueKind::string) && k.text == c) row_keys.push_back(c);
        if (row_keys.size() != row.items.size())
            return o.fail(&row, "a bulk_insert row with a key that is not a column of its sa.table");
        if (row_keys != keys) {
            flush();
            keys = row_keys;
        }
        std::string tuple;
        for (const std::string& k : keys)
            for (std::size_t i = 0; i < row.items.size(); ++i)
                if (row.items[i].text == k) {
                    auto lit = literal(row.values[i], o.problem);
                    if (!lit) return o.fail_problem();
                    tuple += (tuple.empty() ? "" : ", ") + *lit;
                }
        values.push_back("(" + tuple + ")");
    }
    flush();
    return true;
}

bool execute(Op& o) {
    const Value* sql = o.call.arg(0, "sqltext");
    auto text = sql_text(sql);
    if (!text)
        return o.fail(sql, "op.execute of " + (sql ? describe(*sql) : std::string("nothing")),
                      "write the SQL as a string, or the change as insert/update/delete statements");
    o.t.emit("execute " + mig_raw(*text) + ";", o.only);
    return true;
}

bool enum_type(Op& o, bool create) {
    TypeError error;
    auto type = mig_type(*o.call.receiver, error);
    if (!type || !type->enum_decl) return false;
    const std::string& name = type->enum_decl->name;
    if (create) {
        MigType t = *type;
        t.enum_decl->create = true;
        if (auto decl = declare_enum(t, o.t.state())) o.t.emit(*decl, o.only);
    } else if (o.t.state().enums.count(name)) {
        o.t.note_enum_dropped(name);
        o.t.emit("drop type " + mig_name(name) + ";", o.only);
    }
    return true;
}

bool table_comment(Op& o, bool drop) {
    auto table = o.text(o.call.arg(0, "table_name"), "the table name");
    if (!table) return true;
    std::string value = "null";
    if (!drop) {
        auto c = o.text(o.call.arg(1, "comment"), "the comment");
        if (!c) return true;
        value = mig_string(*c);
    }
    o.t.emit(fmt::format("comment on table {} is {};", mig_name(*table), value), o.only);
    return true;
}

}  // namespace

bool translate_op(Translator& t, const std::string& op, const Value& call, const std::string* batch, unsigned only) {
    Op o{t, call, only, {}};
    using Fn = std::function<bool(Op&, const std::string*)>;
    static const std::map<std::string, Fn> ops = {
        {"create_table", [](Op& o, const std::string* b) { return !b && create_table(o); }},
        {"drop_table", [](Op& o, const std::string* b) { return !b && drop_table(o); }},
        {"rename_table", [](Op& o, const std::string* b) { return !b && rename_table(o); }},
        {"add_column", add_column},
        {"drop_column", drop_column},
        {"alter_column", alter_column},
        {"create_index", create_index},
        {"drop_index", [](Op& o, const std::string*) { return drop_index(o); }},
        {"create_foreign_key", create_foreign_key},
        {"create_unique_constraint", [](Op& o, const std::string* b) { return create_keyed(o, b, "unique"); }},
        {"create_primary_key", [](Op& o, const std::string* b) { return create_keyed(o, b, "primary key"); }},
        {"create_check_constraint", create_check_constraint},
        {"drop_constraint", drop_constraint},
        {"bulk_insert", [](Op& o, const std::string* b) { return !b && bulk_insert(o); }},
        {"execute", [](Op& o, const std::string*) { return execute(o); }},
        {"create_enum", [](Op& o, const std::string*) { return enum_type(o, true); }},
        {"drop_enum", [](Op& o, const std::string*) { return enum_type(o, false); }},
        {"create_table_comment", [](Op& o, const std::string* b) { return !b && table_comment(o, false); }},
        {"drop_table_comment", [](Op& o, const std::string* b) { return !b && table_comment(o, true); }},
    };
    auto it = ops.find(op);
    return it != ops.end() && it->second(o, batch);
}

}  // namespace retort::driver::import
