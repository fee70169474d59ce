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
#include <string>
#include <string_view>
#include <vector>

namespace retort::replay {

std::string primary_key_name(std::string_view table);
std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::string_view ref_table);
std::string unique_name(std::string_view table, const std::vector<std::string>& columns);
std::string column_check_name(std::string_view table, std::string_view column);
std::string table_check_name(std::string_view table, int n);
std::string index_name(std::string_view table, const std::vector<std::string>& columns);

}  // namespace retort::replay
