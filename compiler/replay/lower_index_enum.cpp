// create / drop index, enum types.
#include <algorithm>

#include "compiler/replay/naming.hpp"
#include "compiler/replay/replayer_impl.hpp"

namespace retort::replay {

bool Replayer::Impl::lower(const ast::CreateIndex& ci, const ast::Statement& st) {
    const schema::Table* table = find_table(ci.table);
    if (!table) return false;
    bool ok = true;
    schema::Index index;
    index.table = table->name;
    index.unique = ci.unique;
    index.where = ci.where;
    index.declared_at = ci.name ? ci.name->span : ci.table.span;
    std::vector<std::string> names;
    std::vector<schema::IndexColumn> known;  // the columns that exist, once each
    for (const auto& ic : ci.columns) {
        bool found = find_column(*table, ic.column);
        ok = found && ok;
        if (std::find(names.begin(), names.end(), ic.column.text) != names.end()) {
            diag->error(DiagCode::invalid_definition, ic.column.span, "column \"{}\" appears twice in the index",
                        ic.column.text);
            ok = false;
        } else if (found) {
            known.push_back({ic.column.text, ic.descending});
        }
        names.push_back(ic.column.text);
        index.columns.push_back({ic.column.text, ic.descending});
    }
    index.name = ci.name ? ci.name->text : index_name(table->name, names);
    ok = check_identifier(index.name, index.declared_at, "index", !ci.name) && ok;
    if (ci.where) ok = check_expr_columns(ci.where, *table, "the index predicate") && ok;
    if (auto owner = state.index_owner.find(index.name); owner != state.index_owner.end()) {
        const schema::Index* other = state.table(owner->second)->index(index.name);
        auto b = diag->error(DiagCode::duplicate_object, index.declared_at, "index \"{}\" already exists (on table \"{}\")",
                             index.name, owner->second);
        b.note(other->declared_at, "index \"{}\" declared here", index.name);
        if (!ci.name) b.note(index.declared_at, "the name comes from the naming convention; give this index a name");
        return false;  // the name stays the other index's
    }
    // After a mistake the index is declared all the same, on the columns that
    // exist, so that a later `drop index` finds it; only a correct one is a step.
    if (!ok) index.columns = std::move(known);
    if (ok && index.unique && !index.where && index.columns.size() == 1)
        ok = check_stored_unique(*table, index.columns[0].column, fmt::format("unique index \"{}\"", index.name),
                                 index.declared_at);
    record(statement_at(ast::DropIndex{name_at(index.name, index.declared_at), false, false}, st.span, st.only));
    schema::TableRef before = state.table_ref(table->name);
    schema::Table work = *table;
    work.indexes.push_back(index);
    schema::TableRef after = replace_table(std::move(work));  // and index_owner
    if (ok && full)
        emit(plan::CreateIndex{std::move(index), std::move(after), ci.concurrently, std::move(before)}, st.span);
    return ok;
}

bool Replayer::Impl::lower(const ast::DropIndex& di, const ast::Statement& st) {
    auto owner = state.index_owner.find(di.name.text);
    if (owner == state.index_owner.end()) {
        if (di.if_exists) {
            schema::Index missing;
            missing.name = di.name.text;
            if (full) emit(plan::DropIndex{std::move(missing), schema::share({}), di.concurrently, true}, st.span);
            return true;
        }
        diag->error(DiagCode::unknown_object, di.name.span, "unknown index \"{}\"", di.name.text);
        return false;
    }
    schema::TableRef before = state.table_ref(owner->second);
    schema::Table work = *before;
    auto pos = std::find_if(work.indexes.begin(), work.indexes.end(), [&](const auto& ix) { return ix.name == di.name.text; });
    schema::Index gone = std::move(*pos);
    record(to_create_index(gone, st.span, st.only));
    work.indexes.erase(pos);
    schema::TableRef after = replace_table(std::move(work));  // and index_owner
    if (full)
        emit(plan::DropIndex{std::move(gone), std::move(after), di.concurrently, di.if_exists, std::move(before)},
             st.span);
    return true;
}

namespace {
std::string quoted_values(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "'" : ", '") + v + "'";
    return out;
}
}  // namespace

bool Replayer::Impl::lower(const ast::CreateEnum& ce, const ast::Statement& st) {
    if (const schema::EnumType* existing = state.enum_type(ce.name.text)) {
        diag->error(DiagCode::duplicate_object, ce.name.span, "type \"{}\" already exists", ce.name.text)
            .note(existing->declared_at, "type \"{}\" declared here", ce.name.text);
        return false;
    }
    bool ok = check_identifier(ce.name.text, ce.name.span, "type");
    schema::EnumType type;
    type.name = ce.name.text;
    type.declared_at = ce.name.span;
    for (const auto& v : ce.values) {
        if (std::find(type.values.begin(), type.values.end(), v.text) != type.values.end()) {
            diag->error(DiagCode::duplicate_object, v.span, "value '{}' appears twice in enum \"{}\"", v.text, type.name);
            ok = false;
            continue;  // declared once, after a mistake
        }
        type.values.push_back(v.text);
    }
    record(statement_at(ast::DropEnum{name_at(type.name, ce.name.span), false}, st.span, st.only));
    touch_enum(type.name);
    if (ok && full) emit(plan::CreateEnum{type}, st.span);
    state.enums.insert_or_assign(type.name, std::move(type));
    return ok;
}

bool Replayer::Impl::lower(const ast::DropEnum& de, const ast::Statement& st) {
    const schema::EnumType* type = state.enum_type(de.name.text);
    if (!type) {
        if (de.if_exists) {
            schema::EnumType missing;
            missing.name = de.name.text;
            if (full) emit(plan::DropEnum{std::move(missing)}, st.span);
            return true;
        }
        diag->error(DiagCode::unknown_object, de.name.span, "unknown type \"{}\"", de.name.text);
        return false;
    }
    if (auto it = enum_users.find(type->name); it != enum_users.end() && !it->second.empty()) {
        const schema::Table* user = state.table(it->second.begin()->first);
        const schema::Column* column = nullptr;
        for (const auto& c : user->columns)
            if (c.type.kind == sql::TypeKind::enum_ && c.type.enum_name == type->name) column = &c;
        diag->error(DiagCode::object_in_use, de.name.span, "cannot drop type \"{}\": column {} uses it", type->name,
                    qualified(*user, column ? column->name : "?"))
            .note(column ? column->declared_at : user->declared_at, "column declared here; change its type first");
        return false;
    }
    if (inverse) {
        ast::CreateEnum ce{name_at(type->name, de.name.span), {}};
        for (const auto& v : type->values) ce.values.push_back(ast::StringValue{v, de.name.span});
        record(statement_at(std::move(ce), st.span, st.only));
    }
    touch_enum(type->name);
    schema::EnumType gone = *type;
    state.enums.erase(gone.name);
    if (full) emit(plan::DropEnum{std::move(gone)}, st.span);
    return true;
}

bool Replayer::Impl::lower(const ast::AddEnumValue& av, const ast::Statement& st) {
    const schema::EnumType* type = state.enum_type(av.type.text);
    if (!type) {
        diag->error(DiagCode::unknown_object, av.type.span, "unknown type \"{}\"", av.type.text);
        return false;
    }
    if (std::find(type->values.begin(), type->values.end(), av.value.text) != type->values.end()) {
        diag->error(DiagCode::duplicate_object, av.value.span, "enum \"{}\" already has value '{}'", type->name,
                    av.value.text)
            .note(type->declared_at, "type \"{}\" declared here", type->name);
        return false;
    }
    auto at = type->values.end();
    if (av.place != ast::EnumPlace::last) {
        at = std::find(type->values.begin(), type->values.end(), av.anchor.text);
        if (at == type->values.end()) {
            diag->error(DiagCode::unknown_object, av.anchor.span, "enum \"{}\" has no value '{}' (it has {})",
                        type->name, av.anchor.text, quoted_values(type->values))
                .note(type->declared_at, "type \"{}\" declared here", type->name);
            return false;
        }
        if (av.place == ast::EnumPlace::after) ++at;
    }
    auto position = at - type->values.begin();
    record(statement_at(ast::DropEnumValue{name_at(type->name, av.type.span), av.value}, st.span, st.only));
    touch_enum(type->name);
    schema::EnumType* e = &state.enums.find(av.type.text)->second;
    std::optional<schema::EnumType> before;
    if (full) before = *e;
    e->values.insert(e->values.begin() + position, av.value.text);
    if (full) emit(plan::AddEnumValue{std::move(*before), *e, av.value.text, users_of(e->name)}, st.span);
    return true;
}

bool Replayer::Impl::lower(const ast::RenameEnumValue& rv, const ast::Statement& st) {
    const schema::EnumType* type = state.enum_type(rv.type.text);
    if (!type) {
        diag->error(DiagCode::unknown_object, rv.type.span, "unknown type \"{}\"", rv.type.text);
        return false;
    }
    auto pos = std::find(type->values.begin(), type->values.end(), rv.from.text);
    if (pos == type->values.end()) {
        diag->error(DiagCode::unknown_object, rv.from.span, "enum \"{}\" has no value '{}' (it has {})", type->name,
                    rv.from.text, quoted_values(type->values))
            .note(type->declared_at, "type \"{}\" declared here", type->name);
        return false;
    }
    if (std::find(type->values.begin(), type->values.end(), rv.to.text) != type->values.end()) {
        diag->error(DiagCode::duplicate_object, rv.to.span, "enum \"{}\" already has value '{}'", type->name, rv.to.text)
            .note(type->declared_at, "type \"{}\" declared here", type->name);
        return false;
    }
    record(statement_at(ast::RenameEnumValue{name_at(type->name, rv.type.span), rv.to, rv.from}, st.span, st.only));
    touch_enum(type->name);
    schema::EnumType* e = &state.enums.find(rv.type.text)->second;
    std::optional<schema::EnumType> before;
    if (full) before = *e;
    *std::find(e->values.begin(), e->values.end(), rv.from.text) = rv.to.text;
    // Defaults that name the value follow it (the database stores the value, not its text).
    auto names_value = [&](const schema::Column& c) {
        if (c.type.kind != sql::TypeKind::enum_ || c.type.enum_name != e->name || !c.default_value) return false;
        auto* lit = std::get_if<sql::Literal>(&c.default_value->node);
        return lit && lit->kind == sql::LiteralKind::string && lit->text == rv.from.text;
    };
    for (const schema::TableRef& user : users_of(e->name)) {
        if (std::none_of(user->columns.begin(), user->columns.end(), names_value)) continue;
        schema::Table work = *user;
        for (auto& c : work.columns)
            if (names_value(c))
                c.default_value = sql::make_expr(sql::Literal{sql::LiteralKind::string, rv.to.text}, c.default_value->span);
        replace_table(std::move(work));
    }
    rename_stored_enum_value(e->name, rv.from.text, rv.to.text);
    if (full) emit(plan::RenameEnumValue{std::move(*before), *e, rv.from.text, rv.to.text, users_of(e->name)}, st.span);
    return true;
}

bool Replayer::Impl::lower(const ast::DropEnumValue& dv, const ast::Statement& st) {
    const schema::EnumType* type = state.enum_type(dv.type.text);
    if (!type) {
        diag->error(DiagCode::unknown_object, dv.type.span, "unknown type \"{}\"", dv.type.text);
        return false;
    }
    auto pos = std::find(type->values.begin(), type->values.end(), dv.value.text);
    if (pos == type->values.end()) {
        diag->error(DiagCode::unknown_object, dv.value.span, "enum \"{}\" has no value '{}' (it has {})", type->name,
                    dv.value.text, quoted_values(type->values))
            .note(type->declared_at, "type \"{}\" declared here", type->name);
        return false;
    }
    for (const schema::TableRef& user : users_of(type->name))
        for (const auto& c : user->columns) {
            if (c.type.kind != sql::TypeKind::enum_ || c.type.enum_name != type->name || !c.default_value) continue;
            auto* lit = std::get_if<sql::Literal>(&c.default_value->node);
            if (lit && lit->kind == sql::LiteralKind::string && lit->text == dv.value.text) {
                diag->error(DiagCode::object_in_use, dv.value.span,
                            "cannot drop value '{}' of enum \"{}\": it is the default of column {}", dv.value.text,
                            type->name, qualified(*user, c.name))
                    .note(c.declared_at, "column \"{}\" declared here", c.name);
                return false;
            }
        }
    if (!check_stored_enum_drop(type->name, dv.value.text, dv.value.span)) return false;
    if (inverse) {
        // The value goes back where it was: before the value that followed it.
        ast::AddEnumValue back{name_at(type->name, dv.type.span), dv.value};
        if (pos + 1 != type->values.end()) {
            back.place = ast::EnumPlace::before;
            back.anchor = ast::StringValue{*(pos + 1), dv.value.span};
        }
        record(statement_at(std::move(back), st.span, st.only));
    }
    touch_enum(type->name);
    schema::EnumType* e = &state.enums.find(dv.type.text)->second;
    std::optional<schema::EnumType> before;
    if (full) before = *e;
    e->values.erase(std::find(e->values.begin(), e->values.end(), dv.value.text));
    if (full) emit(plan::DropEnumValue{std::move(*before), *e, dv.value.text, users_of(e->name)}, st.span);
    return true;
}

}  // namespace retort::replay
