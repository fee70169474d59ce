#pragma once
// The SQLite back end (docs/sqlite.md). Differences from the shared
// rendering, data first: the keyword list, the type table (by SQLite's
// affinity rules), literals (booleans 1/0, dates as text), enum columns as
// VARCHAR(n) with a CHECK, table comments as SQL comments.
//
// SQLite's ALTER TABLE can add, rename and drop (some) columns and rename a
// table. Every other change goes through the table rebuild of SQLite's
// documentation, planned in sqlite_rebuild.cpp from the plan step's
// before/after tables.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialects/base_dialect.hpp"

namespace retort::dialects {

class SqliteDialect : public BaseDialect {
public:
    Output guard(const std::vector<std::string>& rows,
                 const std::vector<std::string>& other_branches) const override;  // sqlite_guard.cpp
    // The type spellings that differ (sqlite_dialect.cpp).
    explicit SqliteDialect(Options options);
    // True unless `sqlite.autoincrement: rowid`: keys say AUTOINCREMENT and
    // their counter lives in sqlite_sequence.
    bool autoincrement_keyword() const;

    // ------------------------------------------------------------ rendering
    const WordSet& reserved_words() const override;
    // VARCHAR(n), n the longest value's length
    std::string enum_type_name(const sql::Type& type, const schema::Schema& state) const override;
    // 'text' with quotes doubled; a carriage return is written as char(13)
    // joined with ||, because the sqlite3 shell drops a CR before a line end.
    std::string string_literal(std::string_view text) const override;
    std::string boolean_literal(bool value) const override;
    std::string date_literal(std::string_view text) const override;
    std::string timestamp_literal(std::string_view text) const override;

    std::string column_definition(const schema::Column& column, const schema::Table& table,
                                  Context& ctx) const override;
    std::string autoincrement_clause(const schema::Column& column) const override;
    // The DEFAULT value: a literal or signed number as is, CURRENT_TIMESTAMP /
    // CURRENT_DATE, anything else in parentheses (SQLite's DEFAULT grammar).
    std::string default_value(const sql::Expr& expr, Context& ctx) const;
    // The DEFAULT of a column: default_value, but now() as CURRENT_DATE /
    // CURRENT_TIME in date / time columns.
    std::string column_default(const schema::Column& column, Context& ctx) const;
    // CHECK ("col" IN ('a', 'b')) for a column of an enum type, or "".
    std::string enum_check(const schema::Column& column, Context& ctx) const;
    // The primary key of an AUTOINCREMENT column is written on the column.
    bool written_in_column(const schema::Constraint& constraint, const schema::Table& table) const override;

    // SQLite refuses now() / current_date in a partial index's WHERE.
    std::string index_definition(const schema::Index& index, bool concurrently, Context& ctx) const override;

    void emit_comment(std::string sql, Context& ctx) const override;
    std::string comment_on_table_sql(const schema::Table& table) const override;
    std::string comment_on_column_sql(const schema::Table& table, const schema::Column& column) const override;

    // ------------------------------------------------------------ hooks
    void create_table(const plan::CreateTable&, Context&) const override;
    void rename_table(const plan::RenameTable&, Context&) const override;
    // Native ADD/DROP/RENAME COLUMN where SQLite allows all the actions,
    // otherwise one rebuild for the whole statement (sqlite_rebuild.cpp).
    void alter_table(const plan::AlterTable&, Context&) const override;
    void create_index(const plan::CreateIndex&, Context&) const override;
    void create_enum(const plan::CreateEnum&, Context&) const override;
    void drop_enum(const plan::DropEnum&, Context&) const override;
    // An enum's values live in the CHECK of every column that uses it: each
    // table in `users` is rebuilt.
    void add_enum_value(const plan::AddEnumValue&, Context&) const override;
    void rename_enum_value(const plan::RenameEnumValue&, Context&) const override;
    void drop_enum_value(const plan::DropEnumValue&, Context&) const override;

    // ------------------------------------------------------------ the rebuild
    // One column of the rebuilt table and the SELECT expression that fills
    // it from the old table; a column without one takes its default.
    struct Copy {
        std::string column;
        std::string expression;
    };
    // The rebuild of SQLite's documentation ("Making Other Kinds Of Table
    // Schema Changes"): CREATE the new table from `after`, copy the rows,
    // DROP the old table, RENAME the new one, recreate `after`'s indexes,
    // check the foreign keys. `autoincrement_kept`: carry the AUTOINCREMENT
    // counter over. PRAGMA foreign_keys=OFF/ON go to the script's prologue
    // and epilogue (a PRAGMA inside a transaction does nothing).
    void rebuild_table(const schema::Table& after, const std::vector<Copy>& copies, bool autoincrement_kept,
                       const std::string& reason, Context& ctx) const;

private:
    // alter_table's two ways (sqlite_alter.cpp).
    void alter_by_rebuild(const plan::AlterTable& step, const std::string& reason, Context& ctx) const;
    void alter_natively(const plan::AlterTable& step, Context& ctx) const;
    // An error when a column renamed by the copy is the target of another
    // table's foreign key (the copy would leave it naming the old column).
    bool renamed_fk_target(const plan::AlterTable& step,
                           const std::vector<std::pair<std::string, std::string>>& renamed_in_copy,
                           Context& ctx) const;
    // ADD COLUMN with the constraints SQLite takes inline in it.
    std::string add_column_sql(const plan::AddColumn& add, const plan::AlterTable& step, Context& ctx) const;
    // An error when SQLite cannot hold an object of this name.
    void check_name(std::string_view kind, std::string_view name, SourceSpan span, Context& ctx) const;
    void rebuild_enum_users(const plan::EnumUsers& users, std::string_view type_name,
                            const std::optional<std::pair<std::string, std::string>>& renamed,
                            const std::string& reason, Context& ctx) const;
};

}  // namespace retort::dialects
