// alter table: its actions apply in order to a working copy of the table,
// which is published (replacing the table) only when every action succeeded.
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
}

ast::AlterAction action_at(decltype(ast::AlterAction::node) node, SourceSpan span) {
    return ast::AlterAction{std::move(node), span};
}

}  // namespace

bool Replayer::Impl::lower(const ast::AlterTable& alter, const ast::Statement& st) {
    const schema::Table* table = find_table(alter.table);
    if (!table) return false;
    // `before` is the published table itself; `work` is the one copy made.
    schema::TableRef before = state.table_ref(table->name);
    schema::Table work = *before;
    bool ok = true;
    std::vector<plan::AlterAction> actions;
    std::vector<std::vector<ast::AlterAction>> inverse_pieces;
    std::vector<std::pair<std::string, std::string>> renamed;
    const bool recording = inverse != nullptr;
    auto name = [&](const std::string& text, SourceSpan span) { return name_at(text, span); };

    for (const ast::AlterAction& action : alter.actions) {
        std::vector<ast::AlterAction> undo;  // in execution order
        SourceSpan at = action.span;
        auto column_of = [&](const ast::Name& n) -> schema::Column* {
            if (!find_column(work, n)) return nullptr;
            return work.column(n.text);
        };
        bool action_ok = std::visit(
            [&](const auto& a) -> bool {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, ast::AddColumn>) {
                    const ast::ColumnDef& def = a.column;
                    if (const schema::Column* dup = work.column(def.name.text)) {
                        diag->error(DiagCode::duplicate_object, def.name.span,
                                    "column \"{}\" already exists in table \"{}\"", def.name.text, work.name)
                            .note(dup->declared_at, "column \"{}\" declared here", def.name.text);
                        return false;
                    }
                    schema::Column column;
                    if (!make_column(def, column)) return false;
                    if (!column.nullable && !column.default_value && !column.autoincrement &&
                        !created_here.count(work.name))
                        diag->warning(DiagCode::lint_not_null_without_default, def.name.span,
                                      "adding NOT NULL column {} without a default fails if table \"{}\" has rows",
                                      qualified(work, column.name), work.name);
                    work.columns.push_back(column);
                    std::vector<schema::Constraint> added;
                    bool good = column_constraints(work, def, &added, false);
                    good = column_constraints(work, def, &added, true) && good;
                    good = check_autoincrement(work, def.name.span) && good;
                    if (!good) return false;
                    actions.push_back({plan::AddColumn{*work.column(column.name)}, at});
                    for (const auto& c : added) actions.push_back({plan::AddConstraint{c}, at});
                    for (auto it = added.rbegin(); it != added.rend(); ++it)
                        undo.push_back(action_at(ast::DropConstraint{name(it->name, at)}, at));
                    undo.push_back(action_at(ast::DropColumn{name(column.name, at)}, at));
                    return true;
                } else if constexpr (std::is_same_v<T, ast::DropColumn>) {
                    schema::Column* column = column_of(a.column);
                    if (!column) return false;
                    if (column_in_use(work, column->name, a.column.span, "drop")) return false;
                    if (work.columns.size() == 1) {
                        diag->error(DiagCode::invalid_definition, a.column.span,
                                    "cannot drop column {}: it is the last column of the table; drop the table instead",
                                    qualified(work, column->name));
                        return false;
                    }
                    schema::Column gone = *column;
                    work.columns.erase(work.columns.begin() + (column - work.columns.data()));
                    if (recording) {
                        diag->warning(DiagCode::data_not_restored, a.column.span,
                                      "downgrade auto recreates column {} but not the values it held",
                                      qualified(work, gone.name));
                        undo.push_back(action_at(ast::AddColumn{to_column_def(gone, at)}, at));
                    }
                    actions.push_back({plan::DropColumn{std::move(gone)}, at});
                    return true;
                } else if constexpr (std::is_same_v<T, ast::RenameColumn>) {
                    schema::Column* column = column_of(a.from);
                    if (!column) return false;
                    if (const schema::Column* taken = work.column(a.to.text)) {
                        diag->error(DiagCode::duplicate_object, a.to.span,
                                    "cannot rename column {} to \"{}\": column \"{}\" already exists",
                                    qualified(work, a.from.text), a.to.text, a.to.text)
                            .note(taken->declared_at, "column \"{}\" declared here", a.to.text);
                        return false;
                    }
                    if (!check_identifier(a.to.text, a.to.span, "column")) return false;
                    schema::Column from = *column;
                    rename_in_table(work, a.from.text, a.to.text);
                    renamed.emplace_back(a.from.text, a.to.text);
                    actions.push_back({plan::RenameColumn{from, *work.column(a.to.text)}, at});
                    undo.push_back(action_at(ast::RenameColumn{name(a.to.text, at), name(a.from.text, at)}, at));
                    return true;
                } else if constexpr (std::is_same_v<T, ast::AlterColumnType>) {
                    schema::Column* column = column_of(a.column);
                    if (!column) return false;
                    SourceSpan type_at = a.type_span.valid() ? a.type_span : at;
                    if (!check_type(a.type, type_at)) return false;
                    schema::Column to = *column;
                    to.type = a.type;
                    bool good = true;
                    if (to.autoincrement && !sql::is_integer(to.type.kind)) {
                        diag->error(DiagCode::invalid_definition, type_at,
                                    "column {} is autoincrement; its type must stay an integer type",
                                    qualified(work, to.name));
                        good = false;
                    }
                    if (to.default_value && !check_default(to.default_value, to, type_at)) good = false;
                    for (const auto& c : work.constraints) {
                        if (c.kind != schema::ConstraintKind::foreign_key) continue;
                        auto pos = std::find(c.columns.begin(), c.columns.end(), to.name);
                        if (pos == c.columns.end()) continue;
                        const schema::Table* target = c.ref_table == work.name ? &work : state.table(c.ref_table);
                        const schema::Column* theirs =
                            target ? target->column(c.ref_columns[pos - c.columns.begin()]) : nullptr;
                        if (theirs && !fk_compatible(to.type, theirs->type)) {
                            diag->error(DiagCode::foreign_key_mismatch, type_at,
                                        "column {} cannot become {}: foreign key \"{}\" references {} ({})",
                                        qualified(work, to.name), sql::to_mig(to.type), c.name,
                                        qualified(*target, theirs->name), sql::to_mig(theirs->type))
                                .note(c.declared_at, "foreign key \"{}\" declared here", c.name);
                            good = false;
                        }
                    }
                    if (auto it = state.inbound_fks.find(work.name); it != state.inbound_fks.end())
                        for (const auto& [other, fk_name] : it->second) {
                            const schema::Table* t = other == work.name ? &work : state.table(other);
                            const schema::Constraint* fk = t->constraint(fk_name);
                            if (!fk) continue;
                            auto pos = std::find(fk->ref_columns.begin(), fk->ref_columns.end(), to.name);
                            if (pos == fk->ref_columns.end()) continue;
                            const schema::Column* theirs = t->column(fk->columns[pos - fk->ref_columns.begin()]);
                            if (theirs && !fk_compatible(to.type, theirs->type)) {
                                diag->error(DiagCode::foreign_key_mismatch, type_at,
                                            "column {} cannot become {}: foreign key \"{}\" of {} ({}) references it",
                                            qualified(work, to.name), sql::to_mig(to.type), fk_name,
                                            qualified(*t, theirs->name), sql::to_mig(theirs->type))
                                    .note(fk->declared_at, "foreign key \"{}\" declared here", fk_name);
                                good = false;
                            }
                        }
                    if (!good) return false;
                    schema::Column from = *column;
                    *column = to;
                    actions.push_back({plan::AlterColumn{from, to}, at});
                    undo.push_back(action_at(ast::AlterColumnType{name(to.name, at), from.type, at}, at));
                    return true;
                } else if constexpr (std::is_same_v<T, ast::SetNotNull> || std::is_same_v<T, ast::DropNotNull>) {
                    constexpr bool set = std::is_same_v<T, ast::SetNotNull>;
                    schema::Column* column = column_of(a.column);
                    if (!column) return false;
                    if (!set) {
                        const schema::Constraint* pk = work.primary_key();
                        if (pk && std::find(pk->columns.begin(), pk->columns.end(), column->name) != pk->columns.end()) {
                            diag->error(DiagCode::invalid_definition, a.column.span,
                                        "column {} is part of the primary key and cannot allow null",
                                        qualified(work, column->name))
                                .note(pk->declared_at, "primary key \"{}\" declared here", pk->name);
                            return false;
                        }
                    }
                    schema::Column from = *column;
                    column->nullable = !set;
                    actions.push_back({plan::AlterColumn{from, *column}, at});
                    if (from.nullable != column->nullable) {
                        if (set)
                            undo.push_back(action_at(ast::DropNotNull{name(column->name, at)}, at));
                        else
                            undo.push_back(action_at(ast::SetNotNull{name(column->name, at)}, at));
                    }
                    return true;
                } else if constexpr (std::is_same_v<T, ast::SetDefault> || std::is_same_v<T, ast::DropDefault>) {
                    schema::Column* column = column_of(a.column);
                    if (!column) return false;
                    schema::Column to = *column;
                    if constexpr (std::is_same_v<T, ast::SetDefault>) {
                        to.default_value = a.value;
                        if (!check_default(to.default_value, to, at)) return false;
                    } else {
                        to.default_value = nullptr;
                    }
                    schema::Column from = *column;
                    *column = to;
                    actions.push_back({plan::AlterColumn{from, to}, at});
                    if (from.default_value && !sql::same(from.default_value, to.default_value))
                        undo.push_back(action_at(ast::SetDefault{name(to.name, at), from.default_value}, at));
                    else if (!from.default_value && to.default_value)
                        undo.push_back(action_at(ast::DropDefault{name(to.name, at)}, at));
                    return true;
                } else if constexpr (std::is_same_v<T, ast::AddConstraint>) {
                    schema::Constraint c;
                    bool generated = false;
                    constraint_from_ast(work, a.constraint, c, generated);
                    std::vector<std::string> were_nullable;
                    if (c.kind == schema::ConstraintKind::primary_key)
                        for (const auto& col : c.columns)
                            if (const schema::Column* k = work.column(col); k && k->nullable) were_nullable.push_back(col);
                    std::string cname = c.name;
                    if (!add_constraint(work, std::move(c), at, generated)) return false;
                    actions.push_back({plan::AddConstraint{*work.constraint(cname)}, at});
                    undo.push_back(action_at(ast::DropConstraint{name(cname, at)}, at));
                    for (const auto& col : were_nullable) undo.push_back(action_at(ast::DropNotNull{name(col, at)}, at));
                    return true;
                } else if constexpr (std::is_same_v<T, ast::DropConstraint>) {
                    const schema::Constraint* c = work.constraint(a.name.text);
                    if (!c) {
                        diag->error(DiagCode::unknown_object, a.name.span, "table \"{}\" has no constraint \"{}\"",
                                    work.name, a.name.text)
                            .note(work.declared_at, "table \"{}\" declared here", work.name);
                        return false;
                    }
                    if (c->kind == schema::ConstraintKind::primary_key || c->kind == schema::ConstraintKind::unique)
                        if (auto it = state.inbound_fks.find(work.name); it != state.inbound_fks.end())
                            for (const auto& [other, fk_name] : it->second) {
                                const schema::Table* t = other == work.name ? &work : state.table(other);
                                const schema::Constraint* fk = t->constraint(fk_name);
                                if (fk && same_set(fk->ref_columns, c->columns)) {
                                    diag->error(DiagCode::object_in_use, a.name.span,
                                                "cannot drop constraint \"{}\": foreign key \"{}\" of table \"{}\" "
                                                "references its columns",
                                                c->name, fk_name, other)
                                        .note(fk->declared_at, "foreign key \"{}\" declared here; drop it first", fk_name);
                                    return false;
                                }
                            }
                    schema::Constraint gone = *c;
                    work.constraints.erase(work.constraints.begin() + (c - work.constraints.data()));
                    undo.push_back(action_at(ast::AddConstraint{to_table_constraint(gone, at)}, at));
                    actions.push_back({plan::DropConstraint{std::move(gone)}, at});
                    return true;
                }
            },
            action.node);
        if (!action_ok) ok = false;
        inverse_pieces.push_back(std::move(undo));
    }
    if (!ok) return false;

    if (recording) {
        ast::AlterTable undo_table;
        undo_table.table = name_at(work.name, alter.table.span);
        for (auto it = inverse_pieces.rbegin(); it != inverse_pieces.rend(); ++it)
            for (auto& piece : *it) undo_table.actions.push_back(std::move(piece));
        if (!undo_table.actions.empty()) record(statement_at(std::move(undo_table), st.span, st.only));
    }
    std::string table_name = work.name;
    schema::TableRef after = replace_table(std::move(work));
    // Foreign keys of other tables follow a renamed column.
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
    if (full) emit(plan::AlterTable{std::move(before), std::move(after), std::move(actions)}, st.span);
    return true;
}

}  // namespace retort::replay
