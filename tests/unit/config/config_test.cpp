// retort.yaml: every key of cli.md, defaults, and the diagnostics for
// unknown keys and values of the wrong type, at the yaml's line:col.
#include <catch2/catch.hpp>

#include "compiler/config/config.hpp"

namespace {

struct Loaded {
    std::optional<retort::config::Config> config;
    std::string diagnostics;
};

Loaded load(const std::string& text) {
    retort::SourceManager sources;
    retort::DiagnosticEngine diagnostics(sources);
    const auto& file = sources.add("retort.yaml", "retort.yaml", text);
    Loaded l;
    l.config = retort::config::parse_config(file, diagnostics);
    l.diagnostics = diagnostics.render();
    return l;
}

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

}  // namespace

TEST_CASE("every key of cli.md is read", "[config]") {
    auto l = load(
        "versions: [versions, more/versions]\n"
        "dialect: mysql\n"
        "version_table: my_versions\n"
        "version_table_schema: audit\n"
        "transaction_per_migration: true\n"
        "file_template: \"{rev}_{slug}\"\n"
        "postgresql: { json: json, autoincrement: serial }\n"
        "sqlite: { autoincrement: rowid, json: json }\n"
        "mysql: { engine: Aria, charset: latin1, collation: latin1_bin, flavor: mariadb }\n");
    INFO(l.diagnostics);
    REQUIRE(l.config);
    const auto& c = *l.config;
    CHECK(c.versions == std::vector<std::string>{"versions", "more/versions"});
    CHECK(c.dialect == "mysql");
    CHECK(c.version_table == "my_versions");
    CHECK(c.version_table_schema == std::optional<std::string>("audit"));
    CHECK(c.transaction_per_migration);
    CHECK(c.file_template == "{rev}_{slug}");
    CHECK(c.postgresql.json == "json");
    CHECK(c.postgresql.autoincrement == "serial");
    CHECK(c.sqlite.autoincrement == "rowid");
    CHECK(c.sqlite.json == "json");
    CHECK(c.mysql.engine == "Aria");
    CHECK(c.mysql.charset == "latin1");
    CHECK(c.mysql.collation == "latin1_bin");
    CHECK(c.mysql.flavor == "mariadb");
}

TEST_CASE("defaults, an empty file, and a null schema", "[config]") {
    for (std::string text : {"", "# only a comment\n", "version_table_schema: null\n", "versions: versions\n"}) {
        auto l = load(text);
        REQUIRE(l.config);
        CHECK(l.config->versions == std::vector<std::string>{"versions"});
        CHECK(l.config->dialect == "postgresql");
        CHECK(l.config->version_table == "alembic_version");
        CHECK_FALSE(l.config->version_table_schema);
        CHECK_FALSE(l.config->transaction_per_migration);
        CHECK(l.config->postgresql.json == "jsonb");
        CHECK(l.config->postgresql.autoincrement == "identity");
        CHECK(l.config->sqlite.autoincrement == "autoincrement");
        CHECK(l.config->sqlite.json == "text");
    }
}

namespace {
struct Bad {
    const char* yaml;
    const char* first_line;
};
}  // namespace

TEST_CASE("unknown keys and wrong values are diagnostics at their line:col", "[config]") {
    auto c = GENERATE(values<Bad>({
        {"versions: [versions]\ndialekts: postgresql\n",
         "retort.yaml:2:1: error: unknown key 'dialekts' in retort.yaml; the known keys are versions, dialect, "
         "dialects, version_table, version_table_schema, naming, transaction_per_migration, file_template, postgresql, mysql, sqlite"},
        {"dialect: oracle\n", "retort.yaml:1:10: error: 'dialect' must be one of postgresql, sqlite, mysql, mariadb, not 'oracle'"},
        {"dialect: [postgresql]\n", "retort.yaml:1:10: error: 'dialect' must be a string"},
        {"versions: {a: b}\n", "retort.yaml:1:11: error: 'versions' must be a list of folder names, e.g. [versions]"},
        {"versions: [[a]]\n", "retort.yaml:1:12: error: each entry of 'versions' must be a folder name"},
        {"versions: []\n", "retort.yaml:1:11: error: 'versions' must name at least one folder"},
        {"transaction_per_migration: maybe\n", "retort.yaml:1:28: error: 'transaction_per_migration' must be true or false"},
        {"postgresql: { json: xml }\n", "retort.yaml:1:21: error: 'postgresql.json' must be one of jsonb, json, not 'xml'"},
        {"postgresql: { jsn: json }\n",
         "retort.yaml:1:15: error: unknown key 'jsn' in postgresql; the known keys are json, autoincrement, lock_timeout, statement_timeout, version"},
        {"postgresql: { autoincrement: bigserial }\n",
         "retort.yaml:1:30: error: 'postgresql.autoincrement' must be one of identity, serial, not 'bigserial'"},
        {"sqlite: { autoincrement: yes }\n",
         "retort.yaml:1:26: error: 'sqlite.autoincrement' must be one of autoincrement, rowid, not 'yes'"},
        {"sqlite: { json: jsonb }\n", "retort.yaml:1:17: error: 'sqlite.json' must be one of text, json, not 'jsonb'"},
        {"sqlite: { wal: true }\n",
         "retort.yaml:1:11: error: unknown key 'wal' in sqlite; the known keys are autoincrement, json"},
        {"mysql:\n  engine: InnoDB\n  charst: utf8\n",
         "retort.yaml:3:3: error: unknown key 'charst' in mysql; the known keys are engine, charset, collation, flavor, lock_wait_timeout, version"},
        {"mysql: InnoDB\n", "retort.yaml:1:8: error: 'mysql' must be a mapping of options, e.g. { key: value }"},
        {"postgresql: { version: fifteen }\n",
         "retort.yaml:1:24: error: 'postgresql.version' must be a server version such as 15 (numbers joined by dots)"},
        {"mysql: { version: 8.0. }\n",
         "retort.yaml:1:19: error: 'mysql.version' must be a server version such as 8.0.35 (numbers joined by dots)"},
        {"mysql: { version: 8.0.1.2 }\n",
         "retort.yaml:1:19: error: 'mysql.version' must be a server version such as 8.0.35 (numbers joined by dots)"},
        // The table options are written into the SQL as they are: only names pass.
        {"mysql: { engine: \"InnoDB; DROP\" }\n",
         "retort.yaml:1:18: error: 'mysql.engine' must be a name such as InnoDB (letters, digits and _), not "
         "'InnoDB; DROP'"},
        {"mysql:\n  charset: \"utf8 mb4\"\n",
         "retort.yaml:2:12: error: 'mysql.charset' must be a name such as utf8mb4 (letters, digits and _), not "
         "'utf8 mb4'"},
        {"mysql: { collation: utf8mb4-bin }\n",
         "retort.yaml:1:21: error: 'mysql.collation' must be a name such as utf8mb4_unicode_ci (letters, digits and "
         "_), not 'utf8mb4-bin'"},
        {"mysql: { engine: [InnoDB] }\n", "retort.yaml:1:18: error: 'mysql.engine' must be a string"},
        {"mysql: { flavor: percona }\n", "retort.yaml:1:18: error: 'mysql.flavor' must be one of mysql, mariadb, not 'percona'"},
        {"dialect: mysql\ndialect: sqlite\n", "retort.yaml:2:1: error: 'dialect' is given twice"},
        // dialect: mariadb is the MySQL back end with flavor mariadb: a flavor that says otherwise is wrong.
        {"dialect: mariadb\nmysql: { flavor: mysql }\n",
         "retort.yaml:2:18: error: 'mysql.flavor: mysql' contradicts 'dialect: mariadb', which means flavor "
         "mariadb: remove mysql.flavor, or write 'dialect: mysql'"},
        {"mysql:\n  flavor: mysql\ndialect: mariadb\n",
         "retort.yaml:2:11: error: 'mysql.flavor: mysql' contradicts 'dialect: mariadb', which means flavor "
         "mariadb: remove mysql.flavor, or write 'dialect: mysql'"},
        {"dialect: MariaDB\n", "retort.yaml:1:10: error: 'dialect' must be one of postgresql, sqlite, mysql, mariadb, not 'MariaDB'"},
        {"file_template: \"{slug}\"\n", "retort.yaml:1:16: error: 'file_template' must contain {rev}"},
        {"file_template: \"{date}_{rev}\"\n",
         "retort.yaml:1:16: error: 'file_template' has an unknown field {date}; the fields are {year} {month} {day} "
         "{hour} {minute} {second} {rev} {slug}"},
        {"file_template: \"{rev}_{slug\"\n",
         "retort.yaml:1:16: error: 'file_template' has an unknown field {slug; the fields are {year} {month} {day} "
         "{hour} {minute} {second} {rev} {slug}"},
        {"- versions\n", "retort.yaml:1:1: error: retort.yaml must be a mapping of keys to values, e.g. 'dialect: postgresql'"},
        {"versions: [versions\n", "retort.yaml:2:1: error: invalid YAML: end of sequence flow not found"},
        {"dialect: \"caf\xC3\xA9\"\n", "retort.yaml:1:10: error: 'dialect' must be one of postgresql, sqlite, mysql, mariadb, not 'caf\xC3\xA9'"},
        {"postgresql: { lock_timeout: 5 seconds }\n",
         "retort.yaml:1:29: error: 'postgresql.lock_timeout' must be a duration such as 5s, 500ms or 2min (digits, then ms, s, min, h or d; plain digits are milliseconds)"},
        {"postgresql:\n  statement_timeout: -1s\n",
         "retort.yaml:2:22: error: 'postgresql.statement_timeout' must be a duration such as 5s, 500ms or 2min (digits, then ms, s, min, h or d; plain digits are milliseconds)"},
        {"postgresql: { lock_timeout: [5s] }\n",
         "retort.yaml:1:29: error: 'postgresql.lock_timeout' must be a duration such as 5s, 500ms or 2min (digits, then ms, s, min, h or d; plain digits are milliseconds)"},
        {"mysql: { lock_wait_timeout: 10s }\n",
         "retort.yaml:1:29: error: 'mysql.lock_wait_timeout' must be a whole number of seconds from 1 to 31536000"},
        {"mysql: { lock_wait_timeout: 0 }\n",
         "retort.yaml:1:29: error: 'mysql.lock_wait_timeout' must be a whole number of seconds from 1 to 31536000"},
        {"dialects: postgresql\n", "retort.yaml:1:11: error: 'dialects' must be a list of dialect names, e.g. [postgresql, mysql]"},
        {"dialects: []\n", "retort.yaml:1:11: error: 'dialects' must be a list of dialect names, e.g. [postgresql, mysql]"},
        {"dialects: [postgresql, oracle]\n",
         "retort.yaml:1:24: error: 'dialects' must be one of postgresql, sqlite, mysql, mariadb, not 'oracle'"},
        {"dialects:\n  - mysql\n  - mysql\n", "retort.yaml:3:5: error: 'dialects' names mysql twice"},
        {"dialect: sqlite\ndialects: [postgresql, mysql]\n",
         "retort.yaml:1:10: error: 'dialect: sqlite' is not one of 'dialects': add it to the list, or leave 'dialect' "
         "out (it is then the first of 'dialects')"},
        {"dialects: [mysql]\ndialect: sqlite\n",
         "retort.yaml:2:10: error: 'dialect: sqlite' is not one of 'dialects': add it to the list, or leave 'dialect' "
         "out (it is then the first of 'dialects')"},
        {"mysql: { lock_wait_timeout: 99999999 }\n",
         "retort.yaml:1:29: error: 'mysql.lock_wait_timeout' must be a whole number of seconds from 1 to 31536000"},
    }));
    CAPTURE(c.yaml);
    auto l = load(c.yaml);
    CHECK_FALSE(l.config);
    CHECK(first_line(l.diagnostics) == c.first_line);
}

TEST_CASE("several problems are all reported", "[config]") {
    auto l = load("dialect: oracle\ncolour: blue\ntransaction_per_migration: 3\n");
    CHECK_FALSE(l.config);
    CHECK(l.diagnostics.find("retort.yaml:1:10:") != std::string::npos);
    CHECK(l.diagnostics.find("retort.yaml:2:1:") != std::string::npos);
    CHECK(l.diagnostics.find("retort.yaml:3:28:") != std::string::npos);
}

TEST_CASE("mysql.charset and mysql.collation: unset or empty means the database's", "[config]") {
    struct Row {
        const char* yaml;
        const char* charset;
        const char* collation;
    };
    auto row = GENERATE(values<Row>({
        {"", "", ""},  // neither: the tables take the database's (mysql.md)
        {"mysql: { engine: Aria }\n", "", ""},
        {"mysql: { charset: \"\", collation: \"\" }\n", "", ""},
        {"mysql: { charset: utf8mb4 }\n", "utf8mb4", ""},  // the charset's default collation
        {"mysql: { collation: utf8mb4_unicode_ci }\n", "", "utf8mb4_unicode_ci"},  // the charset follows
        {"mysql: { charset: latin1, collation: latin1_bin }\n", "latin1", "latin1_bin"},
    }));
    CAPTURE(row.yaml);
    auto l = load(row.yaml);
    INFO(l.diagnostics);
    REQUIRE(l.config);
    CHECK(l.config->mysql.charset == row.charset);
    CHECK(l.config->mysql.collation == row.collation);
}

TEST_CASE("dialect: mariadb, and the flavors that agree with it", "[config]") {
    struct Row {
        const char* yaml;
        const char* dialect;
        const char* flavor;
    };
    auto row = GENERATE(values<Row>({
        {"dialect: mariadb\n", "mariadb", "mysql"},  // mysql.flavor unset: the dialect name decides
        {"dialect: mariadb\nmysql: { flavor: mariadb }\n", "mariadb", "mariadb"},
        {"dialect: mysql\nmysql: { flavor: mariadb }\n", "mysql", "mariadb"},
        {"dialect: mysql\n", "mysql", "mysql"},
        {"dialect: postgresql\nmysql: { flavor: mariadb }\n", "postgresql", "mariadb"},
    }));
    CAPTURE(row.yaml);
    auto l = load(row.yaml);
    INFO(l.diagnostics);
    REQUIRE(l.config);
    CHECK(l.config->dialect == row.dialect);
    CHECK(l.config->mysql.flavor == row.flavor);
}

TEST_CASE("timeouts: off by default, read as given", "[config]") {
    struct Row {
        std::string yaml, lock_timeout, statement_timeout;
        std::optional<long> lock_wait_timeout;
    };
    auto r = GENERATE(values<Row>({
        {"", "", "", std::nullopt},
        {"postgresql: { lock_timeout: 5s }\n", "5s", "", std::nullopt},
        {"postgresql: { lock_timeout: 500ms, statement_timeout: 2min }\n", "500ms", "2min", std::nullopt},
        {"postgresql: { statement_timeout: 30000 }\n", "", "30000", std::nullopt},
        {"postgresql: { lock_timeout: 0 }\n", "0", "", std::nullopt},
        {"mysql: { lock_wait_timeout: 10 }\n", "", "", 10L},
    }));
    CAPTURE(r.yaml);
    auto l = load(r.yaml);
    INFO(l.diagnostics);
    REQUIRE(l.config);
    CHECK(l.config->postgresql.lock_timeout == r.lock_timeout);
    CHECK(l.config->postgresql.statement_timeout == r.statement_timeout);
    CHECK(l.config->mysql.lock_wait_timeout == r.lock_wait_timeout);
}

TEST_CASE("dialects: default the one dialect; without dialect, its first", "[config]") {
    struct Good {
        const char* yaml;
        std::vector<std::string> dialects;
        const char* dialect;
        std::size_t spans;  // entries with a recorded place
    };
    auto c = GENERATE(values<Good>({
        {"", {"postgresql"}, "postgresql", 0},
        {"dialect: mariadb\n", {"mariadb"}, "mariadb", 0},
        {"dialects: [postgresql, mysql]\n", {"postgresql", "mysql"}, "postgresql", 2},
        {"dialects: [sqlite, mysql]\n", {"sqlite", "mysql"}, "sqlite", 2},
        {"dialect: mysql\ndialects: [postgresql, mysql, sqlite]\n", {"postgresql", "mysql", "sqlite"}, "mysql", 3},
        {"dialects:\n  - mysql\n  - mariadb\n", {"mysql", "mariadb"}, "mysql", 2},
    }));
    CAPTURE(c.yaml);
    auto l = load(c.yaml);
    INFO(l.diagnostics);
    REQUIRE(l.config);
    CHECK(l.config->dialects == c.dialects);
    CHECK(l.config->dialect == c.dialect);
    CHECK(l.config->dialects_at.size() == c.spans);
}

TEST_CASE("a dialect outside dialects has a note at the list", "[config]") {
    auto l = load("dialect: sqlite\ndialects: [postgresql, mysql]\n");
    CHECK_FALSE(l.config);
    CHECK(l.diagnostics.find("retort.yaml:2:11: note: the dialects are listed here") != std::string::npos);
}

TEST_CASE("server versions for lint: defaults, read as given", "[config]") {
    auto d = load("versions: [versions]\n");
    REQUIRE(d.config);
    CHECK(d.config->postgresql.version == "15");
    CHECK(d.config->mysql.version.empty());  // the flavor's default (docs/lint.md)
    auto l = load("postgresql: { version: 16 }\nmysql: { version: \"8.0.35\", flavor: mysql }\n");
    INFO(l.diagnostics);
    REQUIRE(l.config);
    CHECK(l.config->postgresql.version == "16");
    CHECK(l.config->mysql.version == "8.0.35");
    auto u = load("mysql: { version: 10.11 }\n");
    REQUIRE(u.config);
    CHECK(u.config->mysql.version == "10.11");
}
