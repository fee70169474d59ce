#pragma once
// The in-memory schema model (language.md §7): what the database holds at
// one revision. Replay (compiler/replay) changes it statement by statement;
// dialects read it. Every item remembers where it was declared.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/sql/expr.hpp"
#include "compiler/sql/type.hpp"

namespace retort::schema {

struct Column {
    std::string name;
    sql::Type type;
    bool nullable = true;
    sql::ExprRef default_value;  // null: no default
    bool autoincrement = false;
    std::optional<std::string> comment;
    SourceSpan declared_at;
};

enum class ConstraintKind { primary_key, unique, check, foreign_key };

// Column-level options (`primary key`, `unique`, `check`, `references`) are
// stored here too, as table constraints named by the naming convention.
struct Constraint {
    std::string name;
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

struct Table {
    std::string name;
    std::vector<Column> columns;          // in declaration order
    std::vector<Constraint> constraints;  // in declaration order
    std::vector<Index> indexes;           // in creation order
    std::optional<std::string> comment;
    SourceSpan declared_at;

    const Column* column(std::string_view name) const;
    Column* column(std::string_view name);
    const Constraint* constraint(std::string_view name) const;
    const Constraint* primary_key() const;
    const Index* index(std::string_view name) const;
};

struct EnumType {
    std::string name;
    std::vector<std::string> values;
    SourceSpan declared_at;
};

// Names are compared exactly: plain identifiers were folded to lower case by
// the parser, quoted ones keep their case.
struct Schema {
    std::map<std::string, Table, std::less<>> tables;
    std::map<std::string, EnumType, std::less<>> enums;
    std::map<std::string, std::string, std::less<>> index_owner;  // index name -> table name
    std::vector<std::string> table_order;  // creation order, renames applied in place

    const Table* table(std::string_view name) const;
    Table* table(std::string_view name);
    const EnumType* enum_type(std::string_view name) const;
};

}  // namespace retort::schema
