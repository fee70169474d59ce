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
};

struct Config {
    std::vector<std::string> versions{"versions"};  // relative to the project folder
    std::string dialect = "postgresql";  // a dialect or server name (dialect::find_target)
    std::string version_table = "alembic_version";
    std::optional<std::string> version_table_schema;
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
