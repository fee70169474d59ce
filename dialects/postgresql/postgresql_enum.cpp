// PostgreSQL enum value changes (docs/postgresql.md, "Enum types").
#include <fmt/format.h>

#include <algorithm>

#include "compiler/sql/expr_walk.hpp"
#include "dialects/postgresql/postgresql_dialect.hpp"

namespace retort::dialects {

// ALTER TYPE ... ADD VALUE may run in a transaction block (PostgreSQL 12+),
// but the new value cannot be used before that transaction commits, and a
// migration usually adds a value to use it. So the statement is placed
// outside the transaction block (the writer commits what came before), and
// IF NOT EXISTS makes a re-run after a failure later in the script work.
void PostgresqlDialect::add_enum_value(const plan::AddEnumValue& step, Context& ctx) const {
    std::string sql = "ALTER TYPE " + quote_identifier(step.after.name) + " ADD VALUE IF NOT EXISTS " +
                      string_literal(step.value);
    const auto& values = step.after.values;
    auto it = std::find(values.begin(), values.end(), step.value);
    if (it != values.end() && it + 1 != values.end()) sql += " BEFORE " + string_literal(*(it + 1));
    ctx.emit(std::move(sql), Placement::outside_transaction);
}

bool PostgresqlDialect::mentions_any(const sql::ExprRef& expr, const std::vector<std::string>& columns) {
    return sql::any_of(expr, [&](const sql::Expr& e) {
        const auto* ref = std::get_if<sql::ColumnRef>(&e.node);
        return ref && std::find(columns.begin(), columns.end(), ref->name) != columns.end();
    });
}

namespace {

// A free type name for the old type: <name>_old, <name>_old2, ..., at most
// 63 bytes (tables are types in PostgreSQL too).
std::string old_type_name(const std::string& name, const schema::Schema& state) {
    for (int n = 1;; ++n) {
        std::string suffix = n == 1 ? "_old" : fmt::format("_old{}", n);
        std::string base = name.substr(0, std::min(name.size(), std::size_t{63} - suffix.size()));
        std::string candidate = base + suffix;
        if (!state.enum_type(candidate) && !state.table(candidate)) return candidate;
    }
}

}  // namespace

// PostgreSQL cannot remove a value from an enum type. The usual sequence:
// rename the type, create it anew with the remaining values, convert every
// column that uses it through text (a row still holding the dropped value
// makes the cast fail, and the transaction rolls back), drop the old type.
// Defaults, CHECK constraints and partial indexes that mention a converted
// column hold constants of the old type: they are dropped before and
// restored after the conversion.
void PostgresqlDialect::drop_enum_value(const plan::DropEnumValue& step, Context& ctx) const {
    const std::string& name = step.after.name;
    std::string type = quote_identifier(name);
    std::string old_name = old_type_name(name, ctx.state);
    ctx.emit("ALTER TYPE " + type + " RENAME TO " + quote_identifier(old_name));
    std::string create = "CREATE TYPE " + type + " AS ENUM (";
    for (std::size_t i = 0; i < step.after.values.size(); ++i) {
        if (i) create += ", ";
        create += string_literal(step.after.values[i]);
    }
    ctx.emit(create + ")");

    for (const schema::TableRef& user : step.users) {
        const schema::Table& table = *user;
        std::vector<const schema::Column*> columns;
        std::vector<std::string> names;
        for (const auto& column : table.columns) {
            if (column.type.kind == sql::TypeKind::enum_ && column.type.enum_name == name) {
                columns.push_back(&column);
                names.push_back(column.name);
            }
        }
        if (columns.empty()) continue;
        std::string prefix = alter_table_prefix(table);
        std::vector<const schema::Constraint*> checks;
        for (const auto& constraint : table.constraints)
            if (constraint.kind == schema::ConstraintKind::check && mentions_any(constraint.check, names))
                checks.push_back(&constraint);
        std::vector<const schema::Index*> partial;
        for (const auto& index : table.indexes)
            if (mentions_any(index.where, names)) partial.push_back(&index);

        for (const auto* check : checks) ctx.emit(prefix + "DROP CONSTRAINT " + quote_identifier(check->name));
        for (const auto* index : partial) ctx.emit("DROP INDEX " + quote_identifier(index->name));
        for (const auto* column : columns) {
            std::string alter = prefix + "ALTER COLUMN " + quote_identifier(column->name) + " ";
            if (column->default_value) ctx.emit(alter + "DROP DEFAULT");
            ctx.emit(alter + "TYPE " + type + " USING " + quote_identifier(column->name) + "::text::" + type);
            if (column->default_value) ctx.emit(alter + "SET DEFAULT " + expression(*column->default_value, ctx));
        }
        for (const auto* check : checks) ctx.emit(prefix + "ADD " + constraint_definition(*check, table, ctx));
        for (const auto* index : partial) ctx.emit(index_definition(*index, false, ctx));
    }
    ctx.emit("DROP TYPE " + quote_identifier(old_name));
}

}  // namespace retort::dialects
