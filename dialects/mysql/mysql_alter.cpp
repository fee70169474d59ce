// MySQL: alter table actions and enum value changes. Every changed column
// is restated whole from the schema model (MODIFY COLUMN), and the indexes
// retort adds and drops for foreign keys are read from the model
// (schema::Table::fk_indexes, kept by replay as InnoDB keeps them).
#include <fmt/format.h>

#include <algorithm>

#include "compiler/sql/expr_walk.hpp"
#include "dialects/mysql/mysql_dialect.hpp"

namespace retort::dialects {

namespace {

bool starts_with(const std::vector<std::string>& key, const std::vector<std::string>& prefix) {
    if (prefix.empty() || key.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), key.begin());
}

bool has_fk_index(const schema::Table& table, const schema::FkIndex& index) {
    return std::find(table.fk_indexes.begin(), table.fk_indexes.end(), index) != table.fk_indexes.end();
}

bool has_columns(const schema::Table& table, const std::vector<std::string>& columns) {
    return std::all_of(columns.begin(), columns.end(), [&](const std::string& c) { return table.column(c); });
}

// The key an alter action adds or drops (primary key or unique), or adds as
// a foreign key; null for other actions.
const schema::Constraint* key_of(const plan::AlterAction& action, bool adding) {
    if (adding) {
        const auto* add = std::get_if<plan::AddConstraint>(&action.node);
        return add && add->constraint.kind != schema::ConstraintKind::check ? &add->constraint : nullptr;
    }
    const auto* drop = std::get_if<plan::DropConstraint>(&action.node);
    if (!drop) return nullptr;
    const auto kind = drop->constraint.kind;
    return kind == schema::ConstraintKind::primary_key || kind == schema::ConstraintKind::unique ? &drop->constraint
                                                                                                 : nullptr;
}

// The action of `step` that takes InnoDB's index `index` along: for an added
// one the last drop of a key it stood behind (InnoDB refuses to drop the
// last index a foreign key needs), for a dropped one the first key added
// that covers it; else the last action of the step.
const plan::AlterAction* carrier(const plan::AlterTable& step, const schema::FkIndex& index, bool added) {
    const plan::AlterAction* found = nullptr;
    for (const auto& action : step.actions) {
        const schema::Constraint* key = key_of(action, !added);
        if (!key || !starts_with(key->columns, index.columns)) continue;
        found = &action;
        if (!added) break;
    }
    return found ? found : (step.actions.empty() ? nullptr : &step.actions.back());
}

}  // namespace

std::vector<schema::FkIndex> MysqlDialect::fk_indexes_added(const schema::Table& before, const schema::Table& after) {
    std::vector<schema::FkIndex> out;
    for (const auto& index : after.fk_indexes)
        if (!index.generated && !has_fk_index(before, index)) out.push_back(index);
    return out;
}

std::vector<schema::FkIndex> MysqlDialect::fk_indexes_dropped(const schema::Table& before,
                                                              const schema::Table& after) {
    // A generated index InnoDB drops itself; one whose column went, too.
    std::vector<schema::FkIndex> out;
    for (const auto& index : before.fk_indexes)
        if (!index.generated && !has_fk_index(after, index) && has_columns(after, index.columns))
            out.push_back(index);
    return out;
}

std::vector<const schema::Constraint*> MysqlDialect::fk_keys_recreated(const schema::Table& before,
                                                                       const schema::Table& after) {
    // In a downgrade replay names InnoDB's index after the key it makes it
    // for again (compiler/replay/fk_indexes.hpp).
    std::vector<const schema::Constraint*> out;
    for (const auto& index : after.fk_indexes) {
        if (!index.generated || has_fk_index(before, index)) continue;
        const schema::Constraint* fk = after.constraint(index.name);
        const schema::Constraint* was = before.constraint(index.name);
        if (fk && was && fk->kind == schema::ConstraintKind::foreign_key && fk->columns == index.columns)
            out.push_back(fk);
    }
    return out;
}

void MysqlDialect::recreate_fk_keys(const schema::Table& before, const schema::Table& after,
                                    const plan::AlterTable* step, const plan::AlterAction* action,
                                    Context& ctx) const {
    for (const schema::Constraint* fk : fk_keys_recreated(before, after))
        if (!step || carrier(*step, {fk->name, fk->columns, true}, true) == action)
            ctx.emit(alter_table_prefix(after) + "ADD " + constraint_definition(*fk, after, ctx));
}

std::string MysqlDialect::fk_index_clauses(const schema::Table& before, const schema::Table& after,
                                           const plan::AlterTable* step, const plan::AlterAction* action) const {
    std::string out;
    for (const schema::Constraint* fk : fk_keys_recreated(before, after))
        if (!step || carrier(*step, {fk->name, fk->columns, true}, true) == action)
            out += ", DROP FOREIGN KEY " + quote_identifier(fk->name);
    for (const auto& index : fk_indexes_dropped(before, after))
        if (!step || carrier(*step, index, false) == action) out += ", DROP INDEX " + quote_identifier(index.name);
    for (const auto& index : fk_indexes_added(before, after))
        if (!step || carrier(*step, index, true) == action)
            out += ", ADD INDEX " + quote_identifier(index.name) + " " + column_list(index.columns);
    return out;
}

bool MysqlDialect::index_name_taken(const schema::Constraint& fk, const plan::AlterTable& step) {
    // InnoDB makes an index for the key (replay named it otherwise, the
    // name being taken) while an index or unique constraint has the name.
    const schema::Table& after = *step.after;
    bool makes_one = std::any_of(after.fk_indexes.begin(), after.fk_indexes.end(), [&](const schema::FkIndex& ix) {
        return ix.generated && ix.columns == fk.columns && ix.name != fk.name && !has_fk_index(*step.before, ix);
    });
    const schema::Constraint* same = after.constraint(fk.name);
    return makes_one && (after.index(fk.name) || (same && same->kind == schema::ConstraintKind::unique));
}

const plan::AlterAction* MysqlDialect::action_of(const plan::AlterTable& step, const void* node) {
    for (const auto& action : step.actions)
        if (std::visit([&](const auto& a) { return static_cast<const void*>(&a) == node; }, action.node))
            return &action;
    return nullptr;
}

std::string MysqlDialect::modify_column(const schema::Column& column, const schema::Table& table,
                                        Context& ctx) const {
    return "MODIFY COLUMN " + column_definition(column, table, ctx);
}

// ------------------------------------------------------------ columns

void MysqlDialect::add_column(const plan::AddColumn& action, const plan::AlterTable& step, Context& ctx) const {
    check_name(action.column.name, action.column.declared_at, ctx);
    ctx.emit(alter_table_prefix(*step.after) + "ADD COLUMN " + column_definition(action.column, *step.after, ctx));
}

void MysqlDialect::rename_column(const plan::RenameColumn& action, const plan::AlterTable& step,
                                 Context& ctx) const {
    check_name(action.to.name, ctx.span, ctx);
    if (mariadb()) {
        BaseDialect::rename_column(action, step, ctx);  // MariaDB renames the column inside checks
        return;
    }
    // MySQL refuses to rename a column a CHECK constraint uses (error 3959):
    // drop those checks, rename, and add them back as the model has them.
    std::vector<const schema::Constraint*> checks;
    for (const auto& c : step.after->constraints)
        if (c.kind == schema::ConstraintKind::check && sql::mentions(c.check, action.to.name)) checks.push_back(&c);
    std::string prefix = alter_table_prefix(*step.after);
    for (const auto* c : checks) ctx.emit(prefix + "DROP CHECK " + quote_identifier(c->name));
    BaseDialect::rename_column(action, step, ctx);
    for (const auto* c : checks) ctx.emit(prefix + "ADD " + constraint_definition(*c, *step.after, ctx));
}

void MysqlDialect::alter_column(const plan::AlterColumn& action, const plan::AlterTable& step,
                                Context& ctx) const {
    // One statement restating type, nullability, default, comment and
    // AUTO_INCREMENT, all taken from the column as it is after the change.
    ctx.emit(alter_table_prefix(*step.after) + modify_column(action.to, *step.after, ctx));
}

// ------------------------------------------------------------ constraints

void MysqlDialect::add_constraint(const plan::AddConstraint& action, const plan::AlterTable& step,
                                  Context& ctx) const {
    const schema::Constraint& c = action.constraint;
    if (c.kind != schema::ConstraintKind::primary_key) check_name(c.name, c.declared_at, ctx);
    if (c.kind == schema::ConstraintKind::foreign_key && !c.name_from_engine && index_name_taken(c, step)) {
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, c.declared_at.valid() ? c.declared_at : ctx.span,
                              "InnoDB makes an index named \"{}\" for this foreign key, and table \"{}\" has an "
                              "index of that name already (ERROR 1061): name the foreign key otherwise, or add an "
                              "index led by its columns first",
                              c.name, step.after->name);
        return;
    }
    // A key that covers an index retort's script added for a foreign key
    // takes over from it: that index goes in the same statement.
    ctx.emit(alter_table_prefix(*step.after) + "ADD " + constraint_definition(c, *step.after, ctx) +
             fk_index_clauses(*step.before, *step.after, &step, action_of(step, &action)));
}

namespace {

// True when an action of `step` before `until` took autoincrement off `column`.
bool autoincrement_dropped_before(const plan::AlterTable& step, const plan::DropConstraint& until,
                                  const std::string& column) {
    for (const auto& action : step.actions) {
        if (std::get_if<plan::DropConstraint>(&action.node) == &until) return false;
        const auto* alter = std::get_if<plan::AlterColumn>(&action.node);
        if (alter && alter->to.name == column && alter->from.autoincrement && !alter->to.autoincrement) return true;
    }
    return false;
}

}  // namespace

void MysqlDialect::drop_constraint(const plan::DropConstraint& action, const plan::AlterTable& step,
                                   Context& ctx) const {
    const schema::Constraint& c = action.constraint;
    std::string prefix = alter_table_prefix(*step.after);
    switch (c.kind) {
        case schema::ConstraintKind::foreign_key:
            // The index InnoDB made for the key stays, as after Alembic's
            // drop_constraint; the model keeps it (schema::Table::fk_indexes).
            ctx.emit(prefix + "DROP FOREIGN KEY " + quote_identifier(c.name));
            return;
        case schema::ConstraintKind::unique:
            ctx.emit(prefix + "DROP INDEX " + quote_identifier(c.name) +
                     fk_index_clauses(*step.before, *step.after, &step, action_of(step, &action)));
            recreate_fk_keys(*step.before, *step.after, &step, action_of(step, &action), ctx);
            return;
        case schema::ConstraintKind::primary_key: {
            // MySQL keeps an AUTO_INCREMENT column only while it is a key.
            // When the statement also drops the column or its autoincrement,
            // AUTO_INCREMENT goes first (a MODIFY without it), then the key.
            for (const auto& name : c.columns) {
                const schema::Column* was = step.before->column(name);
                if (!was || !was->autoincrement) continue;
                const schema::Column* now = step.after->column(name);
                if (now && now->autoincrement) {
                    ctx.diagnostics.error(DiagCode::unsupported_in_dialect, ctx.span,
                                          "MySQL cannot drop the primary key of \"{}\" while column \"{}\" is "
                                          "AUTO_INCREMENT: say `alter column {} drop autoincrement` first, or drop "
                                          "the column in the same statement",
                                          step.after->name, name, name);
                    return;
                }
                if (autoincrement_dropped_before(step, action, name)) continue;
                schema::Column plain = *was;
                plain.autoincrement = false;
                ctx.emit(prefix + modify_column(plain, *step.before, ctx));
            }
            ctx.emit(prefix + "DROP PRIMARY KEY" +
                     fk_index_clauses(*step.before, *step.after, &step, action_of(step, &action)));
            recreate_fk_keys(*step.before, *step.after, &step, action_of(step, &action), ctx);
            return;
        }
        case schema::ConstraintKind::check:
            // MySQL 8.0.16+ says DROP CHECK; MariaDB says DROP CONSTRAINT.
            ctx.emit(prefix + (mariadb() ? "DROP CONSTRAINT " : "DROP CHECK ") + quote_identifier(c.name));
            return;
    }
}

// ------------------------------------------------------------ enum types

void MysqlDialect::create_enum(const plan::CreateEnum& step, Context& ctx) const {
    ctx.comment(fmt::format("enum type {}: MySQL has no enum types; columns of this type are ENUM(...) inline",
                            step.type.name));
}

void MysqlDialect::drop_enum(const plan::DropEnum& step, Context& ctx) const {
    ctx.comment(fmt::format("enum type {}: nothing to drop on MySQL (ENUM(...) is inline)", step.type.name));
}

void MysqlDialect::restate_enum_users(std::string_view name, const plan::EnumUsers& users, Context& ctx,
                                      const schema::Schema* state) const {
    Context inner{state ? *state : ctx.state, ctx.span, ctx.diagnostics, ctx.out};
    for (const schema::TableRef& user : users) {
        const schema::Table& table = *user;
        for (const auto& column : table.columns) {
            if (column.type.kind == sql::TypeKind::enum_ && column.type.enum_name == name)
                ctx.emit(alter_table_prefix(table) + modify_column(column, table, inner));
        }
    }
}

namespace {

schema::Schema with_enum(const schema::Schema& state, const schema::EnumType& type) {
    schema::Schema copy = state;
    copy.enums[type.name] = type;
    return copy;
}

}  // namespace

void MysqlDialect::add_enum_value(const plan::AddEnumValue& step, Context& ctx) const {
    schema::Schema state = with_enum(ctx.state, step.after);
    restate_enum_users(step.after.name, step.users, ctx, &state);
}

void MysqlDialect::rename_enum_value(const plan::RenameEnumValue& step, Context& ctx) const {
    // 1. allow both spellings, 2. move the rows, 3. drop the old spelling.
    schema::EnumType both = step.before;
    both.values.push_back(step.to);
    schema::Schema wide = with_enum(ctx.state, both);
    restate_enum_users(step.after.name, step.users, ctx, &wide);
    for (const schema::TableRef& user : step.users) {
        const schema::Table& table = *user;
        for (const auto& column : table.columns) {
            if (column.type.kind != sql::TypeKind::enum_ || column.type.enum_name != step.after.name) continue;
            std::string name = quote_identifier(column.name);
            ctx.emit("UPDATE " + quote_identifier(table.name) + " SET " + name + " = " + string_literal(step.to) +
                     " WHERE " + name + " = " + string_literal(step.from));
        }
    }
    schema::Schema state = with_enum(ctx.state, step.after);
    restate_enum_users(step.after.name, step.users, ctx, &state);
}

void MysqlDialect::drop_enum_value(const plan::DropEnumValue& step, Context& ctx) const {
    // Rows still holding the value make MySQL fail (strict mode): move them
    // first with an update in the migration.
    schema::Schema state = with_enum(ctx.state, step.after);
    restate_enum_users(step.after.name, step.users, ctx, &state);
}

}  // namespace retort::dialects
