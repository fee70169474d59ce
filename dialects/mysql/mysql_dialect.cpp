#include "dialects/mysql/mysql_dialect.hpp"

#include "compiler/sql/expr_walk.hpp"

#include <fmt/format.h>

namespace retort::dialects {

namespace {

// The literal inside a default, looking through a sign (-1 may be kept as
// negate(1)) and written parentheses.
const sql::Literal* literal_of(const sql::Expr& expr) {
    if (auto lit = std::get_if<sql::Literal>(&expr.node)) return lit;
    if (auto paren = std::get_if<sql::Paren>(&expr.node)) return literal_of(*paren->inner);
    return nullptr;
}

bool is_signed_number(const sql::Expr& expr) {
    auto unary = std::get_if<sql::Unary>(&expr.node);
    if (!unary || unary->op == sql::UnaryOp::not_) return false;
    auto lit = literal_of(*unary->operand);
    return lit && (lit->kind == sql::LiteralKind::integer || lit->kind == sql::LiteralKind::decimal);
}

// TEXT, BLOB and JSON take only parenthesized (expression) defaults on MySQL.
bool needs_expression_default(sql::TypeKind kind) {
    return kind == sql::TypeKind::text || kind == sql::TypeKind::binary || kind == sql::TypeKind::json;
}

}  // namespace

MysqlDialect::MysqlDialect(Options options)
    : BaseDialect(dialect::describe(dialect::Id::mysql), std::move(options)) {
    using K = sql::TypeKind;
    types_.set(K::integer, {"INT"});
    types_.set(K::numeric, {"DECIMAL", true});
    types_.set(K::float_, {"FLOAT"});
    types_.set(K::double_, {"DOUBLE"});
    types_.set(K::boolean, {"BOOL"});
    types_.set(K::datetime, {"DATETIME", true});
    types_.set(K::timestamp, {"DATETIME", true});
    types_.set(K::timestamptz, {"DATETIME", true});
    types_.set(K::uuid, {"CHAR(36)"});
    types_.set(K::binary, {"LONGBLOB"});
    using F = sql::Function;
    functions_.set(F::lower, {"LOWER"});
    functions_.set(F::upper, {"UPPER"});
    // length() counts characters, as on PostgreSQL; MySQL's LENGTH counts bytes.
    functions_.set(F::length, {"CHAR_LENGTH"});
    functions_.set(F::coalesce, {"COALESCE"});
    functions_.set(F::replace, {"REPLACE"});
    functions_.set(F::substr, {"SUBSTR"});
    functions_.set(F::trim, {"TRIM"});
    functions_.set(F::abs, {"ABS"});
    functions_.set(F::round, {"ROUND"});
    functions_.set(F::concat, {"CONCAT"});  // || is OR on MySQL
    // CAST takes its own set of types on MySQL and MariaDB, not the column types.
    cast_types_.emplace(standard_type);
    for (K k : {K::smallint, K::integer, K::bigint, K::boolean}) cast_types_->set(k, {"SIGNED"});
    cast_types_->set(K::numeric, {"DECIMAL", true});
    cast_types_->set(K::float_, {"DOUBLE"});
    cast_types_->set(K::double_, {"DOUBLE"});
    for (K k : {K::varchar, K::char_}) cast_types_->set(k, {"CHAR", true});
    for (K k : {K::text, K::json, K::enum_}) cast_types_->set(k, {"CHAR"});
    cast_types_->set(K::uuid, {"CHAR(36)"});
    for (K k : {K::datetime, K::timestamp, K::timestamptz}) cast_types_->set(k, {"DATETIME", true});
    cast_types_->set(K::binary, {"BINARY"});
    identifier_quote_ = '`';
    // Exact under the default sql_mode (no NO_BACKSLASH_ESCAPES): backslash
    // starts an escape, so it is doubled; the characters mysqldump escapes
    // are escaped the same way, everything else (tabs, UTF-8) is kept.
    string_escapes_ = StringEscapes({{'\'', "''"},
                                     {'\\', "\\\\"},
                                     {'\0', "\\0"},
                                     {'\n', "\\n"},
                                     {'\r', "\\r"},
                                     {'\x1A', "\\Z"}});
}

// ------------------------------------------------------------ identifiers

const WordSet& MysqlDialect::reserved_words() const { return mysql_reserved_words(); }

bool MysqlDialect::check_name(std::string_view name, SourceSpan span, Context& ctx) const {
    const dialect::NameLimit& limit = descriptor().names;
    std::size_t length = limit.length(name);
    if (length <= limit.max) return true;
    ctx.diagnostics.error(DiagCode::identifier_too_long, span.valid() ? span : ctx.span,
                          "the name \"{}\" has {} characters; MySQL allows at most {}: choose a shorter name",
                          name, length, limit.max);
    return false;
}

// ------------------------------------------------------------ types

std::string MysqlDialect::enum_type_name(const sql::Type& type, const schema::Schema& state) const {
    std::string out = "ENUM(";
    if (const schema::EnumType* e = state.enum_type(type.enum_name)) {
        for (std::size_t i = 0; i < e->values.size(); ++i) {
            if (i) out += ", ";
            out += string_literal(e->values[i]);
        }
    }
    return out + ")";
}

// ------------------------------------------------------------ literals

std::string MysqlDialect::literal(const sql::Literal& lit, SourceSpan span, Context& ctx) const {
    // MySQL carries any byte in a string literal (NUL as \0), so the base
    // class's NUL check does not apply.
    if (lit.kind == sql::LiteralKind::string) return string_literal(lit.text);
    return BaseDialect::literal(lit, span, ctx);
}

// ------------------------------------------------------------ expressions

int MysqlDialect::precedence(const sql::Expr& expr) const {
    if (auto binary = std::get_if<sql::Binary>(&expr.node); binary && binary->op == sql::BinaryOp::concat)
        return prec_atom;
    return BaseDialect::precedence(expr);
}

std::string MysqlDialect::concat(const sql::Binary& node, Context& ctx) const {
    // a || b || c  ->  CONCAT(a, b, c)
    std::vector<const sql::Expr*> parts;
    auto collect = [&](auto&& self, const sql::Expr& e) -> void {
        if (auto b = std::get_if<sql::Binary>(&e.node); b && b->op == sql::BinaryOp::concat) {
            self(self, *b->lhs);
            self(self, *b->rhs);
        } else {
            parts.push_back(&e);
        }
    };
    collect(collect, *node.lhs);
    collect(collect, *node.rhs);
    std::string out = "CONCAT(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += ", ";
        out += expression(*parts[i], ctx);
    }
    return out + ")";
}

std::string MysqlDialect::default_value(const schema::Column& column, Context& ctx) const {
    const sql::Expr& expr = *column.default_value;
    using K = sql::TypeKind;
    std::string value;
    bool plain = false;  // a constant MySQL takes without parentheses
    if (const sql::Literal* lit = literal_of(expr)) {
        plain = true;
        if (lit->kind == sql::LiteralKind::date || lit->kind == sql::LiteralKind::timestamp)
            value = string_literal(lit->text);  // '2024-01-15': the form every version takes
        else
            value = literal(*lit, expr.span, ctx);
    } else if (is_signed_number(expr)) {
        plain = true;
        value = expression(expr, ctx);
    } else if (auto call = std::get_if<sql::Call>(&expr.node); call && call->function == sql::Function::now) {
        switch (column.type.kind) {
            case K::datetime: case K::timestamp: case K::timestamptz:
                // the precision must match the column's: DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6)
                return column.type.length ? fmt::format("CURRENT_TIMESTAMP({})", *column.type.length)
                                          : std::string("CURRENT_TIMESTAMP");
            case K::date: return "(CURRENT_DATE)";
            case K::time: return "(CURRENT_TIME)";
            default: value = "CURRENT_TIMESTAMP"; break;
        }
    } else {
        value = expression(expr, ctx);
    }
    if (plain && !needs_expression_default(column.type.kind)) return value;
    return "(" + value + ")";
}

// ------------------------------------------------------------ definitions

std::string MysqlDialect::column_definition(const schema::Column& column, const schema::Table& table,
                                            Context& ctx) const {
    SourceSpan at = column.declared_at.valid() ? column.declared_at : ctx.span;
    if (column.type.kind == sql::TypeKind::varchar && !column.type.length) {
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, at,
                              "MySQL needs a length for column \"{}.{}\": write string(n) (VARCHAR(n)), "
                              "or text",
                              table.name, column.name);
    }
    if (column.type.kind == sql::TypeKind::enum_ && !ctx.state.enum_type(column.type.enum_name)) {
        ctx.diagnostics.error(DiagCode::unknown_object, at, "enum type \"{}\" of column \"{}.{}\" does not exist",
                              column.type.enum_name, table.name, column.name);
    }
    std::string out = quote_identifier(column.name) + " " + type_name(column.type, ctx.state);
    if (!column.nullable) out += " NOT NULL";
    if (column.default_value) out += " DEFAULT " + default_value(column, ctx);
    if (column.autoincrement) out += autoincrement_clause(column);
    if (column.comment) out += " COMMENT " + string_literal(*column.comment);
    return out;
}

std::string MysqlDialect::autoincrement_clause(const schema::Column&) const { return " AUTO_INCREMENT"; }

std::string MysqlDialect::charset() const {
    if (!options_.mysql_charset.empty()) return options_.mysql_charset;
    // A collation's name starts with its charset's: utf8mb4_unicode_ci.
    const std::string& collation = options_.mysql_collation;
    return collation.substr(0, collation.find('_'));
}

std::size_t MysqlDialect::bytes_per_character() const {
    const std::string cs = charset();
    if (cs == "latin1" || cs == "ascii" || cs == "binary" || cs == "latin2" || cs == "cp1252") return 1;
    if (cs == "utf8" || cs == "utf8mb3") return 3;
    if (cs == "ucs2" || cs == "utf16") return cs == "ucs2" ? 2 : 4;
    return 4;  // utf8mb4 and anything unknown: the widest
}

void MysqlDialect::check_key_columns(const schema::Table& table, const std::vector<std::string>& columns,
                                     std::string_view what, SourceSpan span, Context& ctx) const {
    // InnoDB's key length limit (DYNAMIC/COMPRESSED rows, the default since
    // MySQL 5.7 / MariaDB 10.2): 3072 bytes over the key's string columns.
    constexpr std::size_t max_key_bytes = 3072;
    std::size_t key_bytes = 0;
    for (const auto& name : columns) {
        const schema::Column* column = table.column(name);
        if (column && (column->type.kind == sql::TypeKind::varchar || column->type.kind == sql::TypeKind::char_))
            key_bytes += static_cast<std::size_t>(column->type.length.value_or(1)) * bytes_per_character();
    }
    if (key_bytes > max_key_bytes) {
        const std::string cs = charset();
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, span.valid() ? span : ctx.span,
                              "{} is {} bytes long in {} ({} bytes a character); InnoDB keys hold at most {}: "
                              "use shorter string columns in the key",
                              what, key_bytes, cs.empty() ? std::string("the database's charset") : cs,
                              bytes_per_character(), max_key_bytes);
    }
    for (const auto& name : columns) {
        const schema::Column* column = table.column(name);
        if (!column) continue;
        SourceSpan at = span.valid() ? span : ctx.span;
        switch (column->type.kind) {
            case sql::TypeKind::text:
            case sql::TypeKind::binary:
                ctx.diagnostics
                    .error(DiagCode::unsupported_in_dialect, at,
                           "MySQL cannot use {} column \"{}.{}\" in {} without a prefix length: give the "
                           "column a bounded type such as string(255), or keep the key out of MySQL with "
                           "an `only` block",
                           column->type.kind == sql::TypeKind::text ? "TEXT" : "BLOB", table.name, name, what)
                    .note(column->declared_at, "column \"{}\" declared here", name);
                break;
            case sql::TypeKind::json:
                ctx.diagnostics
                    .error(DiagCode::unsupported_in_dialect, at,
                           "MySQL cannot index JSON column \"{}.{}\" (used in {}): index a generated "
                           "column instead, in an `only mysql` block",
                           table.name, name, what)
                    .note(column->declared_at, "column \"{}\" declared here", name);
                break;
            default: break;
        }
    }
}

std::string MysqlDialect::constraint_definition(const schema::Constraint& c, const schema::Table& table,
                                                Context& ctx) const {
    SourceSpan at = c.declared_at.valid() ? c.declared_at : ctx.span;
    switch (c.kind) {
        case schema::ConstraintKind::primary_key:
            // MySQL names every primary key PRIMARY; a name given here is ignored.
            check_key_columns(table, c.columns, "a primary key", at, ctx);
            return "PRIMARY KEY " + column_list(c.columns);
        case schema::ConstraintKind::unique:
            check_key_columns(table, c.columns, fmt::format("unique constraint \"{}\"", c.name), at, ctx);
            break;
        case schema::ConstraintKind::foreign_key:
            check_key_columns(table, c.columns, fmt::format("foreign key \"{}\"", c.name), at, ctx);
            for (const auto& action : {c.on_delete, c.on_update}) {
                if (action == sql::FkAction::set_default)
                    ctx.diagnostics.error(DiagCode::unsupported_in_dialect, at,
                                          "InnoDB rejects SET DEFAULT in foreign key \"{}\": use SET NULL, "
                                          "RESTRICT or CASCADE",
                                          c.name);
            }
            break;
        case schema::ConstraintKind::check: break;
    }
    return BaseDialect::constraint_definition(c, table, ctx);
}

std::string MysqlDialect::table_options(const schema::Table& table) const {
    // The names are written as they are: config checked them at load. Neither
    // charset nor collation given: the table takes the database's, as
    // SQLAlchemy's tables do; a collation alone implies its charset.
    std::string out = " ENGINE=" + options_.mysql_engine;
    if (!options_.mysql_charset.empty()) out += " DEFAULT CHARSET=" + options_.mysql_charset;
    if (!options_.mysql_collation.empty()) out += " COLLATE=" + options_.mysql_collation;
    if (table.comment) out += " COMMENT=" + string_literal(*table.comment);
    return out;
}

void MysqlDialect::emit_table_comments(const schema::Table&, Context&) const {
    // Comments are part of the column definitions and the table options.
}

// ------------------------------------------------------------ tables

void MysqlDialect::create_table(const plan::CreateTable& step, Context& ctx) const {
    const schema::Table& table = *step.table;
    check_name(table.name, table.declared_at, ctx);
    for (const auto& column : table.columns) check_name(column.name, column.declared_at, ctx);
    for (const auto& constraint : table.constraints) check_name(constraint.name, constraint.declared_at, ctx);
    BaseDialect::create_table(step, ctx);
}

void MysqlDialect::rename_table(const plan::RenameTable& step, Context& ctx) const {
    check_name(step.after->name, ctx.span, ctx);
    ctx.emit("RENAME TABLE " + quote_identifier(step.before->name) + " TO " + quote_identifier(step.after->name));
}

void MysqlDialect::comment_on_table(const plan::CommentOnTable& step, Context& ctx) const {
    ctx.emit(alter_table_prefix(*step.after) + "COMMENT = " + string_literal(step.after->comment.value_or("")));
}

void MysqlDialect::comment_on_column(const plan::CommentOnColumn& step, Context& ctx) const {
    const schema::Column* column = step.after->column(step.column);
    if (!column) {
        ctx.diagnostics.error(DiagCode::unknown_object, ctx.span, "column \"{}\" does not exist in table \"{}\"",
                              step.column, step.after->name);
        return;
    }
    ctx.emit(alter_table_prefix(*step.after) + modify_column(*column, *step.after, ctx));
}

// ------------------------------------------------------------ indexes

void MysqlDialect::create_index(const plan::CreateIndex& step, Context& ctx) const {
    // `concurrently` is ignored: InnoDB builds secondary indexes online anyway.
    SourceSpan at = step.index.declared_at.valid() ? step.index.declared_at : ctx.span;
    check_name(step.index.name, at, ctx);
    std::vector<std::string> columns;
    for (const auto& c : step.index.columns) columns.push_back(c.column);
    check_key_columns(*step.table, columns, fmt::format("index \"{}\"", step.index.name), at, ctx);
    ctx.emit(index_definition(step.index, false, ctx));
    // An index retort's script added for a foreign key, now covered, goes
    // (InnoDB drops the ones it made itself).
    if (step.before)
        for (const auto& gone : fk_indexes_dropped(*step.before, *step.table))
            ctx.emit("DROP INDEX " + quote_identifier(gone.name) + " ON " + quote_identifier(step.table->name));
}

void MysqlDialect::drop_index(const plan::DropIndex& step, Context& ctx) const {
    std::string restore = step.before ? fk_index_clauses(*step.before, *step.table, nullptr, nullptr) : "";
    if (restore.empty()) {
        ctx.emit("DROP INDEX " + quote_identifier(step.index.name) + " ON " + quote_identifier(step.table->name));
    } else {
        // The index served a foreign key: InnoDB refuses to drop it unless
        // another index takes over in the same statement.
        ctx.emit(alter_table_prefix(*step.table) + "DROP INDEX " + quote_identifier(step.index.name) + restore);
        recreate_fk_keys(*step.before, *step.table, nullptr, nullptr, ctx);
    }
}

std::vector<std::string> MysqlDialect::script_notes() const {
    return {
        "MySQL commits every DDL statement implicitly: this script has no BEGIN/COMMIT,",
        "and a failure leaves the statements before it applied (the version table",
        "says which migrations completed).",
        "String literals assume the default sql_mode (backslash escapes on, no",
        "NO_BACKSLASH_ESCAPES); run with --default-character-set=utf8mb4.",
    };
}

// ------------------------------------------------------------ reads

// MySQL needs a FROM before a WHERE: FROM DUAL when the select reads no table.
std::string MysqlDialect::select_sql(const sql::Select& select, Context& ctx) const {
    std::string out = BaseDialect::select_sql(select, ctx);
    if (!select.from && select.where) {
        std::string where = " WHERE " + expression(*select.where, ctx);
        out.insert(out.size() - where.size(), " FROM DUAL");
    }
    return out;
}

namespace {

// A subquery of `expr` that reads `table`.
bool reads_table(const sql::ExprRef& expr, const std::string& table) {
    return sql::any_of(expr, [&](const sql::Expr& e) {
        const sql::SelectRef* q = nullptr;
        if (const auto* x = std::get_if<sql::Exists>(&e.node)) q = &x->query;
        if (const auto* x = std::get_if<sql::Subquery>(&e.node)) q = &x->query;
        return q && *q && (*q)->from && (*q)->from->table == table;
    });
}

}  // namespace

// MySQL refuses a subquery that reads the table an UPDATE or DELETE writes
// (ERROR 1093): said here rather than found on the server.
void MysqlDialect::refuse_self_read(const sql::ExprRef& expr, const std::string& table, Context& ctx) const {
    if (reads_table(expr, table))
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, expr->span.valid() ? expr->span : ctx.span,
                              "MySQL cannot read table \"{}\" in a subquery of a statement that writes it "
                              "(ERROR 1093); put the statement in an `only` block with another form for mysql",
                              table);
}

void MysqlDialect::update(const plan::Update& step, Context& ctx) const {
    for (const auto& a : step.assignments) refuse_self_read(a.value, step.table->name, ctx);
    if (step.where) refuse_self_read(step.where, step.table->name, ctx);
    BaseDialect::update(step, ctx);
}

void MysqlDialect::delete_(const plan::Delete& step, Context& ctx) const {
    if (step.where) refuse_self_read(step.where, step.table->name, ctx);
    BaseDialect::delete_(step, ctx);
}

}  // namespace retort::dialects
