#include "dialects/sqlite/sqlite_dialect.hpp"

#include "compiler/source/utf8.hpp"
#include "compiler/sql/expr_walk.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace retort::dialects {

// ------------------------------------------------------------ identifiers

const WordSet& SqliteDialect::reserved_words() const {
    // SQLite's keyword list (https://sqlite.org/lang_keywords.html), lower
    // case, plus true/false, which SQLite reads as values unless a column of
    // that name exists.
    static const WordSet words{
        "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc",
        "attach", "autoincrement", "before", "begin", "between", "by", "cascade", "case", "cast",
        "check", "collate", "column", "commit", "conflict", "constraint", "create", "cross",
        "current", "current_date", "current_time", "current_timestamp", "database", "default",
        "deferrable", "deferred", "delete", "desc", "detach", "distinct", "do", "drop", "each",
        "else", "end", "escape", "except", "exclude", "exclusive", "exists", "explain", "fail",
        "false", "filter", "first", "following", "for", "foreign", "from", "full", "generated",
        "glob", "group", "groups", "having", "if", "ignore", "immediate", "in", "index", "indexed",
        "initially", "inner", "insert", "instead", "intersect", "into", "is", "isnull", "join",
        "key", "last", "left", "like", "limit", "match", "materialized", "natural", "no", "not",
        "nothing", "notnull", "null", "nulls", "of", "offset", "on", "or", "order", "others",
        "outer", "over", "partition", "plan", "pragma", "preceding", "primary", "query", "raise",
        "range", "recursive", "references", "regexp", "reindex", "release", "rename", "replace",
        "restrict", "returning", "right", "rollback", "row", "rows", "savepoint", "select", "set",
        "table", "temp", "temporary", "then", "ties", "to", "transaction", "trigger", "true",
        "unbounded", "union", "unique", "update", "using", "vacuum", "values", "view", "virtual",
        "when", "where", "window", "with", "without",
    };
    return words;
}

void SqliteDialect::check_name(std::string_view kind, std::string_view name, SourceSpan span, Context& ctx) const {
    std::string lower;
    for (char c : name.substr(0, 7)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower == "sqlite_")
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, span.valid() ? span : ctx.span,
                              "SQLite reserves names that begin with \"sqlite_\" for itself: rename {} \"{}\"",
                              kind, name);
}

// ------------------------------------------------------------ types

// The type table (docs/sqlite.md): the entries that differ from standard
// SQL. The affinity follows from the name by SQLite's rules: INT -> INTEGER;
// CHAR, CLOB, TEXT -> TEXT; BLOB -> BLOB; REAL, FLOA, DOUB -> REAL; anything
// else NUMERIC. So the standard names keep their meaning: SMALLINT, INTEGER,
// BIGINT -> INTEGER; NUMERIC, BOOLEAN (holds 1/0), DATE ('YYYY-MM-DD'),
// TIME -> NUMERIC; REAL, DOUBLE PRECISION -> REAL; VARCHAR, CHAR, TEXT ->
// TEXT; BLOB -> BLOB.
SqliteDialect::SqliteDialect(Options options)
    : BaseDialect(dialect::describe(dialect::Id::sqlite), std::move(options)) {
    using K = sql::TypeKind;
    types_.set(K::datetime, {"DATETIME", true});        // NUMERIC
    types_.set(K::timestamp, {"TIMESTAMP", true});      // NUMERIC
    types_.set(K::timestamptz, {"TIMESTAMPTZ", true});  // NUMERIC
    // TEXT: JSON's NUMERIC affinity would turn '1.50' into 1.5; JSON when asked (SQLAlchemy's spelling)
    types_.set(K::json, {options_.sqlite_json == "json" ? "JSON" : "TEXT"});
    types_.set(K::uuid, {"CHAR(36)"});  // TEXT
    // CAST converts to an affinity: DATE or BOOLEAN would be NUMERIC and turn
    // '2024-01-15' into 2024, so cast types are the affinities themselves.
    cast_types_.emplace(standard_type);
    for (K k : {K::smallint, K::integer, K::bigint, K::boolean}) cast_types_->set(k, {"INTEGER"});
    cast_types_->set(K::numeric, {"NUMERIC"});
    for (K k : {K::float_, K::double_}) cast_types_->set(k, {"REAL"});
    for (K k : {K::varchar, K::char_, K::text, K::date, K::time, K::datetime, K::timestamp, K::timestamptz, K::json,
                K::uuid, K::enum_})
        cast_types_->set(k, {"TEXT"});
    cast_types_->set(K::binary, {"BLOB"});
}

// TEXT affinity, as long as the longest value, with a CHECK on the column.
std::string SqliteDialect::enum_type_name(const sql::Type& type, const schema::Schema& state) const {
    std::size_t longest = 1;
    if (const auto* e = state.enum_type(type.enum_name)) {
        for (const auto& value : e->values) longest = std::max(longest, utf8_length(value));
    }
    return fmt::format("VARCHAR({})", longest);
}

// ------------------------------------------------------------ literals

std::string SqliteDialect::string_literal(std::string_view text) const {
    if (text.find('\r') == std::string_view::npos) return BaseDialect::string_literal(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!out.empty()) out += " || ";
        if (text[i] == '\r') {
            out += "char(13";
            for (++i; i < text.size() && text[i] == '\r'; ++i) out += ", 13";
            out += ")";
        } else {
            std::size_t end = text.find('\r', i);
            if (end == std::string_view::npos) end = text.size();
            out += BaseDialect::string_literal(text.substr(i, end - i));
            i = end;
        }
    }
    return out;
}

std::string SqliteDialect::boolean_literal(bool value) const { return value ? "1" : "0"; }
std::string SqliteDialect::date_literal(std::string_view text) const { return string_literal(text); }
std::string SqliteDialect::timestamp_literal(std::string_view text) const { return string_literal(text); }

// ------------------------------------------------------------ definitions

// With `sqlite.autoincrement: rowid` the key is a plain INTEGER PRIMARY KEY,
// the rowid alias SQLAlchemy makes: ids may be reused after the newest row is
// deleted, and there is no sqlite_sequence row.
std::string SqliteDialect::autoincrement_clause(const schema::Column&) const {
    return autoincrement_keyword() ? " AUTOINCREMENT" : "";
}

bool SqliteDialect::autoincrement_keyword() const { return options_.sqlite_autoincrement != "rowid"; }

std::string SqliteDialect::default_value(const sql::Expr& expr, Context& ctx) const {
    std::string text = expression(expr, ctx);
    // A string with a carriage return is an expression (see string_literal).
    const auto* lit = std::get_if<sql::Literal>(&expr.node);
    bool bare = (lit && !(lit->kind == sql::LiteralKind::string && lit->text.find('\r') != std::string::npos)) ||
                std::holds_alternative<sql::Paren>(expr.node);
    if (const auto* call = std::get_if<sql::Call>(&expr.node))
        bare = call->function == sql::Function::now || call->function == sql::Function::current_date;
    if (const auto* unary = std::get_if<sql::Unary>(&expr.node))
        bare = unary->op != sql::UnaryOp::not_ && std::holds_alternative<sql::Literal>(unary->operand->node) &&
               text.size() > 1 && text[1] != '(';
    return bare ? text : "(" + text + ")";
}

// now() is CURRENT_TIMESTAMP, which stores 'YYYY-MM-DD HH:MM:SS': in a
// date column CURRENT_DATE, in a time column CURRENT_TIME, so the column
// holds what its type says (PostgreSQL and MySQL convert by themselves).
std::string SqliteDialect::column_default(const schema::Column& column, Context& ctx) const {
    const auto* call = std::get_if<sql::Call>(&column.default_value->node);
    if (call && call->function == sql::Function::now) {
        if (column.type.kind == sql::TypeKind::date) return "CURRENT_DATE";
        if (column.type.kind == sql::TypeKind::time) return "CURRENT_TIME";
    }
    return default_value(*column.default_value, ctx);
}

std::string SqliteDialect::enum_check(const schema::Column& column, Context& ctx) const {
    if (column.type.kind != sql::TypeKind::enum_) return "";
    const schema::EnumType* type = ctx.state.enum_type(column.type.enum_name);
    if (!type) {
        ctx.diagnostics.error(DiagCode::unknown_object, column.declared_at.valid() ? column.declared_at : ctx.span,
                              "type \"{}\" of column \"{}\" does not exist", column.type.enum_name, column.name);
        return "";
    }
    std::string out = "CHECK (" + quote_identifier(column.name) + " IN (";
    for (std::size_t i = 0; i < type->values.size(); ++i) {
        if (i) out += ", ";
        out += string_literal(type->values[i]);
    }
    return out + "))";
}

std::string SqliteDialect::column_definition(const schema::Column& column, const schema::Table& table,
                                             Context& ctx) const {
    const schema::Constraint* pk = table.primary_key();
    bool rowid_key = column.autoincrement;
    if (rowid_key && !(pk && pk->columns.size() == 1 && pk->columns.front() == column.name)) {
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect,
                              column.declared_at.valid() ? column.declared_at : ctx.span,
                              "SQLite allows autoincrement only on a single-column integer primary key; "
                              "column \"{}\" is not one",
                              column.name);
        rowid_key = false;
    }
    std::string out = quote_identifier(column.name) + " ";
    // AUTOINCREMENT needs exactly INTEGER PRIMARY KEY (the rowid).
    out += rowid_key ? "INTEGER" : type_name(column.type, ctx.state);
    bool key_column = pk && std::find(pk->columns.begin(), pk->columns.end(), column.name) != pk->columns.end();
    // SQLite lets a non-integer primary key hold NULL unless told otherwise.
    if (!column.nullable || key_column) out += " NOT NULL";
    if (column.default_value) out += " DEFAULT " + column_default(column, ctx);
    if (rowid_key) out += " " + constraint_name_clause(*pk) + "PRIMARY KEY" + autoincrement_clause(column);
    std::string check = enum_check(column, ctx);
    if (!check.empty()) out += " " + check;
    return out;
}

bool SqliteDialect::written_in_column(const schema::Constraint& constraint, const schema::Table& table) const {
    if (constraint.kind != schema::ConstraintKind::primary_key || constraint.columns.size() != 1) return false;
    const schema::Column* column = table.column(constraint.columns.front());
    return column && column->autoincrement;
}

namespace {

bool reads_clock(const sql::ExprRef& expr) {
    return sql::any_of(expr, [](const sql::Expr& e) {
        const auto* call = std::get_if<sql::Call>(&e.node);
        return call && (call->function == sql::Function::now || call->function == sql::Function::current_date);
    });
}

}  // namespace

std::string SqliteDialect::index_definition(const schema::Index& index, bool concurrently, Context& ctx) const {
    if (reads_clock(index.where))
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, index.declared_at.valid() ? index.declared_at : ctx.span,
                              "SQLite does not allow now() or current_date in the `where` of a partial index "
                              "(\"{}\"): compare with a constant, or put the index in an `only` block",
                              index.name);
    return BaseDialect::index_definition(index, concurrently, ctx);
}

// ------------------------------------------------------------ comments
// SQLite stores no comments: they are kept in the script as SQL comments.

std::string SqliteDialect::comment_on_table_sql(const schema::Table& table) const {
    if (!table.comment) return fmt::format("table {}: comment removed", table.name);
    return fmt::format("table {}: {}", table.name, *table.comment);
}

std::string SqliteDialect::comment_on_column_sql(const schema::Table& table, const schema::Column& column) const {
    if (!column.comment) return fmt::format("column {}.{}: comment removed", table.name, column.name);
    return fmt::format("column {}.{}: {}", table.name, column.name, *column.comment);
}

void SqliteDialect::emit_comment(std::string sql, Context& ctx) const { ctx.comment(std::move(sql)); }

// ------------------------------------------------------------ tables and indexes

void SqliteDialect::create_table(const plan::CreateTable& step, Context& ctx) const {
    check_name("table", step.table->name, step.table->declared_at, ctx);
    BaseDialect::create_table(step, ctx);
}

void SqliteDialect::rename_table(const plan::RenameTable& step, Context& ctx) const {
    check_name("table", step.after->name, ctx.span, ctx);
    BaseDialect::rename_table(step, ctx);
}

void SqliteDialect::create_index(const plan::CreateIndex& step, Context& ctx) const {
    check_name("index", step.index.name, step.index.declared_at, ctx);
    // `concurrently` has no meaning on SQLite (its descriptor: no concurrent indexes).
    ctx.emit(index_definition(step.index, false, ctx));
}

// ------------------------------------------------------------ enum types
// No enum types on SQLite: a column of an enum type is a VARCHAR with a
// CHECK listing the values; a change of the values rebuilds its tables.

void SqliteDialect::create_enum(const plan::CreateEnum& step, Context& ctx) const {
    std::string values;
    for (const auto& value : step.type.values) values += (values.empty() ? "" : ", ") + string_literal(value);
    ctx.comment(fmt::format("enum type {} ({}): a CHECK on every column of this type", step.type.name, values));
}

void SqliteDialect::drop_enum(const plan::DropEnum& step, Context& ctx) const {
    ctx.comment(fmt::format("enum type {} dropped", step.type.name));
}

}  // namespace retort::dialects
