#include "compiler/lint/tables.hpp"

namespace retort::lint {

bool postgresql_keeps_rows(const sql::Type& from, const sql::Type& to) {
    using K = sql::TypeKind;
    if (from == to) return true;
    // A wider or unbounded length of the same text kind, or any varchar -> text.
    if (from.kind == K::varchar && (to.kind == K::varchar || to.kind == K::text))
        return to.kind == K::text || !to.length || (from.length && *to.length >= *from.length);
    if (from.kind == K::text && to.kind == K::varchar) return !to.length;
    // numeric(p, s) -> numeric(p2 >= p, s), or unconstrained numeric.
    if (from.kind == K::numeric && to.kind == K::numeric) {
        if (!to.length) return true;
        return from.length && *to.length >= *from.length && from.scale.value_or(0) == to.scale.value_or(0);
    }
    // A time kind to a higher (or default) fractional precision.
    if (sql::is_temporal(from.kind) && from.kind == to.kind && from.kind != K::date)
        return !to.length || (from.length && *to.length >= *from.length);
    return false;
}

namespace {

struct Row {
    MysqlChange change;
    Algorithm mysql;            // on MySQL before `mysql_better_since`
    Version mysql_better_since; // {0}: never better
    Algorithm mysql_better;
    Algorithm mariadb;
    Version mariadb_better_since;
    Algorithm mariadb_better;
};

constexpr Version never{0, 0, 0};

// MySQL 8.0 reference manual "Online DDL Operations"; MariaDB knowledge base
// "InnoDB Online DDL Operations with ALGORITHM=INSTANT / INPLACE". retort
// appends added columns (no FIRST/AFTER), and its scripts keep
// foreign_key_checks on, so adding a foreign key copies the table.
const Row rows[] = {
    {MysqlChange::add_column, Algorithm::inplace_rebuild, {8, 0, 12}, Algorithm::instant,
     Algorithm::inplace_rebuild, {10, 3, 2}, Algorithm::instant},
    {MysqlChange::add_autoincrement_column, Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild,
     Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild},
    {MysqlChange::drop_column, Algorithm::inplace_rebuild, {8, 0, 29}, Algorithm::instant,
     Algorithm::inplace_rebuild, {10, 4, 0}, Algorithm::instant},
    {MysqlChange::rename_column, Algorithm::inplace, {8, 0, 28}, Algorithm::instant,
     Algorithm::inplace, {10, 5, 2}, Algorithm::instant},
    {MysqlChange::change_type, Algorithm::copy, never, Algorithm::copy, Algorithm::copy, never, Algorithm::copy},
    {MysqlChange::widen_varchar, Algorithm::inplace, never, Algorithm::inplace,
     Algorithm::inplace, {10, 4, 3}, Algorithm::instant},
    {MysqlChange::set_not_null, Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild,
     Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild},
    {MysqlChange::drop_not_null, Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild,
     Algorithm::inplace_rebuild, {10, 4, 3}, Algorithm::instant},
    {MysqlChange::change_default, Algorithm::instant, never, Algorithm::instant, Algorithm::instant, never,
     Algorithm::instant},
    {MysqlChange::add_index, Algorithm::inplace, never, Algorithm::inplace, Algorithm::inplace, never,
     Algorithm::inplace},
    {MysqlChange::drop_index, Algorithm::inplace, never, Algorithm::inplace, Algorithm::inplace, never,
     Algorithm::inplace},
    {MysqlChange::add_foreign_key, Algorithm::copy, never, Algorithm::copy, Algorithm::copy, never, Algorithm::copy},
    {MysqlChange::drop_foreign_key, Algorithm::inplace, never, Algorithm::inplace, Algorithm::inplace, never,
     Algorithm::inplace},
    {MysqlChange::add_check, Algorithm::copy, never, Algorithm::copy, Algorithm::copy, never, Algorithm::copy},
    {MysqlChange::drop_check, Algorithm::instant, never, Algorithm::instant, Algorithm::instant, never,
     Algorithm::instant},
    {MysqlChange::add_unique, Algorithm::inplace, never, Algorithm::inplace, Algorithm::inplace, never,
     Algorithm::inplace},
    {MysqlChange::add_primary_key, Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild,
     Algorithm::inplace_rebuild, never, Algorithm::inplace_rebuild},
    {MysqlChange::drop_primary_key, Algorithm::copy, never, Algorithm::copy, Algorithm::copy, never,
     Algorithm::copy},
    {MysqlChange::rename_table, Algorithm::instant, never, Algorithm::instant, Algorithm::instant, never,
     Algorithm::instant},
    {MysqlChange::enum_add_value, Algorithm::instant, never, Algorithm::instant, Algorithm::instant, never,
     Algorithm::instant},
    {MysqlChange::enum_change_values, Algorithm::copy, never, Algorithm::copy, Algorithm::copy, never,
     Algorithm::copy},
};

}  // namespace

const char* algorithm_name(Algorithm algorithm) {
    switch (algorithm) {
        case Algorithm::instant: return "INSTANT";
        case Algorithm::inplace: return "INPLACE";
        case Algorithm::inplace_rebuild: return "INPLACE (rebuild)";
        case Algorithm::copy: return "COPY";
    }
    return "COPY";
}

const char* mysql_change_name(MysqlChange change) {
    switch (change) {
        case MysqlChange::add_column: return "add column";
        case MysqlChange::add_autoincrement_column: return "add an autoincrement column";
        case MysqlChange::drop_column: return "drop column";
        case MysqlChange::rename_column: return "rename column";
        case MysqlChange::change_type: return "a column type change";
        case MysqlChange::widen_varchar: return "a varchar widening";
        case MysqlChange::set_not_null: return "set not null";
        case MysqlChange::drop_not_null: return "drop not null";
        case MysqlChange::change_default: return "a default change";
        case MysqlChange::add_index: return "add index";
        case MysqlChange::drop_index: return "drop index";
        case MysqlChange::add_foreign_key: return "add foreign key";
        case MysqlChange::drop_foreign_key: return "drop foreign key";
        case MysqlChange::add_check: return "add check";
        case MysqlChange::drop_check: return "drop check";
        case MysqlChange::add_unique: return "add unique";
        case MysqlChange::add_primary_key: return "add primary key";
        case MysqlChange::drop_primary_key: return "drop primary key";
        case MysqlChange::rename_table: return "rename table";
        case MysqlChange::enum_add_value: return "an enum value added";
        case MysqlChange::enum_change_values: return "an enum value renamed or dropped";
    }
    return "";
}

Algorithm mysql_algorithm(MysqlChange change, Server server, const Version& version) {
    for (const Row& row : rows) {
        if (row.change != change) continue;
        bool maria = server == Server::mariadb;
        Version since = maria ? row.mariadb_better_since : row.mysql_better_since;
        if (since != never && version >= since) return maria ? row.mariadb_better : row.mysql_better;
        return maria ? row.mariadb : row.mysql;
    }
    return Algorithm::copy;
}

bool mysql_same_length_prefix(int from, int to) { return (from * 4 < 256) == (to * 4 < 256); }

}  // namespace retort::lint
