#pragma once
// The in-memory schema model (language.md §7): what the database holds at
// one revision. Replay (compiler/replay) changes it statement by statement;
// dialects read it. Every item remembers where it was declared.
//
// Tables are shared and immutable once published (TableRef): replay changes
// a table by copying it once into a working Table, changing that, and
// publishing the result as a new TableRef. A plan step and the schema state
// can then hold the same table without copying it.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/sql/expr.hpp"
#include "compiler/sql/type.hpp"

namespace retort::schema {

// A literal a replayed insert (or an `add column` with a literal default on a
// table that holds rows) wrote into a column, and that no later statement may
// have changed (docs/schema-model.md, "Rows and stored values").
struct StoredValue {
    sql::Literal value;
    SourceSpan at;         // the insert (or add column) that stored it
    std::string revision;  // the revision of that statement
};
using StoredValues = std::shared_ptr<const std::vector<StoredValue>>;

struct Column {
    std::string name;
    sql::Type type;
    bool nullable = true;
    sql::ExprRef default_value;  // null: no default
    bool autoincrement = false;
    std::optional<std::string> comment;
    SourceSpan declared_at;
    // Declared with a mistake already reported (a bad type or default): kept
    // so that later statements find it, but values are not checked against it.
    bool invalid = false;
    // Values known to be stored in this column (null: none known). Some rows
    // only: other rows may hold anything.
    StoredValues stored;
};

enum class ConstraintKind { primary_key, unique, check, foreign_key };

// Column-level options (`primary key`, `unique`, `check`, `references`) are
// stored here too, as table constraints. A constraint declared without a name
// is named by the naming convention, or under `naming: engine` by the rule of
// the engine itself (compiler/replay/naming.hpp).
struct Constraint {
    std::string name;
    // The name is the engine's own for a constraint its DDL leaves unnamed
    // (`naming: engine`): the back ends write no CONSTRAINT clause, and a
    // downgrade that re-creates it leaves it unnamed again. On SQLite such a
    // constraint has no name at all; `name` is then the convention's, for
    // messages and the model only.
    bool name_from_engine = false;
    ConstraintKind kind = ConstraintKind::unique;
    std::vector<std::string> columns;      // primary_key, unique, foreign_key
    sql::ExprRef check;                    // check
    std::string ref_table;                 // foreign_key
    std::vector<std::string> ref_columns;  // foreign_key, never empty once replayed
    std::optional<sql::FkAction> on_delete, on_update;
    SourceSpan declared_at;
};

struct IndexColumn {
    std::string column;
    bool descending = false;
    friend bool operator==(const IndexColumn&, const IndexColumn&) = default;
};

struct Index {
    std::string name;
    std::string table;
    bool unique = false;
    std::vector<IndexColumn> columns;
    sql::ExprRef where;  // partial index predicate, may be null
    SourceSpan declared_at;
};

// An index the engine keeps for a foreign key that no statement declared
// (InnoDB's rule, docs/mysql.md "The index behind a foreign key"). Replay
// keeps these only for a dialect whose descriptor says `fk_needs_index`.
struct FkIndex {
    std::string name;
    std::vector<std::string> columns;
    // true: InnoDB made it (a generated key), and drops it itself once another
    // index covers its columns; false: retort's script added it (when the
    // last declared key serving a foreign key went), so the script drops it.
    bool generated = true;
    friend bool operator==(const FkIndex&, const FkIndex&) = default;
};

// What replay knows of a table's rows (docs/schema-model.md, "Rows and
// stored values").
enum class RowState {
    unknown,  // may hold rows: it existed before the revision, or a statement retort cannot follow ran
    some,     // certainly holds rows: a replayed insert of `rows_revision` wrote them
    none,     // certainly empty in `rows_revision`: created there (or emptied) and nothing inserted since
};

struct Table {
    std::string name;
    std::vector<Column> columns;          // in declaration order
    std::vector<Constraint> constraints;  // in declaration order
    std::vector<Index> indexes;           // in creation order
    std::vector<FkIndex> fk_indexes;      // MySQL only: InnoDB's own, in creation order
    std::optional<std::string> comment;
    SourceSpan declared_at;
    RowState rows = RowState::unknown;
    SourceSpan rows_at;         // some: the insert; none: the create table, delete or truncate
    std::string rows_revision;  // some, none: the revision of that statement

    const Column* column(std::string_view name) const;
    Column* column(std::string_view name);
    const Constraint* constraint(std::string_view name) const;
    const Constraint* primary_key() const;
    const Index* index(std::string_view name) const;
};

using TableRef = std::shared_ptr<const Table>;

// Publishes a table: from here on it is never changed.
inline TableRef share(Table table) { return std::make_shared<const Table>(std::move(table)); }

struct EnumType {
    std::string name;
    std::vector<std::string> values;
    SourceSpan declared_at;
};

// Names are compared exactly: plain identifiers were folded to lower case by
// the parser, quoted ones keep their case.
struct Schema {
    std::map<std::string, TableRef, std::less<>> tables;  // never null
    std::map<std::string, EnumType, std::less<>> enums;
    std::map<std::string, std::string, std::less<>> index_owner;  // index name -> table name
    // Foreign keys by the table they reference: referenced table ->
    // (referencing table, constraint name). Kept by replay, like index_owner;
    // a dialect that rebuilds a table finds the keys pointing at it here.
    std::map<std::string, std::set<std::pair<std::string, std::string>>, std::less<>> inbound_fks;
    std::vector<std::string> table_order;  // creation order, renames applied in place

    const Table* table(std::string_view name) const;       // null: no such table
    TableRef table_ref(std::string_view name) const;       // the same, shared
    const EnumType* enum_type(std::string_view name) const;
};

}  // namespace retort::schema
