#pragma once
// retort.yaml (cli.md). Unknown keys and values of the wrong type are
// diagnostics with the file's line and column.
#include <optional>
#include <string>
#include <vector>

#include "compiler/source/diagnostics.hpp"

namespace retort::config {

struct PostgresqlOptions {
    std::string json = "jsonb";              // jsonb | json
    std::string autoincrement = "identity";  // identity | serial (SQLAlchemy's SERIAL / BIGSERIAL)
    // SET LOCAL in every transaction block; empty: not set. Digits with an
    // optional unit (ms, s, min, h, d), e.g. "5s"; plain digits are milliseconds.
    std::string lock_timeout;
    std::string statement_timeout;
    // The server version `retort lint` reviews for (docs/lint.md): digits
    // and dots, e.g. "15" or "15.4"; the first number is the major version.
    std::string version = "15";
};

struct SqliteOptions {
    std::string autoincrement = "autoincrement";  // autoincrement | rowid (SQLAlchemy's plain INTEGER PRIMARY KEY)
    std::string json = "text";                    // text | json (SQLAlchemy declares JSON)
};

struct MysqlOptions {
    std::string engine = "InnoDB";
    std::string charset;           // empty: the database's (not written)
    std::string collation;         // empty: the database's, or the charset's default when charset is set
    std::string flavor = "mysql";  // mysql | mariadb; `dialect: mariadb` means mariadb
    std::optional<long> lock_wait_timeout;  // seconds, SET SESSION at the top; nullopt: not set
    // The server version `retort lint` reviews for (docs/lint.md): digits and
    // dots, e.g. "8.0.35"; empty: the flavor's default (8.0 for mysql, 10.6
    // for mariadb). Missing parts count as 0.
    std::string version;
};

struct Config {
    std::vector<std::string> versions{"versions"};  // relative to the project folder
    std::string dialect = "postgresql";  // a dialect or server name (dialect::find_target)
    // Every dialect the project targets (`dialects: [...]`): `check` replays
    // and renders the scripts of each. Never empty after parse_config: just
    // `dialect` when not given; `dialect` is always one of them (without a
    // `dialect:` key, the first).
    std::vector<std::string> dialects{"postgresql"};
    std::vector<SourceSpan> dialects_at;  // where each entry of `dialects:` is written (empty: not given)
    std::string version_table = "alembic_version";
    std::optional<std::string> version_table_schema;
    // How constraints declared without a name are named: convention
    // (pk_<table>, fk_..., written in the DDL) or engine (the engine's own
    // names, as a database SQLAlchemy made without a naming convention has).
    std::string naming = "convention";
    bool transaction_per_migration = false;
    std::string file_template = "{year}_{month}_{day}_{hour}{minute}_{rev}_{slug}";
    PostgresqlOptions postgresql;
    SqliteOptions sqlite;
    MysqlOptions mysql;
};

// Parses the text of a config file already added to the source manager.
// Returns nullopt after reporting diagnostics.
std::optional<Config> parse_config(const SourceFile& file, DiagnosticEngine& diagnostics);

}  // namespace retort::config
