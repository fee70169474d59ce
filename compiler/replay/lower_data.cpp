// insert / update / delete / execute: checked against the state; they change
// only what the model knows of the rows (rows.cpp), and their steps hold the
// table as it was before them.
#include <algorithm>

#include "compiler/replay/literal_check.hpp"
#include "compiler/replay/replayer_impl.hpp"

namespace retort::replay {

namespace {
// A column declared with a mistake (schema::Column::invalid) takes any
// literal: its type or default was reported already.
bool literal_for_invalid(const sql::ExprRef& value, const schema::Column& column) {
    return column.invalid && value && literal_of(*value);
}
}  // namespace

bool Replayer::Impl::lower(const ast::Insert& in, const ast::Statement& st) {
    not_invertible(st, "the rows it inserts are data, not schema");
    const schema::Table* table = find_table(in.table);
    if (!table) return false;
    bool ok = true;
    std::vector<const schema::Column*> columns;
    std::vector<std::string> names;
    if (in.columns.empty()) {
        for (const auto& c : table->columns) {
            columns.push_back(&c);
            names.push_back(c.name);
        }
    } else {
        for (const auto& n : in.columns) {
            const schema::Column* c = find_column(*table, n);
            if (!c) {
                ok = false;
                continue;
            }
            if (std::find(names.begin(), names.end(), c->name) != names.end()) {
                diag->error(DiagCode::data_mismatch, n.span, "column \"{}\" is listed twice", c->name);
                ok = false;
                continue;
            }
            columns.push_back(c);
            names.push_back(c->name);
        }
        for (const auto& c : table->columns) {
            if (c.nullable || c.default_value || c.autoincrement) continue;
            if (std::find(names.begin(), names.end(), c.name) != names.end()) continue;
            if (std::any_of(in.columns.begin(), in.columns.end(), [&](const auto& n) { return n.text == c.name; }))
                continue;
            diag->error(DiagCode::data_mismatch, in.table.span,
                        "insert into \"{}\" leaves out column \"{}\", which is NOT NULL and has no default", table->name,
                        c.name)
                .note(c.declared_at, "column \"{}\" declared here", c.name);
            ok = false;
        }
    }
    if (!ok) return false;
    if (in.query) {
        if (!check_insert_select(*in.query, columns, *table)) return false;
        if (full) emit(plan::Insert{state.table_ref(table->name), names, {}, in.query}, st.span);
        // The select may give no rows, and its values are not known.
        if (rows_of(*table) != schema::RowState::some || std::any_of(names.begin(), names.end(), [&](const auto& n) {
                return table->column(n)->stored;
            })) {
            schema::Table copy = *table;
            if (rows_of(copy) != schema::RowState::some) copy.rows = schema::RowState::unknown;
            forget_values(copy, names);
            replace_table(std::move(copy));
        }
        return true;
    }
    std::size_t row_number = 0;
    for (const auto& row : in.rows) {
        ++row_number;
        if (row.size() != columns.size()) {
            SourceSpan at = !row.empty() && row.front() && row.front()->span.valid() ? row.front()->span : in.table.span;
            diag->error(DiagCode::data_mismatch, at, "row {} has {} value{} for {} column{}", row_number, row.size(),
                        row.size() == 1 ? "" : "s", columns.size(), columns.size() == 1 ? "" : "s");
            ok = false;
            continue;
        }
        for (std::size_t i = 0; i < row.size(); ++i)
            if (!literal_for_invalid(row[i], *columns[i])) ok = check_value(row[i], *columns[i], *table) && ok;
    }
    if (!ok) return false;
    if (full) emit(plan::Insert{state.table_ref(table->name), names, in.rows}, st.span);
    if (!in.rows.empty()) {
        schema::Table copy = *table;
        note_insert(copy, names, in.rows, in.table.span);
        replace_table(std::move(copy));
    }
    return true;
}

bool Replayer::Impl::check_insert_select(const sql::Select& query, const std::vector<const schema::Column*>& columns,
                                         const schema::Table& table) {
    if (query.items.size() != columns.size()) {
        diag->error(DiagCode::data_mismatch, query.span, "the select gives {} value{} for {} column{}",
                    query.items.size(), query.items.size() == 1 ? "" : "s", columns.size(),
                    columns.size() == 1 ? "" : "s");
        return false;
    }
    // The table inserted into is not visible to the select unless it is its FROM.
    bool ok = check_select(query, nullptr, "the select", false);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (literal_of(*query.items[i]) && !literal_for_invalid(query.items[i], *columns[i]))
            ok = check_value(query.items[i], *columns[i], table) && ok;
    return ok;
}

bool Replayer::Impl::lower(const ast::Update& up, const ast::Statement& st) {
    not_invertible(st, "the values it overwrites are data, not schema");
    const schema::Table* table = find_table(up.table);
    if (!table) return false;
    const ReadScope scope{{{table->name, table}}, nullptr};
    bool ok = true;
    std::vector<plan::Assignment> assignments;
    for (const auto& a : up.assignments) {
        const schema::Column* c = find_column(*table, a.column);
        if (!c) {
            ok = false;
            continue;
        }
        if (!literal_for_invalid(a.value, *c)) ok = check_data_value(a.value, *c, *table, scope) && ok;
        assignments.push_back({c->name, a.value});
    }
    if (up.where) ok = check_read_expr(up.where, scope, "the where clause") && ok;
    if (!ok) return false;
    std::vector<std::string> changed;
    for (const auto& a : assignments)
        if (table->column(a.column)->stored) changed.push_back(a.column);
    if (full) emit(plan::Update{state.table_ref(table->name), std::move(assignments), up.where}, st.span);
    // The values it writes are not followed: the columns it sets are unknown.
    if (!changed.empty()) {
        schema::Table copy = *table;
        forget_values(copy, changed);
        replace_table(std::move(copy));
    }
    return true;
}

bool Replayer::Impl::lower(const ast::Delete& del, const ast::Statement& st) {
    not_invertible(st, "the rows it deletes are data, not schema");
    const schema::Table* table = find_table(del.table);
    if (!table) return false;
    const ReadScope scope{{{table->name, table}}, nullptr};
    if (del.where && !check_read_expr(del.where, scope, "the where clause")) return false;
    if (full) emit(plan::Delete{state.table_ref(table->name), del.where}, st.span);
    const bool known = rows_of(*table) != schema::RowState::unknown ||
                       std::any_of(table->columns.begin(), table->columns.end(), [](const auto& c) { return c.stored; });
    if (del.where && !known) return true;
    schema::Table copy = *table;
    if (!del.where) {
        note_emptied(copy, st.span);
    } else {
        // It may delete every row, or just those whose values were known.
        if (rows_of(copy) == schema::RowState::some) copy.rows = schema::RowState::unknown;
        forget_values(copy, {});
    }
    replace_table(std::move(copy));
    return true;
}

bool Replayer::Impl::lower(const ast::Execute& ex, const ast::Statement& st) {
    not_invertible(st, "its SQL is opaque to retort");
    if (full) emit(plan::Execute{ex.sql.text}, st.span);
    // Opaque SQL may change the rows of any table: nothing is known after it.
    std::vector<std::string> known;
    for (const auto& [name, t] : state.tables) {
        bool values = std::any_of(t->columns.begin(), t->columns.end(), [](const auto& c) { return c.stored; });
        if (values || rows_of(*t) != schema::RowState::unknown) known.push_back(name);
    }
    for (const auto& name : known) {
        schema::Table copy = *state.table(name);
        copy.rows = schema::RowState::unknown;
        forget_values(copy, {});
        replace_table(std::move(copy));
    }
    return true;
}

}  // namespace retort::replay
