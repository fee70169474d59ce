#pragma once
// The MySQL back end (MySQL 8.0+ and MariaDB 10.6+; docs/mysql.md).
//
// What differs from the shared rendering, as data first:
//  - descriptor (compiler/dialect): no transactional DDL (the script carries a note instead of
//    BEGIN/COMMIT), 64-character names, no partial indexes;
//  - names in backticks when reserved by MySQL 8 or MariaDB (mysql_reserved.cpp);
//  - the type and function tables and string escapes (constructor), enum
//    types inline as ENUM(...);
//  - string literals escaped for the default sql_mode (backslash is an escape);
//  - `a || b` is CONCAT(a, b), length() is CHAR_LENGTH();
//  - comments inline (COMMENT '...'), CREATE TABLE ... ENGINE=.. [DEFAULT CHARSET=..] [COLLATE=..];
//  - an altered column is restated whole with MODIFY COLUMN from the model, so
//    nullability, default, comment and AUTO_INCREMENT survive every change;
//  - the index InnoDB keeps for a foreign key: replay keeps it in the model
//    (schema::Table::fk_indexes); the script adds and drops only the ones
//    InnoDB does not (mysql_alter.cpp).
#include "dialects/base_dialect.hpp"

namespace retort::dialects {

const WordSet& mysql_reserved_words();

class MysqlDialect : public BaseDialect {
public:
    // The spellings that differ: types, functions, backticks, backslash escapes.
    explicit MysqlDialect(Options options);

    bool mariadb() const { return options_.mysql_flavor == "mariadb"; }

    // identifiers
    const WordSet& reserved_words() const override;
    // Reports a name longer than 64 characters at `span`; true when it fits.
    bool check_name(std::string_view name, SourceSpan span, Context& ctx) const;

    // types and literals
    // ENUM('a', 'b'): the values inline
    std::string enum_type_name(const sql::Type& type, const schema::Schema& state) const override;
    std::string literal(const sql::Literal& literal, SourceSpan span, Context& ctx) const override;

    // expressions
    int precedence(const sql::Expr& expr) const override;  // CONCAT(..) is an atom
    std::string concat(const sql::Binary& node, Context& ctx) const override;
    std::string select_sql(const sql::Select& select, Context& ctx) const override;  // FROM DUAL
    void update(const plan::Update&, Context&) const override;
    void delete_(const plan::Delete&, Context&) const override;
    void refuse_self_read(const sql::ExprRef& expr, const std::string& table, Context& ctx) const;
    // The DEFAULT clause value: literals as they are, CURRENT_TIMESTAMP[(p)]
    // for now(), any other expression in parentheses (MySQL 8.0.13+).
    std::string default_value(const schema::Column& column, Context& ctx) const;

    // definitions
    std::string column_definition(const schema::Column& column, const schema::Table& table,
                                  Context& ctx) const override;
    std::string autoincrement_clause(const schema::Column& column) const override;
    std::string constraint_definition(const schema::Constraint& constraint, const schema::Table& table,
                                      Context& ctx) const override;
    std::string table_options(const schema::Table& table) const override;
    void emit_table_comments(const schema::Table& table, Context& ctx) const override;
    // Reports key columns MySQL cannot index whole (TEXT, BLOB, JSON), and
    // string keys longer than InnoDB's 3072 bytes.
    // The charset of created tables as retort.yaml gives it: mysql.charset, or
    // the charset of mysql.collation; empty when both are unset (the database's).
    std::string charset() const;
    std::size_t bytes_per_character() const;  // of charset(), at most; 4 when unknown
    void check_key_columns(const schema::Table& table, const std::vector<std::string>& columns,
                           std::string_view what, SourceSpan span, Context& ctx) const;

    // hooks (mysql_dialect.cpp)
    void create_table(const plan::CreateTable&, Context&) const override;
    void rename_table(const plan::RenameTable&, Context&) const override;
    void comment_on_table(const plan::CommentOnTable&, Context&) const override;
    void comment_on_column(const plan::CommentOnColumn&, Context&) const override;
    void create_index(const plan::CreateIndex&, Context&) const override;
    void drop_index(const plan::DropIndex&, Context&) const override;

    // alter table actions (mysql_alter.cpp)
    void add_column(const plan::AddColumn&, const plan::AlterTable& step, Context&) const override;
    void rename_column(const plan::RenameColumn&, const plan::AlterTable& step, Context&) const override;
    void alter_column(const plan::AlterColumn&, const plan::AlterTable& step, Context&) const override;
    void add_constraint(const plan::AddConstraint&, const plan::AlterTable& step, Context&) const override;
    void drop_constraint(const plan::DropConstraint&, const plan::AlterTable& step, Context&) const override;
    // "MODIFY COLUMN <full definition>" for a column as `table` has it.
    std::string modify_column(const schema::Column& column, const schema::Table& table, Context& ctx) const;
    // The indexes for foreign keys that retort's script itself adds or
    // drops from `before` to `after` (schema::Table::fk_indexes with
    // generated = false; InnoDB makes and drops the generated ones).
    static std::vector<schema::FkIndex> fk_indexes_added(const schema::Table& before, const schema::Table& after);
    static std::vector<schema::FkIndex> fk_indexes_dropped(const schema::Table& before, const schema::Table& after);
    // The foreign keys the script drops and adds again so that InnoDB makes
    // its own index for them (in a downgrade: compiler/replay/fk_indexes.hpp).
    static std::vector<const schema::Constraint*> fk_keys_recreated(const schema::Table& before,
                                                                    const schema::Table& after);
    // The ADD CONSTRAINT statements of those that `action` of `step` carries.
    void recreate_fk_keys(const schema::Table& before, const schema::Table& after, const plan::AlterTable* step,
                          const plan::AlterAction* action, Context& ctx) const;
    // ", DROP FOREIGN KEY fk" for those, ", DROP INDEX n" / ", ADD INDEX n
    // (cols)" for retort's own indexes: the ones that `action` of `step`
    // carries (all of them when `step` is null).
    std::string fk_index_clauses(const schema::Table& before, const schema::Table& after,
                                 const plan::AlterTable* step, const plan::AlterAction* action) const;
    // True when InnoDB would name the index it makes for `fk` after it while
    // an index of `step.after` has that name (ERROR 1061 on the server).
    static bool index_name_taken(const schema::Constraint& fk, const plan::AlterTable& step);
    // The action of `step` whose node is `node`.
    static const plan::AlterAction* action_of(const plan::AlterTable& step, const void* node);

    // enum types (mysql_alter.cpp): inline, so value changes restate columns
    void create_enum(const plan::CreateEnum&, Context&) const override;
    void drop_enum(const plan::DropEnum&, Context&) const override;
    void add_enum_value(const plan::AddEnumValue&, Context&) const override;
    void rename_enum_value(const plan::RenameEnumValue&, Context&) const override;
    void drop_enum_value(const plan::DropEnumValue&, Context&) const override;
    // MODIFY COLUMN for every column of `users` whose type is enum `name`.
    void restate_enum_users(std::string_view name, const plan::EnumUsers& users, Context& ctx,
                            const schema::Schema* state = nullptr) const;

    std::vector<std::string> script_notes() const override;
    Output guard(const std::vector<std::string>& rows,
                 const std::vector<std::string>& other_branches) const override;  // mysql_guard.cpp
    Output settings() const override;  // SET SESSION lock_wait_timeout (mysql_guard.cpp)
};

}  // namespace retort::dialects
