#pragma once
// sa.Column, table constraints and sa.Index, as .mig text.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "driver/import/sa_types.hpp"
#include "driver/import/value.hpp"

namespace retort::driver::import {

// Why a value cannot be translated: where, what is there, what to write instead.
struct Problem {
    SourceSpan span;
    std::string what;
    std::string instead;
    bool unknown_type = false;  // import_unknown_type, else import_untranslatable
};

// What the import knows of the schema while it walks the revisions in
// order: enum types declared, column types (to spell defaults and inserted
// values), the JSON types used (for retort.yaml) and the warnings of near types.
// A warning found while reading a value, said by the translator at its place.
struct Warning {
    SourceSpan span;
    std::string message;
};

struct ImportState {
    std::set<std::string> enums;
    std::map<std::string, std::map<std::string, MigType>> columns;  // table -> column -> type
    std::set<JsonFlavor> json_flavors;
    std::vector<Warning> warnings;  // not yet said (Translator::statement says them)
    // table -> names, for MySQL, where a unique constraint is an index: autogenerate
    // drops one with drop_index, or the other with drop_constraint(type_='unique').
    std::map<std::string, std::set<std::string>> unique_constraints;
    std::map<std::string, std::set<std::string>> indexes;  // made by op.create_index
    std::map<std::string, std::set<std::string>> uniques_dropped_as_index;  // table -> names
    std::map<std::string, std::vector<std::string>> enum_values;            // enum type -> values
};

struct ColumnDef {
    std::string name;
    MigType type;
    bool nullable = true;
    bool primary_key = false;
    bool unique = false;
    bool index = false;
    std::optional<bool> autoincrement;  // unset: SQLAlchemy's "auto"
    std::string default_sql;            // .mig expression, empty for none
    std::string comment;
    bool has_comment = false;
    std::string references;             // " references t (c) on delete ..." or empty
    bool is_foreign_key = false;
};

// The pieces of a create_table or an add_column.
struct TablePieces {
    std::vector<std::string> before;    // create type ... (enums declared with the table)
    std::vector<std::string> elements;  // column definitions and table constraints
    std::vector<std::string> after;     // create index ... (index=True, sa.Index)
    std::vector<std::string> primary_key;  // the columns of a sa.PrimaryKeyConstraint
};

// The constraint name of name=... / op.f('...'); empty for None or absent.
std::optional<std::string> constraint_name(const Value* v, Problem& problem);

// sa.Column(...) read; nullopt on a problem.
std::optional<ColumnDef> read_column(const Value& column, ImportState& state, Problem& problem);

// A column definition as .mig writes it (autoincrement decided by the caller).
std::string render_column(const ColumnDef& c, bool autoincrement);

// `server_default` of a column of type `type` (may be null) as a .mig expression.
// Warnings (a default retort spells otherwise) go to `warnings` when given.
std::optional<std::string> default_expression(const Value& v, const MigType* type, Problem& problem,
                                              std::vector<Warning>* warnings = nullptr);

// A Python literal (bulk_insert rows) as a .mig literal.
std::optional<std::string> literal(const Value& v, Problem& problem);

// `on delete ...` / `on update ...` from ondelete=/onupdate=.
std::optional<std::string> fk_actions(const Value& call, Problem& problem);

// A list of column names (strings, or sa.Column objects in a list).
std::optional<std::vector<std::string>> name_list(const Value* v, Problem& problem);
std::string join_names(const std::vector<std::string>& names);

// A table constraint inside create_table (PrimaryKeyConstraint, ...), or an
// sa.Index (into `after`), for table `table`.
bool read_table_item(const std::string& table, const Value& item, TablePieces& pieces, std::vector<ColumnDef>& columns,
                     ImportState& state, Problem& problem);

// The create type statement an enum column needs, once per type.
std::optional<std::string> declare_enum(const MigType& type, ImportState& state);

// create [unique] index name on table (cols) [where ...].
std::string render_index(const std::string& name, const std::string& table, const std::vector<std::string>& columns,
                         bool unique, bool concurrently, const std::string& where);

}  // namespace retort::driver::import
