// alter table: its actions apply in order to a working copy of the table,
// one handler per action kind (a new kind without a handler does not build).
// The copy is published when every action succeeded and, after a mistake,
// with what the actions could declare, so that later statements on the table
// do not report follow-on errors; only a statement without mistakes becomes
// a plan step.
#include <algorithm>

#include "compiler/replay/replayer_impl.hpp"
#include "compiler/sql/expr_walk.hpp"

namespace retort::replay {

namespace {

void rename_in_table(schema::Table& t, const std::string& from, const std::string& to) {
    for (auto& col : t.columns)
        if (col.name == from) col.name = to;
    for (auto& c : t.constraints) {
        std::replace(c.columns.begin(), c.columns.end(), from, to);
        if (c.check) c.check = sql::rename_column_refs(c.check, from, to);
        if (c.kind == schema::ConstraintKind::foreign_key && c.ref_table == t.name)
            std::replace(c.ref_columns.begin(), c.ref_columns.end(), from, to);
    }
    for (auto& ix : t.indexes) {
        for (auto& ic : ix.columns)
            if (ic.column == from) ic.column = to;
        if (ix.where) ix.where = sql::rename_column_refs(ix.where, from, to);
    }
    for (auto& ix : t.fk_indexes) std::replace(ix.columns.begin(), ix.columns.end(), from, to);
}

ast::AlterAction action_at(decltype(ast::AlterAction::node) node, SourceSpan span) {
    return ast::AlterAction{std::move(node), span};
}

void undo(AlterWork& w, decltype(ast::AlterAction::node) node) { w.undo.push_back(action_at(std::move(node), w.at)); }

ast::Name name(const std::string& text, const AlterWork& w) { return name_at(text, w.at); }

}  // namespace

bool Replayer::Impl::lower(const ast::AlterTable& alter_table, const ast::Statement& st) {
    const schema::Table* table = find_table(alter_table.table);
    if (!table) return false;
    // `before` is the published table itself; `w.work` is the one copy made.
    schema::TableRef before = state.table_ref(table->name);
    AlterWork w;
    w.work = *before;
    bool ok = true;
    std::vector<std::vector<ast::AlterAction>> inverse_pieces;
    for (const ast::AlterAction& action : alter_table.actions) {
        w.at = action.span;
        w.undo.clear();
        ok = std::visit([&](const auto& a) { return alter(a, w); }, action.node) && ok;
        inverse_pieces.push_back(std::move(w.undo));
    }
    if (inverse && ok) {
        ast::AlterTable undo_table;
        undo_table.table = name_at(w.work.name, alter_table.table.span);
        for (auto it = inverse_pieces.rbegin(); it != inverse_pieces.rend(); ++it)
            for (auto& piece : *it) undo_table.actions.push_back(std::move(piece));
        if (!undo_table.actions.empty()) record(statement_at(std::move(undo_table), st.span, st.only));
    }
    std::string table_name = w.work.name;
    schema::TableRef after = replace_table(std::move(w.work));
    follow_renamed_columns(table_name, w.renamed);
    if (ok && full) emit(plan::AlterTable{std::move(before), std::move(after), std::move(w.actions)}, st.span);
    return ok;
}

// Foreign keys of other tables follow a renamed column.
void Replayer::Impl::follow_renamed_columns(const std::string& table_name,
                                            const std::vector<std::pair<std::string, std::string>>& renamed) {
    for (const auto& [from, to] : renamed) {
        auto it = state.inbound_fks.find(table_name);
        if (it == state.inbound_fks.end()) break;
        std::vector<std::pair<std::string, std::string>> refs(it->second.begin(), it->second.end());
        for (const auto& [other, fk_name] : refs) {
            if (other == table_name) continue;
            const schema::Table* current = state.table(other);
            const schema::Constraint* seen = nullptr;
            for (const auto& c : current->constraints)
                if (c.name == fk_name) seen = &c;
            if (!seen || std::find(seen->ref_columns.begin(), seen->ref_columns.end(), from) == seen->ref_columns.end())
                continue;
            schema::Table copy = *current;
            schema::Constraint* fk = &copy.constraints[seen - current->constraints.data()];
            std::replace(fk->ref_columns.begin(), fk->ref_columns.end(), from, to);
            replace_table(std::move(copy));
        }
    }
}

bool Replayer::Impl::alter(const ast::AddColumn& a, AlterWork& w) {
    const ast::ColumnDef& def = a.column;
    schema::Table& work = w.work;
    if (const schema::Column* dup = work.column(def.name.text)) {
        diag->error(DiagCode::duplicate_object, def.name.span, "column \"{}\" already exists in table \"{}\"",
                    def.name.text, work.name)
            .note(dup->declared_at, "column \"{}\" declared here", def.name.text);
        return false;
    }
    schema::Column column;
    if (!make_column(def, column)) {
        // Declared all the same (marked invalid), without its constraints.
        column.invalid = true;
        work.columns.push_back(std::move(column));
        return false;
    }
    bool good = check_add_not_null(work, column, def.name.span);
    note_added_column(work, column, w.at);
    work.columns.push_back(column);
    std::vector<schema::Constraint> added;
    good = column_constraints(work, def, &added, false) && good;
    good = column_constraints(work, def, &added, true) && good;
    good = check_autoincrement(work, def.name.span) && good;
    if (!good) return false;
    w.actions.push_back({plan::AddColumn{*work.column(column.name)}, w.at});
    for (const auto& c : added) w.actions.push_back({plan::AddConstraint{c}, w.at});
    for (auto it = added.rbegin(); it != added.rend(); ++it) undo(w, ast::DropConstraint{name(it->name, w)});
    undo(w, ast::DropColumn{name(column.name, w)});
    return true;
}

bool Replayer::Impl::alter(const ast::DropColumn& a, AlterWork& w) {
    schema::Table& work = w.work;
    if (!find_column(work, a.column)) return false;
    schema::Column* column = work.column(a.column.text);
    if (column_in_use(work, column->name, a.column.span, "drop")) return false;
    if (work.columns.size() == 1) {
        diag->error(DiagCode::invalid_definition, a.column.span,
                    "cannot drop column {}: it is the last column of the table; drop the table instead",
                    qualified(work, column->name));
        return false;
    }
    schema::Column gone = *column;
    work.columns.erase(work.columns.begin() + (column - work.columns.data()));
    if (inverse) {
        if (options.downgrade_warnings)
            diag->warning(DiagCode::data_not_restored, a.column.span,
                          "downgrade auto recreates column {} but not the values it held", qualified(work, gone.name));
        schema::Column back = gone;
        const schema::Constraint* pk = work.primary_key();
        if (!pk || std::find(pk->columns.begin(), pk->columns.end(), gone.name) == pk->columns.end())
            back.autoincrement = false;  // the key is gone already: see DropConstraint
        undo(w, ast::AddColumn{to_column_def(back, w.at)});
    }
    w.actions.push_back({plan::DropColumn{std::move(gone)}, w.at});
    return true;
}

bool Replayer::Impl::alter(const ast::RenameColumn& a, AlterWork& w) {
    schema::Table& work = w.work;
    if (!find_column(work, a.from)) return false;
    if (const schema::Column* taken = work.column(a.to.text)) {
        diag->error(DiagCode::duplicate_object, a.to.span,
                    "cannot rename column {} to \"{}\": column \"{}\" already exists", qualified(work, a.from.text),
                    a.to.text, a.to.text)
            .note(taken->declared_at, "column \"{}\" declared here", a.to.text);
        return false;
    }
    // A name that is too long is reported, and the column renamed all the same.
    bool good = check_identifier(a.to.text, a.to.span, "column");
    schema::Column from = *work.column(a.from.text);
    rename_in_table(work, a.from.text, a.to.text);
    w.renamed.emplace_back(a.from.text, a.to.text);
    if (!good) return false;
    w.actions.push_back({plan::RenameColumn{from, *work.column(a.to.text)}, w.at});
    undo(w, ast::RenameColumn{name(a.to.text, w), name(a.from.text, w)});
    return true;
}

// The foreign keys of `work` from column `to`, and those of other tables to
// it, must still fit its new type.
bool Replayer::Impl::fk_types_fit(const schema::Column& to, const schema::Table& work, SourceSpan at) {
    bool good = true;
    for (const auto& c : work.constraints) {
        if (c.kind != schema::ConstraintKind::foreign_key) continue;
        auto pos = std::find(c.columns.begin(), c.columns.end(), to.name);
        if (pos == c.columns.end()) continue;
        const schema::Table* target = c.ref_table == work.name ? &work : state.table(c.ref_table);
        const schema::Column* theirs = target ? target->column(c.ref_columns[pos - c.columns.begin()]) : nullptr;
        if (theirs && !fk_compatible(to.type, theirs->type)) {
            diag->error(DiagCode::foreign_key_mismatch, at, "column {} cannot become {}: foreign key \"{}\" references {} ({})",
                        qualified(work, to.name), sql::to_mig(to.type), c.name, qualified(*target, theirs->name),
                        sql::to_mig(theirs->type))
                .note(c.declared_at, "foreign key \"{}\" declared here", c.name);
            good = false;
        }
    }
    auto it = state.inbound_fks.find(work.name);
    if (it == state.inbound_fks.end()) return good;
    for (const auto& [other, fk_name] : it->second) {
        const schema::Table* t = other == work.name ? &work : state.table(other);
        const schema::Constraint* fk = t->constraint(fk_name);
        if (!fk) continue;
        auto pos = std::find(fk->ref_columns.begin(), fk->ref_columns.end(), to.name);
        if (pos == fk->ref_columns.end()) continue;
        const schema::Column* theirs = t->column(fk->columns[pos - fk->ref_columns.begin()]);
        if (theirs && !fk_compatible(to.type, theirs->type)) {
            diag->error(DiagCode::foreign_key_mismatch, at,
                        "column {} cannot become {}: foreign key \"{}\" of {} ({}) references it", qualified(work, to.name),
                        sql::to_mig(to.type), fk_name, qualified(*t, theirs->name), sql::to_mig(theirs->type))
                .note(fk->declared_at, "foreign key \"{}\" declared here", fk_name);
            good = false;
        }
    }
    return good;
}

bool Replayer::Impl::alter(const ast::AlterColumnType& a, AlterWork& w) {
    schema::Table& work = w.work;
    if (!find_column(work, a.column)) return false;
    schema::Column* column = work.column(a.column.text);
    SourceSpan type_at = a.type_span.valid() ? a.type_span : w.at;
    schema::Column to = *column;
    to.type = a.type;
    bool good = check_type(a.type, type_at);
    if (good) {
        if (to.autoincrement && !sql::is_integer(to.type.kind)) {
            diag->error(DiagCode::invalid_definition, type_at,
                        "column {} is autoincrement; its type must stay an integer type", qualified(work, to.name));
            good = false;
        }
        if (to.default_value && !check_default(to.default_value, to, type_at)) good = false;
        good = fk_types_fit(to, work, type_at) && good;
        good = check_stored_fit(work, *column, a.type, w.at) && good;
    }
    schema::Column from = *column;
    // A mistake is reported once: the column takes the type all the same, marked invalid.
    if (!good) to.invalid = true;
    *column = to;
    if (!good) return false;
    w.actions.push_back({plan::AlterColumn{from, to}, w.at});
    undo(w, ast::AlterColumnType{name(to.name, w), from.type, w.at});
    return true;
}

bool Replayer::Impl::set_nullable(const ast::Name& name_of_column, bool nullable, AlterWork& w) {
    schema::Table& work = w.work;
    if (!find_column(work, name_of_column)) return false;
    schema::Column* column = work.column(name_of_column.text);
    const schema::Constraint* pk = work.primary_key();
    if (nullable && pk && std::find(pk->columns.begin(), pk->columns.end(), column->name) != pk->columns.end()) {
        diag->error(DiagCode::invalid_definition, name_of_column.span,
                    "column {} is part of the primary key and cannot allow null", qualified(work, column->name))
            .note(pk->declared_at, "primary key \"{}\" declared here", pk->name);
        return false;
    }
    if (!nullable && column->nullable && !check_stored_not_null(work, *column, w.at)) return false;
    schema::Column from = *column;
    column->nullable = nullable;
    w.actions.push_back({plan::AlterColumn{from, *column}, w.at});
    if (from.nullable == column->nullable) return true;
    if (nullable)
        undo(w, ast::SetNotNull{name(column->name, w)});
    else
        undo(w, ast::DropNotNull{name(column->name, w)});
    return true;
}

bool Replayer::Impl::alter(const ast::SetNotNull& a, AlterWork& w) { return set_nullable(a.column, false, w); }

bool Replayer::Impl::alter(const ast::DropNotNull& a, AlterWork& w) { return set_nullable(a.column, true, w); }

bool Replayer::Impl::alter(const ast::SetDefault& a, AlterWork& w) {
    if (!find_column(w.work, a.column)) return false;
    schema::Column* column = w.work.column(a.column.text);
    schema::Column from = *column;
    column->default_value = a.value;
    if (!check_default(column->default_value, *column, w.at)) {
        column->invalid = true;  // the default is kept; values are no longer checked against the column
        return false;
    }
    w.actions.push_back({plan::AlterColumn{from, *column}, w.at});
    if (from.default_value && !sql::same(from.default_value, column->default_value))
        undo(w, ast::SetDefault{name(column->name, w), from.default_value});
    else if (!from.default_value)
        undo(w, ast::DropDefault{name(column->name, w)});
    return true;
}

bool Replayer::Impl::alter(const ast::DropDefault& a, AlterWork& w) {
    if (!find_column(w.work, a.column)) return false;
    schema::Column* column = w.work.column(a.column.text);
    schema::Column from = *column;
    column->default_value = nullptr;
    w.actions.push_back({plan::AlterColumn{from, *column}, w.at});
    if (from.default_value) undo(w, ast::SetDefault{name(column->name, w), from.default_value});
    return true;
}

bool Replayer::Impl::set_autoincrement(const ast::Name& name_of_column, bool on, AlterWork& w) {
    schema::Table& work = w.work;
    if (!find_column(work, name_of_column)) return false;
    schema::Column* column = work.column(name_of_column.text);
    schema::Column from = *column;
    column->autoincrement = on;
    if (on && !check_autoincrement(work, name_of_column.span)) {
        column->autoincrement = false;
        return false;
    }
    if (from.autoincrement == on) return true;  // nothing changes: no step
    w.actions.push_back({plan::AlterColumn{from, *column}, w.at});
    if (on)
        undo(w, ast::DropAutoincrement{name(column->name, w)});
    else
        undo(w, ast::SetAutoincrement{name(column->name, w)});
    return true;
}

bool Replayer::Impl::alter(const ast::SetAutoincrement& a, AlterWork& w) { return set_autoincrement(a.column, true, w); }

bool Replayer::Impl::alter(const ast::DropAutoincrement& a, AlterWork& w) {
    return set_autoincrement(a.column, false, w);
}

bool Replayer::Impl::alter(const ast::AddConstraint& a, AlterWork& w) {
    schema::Table& work = w.work;
    schema::Constraint c;
    bool generated = false;
    constraint_from_ast(work, a.constraint, c, generated);
    std::vector<std::string> were_nullable;
    if (c.kind == schema::ConstraintKind::primary_key)
        for (const auto& col : c.columns)
            if (const schema::Column* k = work.column(col); k && k->nullable) were_nullable.push_back(col);
    bool good = true;
    for (const auto& col : were_nullable) good = check_stored_not_null(work, *work.column(col), w.at) && good;
    const bool keyed = c.kind == schema::ConstraintKind::primary_key || c.kind == schema::ConstraintKind::unique;
    if (good && keyed && c.columns.size() == 1 && work.column(c.columns[0]))
        good = check_stored_unique(work, c.columns[0], fmt::format("{} \"{}\"", kind_word(c.kind), c.name), w.at);
    if (!good) return false;
    std::string cname = c.name;
    if (!add_constraint(work, std::move(c), w.at, generated)) return false;
    w.actions.push_back({plan::AddConstraint{*work.constraint(cname)}, w.at});
    undo(w, ast::DropConstraint{name(cname, w)});
    for (const auto& col : were_nullable) undo(w, ast::DropNotNull{name(col, w)});
    return true;
}

const schema::Constraint* Replayer::Impl::constraint_to_drop(const schema::Table& work, const ast::DropConstraint& a) {
    if (!a.kind) {
        const schema::Constraint* c = work.constraint(a.name.text);
        if (c) return c;
        auto b = diag->error(DiagCode::unknown_object, a.name.span, "table \"{}\" has no constraint \"{}\"",
                             work.name, a.name.text);
        b.note(work.declared_at, "table \"{}\" declared here", work.name);
        // Engine names such as MariaDB's CONSTRAINT_1 keep their case; a plain
        // name is folded to lower case.
        for (const auto& k : work.constraints)
            if (!a.name.quoted && lower_ascii(k.name) == a.name.text)
                b.note(k.declared_at, "constraint \"{}\" keeps its case: write it quoted, \"{}\"", k.name, k.name);
        return nullptr;
    }
    schema::ConstraintKind kind = *a.kind == ast::ConstraintKind::primary_key ? schema::ConstraintKind::primary_key
                                  : *a.kind == ast::ConstraintKind::unique    ? schema::ConstraintKind::unique
                                                                              : schema::ConstraintKind::foreign_key;
    std::vector<std::string> columns;
    for (const auto& n : a.columns) columns.push_back(n.text);
    std::vector<const schema::Constraint*> found;
    for (const auto& c : work.constraints)
        if (c.kind == kind && (kind == schema::ConstraintKind::primary_key || c.columns == columns)) found.push_back(&c);
    if (found.size() == 1) return found.front();
    std::string on = kind == schema::ConstraintKind::primary_key ? "" : " on (" + join(columns) + ")";
    if (found.empty()) {
        diag->error(DiagCode::unknown_object, a.name.span, "table \"{}\" has no {}{}", work.name, kind_word(kind), on)
            .note(work.declared_at, "table \"{}\" declared here", work.name);
        return nullptr;
    }
    auto b = diag->error(DiagCode::ambiguous_constraint, a.name.span, "table \"{}\" has {} {}s{}: name the one to drop",
                         work.name, found.size(), kind_word(kind), on);
    for (const auto* c : found) b.note(c->declared_at, "`drop constraint {}` drops this one", c->name);
    return nullptr;
}

bool Replayer::Impl::alter(const ast::DropConstraint& a, AlterWork& w) {
    schema::Table& work = w.work;
    const schema::Constraint* c = constraint_to_drop(work, a);
    if (!c) return false;
    bool keyed = c->kind == schema::ConstraintKind::primary_key || c->kind == schema::ConstraintKind::unique;
    auto it = state.inbound_fks.find(work.name);
    if (keyed && it != state.inbound_fks.end())
        for (const auto& [other, fk_name] : it->second) {
            const schema::Table* t = other == work.name ? &work : state.table(other);
            const schema::Constraint* fk = t->constraint(fk_name);
            if (fk && same_set(fk->ref_columns, c->columns)) {
                diag->error(DiagCode::object_in_use, a.name.span,
                            "cannot drop constraint \"{}\": foreign key \"{}\" of table \"{}\" references its columns",
                            c->name, fk_name, other)
                    .note(fk->declared_at, "foreign key \"{}\" declared here; drop it first", fk_name);
                return false;
            }
        }
    schema::Constraint gone = *c;
    work.constraints.erase(work.constraints.begin() + (c - work.constraints.data()));
    undo(w, ast::AddConstraint{to_table_constraint(gone, w.at)});
    // An autoincrement key column dropped after its key comes back without
    // autoincrement (there is no key yet); it gets it again once the key is back.
    if (gone.kind == schema::ConstraintKind::primary_key)
        for (const auto& col : gone.columns)
            if (const schema::Column* k = work.column(col); k && k->autoincrement)
                undo(w, ast::SetAutoincrement{name(col, w)});
    w.actions.push_back({plan::DropConstraint{std::move(gone)}, w.at});
    return true;
}

}  // namespace retort::replay
