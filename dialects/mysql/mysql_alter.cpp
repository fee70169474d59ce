// MySQL: alter table actions and enum value changes. Every changed column
// is restated whole from the schema model (MODIFY COLUMN), and the index
// InnoDB keeps for each foreign key is kept in step with the model.
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

// True when a key of `table` (primary key, unique constraint or index) has
// the foreign key's columns as its leading columns, so InnoDB uses it and
// keeps no index of its own for the foreign key.
bool fk_served(const schema::Table& table, const schema::Constraint& fk) {
    for (const auto& c : table.constraints) {
        if ((c.kind == schema::ConstraintKind::primary_key || c.kind == schema::ConstraintKind::unique) &&
            starts_with(c.columns, fk.columns))
            return true;
    }
    for (const auto& index : table.indexes) {
        std::vector<std::string> columns;
        for (const auto& ic : index.columns) columns.push_back(ic.column);
        if (starts_with(columns, fk.columns)) return true;
    }
    return false;
}

}  // namespace

std::string MysqlDialect::modify_column(const schema::Column& column, const schema::Table& table,
                                        Context& ctx) const {
    return "MODIFY COLUMN " + column_definition(column, table, ctx);
}

std::string MysqlDialect::restore_fk_indexes(const schema::Table& before, const schema::Table& after) const {
    std::string out;
    for (const auto& fk : after.constraints) {
        if (fk.kind != schema::ConstraintKind::foreign_key) continue;
        if (fk_served(before, fk) && !fk_served(after, fk))
            out += ", ADD INDEX " + quote_identifier(fk.name) + " " + column_list(fk.columns);
    }
    return out;
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
    ctx.emit(alter_table_prefix(*step.after) + "ADD " + constraint_definition(c, *step.after, ctx));
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
            ctx.emit(prefix + "DROP FOREIGN KEY " + quote_identifier(c.name));
            // InnoDB made an index named after the foreign key when no key
            // served it; dropping the key leaves that index behind.
            if (!fk_served(*step.after, c)) ctx.emit(prefix + "DROP INDEX " + quote_identifier(c.name));
            return;
        case schema::ConstraintKind::unique:
            ctx.emit(prefix + "DROP INDEX " + quote_identifier(c.name) + restore_fk_indexes(*step.before, *step.after));
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
            ctx.emit(prefix + "DROP PRIMARY KEY" + restore_fk_indexes(*step.before, *step.after));
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
