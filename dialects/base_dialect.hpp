#pragma once
// The shared rendering of all back ends: every Dialect hook written in
// standard SQL, built from small virtual pieces (identifier quoting, type
// names, literals, expressions, column/constraint/index definitions) that a
// dialect overrides where it differs. Differences are data first: the
// reserved-word set, the descriptor's capabilities (compiler/dialect), and
// the tables of spelling.hpp (types, functions, identifier quote, string
// escapes), which a dialect's constructor overrides entry by entry.
//
// Stability: helpers for sqlite and mysql derive from this class. Members are
// only ever added, never changed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialects/dialect.hpp"
#include "dialects/spelling.hpp"
#include "dialects/word_set.hpp"

namespace retort::dialects {

class BaseDialect : public Dialect {
public:
    using Dialect::Dialect;

    // ------------------------------------------------------------ identifiers

    // Words that must be quoted when used as a name, lower case. Base: the
    // reserved words of SQL:2016 that all three engines reserve too.
    virtual const WordSet& reserved_words() const;
    // True when `name` cannot be written bare: empty, not [a-z_][a-z0-9_]*,
    // or reserved.
    virtual bool needs_quoting(std::string_view name) const;
    // The name between identifier_quote_ characters, doubling embedded ones.
    std::string force_quote(std::string_view name) const;
    // The name, quoted exactly when needs_quoting() says so.
    virtual std::string quote_identifier(std::string_view name) const;
    // "(a, b, c)" with each name through quote_identifier.
    std::string column_list(const std::vector<std::string>& names) const;
    // The version table, qualified with version_table_schema when set.
    virtual std::string version_table_name() const;

    // ------------------------------------------------------------ types

    // The column type, from types_; enum types from enum_type_name.
    std::string type_name(const sql::Type& type, const schema::Schema& state) const;
    // An enum type: base, by its name (quoted when needed), as CREATE TYPE made it.
    virtual std::string enum_type_name(const sql::Type& type, const schema::Schema& state) const;

    // ------------------------------------------------------------ literals

    // A literal of the .mig language; a NUL byte in a string is reported at
    // the literal's span (no dialect can carry it in a text literal).
    virtual std::string literal(const sql::Literal& literal, SourceSpan span, Context& ctx) const;
    // 'text' escaped by string_escapes_ (base: quotes doubled, nothing else).
    virtual std::string string_literal(std::string_view text) const;
    virtual std::string binary_literal(std::string_view bytes) const;      // X'DEADBEEF'
    virtual std::string boolean_literal(bool value) const;                 // TRUE / FALSE
    virtual std::string date_literal(std::string_view text) const;        // DATE '...'
    virtual std::string timestamp_literal(std::string_view text) const;   // TIMESTAMP '...'
    virtual std::string null_literal() const;                              // NULL

    // ------------------------------------------------------------ expressions

    // Binding strength, higher binds tighter. Used to parenthesize: a child
    // is wrapped when it binds looser than its parent, or as loose and it is
    // not the left operand of a left-associative chain. The engines disagree
    // on IS / comparison / IN / LIKE / BETWEEN and on where || sits, so those
    // never meet each other (or ||, arithmetic) without parentheses.
    enum Precedence : int {
        prec_or = 1,
        prec_and = 2,
        prec_not = 3,
        prec_is = 4,          // IS [NOT] NULL
        prec_comparison = 5,  // = <> < <= > >=
        prec_predicate = 6,   // [NOT] IN, [NOT] LIKE, [NOT] BETWEEN
        prec_concat = 7,      // ||
        prec_additive = 8,    // + -
        prec_multiplicative = 9,
        prec_unary = 10,      // unary - +
        prec_atom = 11,       // literals, names, calls, parentheses
    };

    // The whole expression, without outer parentheses.
    virtual std::string expression(const sql::Expr& expr, Context& ctx) const;
    virtual int precedence(const sql::Expr& expr) const;
    virtual int binary_precedence(sql::BinaryOp op) const;
    // The operator's spelling in this dialect ("=", "<>", "AND", ...).
    virtual std::string binary_operator(sql::BinaryOp op) const;
    // `a || b`; MySQL overrides with CONCAT(a, b).
    virtual std::string concat(const sql::Binary& node, Context& ctx) const;
    // The portable functions, spelled by functions_ (base: now() ->
    // CURRENT_TIMESTAMP, current_date -> CURRENT_DATE, the others by name).
    std::string function_call(const sql::Call& call, Context& ctx) const;
    // The type of cast(x as type): cast_types_ when a dialect sets it, else
    // the column type name.
    std::string cast_type(const sql::Type& type, Context& ctx) const;
    // SELECT items [FROM t [AS a]] [WHERE w]; MySQL adds FROM DUAL.
    virtual std::string select_sql(const sql::Select& select, Context& ctx) const;

    // A child of an operator at `parent_precedence`; `right` when it is the
    // right operand (or the operand of a unary/postfix operator).
    std::string operand(const sql::ExprRef& child, int parent_precedence, bool right,
                        Context& ctx) const;
    // Comma-separated expressions.
    std::string expression_list(const std::vector<sql::ExprRef>& items, Context& ctx) const;

    // ------------------------------------------------------------ definitions

    // "name TYPE [NOT NULL] [DEFAULT x] [identity]" as used in CREATE TABLE
    // and ADD COLUMN.
    virtual std::string column_definition(const schema::Column& column, const schema::Table& table,
                                          Context& ctx) const;
    // The identity / auto-increment clause of a column, with a leading space,
    // or "" (base: " GENERATED BY DEFAULT AS IDENTITY").
    virtual std::string autoincrement_clause(const schema::Column& column) const;
    // The ALTER COLUMN action that takes autoincrement off a column.
    virtual std::string drop_autoincrement_action() const;
    // "CONSTRAINT name " with its trailing space, or "" for a constraint
    // the engine names (naming: engine).
    std::string constraint_name_clause(const schema::Constraint& constraint) const;
    // "CONSTRAINT name PRIMARY KEY (a)" / UNIQUE / CHECK / FOREIGN KEY.
    virtual std::string constraint_definition(const schema::Constraint& constraint,
                                              const schema::Table& table, Context& ctx) const;
    // "ON DELETE CASCADE" etc., without leading space.
    virtual std::string fk_action(sql::FkAction action) const;
    // CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table (cols [DESC]) [WHERE ..]
    virtual std::string index_definition(const schema::Index& index, bool concurrently,
                                         Context& ctx) const;
    // Text after the closing parenthesis of CREATE TABLE (MySQL: ENGINE=..).
    virtual std::string table_options(const schema::Table& table) const;
    // True when a constraint is written inside its column's definition and
    // so left out of CREATE TABLE's list (base: never; SQLite: the primary
    // key of an AUTOINCREMENT column).
    virtual bool written_in_column(const schema::Constraint& constraint, const schema::Table& table) const;
    // The whole CREATE TABLE statement of `table`, created under `name`.
    std::string create_table_sql(const schema::Table& table, std::string_view name, bool if_not_exists,
                                 Context& ctx) const;
    // COMMENT ON TABLE / COLUMN statements for a new table (base: one per
    // comment; MySQL puts comments inline and overrides with nothing).
    virtual void emit_table_comments(const schema::Table& table, Context& ctx) const;
    // Emits one COMMENT statement; SQLite, which has none, keeps it as a script comment.
    virtual void emit_comment(std::string sql, Context& ctx) const { ctx.emit(std::move(sql)); }
    virtual std::string comment_on_table_sql(const schema::Table& table) const;
    virtual std::string comment_on_column_sql(const schema::Table& table,
                                              const schema::Column& column) const;

    // ------------------------------------------------------------ Dialect hooks

    void create_table(const plan::CreateTable&, Context&) const override;
    void drop_table(const plan::DropTable&, Context&) const override;
    void rename_table(const plan::RenameTable&, Context&) const override;
    void comment_on_table(const plan::CommentOnTable&, Context&) const override;
    void comment_on_column(const plan::CommentOnColumn&, Context&) const override;
    // Dispatches each action to the per-action hooks below, in order.
    void alter_table(const plan::AlterTable&, Context&) const override;
    void create_index(const plan::CreateIndex&, Context&) const override;
    void drop_index(const plan::DropIndex&, Context&) const override;
    // Native enum types: CREATE TYPE .. AS ENUM, DROP TYPE, ALTER TYPE ..
    // RENAME VALUE. Adding and dropping a value is left to each dialect
    // (PostgreSQL: postgresql_enum.cpp); a dialect without native enum types
    // (MySQL, SQLite) overrides all five hooks.
    void create_enum(const plan::CreateEnum&, Context&) const override;
    void drop_enum(const plan::DropEnum&, Context&) const override;
    void rename_enum_value(const plan::RenameEnumValue&, Context&) const override;
    void insert(const plan::Insert&, Context&) const override;
    void update(const plan::Update&, Context&) const override;
    void delete_(const plan::Delete&, Context&) const override;
    // The text verbatim, trailing whitespace and ';' removed (the writer adds one).
    void execute(const plan::Execute&, Context&) const override;

    // --- alter table actions; `step` gives the table before/after the whole statement
    virtual void add_column(const plan::AddColumn&, const plan::AlterTable& step, Context&) const;
    virtual void drop_column(const plan::DropColumn&, const plan::AlterTable& step, Context&) const;
    virtual void rename_column(const plan::RenameColumn&, const plan::AlterTable& step,
                               Context&) const;
    // Type (ALTER COLUMN c TYPE T), then alter_column_rest; one statement
    // per change, in that order.
    virtual void alter_column(const plan::AlterColumn&, const plan::AlterTable& step,
                              Context&) const;
    // "ALTER TABLE t ALTER COLUMN c " for the column after the change.
    std::string alter_column_prefix(const plan::AlterColumn& action, const plan::AlterTable& step) const;
    // What follows a type change: nullability, default, identity, comment.
    // `default_dropped`: the old default was dropped before the type change,
    // so only a new one is set.
    void alter_column_rest(const plan::AlterColumn& action, const plan::AlterTable& step, bool default_dropped,
                           Context& ctx) const;
    virtual void add_constraint(const plan::AddConstraint&, const plan::AlterTable& step,
                                Context&) const;
    virtual void drop_constraint(const plan::DropConstraint&, const plan::AlterTable& step,
                                 Context&) const;
    // "ALTER TABLE <name> " for statements on `table`.
    std::string alter_table_prefix(const schema::Table& table) const;

    // ------------------------------------------------------------ version table

    std::string create_version_table() const override;
    std::string insert_version(std::string_view to) const override;
    std::string update_version(std::string_view from, std::string_view to) const override;
    std::string delete_version(std::string_view from) const override;
    // "A, B" (the text the guards compare the found rows with); "" for none.
    static std::string joined_rows(const std::vector<std::string>& rows);
    // " WHERE version_num NOT IN ('a', 'b')" for the guards' reading of the
    // version table; "" when `other_branches` is empty.
    std::string guard_filter(const std::vector<std::string>& other_branches) const;
    // The column (version_num) and primary key name (<table>_pkc).
    virtual std::string version_column() const;

protected:
    // The spelling tables (spelling.hpp): standard SQL here, overridden
    // entry by entry in a dialect's constructor.
    TypeTable types_{standard_type};
    FunctionTable functions_{standard_function};
    // The types CAST accepts, where they are not the column types (MySQL, SQLite).
    std::optional<TypeTable> cast_types_;
    char identifier_quote_ = '"';
    StringEscapes string_escapes_{{{'\'', "''"}}};
};

}  // namespace retort::dialects
