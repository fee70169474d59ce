#include "dialects/base_dialect.hpp"

#include <fmt/format.h>

namespace retort::dialects {

// ------------------------------------------------------------ identifiers

const WordSet& BaseDialect::reserved_words() const {
    // Reserved in SQL:2016 and in each of PostgreSQL, MySQL and SQLite.
    static const WordSet words{
        "all",      "alter",     "and",        "any",          "as",
        "asc",      "between",   "both",       "by",           "case",
        "cast",     "check",     "collate",    "column",       "constraint",
        "create",   "cross",     "current_date", "current_time", "current_timestamp",
        "current_user", "default", "delete",   "desc",         "distinct",
        "drop",     "else",      "end",        "except",       "exists",
        "false",    "fetch",     "for",        "foreign",      "from",
        "full",     "grant",     "group",      "having",       "in",
        "index",    "inner",     "insert",     "intersect",    "into",
        "is",       "join",      "key",        "leading",      "left",
        "like",     "limit",     "natural",    "not",          "null",
        "offset",   "on",        "or",         "order",        "outer",
        "primary",  "references", "right",     "select",       "set",
        "some",     "table",     "then",       "to",           "trailing",
        "true",     "union",     "unique",     "update",       "user",
        "using",    "values",    "when",       "where",        "with",
    };
    return words;
}

bool BaseDialect::needs_quoting(std::string_view name) const {
    if (name.empty()) return true;
    char first = name.front();
    if (!((first >= 'a' && first <= 'z') || first == '_')) return true;
    for (char c : name) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!plain) return true;
    }
    return reserved_words().contains(name);
}

std::string BaseDialect::force_quote(std::string_view name) const {
    std::string out(1, identifier_quote_);
    for (char c : name) {
        if (c == identifier_quote_) out += identifier_quote_;
        out += c;
    }
    out += identifier_quote_;
    return out;
}

std::string BaseDialect::quote_identifier(std::string_view name) const {
    return needs_quoting(name) ? force_quote(name) : std::string(name);
}

std::string BaseDialect::column_list(const std::vector<std::string>& names) const {
    std::string out = "(";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += ", ";
        out += quote_identifier(names[i]);
    }
    return out + ")";
}

std::string BaseDialect::version_table_name() const {
    std::string name = quote_identifier(options_.version_table);
    if (!options_.version_table_schema.empty())
        return quote_identifier(options_.version_table_schema) + "." + name;
    return name;
}

// ------------------------------------------------------------ types

std::string BaseDialect::type_name(const sql::Type& type, const schema::Schema& state) const {
    if (type.kind == sql::TypeKind::enum_) return enum_type_name(type, state);
    return types_[type.kind].render(type);
}

std::string BaseDialect::enum_type_name(const sql::Type& type, const schema::Schema&) const {
    return quote_identifier(type.enum_name);
}

// ------------------------------------------------------------ literals

std::string BaseDialect::literal(const sql::Literal& lit, SourceSpan span, Context& ctx) const {
    using K = sql::LiteralKind;
    switch (lit.kind) {
        case K::null: return null_literal();
        case K::boolean: return boolean_literal(lit.text == "true");
        case K::integer:
        case K::decimal: return lit.text;
        case K::string:
            if (lit.text.find('\0') != std::string::npos) {
                ctx.diagnostics.error(DiagCode::nul_character, span.valid() ? span : ctx.span,
                                      "a NUL character cannot be stored in a {} string literal",
                                      descriptor().name);
                return string_literal("");
            }
            return string_literal(lit.text);
        case K::date: return date_literal(lit.text);
        case K::timestamp: return timestamp_literal(lit.text);
        case K::binary: return binary_literal(lit.text);
    }
    return null_literal();
}

std::string BaseDialect::string_literal(std::string_view text) const { return string_escapes_.quote(text); }

std::string BaseDialect::binary_literal(std::string_view bytes) const {
    std::string out = "X'";
    for (unsigned char c : bytes) out += fmt::format("{:02X}", c);
    return out + "'";
}

std::string BaseDialect::boolean_literal(bool value) const { return value ? "TRUE" : "FALSE"; }
std::string BaseDialect::date_literal(std::string_view text) const { return "DATE " + string_literal(text); }
std::string BaseDialect::timestamp_literal(std::string_view text) const {
    return "TIMESTAMP " + string_literal(text);
}
std::string BaseDialect::null_literal() const { return "NULL"; }

// ------------------------------------------------------------ expressions

int BaseDialect::binary_precedence(sql::BinaryOp op) const {
    using O = sql::BinaryOp;
    switch (op) {
        case O::or_: return prec_or;
        case O::and_: return prec_and;
        case O::eq: case O::ne: case O::lt: case O::le: case O::gt: case O::ge: return prec_comparison;
        case O::concat: return prec_concat;
        case O::add: case O::sub: return prec_additive;
        case O::mul: case O::div: case O::mod: return prec_multiplicative;
    }
    return prec_atom;
}

int BaseDialect::precedence(const sql::Expr& expr) const {
    return std::visit(
        [&](const auto& node) -> int {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, sql::Unary>)
                return node.op == sql::UnaryOp::not_ ? prec_not : prec_unary;
            else if constexpr (std::is_same_v<T, sql::Binary>) return binary_precedence(node.op);
            else if constexpr (std::is_same_v<T, sql::IsNull>) return prec_is;
            else if constexpr (std::is_same_v<T, sql::InList> || std::is_same_v<T, sql::Like> ||
                               std::is_same_v<T, sql::Between>)
                return prec_predicate;
            else if constexpr (std::is_same_v<T, sql::Literal> || std::is_same_v<T, sql::ColumnRef> ||
                               std::is_same_v<T, sql::Call> || std::is_same_v<T, sql::Paren> ||
                               std::is_same_v<T, sql::Case> || std::is_same_v<T, sql::Cast> ||
                               std::is_same_v<T, sql::Exists> || std::is_same_v<T, sql::Subquery>)
                return prec_atom;
            else static_assert(sizeof(T) == 0, "an expression kind without a precedence");
        },
        expr.node);
}

std::string BaseDialect::binary_operator(sql::BinaryOp op) const {
    switch (op) {
        case sql::BinaryOp::and_: return "AND";
        case sql::BinaryOp::or_: return "OR";
        default: return sql::binary_op_text(op);
    }
}

namespace {

bool is_arithmetic(int prec) {
    return prec == BaseDialect::prec_additive || prec == BaseDialect::prec_multiplicative;
}
bool is_predicate_family(int prec) {
    return prec >= BaseDialect::prec_is && prec <= BaseDialect::prec_predicate;
}

}  // namespace

std::string BaseDialect::operand(const sql::ExprRef& child, int parent, bool right, Context& ctx) const {
    int cp = precedence(*child);
    bool wrap = false;
    if (cp == prec_atom) wrap = false;
    else if (is_predicate_family(parent)) wrap = cp <= prec_predicate;
    else if (parent == prec_concat) wrap = cp < prec_concat || is_arithmetic(cp) || (cp == parent && right);
    else if (is_arithmetic(parent)) wrap = cp < parent || cp == prec_concat || (cp == parent && right);
    else if (parent == prec_unary) wrap = cp < prec_unary;
    else wrap = cp < parent || (cp == parent && right);
    std::string text = expression(*child, ctx);
    return wrap ? "(" + text + ")" : text;
}

std::string BaseDialect::expression_list(const std::vector<sql::ExprRef>& items, Context& ctx) const {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += expression(*items[i], ctx);
    }
    return out;
}

std::string BaseDialect::concat(const sql::Binary& node, Context& ctx) const {
    return operand(node.lhs, prec_concat, false, ctx) + " || " + operand(node.rhs, prec_concat, true, ctx);
}

std::string BaseDialect::function_call(const sql::Call& call, Context& ctx) const {
    const FunctionSpelling& f = functions_[call.function];
    if (f.bare) return std::string(f.name);
    if (!f.infix.empty()) {
        // concat(a, b) as (a || b): the operator's operands, in parentheses.
        std::string out;
        for (std::size_t i = 0; i < call.args.size(); ++i)
            out += (i ? std::string(f.infix) : "") + operand(call.args[i], prec_concat, i > 0, ctx);
        return call.args.size() == 1 ? out : "(" + out + ")";
    }
    std::string args;
    for (std::size_t i = 0; i < call.args.size(); ++i) {
        if (i) args += ", ";
        std::string arg = expression(*call.args[i], ctx);
        args += i == 0 && !f.first_arg_cast.empty() ? fmt::format("CAST({} AS {})", arg, f.first_arg_cast) : arg;
    }
    return fmt::format("{}({})", f.name, args);
}

std::string BaseDialect::cast_type(const sql::Type& type, Context& ctx) const {
    if (!cast_types_) return type_name(type, ctx.state);
    return (*cast_types_)[type.kind].render(type);
}

std::string BaseDialect::select_sql(const sql::Select& select, Context& ctx) const {
    std::string out = "SELECT " + expression_list(select.items, ctx);
    if (select.from) {
        out += " FROM " + quote_identifier(select.from->table);
        if (!select.from->alias.empty()) out += " AS " + quote_identifier(select.from->alias);
    }
    if (select.where) out += " WHERE " + expression(*select.where, ctx);
    return out;
}

std::string BaseDialect::expression(const sql::Expr& expr, Context& ctx) const {
    return std::visit(
        [&](const auto& node) -> std::string {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, sql::Literal>) {
                return literal(node, expr.span, ctx);
            } else if constexpr (std::is_same_v<T, sql::ColumnRef>) {
                if (!node.table.empty()) return quote_identifier(node.table) + "." + quote_identifier(node.name);
                return quote_identifier(node.name);
            } else if constexpr (std::is_same_v<T, sql::Unary>) {
                if (node.op == sql::UnaryOp::not_) return "NOT " + operand(node.operand, prec_not, true, ctx);
                std::string inner = operand(node.operand, prec_unary, true, ctx);
                // "--" would start a comment, "+-" reads badly: keep signs apart.
                if (!inner.empty() && (inner.front() == '-' || inner.front() == '+')) inner = "(" + inner + ")";
                return (node.op == sql::UnaryOp::negate ? "-" : "+") + inner;
            } else if constexpr (std::is_same_v<T, sql::Binary>) {
                if (node.op == sql::BinaryOp::concat) return concat(node, ctx);
                int p = binary_precedence(node.op);
                return operand(node.lhs, p, false, ctx) + " " + binary_operator(node.op) + " " +
                       operand(node.rhs, p, true, ctx);
            } else if constexpr (std::is_same_v<T, sql::IsNull>) {
                return operand(node.operand, prec_is, false, ctx) + (node.negated ? " IS NOT NULL" : " IS NULL");
            } else if constexpr (std::is_same_v<T, sql::InList>) {
                return operand(node.operand, prec_predicate, false, ctx) + (node.negated ? " NOT IN (" : " IN (") +
                       expression_list(node.items, ctx) + ")";
            } else if constexpr (std::is_same_v<T, sql::Like>) {
                return operand(node.operand, prec_predicate, false, ctx) + (node.negated ? " NOT LIKE " : " LIKE ") +
                       operand(node.pattern, prec_predicate, true, ctx);
            } else if constexpr (std::is_same_v<T, sql::Between>) {
                return operand(node.operand, prec_predicate, false, ctx) +
                       (node.negated ? " NOT BETWEEN " : " BETWEEN ") +
                       operand(node.low, prec_predicate, true, ctx) + " AND " +
                       operand(node.high, prec_predicate, true, ctx);
            } else if constexpr (std::is_same_v<T, sql::Call>) {
                return function_call(node, ctx);
            } else if constexpr (std::is_same_v<T, sql::Paren>) {
                return "(" + expression(*node.inner, ctx) + ")";
            } else if constexpr (std::is_same_v<T, sql::Case>) {
                std::string out = "CASE";
                for (std::size_t i = 0; i < node.conditions.size(); ++i)
                    out += " WHEN " + expression(*node.conditions[i], ctx) + " THEN " + expression(*node.results[i], ctx);
                if (node.otherwise) out += " ELSE " + expression(*node.otherwise, ctx);
                return out + " END";
            } else if constexpr (std::is_same_v<T, sql::Cast>) {
                return "CAST(" + expression(*node.operand, ctx) + " AS " + cast_type(node.type, ctx) + ")";
            } else if constexpr (std::is_same_v<T, sql::Exists>) {
                return "EXISTS (" + select_sql(*node.query, ctx) + ")";
            } else if constexpr (std::is_same_v<T, sql::Subquery>) {
                return "(" + select_sql(*node.query, ctx) + ")";
            } else {
                static_assert(sizeof(T) == 0, "an expression node without rendering");
            }
        },
        expr.node);
}

// ------------------------------------------------------------ definitions

std::string BaseDialect::autoincrement_clause(const schema::Column&) const {
    return " GENERATED BY DEFAULT AS IDENTITY";
}

std::string BaseDialect::drop_autoincrement_action() const { return "DROP IDENTITY"; }

std::string BaseDialect::column_definition(const schema::Column& column, const schema::Table&,
                                           Context& ctx) const {
    std::string out = quote_identifier(column.name) + " " + type_name(column.type, ctx.state);
    if (column.autoincrement) out += autoincrement_clause(column);
    if (!column.nullable) out += " NOT NULL";
    if (column.default_value) out += " DEFAULT " + expression(*column.default_value, ctx);
    return out;
}

std::string BaseDialect::fk_action(sql::FkAction action) const {
    switch (action) {
        case sql::FkAction::no_action: return "NO ACTION";
        case sql::FkAction::restrict: return "RESTRICT";
        case sql::FkAction::cascade: return "CASCADE";
        case sql::FkAction::set_null: return "SET NULL";
        case sql::FkAction::set_default: return "SET DEFAULT";
    }
    return "NO ACTION";
}

std::string BaseDialect::constraint_name_clause(const schema::Constraint& c) const {
    return c.name_from_engine ? std::string() : "CONSTRAINT " + quote_identifier(c.name) + " ";
}

std::string BaseDialect::constraint_definition(const schema::Constraint& c, const schema::Table&,
                                               Context& ctx) const {
    std::string out = constraint_name_clause(c);
    switch (c.kind) {
        case schema::ConstraintKind::primary_key: out += "PRIMARY KEY " + column_list(c.columns); break;
        case schema::ConstraintKind::unique: out += "UNIQUE " + column_list(c.columns); break;
        case schema::ConstraintKind::check:
            out += "CHECK (" + (c.check ? expression(*c.check, ctx) : std::string("TRUE")) + ")";
            break;
        case schema::ConstraintKind::foreign_key:
            out += "FOREIGN KEY " + column_list(c.columns) + " REFERENCES " + quote_identifier(c.ref_table) +
                   " " + column_list(c.ref_columns);
            if (c.on_delete) out += " ON DELETE " + fk_action(*c.on_delete);
            if (c.on_update) out += " ON UPDATE " + fk_action(*c.on_update);
            break;
    }
    return out;
}

std::string BaseDialect::index_definition(const schema::Index& index, bool concurrently, Context& ctx) const {
    std::string out = index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
    if (concurrently && descriptor().concurrent_indexes) out += "CONCURRENTLY ";
    out += quote_identifier(index.name) + " ON " + quote_identifier(index.table) + " (";
    for (std::size_t i = 0; i < index.columns.size(); ++i) {
        if (i) out += ", ";
        out += quote_identifier(index.columns[i].column);
        if (index.columns[i].descending) out += " DESC";
    }
    out += ")";
    if (index.where) {
        if (descriptor().partial_indexes) {
            out += " WHERE " + expression(*index.where, ctx);
        } else {
            ctx.diagnostics.error(DiagCode::unsupported_in_dialect, index.declared_at.valid() ? index.declared_at : ctx.span,
                                  "{} has no partial indexes: drop the `where` clause of index \"{}\" or "
                                  "wrap the index in `only` blocks",
                                  descriptor().name, index.name);
        }
    }
    return out;
}

std::string BaseDialect::table_options(const schema::Table&) const { return ""; }

std::string BaseDialect::comment_on_table_sql(const schema::Table& table) const {
    return "COMMENT ON TABLE " + quote_identifier(table.name) + " IS " +
           (table.comment ? string_literal(*table.comment) : null_literal());
}

std::string BaseDialect::comment_on_column_sql(const schema::Table& table, const schema::Column& column) const {
    return "COMMENT ON COLUMN " + quote_identifier(table.name) + "." + quote_identifier(column.name) + " IS " +
           (column.comment ? string_literal(*column.comment) : null_literal());
}

void BaseDialect::emit_table_comments(const schema::Table& table, Context& ctx) const {
    if (table.comment) emit_comment(comment_on_table_sql(table), ctx);
    for (const auto& column : table.columns)
        if (column.comment) emit_comment(comment_on_column_sql(table, column), ctx);
}

// ------------------------------------------------------------ tables

bool BaseDialect::written_in_column(const schema::Constraint&, const schema::Table&) const { return false; }

std::string BaseDialect::create_table_sql(const schema::Table& table, std::string_view name, bool if_not_exists,
                                          Context& ctx) const {
    std::string sql = if_not_exists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ";
    sql += quote_identifier(name) + " (";
    bool first = true;
    for (const auto& column : table.columns) {
        sql += first ? "\n    " : ",\n    ";
        first = false;
        sql += column_definition(column, table, ctx);
    }
    for (const auto& constraint : table.constraints) {
        if (written_in_column(constraint, table)) continue;
        sql += first ? "\n    " : ",\n    ";
        first = false;
        sql += constraint_definition(constraint, table, ctx);
    }
    return sql + "\n)" + table_options(table);
}

void BaseDialect::create_table(const plan::CreateTable& step, Context& ctx) const {
    ctx.emit(create_table_sql(*step.table, step.table->name, step.if_not_exists, ctx));
    emit_table_comments(*step.table, ctx);
}

void BaseDialect::drop_table(const plan::DropTable& step, Context& ctx) const {
    ctx.emit(std::string(step.if_exists ? "DROP TABLE IF EXISTS " : "DROP TABLE ") +
             quote_identifier(step.table->name));
}

void BaseDialect::rename_table(const plan::RenameTable& step, Context& ctx) const {
    ctx.emit("ALTER TABLE " + quote_identifier(step.before->name) + " RENAME TO " +
             quote_identifier(step.after->name));
}

void BaseDialect::comment_on_table(const plan::CommentOnTable& step, Context& ctx) const {
    emit_comment(comment_on_table_sql(*step.after), ctx);
}

void BaseDialect::comment_on_column(const plan::CommentOnColumn& step, Context& ctx) const {
    const schema::Column* column = step.after->column(step.column);
    if (!column) {
        ctx.diagnostics.error(DiagCode::unknown_object, ctx.span, "column \"{}\" does not exist in table \"{}\"",
                              step.column, step.after->name);
        return;
    }
    emit_comment(comment_on_column_sql(*step.after, *column), ctx);
}

std::string BaseDialect::alter_table_prefix(const schema::Table& table) const {
    return "ALTER TABLE " + quote_identifier(table.name) + " ";
}

void BaseDialect::alter_table(const plan::AlterTable& step, Context& ctx) const {
    for (const auto& action : step.actions) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, plan::AddColumn>) add_column(node, step, ctx);
                else if constexpr (std::is_same_v<T, plan::DropColumn>) drop_column(node, step, ctx);
                else if constexpr (std::is_same_v<T, plan::RenameColumn>) rename_column(node, step, ctx);
                else if constexpr (std::is_same_v<T, plan::AlterColumn>) alter_column(node, step, ctx);
                else if constexpr (std::is_same_v<T, plan::AddConstraint>) add_constraint(node, step, ctx);
                else if constexpr (std::is_same_v<T, plan::DropConstraint>) drop_constraint(node, step, ctx);
                else static_assert(sizeof(T) == 0, "an alter action without a hook");
            },
            action.node);
    }
}

void BaseDialect::add_column(const plan::AddColumn& action, const plan::AlterTable& step, Context& ctx) const {
    ctx.emit(alter_table_prefix(*step.after) + "ADD COLUMN " + column_definition(action.column, *step.after, ctx));
    if (action.column.comment) emit_comment(comment_on_column_sql(*step.after, action.column), ctx);
}

void BaseDialect::drop_column(const plan::DropColumn& action, const plan::AlterTable& step, Context& ctx) const {
    ctx.emit(alter_table_prefix(*step.after) + "DROP COLUMN " + quote_identifier(action.column.name));
}

void BaseDialect::rename_column(const plan::RenameColumn& action, const plan::AlterTable& step,
                                Context& ctx) const {
    ctx.emit(alter_table_prefix(*step.after) + "RENAME COLUMN " + quote_identifier(action.from.name) + " TO " +
             quote_identifier(action.to.name));
}

std::string BaseDialect::alter_column_prefix(const plan::AlterColumn& action, const plan::AlterTable& step) const {
    return alter_table_prefix(*step.after) + "ALTER COLUMN " + quote_identifier(action.to.name) + " ";
}

void BaseDialect::alter_column(const plan::AlterColumn& action, const plan::AlterTable& step,
                               Context& ctx) const {
    if (!(action.from.type == action.to.type))
        ctx.emit(alter_column_prefix(action, step) + "TYPE " + type_name(action.to.type, ctx.state));
    alter_column_rest(action, step, false, ctx);
}

void BaseDialect::alter_column_rest(const plan::AlterColumn& action, const plan::AlterTable& step,
                                    bool default_dropped, Context& ctx) const {
    const auto& from = action.from;
    const auto& to = action.to;
    std::string prefix = alter_column_prefix(action, step);
    if (from.nullable != to.nullable) ctx.emit(prefix + (to.nullable ? "DROP NOT NULL" : "SET NOT NULL"));
    if (default_dropped || !sql::same(from.default_value, to.default_value)) {
        if (to.default_value) ctx.emit(prefix + "SET DEFAULT " + expression(*to.default_value, ctx));
        else if (!default_dropped) ctx.emit(prefix + "DROP DEFAULT");
    }
    if (from.autoincrement != to.autoincrement) {
        if (to.autoincrement) ctx.emit(prefix + "ADD" + autoincrement_clause(to));
        else ctx.emit(prefix + drop_autoincrement_action());
    }
    if (from.comment != to.comment) emit_comment(comment_on_column_sql(*step.after, to), ctx);
}

void BaseDialect::add_constraint(const plan::AddConstraint& action, const plan::AlterTable& step,
                                 Context& ctx) const {
    ctx.emit(alter_table_prefix(*step.after) + "ADD " + constraint_definition(action.constraint, *step.after, ctx));
}

void BaseDialect::drop_constraint(const plan::DropConstraint& action, const plan::AlterTable& step,
                                  Context& ctx) const {
    ctx.emit(alter_table_prefix(*step.after) + "DROP CONSTRAINT " + quote_identifier(action.constraint.name));
}

// ------------------------------------------------------------ indexes

void BaseDialect::create_index(const plan::CreateIndex& step, Context& ctx) const {
    bool outside = step.concurrently && descriptor().concurrent_indexes;
    ctx.emit(index_definition(step.index, step.concurrently, ctx),
             outside ? Placement::outside_transaction : Placement::in_transaction);
}

void BaseDialect::drop_index(const plan::DropIndex& step, Context& ctx) const {
    bool outside = step.concurrently && descriptor().concurrent_indexes;
    std::string sql = "DROP INDEX ";
    if (outside) sql += "CONCURRENTLY ";
    if (step.if_exists) sql += "IF EXISTS ";
    sql += quote_identifier(step.index.name);
    ctx.emit(std::move(sql), outside ? Placement::outside_transaction : Placement::in_transaction);
}

// ------------------------------------------------------------ enum types

void BaseDialect::create_enum(const plan::CreateEnum& step, Context& ctx) const {
    std::string sql = "CREATE TYPE " + quote_identifier(step.type.name) + " AS ENUM (";
    for (std::size_t i = 0; i < step.type.values.size(); ++i) {
        if (i) sql += ", ";
        sql += string_literal(step.type.values[i]);
    }
    ctx.emit(sql + ")");
}

void BaseDialect::drop_enum(const plan::DropEnum& step, Context& ctx) const {
    ctx.emit("DROP TYPE " + quote_identifier(step.type.name));
}

void BaseDialect::rename_enum_value(const plan::RenameEnumValue& step, Context& ctx) const {
    ctx.emit("ALTER TYPE " + quote_identifier(step.after.name) + " RENAME VALUE " + string_literal(step.from) +
             " TO " + string_literal(step.to));
}

// ------------------------------------------------------------ data

void BaseDialect::insert(const plan::Insert& step, Context& ctx) const {
    if (step.query) {
        ctx.emit("INSERT INTO " + quote_identifier(step.table->name) + " " + column_list(step.columns) + " " +
                 select_sql(*step.query, ctx));
        return;
    }
    std::string sql = "INSERT INTO " + quote_identifier(step.table->name) + " " + column_list(step.columns) + " VALUES";
    bool many = step.rows.size() > 1;
    for (std::size_t i = 0; i < step.rows.size(); ++i) {
        sql += i ? ",\n    " : (many ? "\n    " : " ");
        sql += "(" + expression_list(step.rows[i], ctx) + ")";
    }
    ctx.emit(std::move(sql));
}

void BaseDialect::update(const plan::Update& step, Context& ctx) const {
    std::string sql = "UPDATE " + quote_identifier(step.table->name) + " SET ";
    for (std::size_t i = 0; i < step.assignments.size(); ++i) {
        if (i) sql += ", ";
        sql += quote_identifier(step.assignments[i].column) + " = " + expression(*step.assignments[i].value, ctx);
    }
    if (step.where) sql += " WHERE " + expression(*step.where, ctx);
    ctx.emit(std::move(sql));
}

void BaseDialect::delete_(const plan::Delete& step, Context& ctx) const {
    std::string sql = "DELETE FROM " + quote_identifier(step.table->name);
    if (step.where) sql += " WHERE " + expression(*step.where, ctx);
    ctx.emit(std::move(sql));
}

void BaseDialect::execute(const plan::Execute& step, Context& ctx) const {
    std::string sql = step.sql;
    auto is_trailing = [](char c) { return c == ';' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!sql.empty() && is_trailing(sql.back())) sql.pop_back();
    std::size_t start = 0;
    while (start < sql.size() && (sql[start] == '\n' || sql[start] == '\r')) ++start;
    sql.erase(0, start);
    if (sql.empty()) return;
    ctx.emit(std::move(sql));
}

// ------------------------------------------------------------ version table

std::string BaseDialect::version_column() const { return "version_num"; }

std::string BaseDialect::create_version_table() const {
    return "CREATE TABLE IF NOT EXISTS " + version_table_name() + " (\n    " + quote_identifier(version_column()) +
           " VARCHAR(32) NOT NULL,\n    CONSTRAINT " + quote_identifier(options_.version_table + "_pkc") +
           " PRIMARY KEY (" + quote_identifier(version_column()) + ")\n)";
}

std::string BaseDialect::insert_version(std::string_view to) const {
    return "INSERT INTO " + version_table_name() + " (" + quote_identifier(version_column()) + ") VALUES (" +
           string_literal(to) + ")";
}

std::string BaseDialect::update_version(std::string_view from, std::string_view to) const {
    std::string column = quote_identifier(version_column());
    return "UPDATE " + version_table_name() + " SET " + column + " = " + string_literal(to) + " WHERE " + column +
           " = " + string_literal(from);
}

std::string BaseDialect::delete_version(std::string_view from) const {
    return "DELETE FROM " + version_table_name() + " WHERE " + quote_identifier(version_column()) + " = " +
           string_literal(from);
}

}  // namespace retort::dialects

namespace retort::dialects {

std::string BaseDialect::joined_rows(const std::vector<std::string>& rows) {
    std::string out;
    for (const auto& row : rows) out += (out.empty() ? "" : ", ") + row;
    return out;
}

std::string BaseDialect::guard_filter(const std::vector<std::string>& other_branches) const {
    if (other_branches.empty()) return "";
    std::string out = " WHERE " + quote_identifier(version_column()) + " NOT IN (";
    for (std::size_t i = 0; i < other_branches.size(); ++i) out += (i ? ", " : "") + string_literal(other_branches[i]);
    return out + ")";
}

}  // namespace retort::dialects
