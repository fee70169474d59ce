#pragma once
// Internals of the Replayer, shared by its .cpp files (not a public header).
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compiler/replay/replay.hpp"

namespace retort::replay {

// Undo information for check_project: the first-touched value of every table
// (null: it did not exist; shared, so saving it copies nothing) and enum type
// (nullopt: it did not exist), and the changes of table_order.
struct Journal {
    std::map<std::string, schema::TableRef, std::less<>> tables;
    std::map<std::string, std::optional<schema::EnumType>, std::less<>> enums;
    struct OrderOp {
        enum Kind { push, erase, rename } kind;
        std::size_t position;
        std::string name, old_name;
    };
    std::vector<OrderOp> order_ops;
};

// Inverse pieces of one statement, in execution order.
using Inverse = std::vector<ast::Statement>;

// One `alter table` being replayed: its actions change `work` (a copy of the
// table) in order, each adding its plan actions and its inverse pieces.
struct AlterWork {
    schema::Table work;
    std::vector<plan::AlterAction> actions;
    std::vector<ast::AlterAction> undo;  // of the current action, in execution order
    std::vector<std::pair<std::string, std::string>> renamed;  // columns, from -> to
    SourceSpan at;                                              // the current action
};

// The tables a data statement's expression can name, innermost first: a
// subquery's FROM, then the statement's own table (check_reads.cpp).
struct ReadScope {
    struct Entry {
        std::string name;  // the alias, else the table's name
        const schema::Table* table;
    };
    std::vector<Entry> tables;
    const ReadScope* outer = nullptr;
};

struct Replayer::Impl {
    Impl(DiagnosticEngine& d, Options o) : diag(&d), options(o) {}

    DiagnosticEngine* diag;
    Options options;
    schema::Schema state;

    // Derived indexes, kept in step with `state` (state.index_owner and
    // state.inbound_fks are the others).
    // enum type -> table -> number of its columns of that type
    std::map<std::string, std::map<std::string, int, std::less<>>, std::less<>> enum_users;

    // The revision being replayed.
    std::string revision;
    // While replaying the upgrade of a `downgrade auto` revision: the inverse
    // pieces of the current statement go here.
    Inverse* inverse = nullptr;
    std::map<std::string, std::vector<ast::Statement>, std::less<>> inverses;  // revision -> downgrade
    const StepSink* sink = nullptr;
    bool full = false;  // a sink is listening: fill every field of the steps
    bool downgrading = false;  // replaying a downgrade (fk_indexes.hpp: InnoDB's index comes back)
    Journal* journal = nullptr;

    // ---- driving (replayer.cpp)
    void run(const ast::Migration& m, const std::vector<ast::Statement>& statements, bool record_inverse);
    bool skipped(const ast::Statement& statement) const;
    void apply(const ast::Statement& statement);
    template <typename Node>
    void emit(Node&& node, SourceSpan span);
    void restore(Journal& journal);

    // ---- state primitives, journalled (replayer.cpp)
    // A table changes by copy on write: copy the published table once into a
    // working schema::Table, change it, publish it with replace_table. The
    // old TableRef stays valid (it is a step's `before`).
    void touch_table(std::string_view name);
    void touch_enum(std::string_view name);
    // Brings the derived indexes (state.inbound_fks, enum_users, state.index_owner)
    // from table `before` to `after` (null: the table is added / removed).
    void reindex(const schema::Table* before, const schema::Table* after);
    schema::TableRef add_table(schema::Table table);  // returns the published table
    schema::TableRef remove_table(std::string_view name);  // returns the removed table
    schema::TableRef replace_table(schema::Table table);  // same name; returns the published table
    schema::TableRef rename_table(std::string_view from, const std::string& to);  // returns the renamed table
    std::vector<schema::TableRef> users_of(std::string_view enum_name) const;

    // ---- rows and stored values (rows.cpp, docs/schema-model.md "Rows and stored values")
    // `rev` is the revision being replayed or one of its ancestors.
    bool visible(const std::string& rev) const;
    // What `t` holds as seen from the revision being replayed.
    schema::RowState rows_of(const schema::Table& t) const;
    // The values of `column` stored by visible revisions (empty: none known).
    std::vector<const schema::StoredValue*> stored_values(const schema::Column& column) const;
    // A replayed `insert ... values` into `t` (`columns`: the names listed,
    // or every column): rows certain, its literals stored.
    void note_insert(schema::Table& t, const std::vector<std::string>& columns,
                     const std::vector<std::vector<sql::ExprRef>>& rows, SourceSpan at);
    // The values stored in `columns` of `t` (every column when empty) may
    // have changed: forgotten. The row state is the caller's.
    void forget_values(schema::Table& t, const std::vector<std::string>& columns);
    // Emptied (delete without where): certainly empty, nothing stored.
    void note_emptied(schema::Table& t, SourceSpan at);
    // Adding `column` to `t` that holds rows: every row gets its default (a
    // literal) or null, stored.
    void note_added_column(const schema::Table& t, schema::Column& column, SourceSpan at);
    // A NOT NULL column added without a default: an error if `t` certainly
    // holds rows, a warning if it may. false after an error.
    bool check_add_not_null(const schema::Table& t, const schema::Column& column, SourceSpan at);
    // `set not null` (or a primary key) over a stored null; a type the stored
    // values no longer fit. false after an error.
    bool check_stored_not_null(const schema::Table& t, const schema::Column& column, SourceSpan at);
    bool check_stored_fit(const schema::Table& t, const schema::Column& from, const sql::Type& to, SourceSpan at);
    // A unique key (`what`: "unique index \"ix\"", ...) on `column` alone,
    // which holds the same stored value in two rows.
    bool check_stored_unique(const schema::Table& t, const std::string& column, const std::string& what, SourceSpan at);
    // Dropping value `value` of enum `type` that a column of it holds; renaming
    // one (the stored values follow, as the rows do).
    bool check_stored_enum_drop(const std::string& type, const std::string& value, SourceSpan at);
    void rename_stored_enum_value(const std::string& type, const std::string& from, const std::string& to);
    // Cached ancestry of the current revision (Options::is_ancestor).
    mutable std::map<std::string, bool, std::less<>> ancestor_cache;
    mutable std::string ancestor_cache_of;

    // ---- checks shared by the statements (checks.cpp)
    bool check_identifier(const std::string& name, SourceSpan span, const char* what, bool generated = false);
    bool check_type(const sql::Type& type, SourceSpan span);
    bool check_expr_columns(const sql::ExprRef& expr, const schema::Table& table, const char* context);
    bool check_default(const sql::ExprRef& value, const schema::Column& column, SourceSpan span);
    bool check_value(const sql::ExprRef& value, const schema::Column& column, const schema::Table& table);
    const schema::Table* find_table(const ast::Name& name);
    // "did you mean": a known type (or a foreign spelling's replacement) or
    // enum, a table of the state (checks.cpp, did_you_mean.hpp).
    std::optional<std::string> type_suggestion(const std::string& name) const;
    std::optional<std::string> table_suggestion(const std::string& name) const;
    // ---- data statements that read (check_reads.cpp)
    // The column references, subqueries and casts of `expr` against `scope`.
    bool check_read_expr(const sql::ExprRef& expr, const ReadScope& scope, const char* context);
    // A select: its table, then its items and where against it and `outer`;
    // `one_column` for a subquery used as a value.
    bool check_select(const sql::Select& select, const ReadScope* outer, const char* context, bool one_column);
    bool resolve_column(const sql::ColumnRef& ref, SourceSpan span, const ReadScope& scope, const char* context);
    // check_value for a data statement: a literal against the column, else
    // check_read_expr.
    bool check_data_value(const sql::ExprRef& value, const schema::Column& column, const schema::Table& table,
                          const ReadScope& scope);
    // Refuses the forms that only data statements may use (subqueries,
    // qualified names) in a default, check or index predicate.
    bool refuse_reads(const sql::ExprRef& expr, const char* context);
    // insert ... select: as many values as columns, literals that fit them.
    bool check_insert_select(const sql::Select& query, const std::vector<const schema::Column*>& columns,
                             const schema::Table& table);
    const schema::Column* find_column(const schema::Table& table, const ast::Name& name);
    bool make_column(const ast::ColumnDef& def, schema::Column& out);
    // Adds a constraint to `work` (a table being built or altered), naming it
    // by convention when `name` is empty. false after a diagnostic.
    bool add_constraint(schema::Table& work, schema::Constraint c, SourceSpan at, bool generated_name);
    // The parts of add_constraint, each false after its diagnostics: no
    // second primary key and no other constraint of that name; the columns
    // exist, once each; a foreign key's target (filling in its primary key
    // when no columns are named) has those columns as a key, of matching
    // types, and `set null` only on nullable columns.
    bool constraint_name_free(const schema::Table& work, const schema::Constraint& c, SourceSpan at,
                              bool generated_name);
    bool check_constraint_columns(const schema::Table& work, const schema::Constraint& c, SourceSpan at);
    bool check_foreign_key(const schema::Table& work, schema::Constraint& fk, SourceSpan at);
    const schema::Table* fk_target(const schema::Table& work, schema::Constraint& fk, SourceSpan at);
    bool fk_references_key(const schema::Table& target, const schema::Constraint& fk, SourceSpan at);
    bool check_fk_columns(const schema::Table& work, const schema::Table& target, const schema::Constraint& fk,
                          SourceSpan at);
    // naming: engine: `c`, declared without a name, takes the name the
    // engine gives it on `work` as it stands.
    void name_by_engine(const schema::Table& work, schema::Constraint& c) const;
    bool constraint_from_ast(const schema::Table& work, const ast::TableConstraint& tc, schema::Constraint& out,
                             bool& generated);
    bool column_constraints(schema::Table& work, const ast::ColumnDef& def,
                            std::vector<schema::Constraint>* added, bool foreign_keys);
    bool check_autoincrement(const schema::Table& table, SourceSpan span);
    // Why `column` of `table` cannot go: a constraint, index or foreign key that uses it.
    bool column_in_use(const schema::Table& table, const std::string& column, SourceSpan at, const char* doing);
    std::string qualified(const schema::Table& t, const std::string& column) const { return t.name + "." + column; }

    // ---- statements (lower_*.cpp); false: failed, replayed as a no-op
    bool lower(const ast::CreateTable&, const ast::Statement&);
    bool lower(const ast::DropTable&, const ast::Statement&);
    bool lower(const ast::RenameTable&, const ast::Statement&);
    bool lower(const ast::CommentOnTable&, const ast::Statement&);
    bool lower(const ast::CommentOnColumn&, const ast::Statement&);
    bool lower(const ast::AlterTable&, const ast::Statement&);
    bool lower(const ast::CreateIndex&, const ast::Statement&);
    bool lower(const ast::DropIndex&, const ast::Statement&);
    bool lower(const ast::CreateEnum&, const ast::Statement&);
    bool lower(const ast::AddEnumValue&, const ast::Statement&);
    bool lower(const ast::RenameEnumValue&, const ast::Statement&);
    bool lower(const ast::DropEnumValue&, const ast::Statement&);
    bool lower(const ast::DropEnum&, const ast::Statement&);
    bool lower(const ast::Insert&, const ast::Statement&);
    bool lower(const ast::Update&, const ast::Statement&);
    bool lower(const ast::Delete&, const ast::Statement&);
    bool lower(const ast::Execute&, const ast::Statement&);

    // ---- alter table actions (lower_alter.cpp), one handler each; false
    // after a diagnostic, with `w.work` holding what the action could declare
    // (docs/diagnostics.md, "Recovery").
    bool alter(const ast::AddColumn&, AlterWork& w);
    bool alter(const ast::DropColumn&, AlterWork& w);
    bool alter(const ast::RenameColumn&, AlterWork& w);
    bool alter(const ast::AlterColumnType&, AlterWork& w);
    bool alter(const ast::SetNotNull&, AlterWork& w);
    bool alter(const ast::DropNotNull&, AlterWork& w);
    bool alter(const ast::SetDefault&, AlterWork& w);
    bool alter(const ast::DropDefault&, AlterWork& w);
    bool alter(const ast::SetAutoincrement&, AlterWork& w);
    bool alter(const ast::DropAutoincrement&, AlterWork& w);
    bool set_autoincrement(const ast::Name& column, bool on, AlterWork& w);
    bool alter(const ast::AddConstraint&, AlterWork& w);
    bool alter(const ast::DropConstraint&, AlterWork& w);
    // The constraint a `drop constraint NAME` or a name-free drop form
    // (`drop primary key`, `drop foreign key (cols)`, `drop unique (cols)`)
    // means; null after reporting why there is not exactly one.
    const schema::Constraint* constraint_to_drop(const schema::Table& work, const ast::DropConstraint& a);
    bool set_nullable(const ast::Name& column, bool nullable, AlterWork& w);
    bool fk_types_fit(const schema::Column& to, const schema::Table& work, SourceSpan at);
    void follow_renamed_columns(const std::string& table, const std::vector<std::pair<std::string, std::string>>& renamed);

    // Records an inverse piece (downgrade auto) when recording.
    void record(ast::Statement statement) {
        if (inverse) inverse->push_back(std::move(statement));
    }
    void not_invertible(const ast::Statement& statement, const char* what);
};

template <typename Node>
void Replayer::Impl::emit(Node&& node, SourceSpan span) {
    if (!sink || !*sink) return;
    (*sink)(plan::Step{std::forward<Node>(node), span}, state);
}

// ---- helpers shared by the statements (checks.cpp)
// A foreign-key column of type `a` may reference a column of type `b`:
// both textual, or the same type (same precision and scale, same enum).
bool fk_compatible(const sql::Type& a, const sql::Type& b);
// The two lists hold the same names, in any order.
bool same_set(std::vector<std::string> a, std::vector<std::string> b);
// Names joined by ", ".
std::string join(const std::vector<std::string>& names);
// "did you mean": the column of `table` nearest to `name` (checks.cpp).
std::optional<std::string> column_suggestion(const schema::Table& table, const std::string& name);
// `name` with A-Z folded to a-z, as the parser folds plain identifiers.
std::string lower_ascii(std::string_view name);
// "primary key", "unique constraint", "check constraint", "foreign key".
const char* kind_word(schema::ConstraintKind k);

// ---- schema -> AST, for `downgrade auto` (inverse.cpp)
ast::Name name_at(std::string text, SourceSpan span);
ast::ColumnDef to_column_def(const schema::Column& column, SourceSpan span);
ast::TableConstraint to_table_constraint(const schema::Constraint& c, SourceSpan span);
ast::Statement to_create_table(const schema::Table& table, SourceSpan span, ast::DialectSet only);
ast::Statement to_create_index(const schema::Index& index, SourceSpan span, ast::DialectSet only);
ast::Statement statement_at(decltype(ast::Statement::node) node, SourceSpan span, ast::DialectSet only);

// The first word(s) of a statement, for messages: "insert into fees".
std::string describe(const ast::Statement& statement);

}  // namespace retort::replay
