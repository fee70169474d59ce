// Names, types, literals and expressions on MySQL.
#include <catch2/catch.hpp>

#include "mysql_fixture.hpp"

using namespace retort;
using namespace retort::test;
using K = sql::TypeKind;

TEST_CASE("mysql: names reserved by MySQL 8 or MariaDB are backquoted, others are not") {
    MysqlFixture f;
    auto [name, expected] = GENERATE(table<std::string, std::string>({
        {"status", "status"},
        {"amount_2", "amount_2"},
        {"order", "`order`"},        // both
        {"key", "`key`"},            // both
        {"rank", "`rank`"},          // MySQL 8 only
        {"window", "`window`"},      // MySQL 8 only
        {"offset", "`offset`"},      // MariaDB only
        {"returning", "`returning`"},  // MariaDB only
        {"Fees", "`Fees`"},          // upper case kept by quoting
        {"two words", "`two words`"},
        {"tick`name", "`tick``name`"},
        {"1st", "`1st`"},
    }));
    CAPTURE(name);
    CHECK(f.dialect.quote_identifier(name) == expected);
}

TEST_CASE("mysql: the type table") {
    MysqlFixture f;
    f.state.enums["fee_status"] = schema::EnumType{"fee_status", {"pending", "it's"}, {}};
    auto [t, expected] = GENERATE(table<sql::Type, std::string>({
        {type(K::smallint), "SMALLINT"},
        {type(K::integer), "INT"},
        {type(K::bigint), "BIGINT"},
        {type(K::numeric, 10, 2), "DECIMAL(10, 2)"},
        {type(K::float_), "FLOAT"},
        {type(K::double_), "DOUBLE"},
        {type(K::boolean), "BOOL"},
        {type(K::varchar, 20), "VARCHAR(20)"},
        {type(K::char_, 2), "CHAR(2)"},
        {type(K::text), "TEXT"},
        {type(K::date), "DATE"},
        {type(K::time, 3), "TIME(3)"},
        {type(K::datetime), "DATETIME"},
        {type(K::datetime, 6), "DATETIME(6)"},
        {type(K::timestamp, 3), "DATETIME(3)"},
        {type(K::timestamptz), "DATETIME"},
        {type(K::json), "JSON"},
        {type(K::uuid), "CHAR(36)"},
        {type(K::binary), "LONGBLOB"},
        {enum_type("fee_status"), "ENUM('pending', 'it''s')"},
    }));
    CHECK(f.dialect.type_name(t, f.state) == expected);
}

TEST_CASE("mysql: string literals are exact under the default sql_mode") {
    MysqlFixture f;
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"plain", "'plain'"},
        {"it's", "'it''s'"},
        {"C:\\Users\\", "'C:\\\\Users\\\\'"},
        {"a\\'b", "'a\\\\''b'"},
        {std::string("nul\0byte", 8), "'nul\\0byte'"},
        {"line\nbreak\r\n", "'line\\nbreak\\r\\n'"},
        {"tab\tkept", "'tab\tkept'"},
        {"ctrl-z \x1A", "'ctrl-z \\Z'"},
        {"100% :name ? $$", "'100% :name ? $$'"},
        {"caf\xC3\xA9 \xF0\x9F\xA6\x80", "'caf\xC3\xA9 \xF0\x9F\xA6\x80'"},
    }));
    CHECK(f.expr(str(text)) == expected);
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("mysql: other literals") {
    MysqlFixture f;
    CHECK(f.expr(lit(sql::LiteralKind::boolean, "true")) == "TRUE");
    CHECK(f.expr(lit(sql::LiteralKind::boolean, "false")) == "FALSE");
    CHECK(f.expr(lit(sql::LiteralKind::null)) == "NULL");
    CHECK(f.expr(lit(sql::LiteralKind::date, "2024-02-29")) == "DATE '2024-02-29'");
    CHECK(f.expr(lit(sql::LiteralKind::timestamp, "2024-01-15 12:00:00")) == "TIMESTAMP '2024-01-15 12:00:00'");
    CHECK(f.expr(lit(sql::LiteralKind::binary, std::string("\0\xff", 2))) == "X'00FF'");
    CHECK(f.expr(lit(sql::LiteralKind::binary, "")) == "X''");
    CHECK(f.expr(lit(sql::LiteralKind::decimal, "-1e2")) == "-1e2");
}

TEST_CASE("mysql: || is CONCAT, length() counts characters") {
    MysqlFixture f;
    using O = sql::BinaryOp;
    CHECK(f.expr(bin(O::concat, col("first"), str(" "))) == "CONCAT(first, ' ')");
    CHECK(f.expr(bin(O::concat, bin(O::concat, col("a"), col("order")), col("c"))) == "CONCAT(a, `order`, c)");
    CHECK(f.expr(bin(O::eq, bin(O::concat, col("a"), col("b")), str("ab"))) == "CONCAT(a, b) = 'ab'");
    CHECK(f.expr(call(sql::Function::length, {col("name")})) == "CHAR_LENGTH(name)");
    CHECK(f.expr(call(sql::Function::lower, {col("name")})) == "LOWER(name)");
    CHECK(f.expr(call(sql::Function::coalesce, {col("a"), num("0")})) == "COALESCE(a, 0)");
    CHECK(f.expr(call(sql::Function::now)) == "CURRENT_TIMESTAMP");
    CHECK(f.expr(bin(O::and_, bin(O::ge, col("amount"), num("0")), bin(O::ne, col("s"), str("x")))) ==
          "amount >= 0 AND s <> 'x'");
}

TEST_CASE("mysql: descriptor and script notes") {
    MysqlFixture f;
    CHECK_FALSE(f.dialect.descriptor().transactional_ddl);
    CHECK(f.dialect.descriptor().names.max == 64);
    CHECK(f.dialect.descriptor().names.unit == dialect::NameUnit::characters);
    CHECK_FALSE(f.dialect.descriptor().partial_indexes);
    auto notes = f.dialect.script_notes();
    REQUIRE_FALSE(notes.empty());
    CHECK(notes.front().find("implicitly") != std::string::npos);
    CHECK(dialects::make_dialect("mysql", {}) != nullptr);
    CHECK(dialects::make_dialect("mysql", {})->descriptor().name == "mysql");
    // mariadb: the MySQL back end for MariaDB, whatever flavor the options say.
    auto maria = dialects::make_dialect("mariadb", {});
    REQUIRE(maria);
    CHECK(maria->descriptor().name == "mysql");
    CHECK(maria->options().mysql_flavor == "mariadb");
    CHECK(dialects::make_dialect("mysql", MysqlFixture::mariadb())->options().mysql_flavor == "mariadb");
    CHECK(dialects::make_dialect("MariaDB", {}) == nullptr);
}

TEST_CASE("mysql: the version table as Alembic has it") {
    MysqlFixture f;
    CHECK(f.dialect.create_version_table() ==
          "CREATE TABLE IF NOT EXISTS alembic_version (\n    version_num VARCHAR(32) NOT NULL,\n"
          "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)");
    CHECK(f.dialect.insert_version("a1") == "INSERT INTO alembic_version (version_num) VALUES ('a1')");
    CHECK(f.dialect.update_version("a1", "b2") ==
          "UPDATE alembic_version SET version_num = 'b2' WHERE version_num = 'a1'");
    CHECK(f.dialect.delete_version("b2") == "DELETE FROM alembic_version WHERE version_num = 'b2'");
}
