#pragma once
// The engine facts lint's rules read, as data (docs/lint.md has the same
// tables): which PostgreSQL type changes keep the rows as they are, and which
// ALTER TABLE algorithm MySQL and MariaDB use for a change, by version.
#include <string_view>

#include "compiler/lint/lint.hpp"
#include "compiler/sql/type.hpp"

namespace retort::lint {

// True when PostgreSQL changes a column from `from` to `to` without
// rewriting the table (binary-coercible: varchar widening, varchar -> text,
// numeric precision up with the same scale, a time precision up).
bool postgresql_keeps_rows(const sql::Type& from, const sql::Type& to);

enum class MysqlChange {
    add_column,
    add_autoincrement_column,  // AUTO_INCREMENT: every row gets a value, never INSTANT
    drop_column,
    rename_column,
    change_type,
    widen_varchar,  // varchar(n) -> varchar(m), m >= n, the length prefix keeps its size
    set_not_null,
    drop_not_null,
    change_default,
    add_index,
    drop_index,
    add_foreign_key,
    drop_foreign_key,
    add_check,
    drop_check,
    add_unique,
    add_primary_key,
    drop_primary_key,
    rename_table,
    enum_add_value,
    enum_change_values,  // rename or drop a value: every row is checked and copied
};

enum class Algorithm {
    instant,          // metadata only
    inplace,          // no copy, concurrent writes allowed
    inplace_rebuild,  // the table is rebuilt in place: concurrent writes allowed, every row written
    copy,             // the table is copied: writes blocked for the whole copy
};

const char* algorithm_name(Algorithm algorithm);  // "INSTANT", "INPLACE", "INPLACE (rebuild)", "COPY"
const char* mysql_change_name(MysqlChange change);

// The algorithm of `change` on `server` (mysql or mariadb) at `version`.
Algorithm mysql_algorithm(MysqlChange change, Server server, const Version& version);

// True when varchar(from) -> varchar(to) keeps its length prefix on MySQL
// (both below 256 bytes, or both from 256 on, at 4 bytes a character).
bool mysql_same_length_prefix(int from, int to);

}  // namespace retort::lint
