// create / drop / rename table, comments.
#include "compiler/replay/replayer_impl.hpp"

namespace retort::replay {

bool Replayer::Impl::lower(const ast::CreateTable& ct, const ast::Statement& st) {
    const std::string& name = ct.table.text;
    if (const schema::Table* existing = state.table(name)) {
        if (ct.if_not_exists) {
            // Runs as a no-op on the database; nothing to invert.
            if (full) emit(plan::CreateTable{state.table_ref(name), true}, st.span);
            return true;
        }
        diag->error(DiagCode::duplicate_object, ct.table.span, "table \"{}\" already exists", name)
            .note(existing->declared_at, "table \"{}\" declared here", name);
        return false;
    }
    bool ok = check_identifier(name, ct.table.span, "table");
    schema::Table work;
    work.name = name;
    work.declared_at = ct.table.span;
    for (const auto& def : ct.columns) {
        if (const schema::Column* dup = work.column(def.name.text)) {
            diag->error(DiagCode::duplicate_object, def.name.span, "column \"{}\" already exists in table \"{}\"",
                        def.name.text, name)
                .note(dup->declared_at, "column \"{}\" declared here", def.name.text);
            ok = false;
            continue;
        }
        schema::Column column;
        if (!make_column(def, column)) {
            column.invalid = true;
            ok = false;
        }
        work.columns.push_back(std::move(column));
    }
    // Keys and checks first, foreign keys last: a foreign key may point at a
    // key of this very table declared further down.
    for (int pass = 0; pass < 2; ++pass) {
        bool fks = pass == 1;
        for (const auto& def : ct.columns)
            if (work.column(def.name.text)) ok = column_constraints(work, def, nullptr, fks) && ok;
        for (const auto& tc : ct.constraints) {
            if ((tc.kind == ast::ConstraintKind::foreign_key) != fks) continue;
            schema::Constraint c;
            bool generated = false;
            constraint_from_ast(work, tc, c, generated);
            ok = add_constraint(work, std::move(c), tc.span, generated) && ok;
        }
    }
    ok = check_autoincrement(work, ct.table.span) && ok;
    // After a mistake the table is declared all the same, with what could be
    // declared, so that later statements on it do not fail too; it becomes a
    // plan step only without mistakes.
    record(statement_at(ast::DropTable{name_at(name, ct.table.span), false}, st.span, st.only));
    work.rows = schema::RowState::none;
    work.rows_at = ct.table.span;
    work.rows_revision = revision;
    schema::TableRef created = add_table(std::move(work));
    if (ok && full) emit(plan::CreateTable{std::move(created), ct.if_not_exists}, st.span);
    return ok;
}

bool Replayer::Impl::lower(const ast::DropTable& dt, const ast::Statement& st) {
    const schema::Table* table = state.table(dt.table.text);
    if (!table) {
        if (dt.if_exists) {
            schema::Table missing;
            missing.name = dt.table.text;
            if (full) emit(plan::DropTable{schema::share(std::move(missing)), true}, st.span);
            return true;
        }
        find_table(dt.table);
        return false;
    }
    if (auto it = state.inbound_fks.find(table->name); it != state.inbound_fks.end()) {
        for (const auto& [other, fk] : it->second) {
            if (other == table->name) continue;
            diag->error(DiagCode::object_in_use, dt.table.span,
                        "cannot drop table \"{}\": foreign key \"{}\" of table \"{}\" references it", table->name, fk,
                        other)
                .note(state.table(other)->constraint(fk)->declared_at, "foreign key \"{}\" declared here", fk);
            return false;
        }
    }
    if (inverse) {
        if (options.downgrade_warnings)
            diag->warning(DiagCode::data_not_restored, dt.table.span,
                          "downgrade auto recreates table \"{}\" but not the rows it held", table->name);
        record(to_create_table(*table, st.span, st.only));
        for (const auto& ix : table->indexes) record(to_create_index(ix, st.span, st.only));
        if (table->comment) {
            ast::CommentOnTable c{name_at(table->name, st.span), ast::StringValue{*table->comment, st.span}};
            record(statement_at(std::move(c), st.span, st.only));
        }
    }
    schema::TableRef gone = remove_table(dt.table.text);
    if (full) emit(plan::DropTable{std::move(gone), dt.if_exists}, st.span);
    return true;
}

bool Replayer::Impl::lower(const ast::RenameTable& rt, const ast::Statement& st) {
    const schema::Table* table = find_table(rt.from);
    if (!table) return false;
    if (const schema::Table* taken = state.table(rt.to.text)) {
        diag->error(DiagCode::duplicate_object, rt.to.span, "cannot rename table \"{}\" to \"{}\": table \"{}\" already exists",
                    rt.from.text, rt.to.text, rt.to.text)
            .note(taken->declared_at, "table \"{}\" declared here", rt.to.text);
        return false;
    }
    // A name that is too long is reported, and the table renamed all the same.
    bool ok = check_identifier(rt.to.text, rt.to.span, "table");
    schema::TableRef before = state.table_ref(table->name);
    record(statement_at(ast::RenameTable{name_at(rt.to.text, rt.to.span), name_at(rt.from.text, rt.from.span)},
                        st.span, st.only));
    schema::TableRef after = rename_table(rt.from.text, rt.to.text);
    if (ok && full) emit(plan::RenameTable{std::move(before), std::move(after)}, st.span);
    return ok;
}

bool Replayer::Impl::lower(const ast::CommentOnTable& ct, const ast::Statement& st) {
    const schema::Table* table = find_table(ct.table);
    if (!table) return false;
    std::optional<ast::StringValue> old;
    if (table->comment) old = ast::StringValue{*table->comment, st.span};
    record(statement_at(ast::CommentOnTable{name_at(table->name, ct.table.span), old}, st.span, st.only));
    schema::TableRef before = state.table_ref(table->name);
    schema::Table work = *before;
    if (ct.comment)
        work.comment = ct.comment->text;
    else
        work.comment.reset();
    schema::TableRef after = replace_table(std::move(work));
    if (full) emit(plan::CommentOnTable{std::move(before), std::move(after)}, st.span);
    return true;
}

bool Replayer::Impl::lower(const ast::CommentOnColumn& cc, const ast::Statement& st) {
    const schema::Table* table = find_table(cc.table);
    if (!table) return false;
    const schema::Column* column = find_column(*table, cc.column);
    if (!column) return false;
    std::optional<ast::StringValue> old;
    if (column->comment) old = ast::StringValue{*column->comment, st.span};
    record(statement_at(ast::CommentOnColumn{name_at(table->name, cc.table.span), name_at(column->name, cc.column.span), old},
                        st.span, st.only));
    schema::TableRef before = state.table_ref(table->name);
    schema::Table work = *before;
    schema::Column* c = work.column(column->name);
    if (cc.comment)
        c->comment = cc.comment->text;
    else
        c->comment.reset();
    std::string column_name = c->name;
    schema::TableRef after = replace_table(std::move(work));
    if (full) emit(plan::CommentOnColumn{std::move(before), std::move(after), std::move(column_name)}, st.span);
    return true;
}

}  // namespace retort::replay
