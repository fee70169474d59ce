#pragma once
// The naming convention for constraints and indexes declared without a name
// (docs/schema-model.md):
//   pk_<table>                      primary key
//   fk_<table>_<cols>_<reftable>    foreign key
//   uq_<table>_<cols>               unique constraint
//   ck_<table>_<col>                check declared on a column
//   ck_<table>_<n>                  check declared on the table: the smallest
//                                   n >= 1 not already taken in that table
//   ix_<table>_<cols>               index
// <cols> are the column names joined by '_'.
//
// Under `naming: engine` (docs/alembic.md, "Names") a constraint declared
// without a name gets the name the engine itself gives it instead; see
// engine_constraint_name.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/descriptor.hpp"
#include "compiler/schema/model.hpp"

namespace retort::replay {

std::string primary_key_name(std::string_view table);
std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::string_view ref_table);
std::string unique_name(std::string_view table, const std::vector<std::string>& columns);
std::string column_check_name(std::string_view table, std::string_view column);
std::string table_check_name(std::string_view table, int n);
std::string index_name(std::string_view table, const std::vector<std::string>& columns);

// The engine whose naming rules apply.
struct EngineNaming {
    dialect::Id dialect = dialect::Id::postgresql;
    bool mariadb = false;  // the MySQL dialect on MariaDB
};

// The name `engine` gives constraint `c` (kind, columns, check set; its own
// name ignored), declared without a name on `table` as it stands, with the
// constraints added before it. `schema` is the rest of the database: the
// entry for table.name, if any, is the table before this statement and is
// not looked at.
//   PostgreSQL: <table>_pkey, <table>_<cols>_key, <table>_<cols>_fkey,
//     <table>_<col>_check (a check on one column) or <table>_check; on a
//     clash with a name in the schema a number is appended to the label
//     (_key1, _check2), and parts are cut to fit 63 bytes (makeObjectName).
//   MySQL and MariaDB (InnoDB): PRIMARY; <table>_ibfk_<n> with n one more
//     than the highest in use; a unique key is named after its first column
//     (<col>_2, <col>_3 when taken); checks CONSTRAINT_<n> on MariaDB (the
//     smallest n free) and <table>_chk_<n> on MySQL (one more than the
//     highest).
//   SQLite: constraints have no names: nullopt (the model keeps the
//     convention's name, with _2, _3 on a clash, for messages only).
std::optional<std::string> engine_constraint_name(EngineNaming engine, const schema::Schema& schema,
                                                  const schema::Table& table, const schema::Constraint& c);

}  // namespace retort::replay
