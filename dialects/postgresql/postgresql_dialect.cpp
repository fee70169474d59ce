#include "dialects/postgresql/postgresql_dialect.hpp"

#include <fmt/format.h>

namespace retort::dialects {

std::vector<std::string> PostgresqlDialect::script_notes() const {
    return {"String literals assume standard_conforming_strings = on (the default since PostgreSQL 9.1)."};
}

// ------------------------------------------------------------ spellings

PostgresqlDialect::PostgresqlDialect(Options options)
    : BaseDialect(dialect::describe(dialect::Id::postgresql), std::move(options)) {
    using K = sql::TypeKind;
    types_.set(K::time, {"TIME", true, " WITHOUT TIME ZONE"});
    types_.set(K::datetime, {"TIMESTAMP", true, " WITHOUT TIME ZONE"});
    types_.set(K::timestamp, {"TIMESTAMP", true, " WITHOUT TIME ZONE"});
    types_.set(K::json, {options_.postgresql_json == "json" ? "JSON" : "JSONB"});
    types_.set(K::binary, {"BYTEA"});
    functions_.set(sql::Function::now, {"now"});  // now(), not CURRENT_TIMESTAMP
    // round(double precision, integer) does not exist; numeric rounds half
    // away from zero, as MySQL and SQLite do.
    functions_.set(sql::Function::round, {"round", false, {}, "NUMERIC"});
}

// ------------------------------------------------------------ autoincrement

namespace {

const char* serial_type(sql::TypeKind kind) {
    switch (kind) {
        case sql::TypeKind::smallint: return "SMALLSERIAL";
        case sql::TypeKind::bigint: return "BIGSERIAL";
        default: return "SERIAL";
    }
}

}  // namespace

std::string PostgresqlDialect::column_definition(const schema::Column& column, const schema::Table& table,
                                                 Context& ctx) const {
    if (!column.autoincrement || options_.postgresql_autoincrement != "serial")
        return BaseDialect::column_definition(column, table, ctx);
    // SERIAL is integer + an owned sequence + its nextval() default, made in one go.
    return quote_identifier(column.name) + " " + serial_type(column.type.kind) + " NOT NULL";
}

std::string PostgresqlDialect::drop_autoincrement_action() const {
    return options_.postgresql_autoincrement == "serial" ? "DROP DEFAULT" : "DROP IDENTITY";
}

// ------------------------------------------------------------ literals

std::string PostgresqlDialect::binary_literal(std::string_view bytes) const {
    std::string out = "'\\x";
    for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
    return out + "'::bytea";
}

std::string PostgresqlDialect::boolean_literal(bool value) const { return value ? "true" : "false"; }

// ------------------------------------------------------------ alter column

namespace {

// Kinds between which PostgreSQL has an implicit or assignment cast, so that
// ALTER COLUMN ... TYPE converts without USING.
bool assignment_cast(sql::TypeKind from, sql::TypeKind to) {
    using K = sql::TypeKind;
    auto numeric = [](K k) {
        return k == K::smallint || k == K::integer || k == K::bigint || k == K::numeric || k == K::float_ ||
               k == K::double_;
    };
    if (from == to) return true;
    if (numeric(from) && numeric(to)) return true;
    if (sql::is_textual(from) && sql::is_textual(to)) return true;
    // Every type converts to a string type on assignment (I/O conversion).
    if (sql::is_textual(to) && from != K::enum_) return true;
    auto stamp = [](K k) { return k == K::datetime || k == K::timestamp || k == K::timestamptz; };
    if (stamp(from) && (stamp(to) || to == K::date || to == K::time)) return true;
    if (from == K::date && stamp(to)) return true;
    return false;
}

}  // namespace

std::string PostgresqlDialect::using_clause(const std::string& column, const sql::Type& from, const sql::Type& to,
                                            const schema::Schema& state) const {
    if (from.kind == sql::TypeKind::enum_ || to.kind == sql::TypeKind::enum_)
        return " USING " + quote_identifier(column) + "::text::" + type_name(to, state);
    if (assignment_cast(from.kind, to.kind)) return "";
    return " USING " + quote_identifier(column) + "::" + type_name(to, state);
}

void PostgresqlDialect::alter_column(const plan::AlterColumn& action, const plan::AlterTable& step,
                                     Context& ctx) const {
    const auto& from = action.from;
    const auto& to = action.to;
    std::string prefix = alter_column_prefix(action, step);
    bool type_changes = !(from.type == to.type);
    std::string using_text = type_changes ? using_clause(to.name, from.type, to.type, ctx.state) : "";
    // An old default that may not convert to the new type is dropped first
    // and the new one set after the change.
    bool default_around = type_changes && from.default_value &&
                          (!using_text.empty() || from.type.kind != to.type.kind);
    // CHECK constraints and partial indexes that mention the column hold
    // constants of the old enum type: PostgreSQL cannot rebuild them for the
    // new type, so they are dropped before and recreated after.
    bool enum_change = type_changes && (from.type.kind == sql::TypeKind::enum_ || to.type.kind == sql::TypeKind::enum_);
    std::vector<const schema::Constraint*> checks;
    std::vector<const schema::Index*> partial;
    if (enum_change) {
        std::vector<std::string> names{to.name};
        for (const auto& constraint : step.after->constraints)
            if (constraint.kind == schema::ConstraintKind::check && mentions_any(constraint.check, names))
                checks.push_back(&constraint);
        for (const auto& index : step.after->indexes)
            if (mentions_any(index.where, names)) partial.push_back(&index);
    }
    for (const auto* check : checks)
        ctx.emit(alter_table_prefix(*step.after) + "DROP CONSTRAINT " + quote_identifier(check->name));
    for (const auto* index : partial) ctx.emit("DROP INDEX " + quote_identifier(index->name));
    if (default_around) ctx.emit(prefix + "DROP DEFAULT");
    if (type_changes) ctx.emit(prefix + "TYPE " + type_name(to.type, ctx.state) + using_text);
    for (const auto* check : checks)
        ctx.emit(alter_table_prefix(*step.after) + "ADD " + constraint_definition(*check, *step.after, ctx));
    for (const auto* index : partial) ctx.emit(index_definition(*index, false, ctx));
    alter_column_rest(action, step, default_around, ctx);
}

void PostgresqlDialect::insert(const plan::Insert& step, Context& ctx) const {
    BaseDialect::insert(step, ctx);
    const schema::Table& table = *step.table;
    for (const auto& name : step.columns) {
        const schema::Column* column = table.column(name);
        if (!column || !column->autoincrement) continue;
        // pg_get_serial_sequence parses its first argument as SQL (quoted
        // as a name) and takes the second literally.
        std::string col = quote_identifier(column->name);
        ctx.emit("SELECT setval(pg_get_serial_sequence(" + string_literal(quote_identifier(table.name)) + ", " +
                 string_literal(column->name) + "), MAX(" + col + ")) FROM " + quote_identifier(table.name));
    }
}

}  // namespace retort::dialects
