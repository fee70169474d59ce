// SQLite rendering: the type table, literals, quoting, column definitions,
// CREATE TABLE — each checked as text and, where it matters, by sqlite3.
#include <catch2/catch.hpp>

#include "sqlite_fixture.hpp"

using namespace retort;
using namespace retort::sqlite_test;
using K = sql::TypeKind;

TEST_CASE("sqlite type table", "[sqlite]") {
    auto [t, expected, affinity] = GENERATE(table<sql::Type, std::string, std::string>({
        {type(K::smallint), "SMALLINT", "integer"},
        {type(K::integer), "INTEGER", "integer"},
        {type(K::bigint), "BIGINT", "integer"},
        {type(K::numeric, 10, 2), "NUMERIC(10, 2)", "real"},
        {type(K::float_), "REAL", "real"},
        {type(K::double_), "DOUBLE PRECISION", "real"},
        {type(K::boolean), "BOOLEAN", "integer"},
        {type(K::varchar, 20), "VARCHAR(20)", "text"},
        {type(K::char_, 3), "CHAR(3)", "text"},
        {type(K::text), "TEXT", "text"},
        {type(K::date), "DATE", "text"},
        {type(K::datetime), "DATETIME", "text"},
        {type(K::timestamptz), "TIMESTAMPTZ", "text"},
        {type(K::json), "TEXT", "text"},
        {type(K::uuid), "CHAR(36)", "text"},
        {type(K::binary), "BLOB", "blob"},
    }));
    Fixture f;
    CHECK(f.dialect.type_name(t, f.state) == expected);

    // What SQLite stores for a typical value of the type: the affinity the
    // type table documents (docs/sqlite.md).
    std::string value = t.kind == K::binary ? "X'00FF'"
                        : (t.kind == K::date || t.kind == K::datetime || t.kind == K::timestamptz)
                            ? "'2024-01-15'"
                        : t.kind == K::boolean                                                     ? "1"
                        : (t.kind == K::numeric || t.kind == K::float_ || t.kind == K::double_) ? "'1.5'"
                        : (sql::is_integer(t.kind))                                              ? "'42'"
                                                                                                 : "'1.50'";
    Database db;
    REQUIRE(db.apply("CREATE TABLE t (v " + expected + "); INSERT INTO t VALUES (" + value + ");") == 0);
    CHECK(db.query("SELECT typeof(v) FROM t") == affinity + "\n");
}

TEST_CASE("sqlite enum columns are VARCHAR(longest value) with a CHECK", "[sqlite]") {
    Fixture f;
    f.put(schema::EnumType{"fee_status", {"paid", "pending", "très_long"}, {}});
    CHECK(f.dialect.type_name(enum_type("fee_status"), f.state) == "VARCHAR(9)");  // characters, not bytes

    schema::Table t;
    t.name = "fees";
    t.columns = {column("status", enum_type("fee_status"), false, str("pending"))};
    f.put(t);
    auto out = f.render(plan::CreateTable{schema::share(t)});
    REQUIRE(sql_of(out).size() == 1);
    CHECK(sql_of(out)[0] ==
          "CREATE TABLE fees (\n"
          "    status VARCHAR(9) NOT NULL DEFAULT 'pending' CHECK (status IN ('paid', 'pending', 'très_long'))\n"
          ")");
    Database db;
    REQUIRE(db.apply(script(out)) == 0);
    CHECK(db.apply("INSERT INTO fees VALUES ('paid');") == 0);
    CHECK(db.apply("INSERT INTO fees VALUES ('waived');") != 0);
}

TEST_CASE("sqlite literals", "[sqlite]") {
    auto [kind, text, expected] = GENERATE(table<sql::LiteralKind, std::string, std::string>({
        {sql::LiteralKind::boolean, "true", "1"},
        {sql::LiteralKind::boolean, "false", "0"},
        {sql::LiteralKind::string, "it's", "'it''s'"},
        {sql::LiteralKind::string, "back\\slash\n\ttab", "'back\\slash\n\ttab'"},  // no escaping at all
        {sql::LiteralKind::date, "2024-01-15", "'2024-01-15'"},
        {sql::LiteralKind::timestamp, "2024-01-15 12:00:00", "'2024-01-15 12:00:00'"},
        {sql::LiteralKind::binary, std::string("\x00\xff", 2), "X'00FF'"},
        {sql::LiteralKind::decimal, "-0.5", "-0.5"},
        {sql::LiteralKind::null, "", "NULL"},
    }));
    Fixture f;
    dialects::Output out;
    dialects::Context ctx{f.state, {}, f.diagnostics, out};
    CHECK(f.dialect.expression(*lit(kind, text), ctx) == expected);
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("sqlite refuses a NUL in a text literal", "[sqlite]") {
    Fixture f;
    dialects::Output out;
    dialects::Context ctx{f.state, {}, f.diagnostics, out};
    f.dialect.expression(*str(std::string("a\0b", 3)), ctx);
    CHECK(f.diagnostics.has_errors());
    CHECK_THAT(f.errors(), Catch::Contains("NUL"));
}

TEST_CASE("sqlite quotes keywords, upper case and odd names only", "[sqlite]") {
    auto [name, expected] = GENERATE(table<std::string, std::string>({
        {"fees", "fees"},
        {"order", "\"order\""},
        {"key", "\"key\""},
        {"pragma", "\"pragma\""},
        {"Fees", "\"Fees\""},
        {"a \"b\"", "\"a \"\"b\"\"\""},
        {"student_id", "student_id"},
    }));
    Fixture f;
    CHECK(f.dialect.quote_identifier(name) == expected);
}

TEST_CASE("sqlite defaults follow SQLite's DEFAULT grammar", "[sqlite]") {
    Fixture f;
    auto now = sql::make_expr(sql::Call{sql::Function::now, {}});
    auto lower = sql::make_expr(sql::Call{sql::Function::lower, {str("X")}});
    auto minus = sql::make_expr(sql::Unary{sql::UnaryOp::negate, num("5")});
    auto sum = bin(sql::BinaryOp::add, num("1"), num("2"));
    schema::Table t;
    t.name = "d";
    t.columns = {column("a", type(K::datetime), false, now), column("b", type(K::text), true, lower),
                 column("c", type(K::integer), true, minus), column("e", type(K::integer), true, sum),
                 column("g", type(K::boolean), false, lit(sql::LiteralKind::boolean, "true"))};
    f.put(t);
    auto out = f.render(plan::CreateTable{schema::share(t)});
    CHECK(sql_of(out)[0] ==
          "CREATE TABLE d (\n"
          "    a DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
          "    b TEXT DEFAULT (lower('X')),\n"
          "    c INTEGER DEFAULT -5,\n"
          "    e INTEGER DEFAULT (1 + 2),\n"
          "    g BOOLEAN NOT NULL DEFAULT 1\n"
          ")");
    Database db;
    REQUIRE(db.apply(script(out) + "INSERT INTO d DEFAULT VALUES;") == 0);
    CHECK(db.query("SELECT length(a), b, c, e, g FROM d") == "19|x|-5|3|1\n");
}

TEST_CASE("sqlite now() in a date or time column reads the clock at that precision", "[sqlite]") {
    auto [t, expected, stored] = GENERATE(table<sql::Type, std::string, std::string>({
        {type(K::date), "DATE NOT NULL DEFAULT CURRENT_DATE", "10|1|0"},
        {type(K::time), "TIME NOT NULL DEFAULT CURRENT_TIME", "8|0|1"},
        {type(K::datetime), "DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP", "19|0|0"},
        {type(K::timestamp), "TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP", "19|0|0"},
    }));
    Fixture f;
    schema::Table tab;
    tab.name = "d";
    tab.columns = {column("id", type(K::integer), true), column("v", t, false, sql::make_expr(sql::Call{sql::Function::now, {}}))};
    f.put(tab);
    auto out = f.render(plan::CreateTable{schema::share(tab)});
    CHECK(sql_of(out)[0] == "CREATE TABLE d (\n    id INTEGER,\n    v " + expected + "\n)");
    // What the engine stores: a date is 'YYYY-MM-DD', a time 'HH:MM:SS'.
    Database db;
    REQUIRE(db.apply(script(out) + "INSERT INTO d (id) VALUES (1);") == 0);
    CHECK(db.query("SELECT length(v), v GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]', "
                   "v GLOB '[0-9][0-9]:[0-9][0-9]:[0-9][0-9]' FROM d") == stored + "\n");
}

TEST_CASE("sqlite autoincrement is INTEGER PRIMARY KEY AUTOINCREMENT", "[sqlite]") {
    Fixture f;
    schema::Table t;
    t.name = "students";
    auto id = column("id", type(K::bigint), false);
    id.autoincrement = true;
    t.columns = {id, column("name", type(K::varchar, 50), false)};
    t.constraints = {pk("pk_students", {"id"}), unique("uq_students_name", {"name"})};
    t.comment = "every student";
    f.put(t);
    auto out = f.render(plan::CreateTable{schema::share(t)});
    CHECK(sql_of(out)[0] ==
          "CREATE TABLE students (\n"
          "    id INTEGER NOT NULL CONSTRAINT pk_students PRIMARY KEY AUTOINCREMENT,\n"
          "    name VARCHAR(50) NOT NULL,\n"
          "    CONSTRAINT uq_students_name UNIQUE (name)\n"
          ")");
    REQUIRE(out.size() == 2);
    CHECK(out[1].comment);
    CHECK(out[1].sql == "table students: every student");
    Database db;
    REQUIRE(db.apply(script(out) + "INSERT INTO students (name) VALUES ('a'), ('b');") == 0);
    CHECK(db.query("SELECT id, name FROM students ORDER BY id") == "1|a\n2|b\n");
    CHECK(db.query("SELECT name, seq FROM sqlite_sequence") == "students|2\n");
}

TEST_CASE("sqlite refuses names that SQLite keeps for itself", "[sqlite]") {
    Fixture f;
    schema::Table t;
    t.name = "sqlite_stats";
    t.columns = {column("a", type(K::integer))};
    f.put(t);
    f.render(plan::CreateTable{schema::share(t)});
    CHECK(f.diagnostics.has_errors());
    CHECK_THAT(f.errors(), Catch::Contains("sqlite_"));
}

TEST_CASE("sqlite ignores concurrently and keeps partial indexes", "[sqlite]") {
    Fixture f;
    schema::Table t;
    t.name = "fees";
    t.columns = {column("status", type(K::text)), column("due", type(K::date))};
    auto ix = index("ix_fees_status", "fees", {"status", "due"}, false,
                    bin(sql::BinaryOp::ne, col("status"), str("paid")));
    ix.columns[1].descending = true;
    t.indexes = {ix};
    f.put(t);
    auto out = f.render(plan::CreateIndex{ix, schema::share(t), true});
    REQUIRE(out.size() == 1);
    CHECK(out[0].placement == dialects::Placement::in_transaction);
    CHECK(out[0].sql == "CREATE INDEX ix_fees_status ON fees (status, due DESC) WHERE status <> 'paid'");
    Database db;
    REQUIRE(db.apply("CREATE TABLE fees (status TEXT, due DATE);\n" + script(out)) == 0);
    CHECK(db.query("SELECT partial FROM pragma_index_list('fees')") == "1\n");
}

TEST_CASE("sqlite comments become script comments", "[sqlite]") {
    Fixture f;
    schema::Table before;
    before.name = "fees";
    before.columns = {column("amount", type(K::numeric, 10, 2))};
    schema::Table after = before;
    after.columns[0].comment = "in EUR";
    f.put(after);
    auto out = f.render(plan::CommentOnColumn{schema::share(before), schema::share(after), "amount"});
    REQUIRE(out.size() == 1);
    CHECK(out[0].comment);
    CHECK(out[0].sql == "column fees.amount: in EUR");
}

TEST_CASE("sqlite writes a carriage return so that the sqlite3 shell keeps it", "[sqlite]") {
    Fixture f;
    schema::Table t;
    t.name = "crs";
    t.columns = {column("v", type(K::text)), column("d", type(K::text), true, str("a\r\n"))};
    f.put(t);
    auto out = f.render(plan::CreateTable{schema::share(t)});
    CHECK(sql_of(out)[0] == "CREATE TABLE crs (\n    v TEXT,\n    d TEXT DEFAULT ('a' || char(13) || '\n')\n)");
    auto ins = f.render(plan::Insert{schema::share(t), {"v"}, {{str("\rx\r\r\ny\r")}}});
    CHECK(sql_of(ins)[0] == "INSERT INTO crs (v) VALUES (char(13) || 'x' || char(13, 13) || '\ny' || char(13))");
    Database db;
    REQUIRE(db.apply(script(out) + script(ins) + "INSERT INTO crs (v) VALUES ('z');") == 0);
    CHECK(db.query("SELECT hex(v), hex(d) FROM crs ORDER BY v") == "0D780D0D0A790D|610D0A\n7A|610D0A\n");
}

TEST_CASE("sqlite refuses the clock in a partial index", "[sqlite]") {
    Fixture f;
    schema::Table t;
    t.name = "fees";
    t.columns = {column("due", type(K::date))};
    auto ix = index("ix_fees_due", "fees", {"due"}, false,
                    bin(sql::BinaryOp::lt, col("due"), sql::make_expr(sql::Call{sql::Function::current_date, {}})));
    t.indexes = {ix};
    f.put(t);
    f.render(plan::CreateIndex{ix, schema::share(t)});
    CHECK(f.diagnostics.has_errors());
    CHECK_THAT(f.errors(), Catch::Contains("partial index"));
}
