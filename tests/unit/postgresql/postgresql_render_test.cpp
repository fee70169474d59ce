// The PostgreSQL dialect on hand-built plan steps: what a DBA reads in the
// script and what PostgreSQL 15 accepts (the live tests apply the same SQL).
#include <catch2/catch.hpp>

#include "pg_test_support.hpp"

using namespace retort;
using namespace retort::testing;
using sql::BinaryOp;
using sql::LiteralKind;
using sql::TypeKind;

TEST_CASE("identifiers are quoted exactly when PostgreSQL needs it", "[postgresql]") {
    PgFixture f;
    auto [name, expected] = GENERATE(table<std::string, std::string>({
        {"fees", "fees"},
        {"student_id", "student_id"},
        {"_x1", "_x1"},
        {"name", "name"},            // unreserved keyword: bare
        {"status", "status"},
        {"user", "\"user\""},        // reserved
        {"order", "\"order\""},
        {"time", "\"time\""},        // col_name keyword: quote_ident quotes it too
        {"left", "\"left\""},        // type_func_name keyword
        {"Fees", "\"Fees\""},        // upper case
        {"my col", "\"my col\""},
        {"a\"b", "\"a\"\"b\""},
        {"1abc", "\"1abc\""},
        {"caf\xc3\xa9", "\"caf\xc3\xa9\""},
        {"", "\"\""},
    }));
    CAPTURE(name);
    CHECK(f.dialect.quote_identifier(name) == expected);
}

TEST_CASE("the PostgreSQL type table", "[postgresql]") {
    PgFixture f;
    auto type = [](TypeKind kind, std::optional<int> length = {}, std::optional<int> scale = {}) {
        sql::Type t;
        t.kind = kind;
        t.length = length;
        t.scale = scale;
        return t;
    };
    CHECK(f.dialect.type_name(type(TypeKind::json), f.state) == "JSONB");
    CHECK(f.dialect.type_name(type(TypeKind::datetime), f.state) == "TIMESTAMP WITHOUT TIME ZONE");
    CHECK(f.dialect.type_name(type(TypeKind::timestamp, 3), f.state) == "TIMESTAMP(3) WITHOUT TIME ZONE");
    CHECK(f.dialect.type_name(type(TypeKind::timestamptz), f.state) == "TIMESTAMP WITH TIME ZONE");
    CHECK(f.dialect.type_name(type(TypeKind::binary), f.state) == "BYTEA");
    CHECK(f.dialect.type_name(type(TypeKind::numeric, 10, 2), f.state) == "NUMERIC(10, 2)");
    CHECK(f.dialect.type_name(type(TypeKind::varchar, 20), f.state) == "VARCHAR(20)");
    CHECK(f.dialect.type_name(type(TypeKind::double_), f.state) == "DOUBLE PRECISION");
    CHECK(f.dialect.type_name(type(TypeKind::uuid), f.state) == "UUID");
    sql::Type e = type(TypeKind::enum_);
    e.enum_name = "Fee Status";
    CHECK(f.dialect.type_name(e, f.state) == "\"Fee Status\"");

    dialects::Options json;
    json.postgresql_json = "json";
    PgFixture g(json);
    CHECK(g.dialect.type_name(type(TypeKind::json), g.state) == "JSON");
}

TEST_CASE("literals are exact under standard_conforming_strings", "[postgresql]") {
    PgFixture f;
    auto [kind, text, expected] = GENERATE(table<LiteralKind, std::string, std::string>({
        {LiteralKind::string, "it's", "'it''s'"},
        {LiteralKind::string, "C:\\Users\\", "'C:\\Users\\'"},     // backslashes untouched
        {LiteralKind::string, "a\tb\nc\r", "'a\tb\nc\r'"},          // kept as they are
        {LiteralKind::string, "100% :name %(x)s ?", "'100% :name %(x)s ?'"},
        {LiteralKind::string, "$$ -- /* */", "'$$ -- /* */'"},
        {LiteralKind::binary, std::string("\x00\xff", 2), "'\\x00ff'::bytea"},
        {LiteralKind::binary, "", "'\\x'::bytea"},
        {LiteralKind::boolean, "true", "true"},
        {LiteralKind::boolean, "false", "false"},
        {LiteralKind::date, "2024-02-29", "DATE '2024-02-29'"},
        {LiteralKind::timestamp, "2024-01-15 12:00:00", "TIMESTAMP '2024-01-15 12:00:00'"},
        {LiteralKind::integer, "-9223372036854775808", "-9223372036854775808"},
        {LiteralKind::decimal, "1.5e3", "1.5e3"},
        {LiteralKind::null, "", "NULL"},
    }));
    CAPTURE(text);
    CHECK(f.expr(lit(kind, text)) == expected);
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("a NUL character in a string is an error, not a truncated literal", "[postgresql]") {
    PgFixture f;
    f.expr(str(std::string("a\0b", 3)));
    REQUIRE(f.diagnostics.error_count() == 1);
    CHECK(f.diagnostics.diagnostics()[0].code == DiagCode::nul_character);
}

TEST_CASE("expressions keep their meaning: parentheses where precedence needs them", "[postgresql]") {
    PgFixture f;
    auto a = col("a"), b = col("b"), c = col("c");
    using sql::UnaryOp;
    auto unary = [](UnaryOp op, sql::ExprRef e) { return make_expr(sql::Unary{op, std::move(e)}); };
    auto is_null = [](sql::ExprRef e, bool neg) { return make_expr(sql::IsNull{std::move(e), neg}); };
    auto [expr, expected] = GENERATE_REF(table<sql::ExprRef, std::string>({
        {bin(BinaryOp::mul, bin(BinaryOp::add, a, b), c), "(a + b) * c"},
        {bin(BinaryOp::add, a, bin(BinaryOp::mul, b, c)), "a + b * c"},
        {bin(BinaryOp::sub, a, bin(BinaryOp::sub, b, c)), "a - (b - c)"},
        {bin(BinaryOp::sub, bin(BinaryOp::sub, a, b), c), "a - b - c"},
        {bin(BinaryOp::concat, a, bin(BinaryOp::add, b, c)), "a || (b + c)"},
        {bin(BinaryOp::add, bin(BinaryOp::concat, a, b), c), "(a || b) + c"},
        {bin(BinaryOp::or_, bin(BinaryOp::and_, a, b), c), "a AND b OR c"},
        {bin(BinaryOp::and_, bin(BinaryOp::or_, a, b), c), "(a OR b) AND c"},
        {unary(UnaryOp::not_, bin(BinaryOp::eq, a, b)), "NOT a = b"},
        {bin(BinaryOp::eq, unary(UnaryOp::not_, a), b), "(NOT a) = b"},
        {is_null(bin(BinaryOp::eq, a, b), false), "(a = b) IS NULL"},
        {bin(BinaryOp::eq, is_null(a, true), b), "(a IS NOT NULL) = b"},
        {unary(UnaryOp::negate, num("-5")), "-(-5)"},
        {unary(UnaryOp::negate, bin(BinaryOp::add, a, b)), "-(a + b)"},
        {paren(bin(BinaryOp::add, a, b)), "(a + b)"},
        {bin(BinaryOp::ne, col("status"), str("paid")), "status <> 'paid'"},
        {bin(BinaryOp::eq, col("user"), str("x")), "\"user\" = 'x'"},
        {make_expr(sql::Call{sql::Function::now, {}}), "now()"},
        {make_expr(sql::Call{sql::Function::current_date, {}}), "CURRENT_DATE"},
        {make_expr(sql::Call{sql::Function::coalesce, {a, str("")}}), "coalesce(a, '')"},
        {make_expr(sql::InList{a, {num("1"), num("2")}, true}), "a NOT IN (1, 2)"},
        {make_expr(sql::Between{a, num("1"), bin(BinaryOp::add, b, num("1")), false}), "a BETWEEN 1 AND b + 1"},
        {make_expr(sql::Like{bin(BinaryOp::concat, a, b), str("x%"), false}), "a || b LIKE 'x%'"},
    }));
    CHECK(f.expr(expr) == expected);
}

namespace {

schema::Table fees_table() {
    schema::Table t;
    t.name = "fees";
    auto id = column("id", TypeKind::integer, false);
    id.autoincrement = true;
    auto student = column("student_id", TypeKind::integer, false);
    auto amount = column("amount", TypeKind::numeric, false);
    amount.type.length = 10;
    amount.type.scale = 2;
    amount.comment = "in EUR, it's";
    auto status = column("status", TypeKind::varchar, false);
    status.type.length = 20;
    status.default_value = str("pending");
    auto created = column("created_at", TypeKind::datetime, false);
    created.default_value = make_expr(sql::Call{sql::Function::now, {}});
    t.columns = {id, student, amount, status, created};
    schema::Constraint pk;
    pk.name = "pk_fees";
    pk.kind = schema::ConstraintKind::primary_key;
    pk.columns = {"id"};
    schema::Constraint fk;
    fk.name = "fk_fees_student_id_students";
    fk.kind = schema::ConstraintKind::foreign_key;
    fk.columns = {"student_id"};
    fk.ref_table = "students";
    fk.ref_columns = {"id"};
    fk.on_delete = sql::FkAction::cascade;
    fk.on_update = sql::FkAction::set_null;
    schema::Constraint ck;
    ck.name = "ck_fees_amount";
    ck.kind = schema::ConstraintKind::check;
    ck.check = bin(BinaryOp::ge, col("amount"), num("0"));
    t.constraints = {pk, fk, ck};
    t.comment = "student fees";
    return t;
}

}  // namespace

TEST_CASE("create table: identity, defaults, constraints, comments", "[postgresql]") {
    PgFixture f;
    auto out = f.sql(plan::Step{plan::CreateTable{schema::share(fees_table()), false}, {}});
    REQUIRE(out.size() == 3);
    CHECK(out[0] ==
          "CREATE TABLE fees (\n"
          "    id INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n"
          "    student_id INTEGER NOT NULL,\n"
          "    amount NUMERIC(10, 2) NOT NULL,\n"
          "    status VARCHAR(20) NOT NULL DEFAULT 'pending',\n"
          "    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT now(),\n"
          "    CONSTRAINT pk_fees PRIMARY KEY (id),\n"
          "    CONSTRAINT fk_fees_student_id_students FOREIGN KEY (student_id) REFERENCES students (id) "
          "ON DELETE CASCADE ON UPDATE SET NULL,\n"
          "    CONSTRAINT ck_fees_amount CHECK (amount >= 0)\n"
          ")");
    CHECK(out[1] == "COMMENT ON TABLE fees IS 'student fees'");
    CHECK(out[2] == "COMMENT ON COLUMN fees.amount IS 'in EUR, it''s'");
}

TEST_CASE("indexes: partial, descending, concurrently outside the transaction", "[postgresql]") {
    PgFixture f;
    schema::Index ix;
    ix.name = "ix_fees_status";
    ix.table = "fees";
    ix.columns = {{"status", false}, {"due_date", true}};
    ix.where = bin(BinaryOp::ne, col("status"), str("paid"));
    auto out = f.render(plan::Step{plan::CreateIndex{ix, schema::share(fees_table()), false}, {}});
    REQUIRE(out.size() == 1);
    CHECK(out[0].sql == "CREATE INDEX ix_fees_status ON fees (status, due_date DESC) WHERE status <> 'paid'");
    CHECK(out[0].placement == dialects::Placement::in_transaction);

    ix.unique = true;
    ix.where = nullptr;
    out = f.render(plan::Step{plan::CreateIndex{ix, schema::share(fees_table()), true}, {}});
    REQUIRE(out.size() == 1);
    CHECK(out[0].sql == "CREATE UNIQUE INDEX CONCURRENTLY ix_fees_status ON fees (status, due_date DESC)");
    CHECK(out[0].placement == dialects::Placement::outside_transaction);

    out = f.render(plan::Step{plan::DropIndex{ix, schema::share(fees_table()), true, true}, {}});
    REQUIRE(out.size() == 1);
    CHECK(out[0].sql == "DROP INDEX CONCURRENTLY IF EXISTS ix_fees_status");
    CHECK(out[0].placement == dialects::Placement::outside_transaction);
}

namespace {

plan::Step alter_column_step(schema::Column from, schema::Column to) {
    schema::Table t;
    t.name = "fees";
    t.columns = {to};
    plan::AlterTable alter{schema::share(t), schema::share(t), {}};
    alter.actions.push_back(plan::AlterAction{plan::AlterColumn{std::move(from), std::move(to)}, {}});
    return plan::Step{alter, {}};
}

}  // namespace

TEST_CASE("alter column type: USING where PostgreSQL does not cast by itself", "[postgresql]") {
    PgFixture f;
    auto status = column("status", TypeKind::varchar, false);
    status.type.length = 20;
    status.default_value = str("pending");
    auto as_enum = status;
    as_enum.type = sql::Type{TypeKind::enum_, {}, {}, "fee_status"};

    SECTION("to an enum: through text, the default dropped and restored around it") {
        CHECK(f.sql(alter_column_step(status, as_enum)) ==
              std::vector<std::string>{
                  "ALTER TABLE fees ALTER COLUMN status DROP DEFAULT",
                  "ALTER TABLE fees ALTER COLUMN status TYPE fee_status USING status::text::fee_status",
                  "ALTER TABLE fees ALTER COLUMN status SET DEFAULT 'pending'",
              });
    }
    SECTION("from an enum back to a string") {
        auto plain = as_enum;
        plain.default_value = nullptr;
        auto back = status;
        back.default_value = nullptr;
        CHECK(f.sql(alter_column_step(plain, back)) ==
              std::vector<std::string>{
                  "ALTER TABLE fees ALTER COLUMN status TYPE VARCHAR(20) USING status::text::VARCHAR(20)"});
    }
    SECTION("text to integer needs a cast, a longer varchar does not") {
        auto text = column("qty", TypeKind::text);
        auto integer = column("qty", TypeKind::integer);
        CHECK(f.sql(alter_column_step(text, integer)) ==
              std::vector<std::string>{"ALTER TABLE fees ALTER COLUMN qty TYPE INTEGER USING qty::INTEGER"});
        auto longer = status;
        longer.type.length = 50;
        CHECK(f.sql(alter_column_step(status, longer)) ==
              std::vector<std::string>{"ALTER TABLE fees ALTER COLUMN status TYPE VARCHAR(50)"});
    }
    SECTION("checks and partial indexes on the column are rebuilt around an enum change") {
        schema::Table t;
        t.name = "fees";
        t.columns = {as_enum};
        schema::Constraint ck;
        ck.name = "ck_fees_status";
        ck.kind = schema::ConstraintKind::check;
        ck.check = bin(BinaryOp::ne, col("status"), str("void"));
        schema::Constraint other;
        other.name = "ck_fees_other";
        other.kind = schema::ConstraintKind::check;
        other.check = bin(BinaryOp::ge, col("amount"), num("0"));
        t.constraints = {ck, other};
        schema::Index ix;
        ix.name = "ix_fees_open";
        ix.table = "fees";
        ix.columns = {{"id", false}};
        ix.where = bin(BinaryOp::ne, col("status"), str("paid"));
        schema::Index plain;
        plain.name = "ix_fees_status";
        plain.table = "fees";
        plain.columns = {{"status", false}};
        t.indexes = {ix, plain};
        auto from = status;
        from.default_value = nullptr;
        auto to = as_enum;
        to.default_value = nullptr;
        plan::AlterTable alter{schema::share(t), schema::share(t), {}};
        alter.actions.push_back(plan::AlterAction{plan::AlterColumn{from, to}, {}});
        CHECK(f.sql(plan::Step{alter, {}}) ==
              std::vector<std::string>{
                  "ALTER TABLE fees DROP CONSTRAINT ck_fees_status",
                  "DROP INDEX ix_fees_open",
                  "ALTER TABLE fees ALTER COLUMN status TYPE fee_status USING status::text::fee_status",
                  "ALTER TABLE fees ADD CONSTRAINT ck_fees_status CHECK (status <> 'void')",
                  "CREATE INDEX ix_fees_open ON fees (id) WHERE status <> 'paid'",
              });
    }
    SECTION("nullability and default") {
        auto changed = status;
        changed.nullable = true;
        changed.default_value = nullptr;
        CHECK(f.sql(alter_column_step(status, changed)) ==
              std::vector<std::string>{"ALTER TABLE fees ALTER COLUMN status DROP NOT NULL",
                                       "ALTER TABLE fees ALTER COLUMN status DROP DEFAULT"});
    }
}

TEST_CASE("enum types: create, add value outside the transaction, rename, drop value", "[postgresql]") {
    PgFixture f;
    schema::EnumType before{"fee_status", {"pending", "paid", "overdue"}, {}};
    CHECK(f.sql(plan::Step{plan::CreateEnum{before}, {}}) ==
          std::vector<std::string>{"CREATE TYPE fee_status AS ENUM ('pending', 'paid', 'overdue')"});

    schema::EnumType after = before;
    after.values.push_back("waived");
    auto out = f.render(plan::Step{plan::AddEnumValue{before, after, "waived", {}}, {}});
    REQUIRE(out.size() == 1);
    CHECK(out[0].sql == "ALTER TYPE fee_status ADD VALUE IF NOT EXISTS 'waived'");
    CHECK(out[0].placement == dialects::Placement::outside_transaction);

    schema::EnumType renamed = before;
    renamed.values[2] = "late";
    CHECK(f.sql(plan::Step{plan::RenameEnumValue{before, renamed, "overdue", "late", {}}, {}}) ==
          std::vector<std::string>{"ALTER TYPE fee_status RENAME VALUE 'overdue' TO 'late'"});

    // drop value: fees.status uses the type, with a default and a partial index on it.
    schema::Table fees;
    fees.name = "fees";
    auto status = column("status", TypeKind::enum_, false);
    status.type.enum_name = "fee_status";
    status.default_value = str("pending");
    fees.columns = {column("id", TypeKind::integer, false), status};
    schema::Index ix;
    ix.name = "ix_fees_open";
    ix.table = "fees";
    ix.columns = {{"id", false}};
    ix.where = bin(BinaryOp::ne, col("status"), str("paid"));
    fees.indexes = {ix};
    CHECK(f.sql(plan::Step{plan::DropEnumValue{after, before, "waived", {schema::share(fees)}}, {}}) ==
          std::vector<std::string>{
              "ALTER TYPE fee_status RENAME TO fee_status_old",
              "CREATE TYPE fee_status AS ENUM ('pending', 'paid', 'overdue')",
              "DROP INDEX ix_fees_open",
              "ALTER TABLE fees ALTER COLUMN status DROP DEFAULT",
              "ALTER TABLE fees ALTER COLUMN status TYPE fee_status USING status::text::fee_status",
              "ALTER TABLE fees ALTER COLUMN status SET DEFAULT 'pending'",
              "CREATE INDEX ix_fees_open ON fees (id) WHERE status <> 'paid'",
              "DROP TYPE fee_status_old",
          });
    CHECK(f.sql(plan::Step{plan::DropEnum{before}, {}}) == std::vector<std::string>{"DROP TYPE fee_status"});
}

TEST_CASE("data statements bind every value as a literal", "[postgresql]") {
    PgFixture f;
    schema::Table t;
    t.name = "order";
    plan::Insert ins{schema::share(t), {"id", "note"}, {{num("1"), str("a'b\\")}, {num("2"), lit(LiteralKind::null, "")}}};
    CHECK(f.sql(plan::Step{ins, {}}) ==
          std::vector<std::string>{"INSERT INTO \"order\" (id, note) VALUES\n    (1, 'a''b\\'),\n    (2, NULL)"});
    plan::Update up{schema::share(t), {{"note", str("x")}}, bin(BinaryOp::eq, col("id"), num("1"))};
    CHECK(f.sql(plan::Step{up, {}}) == std::vector<std::string>{"UPDATE \"order\" SET note = 'x' WHERE id = 1"});
    CHECK(f.sql(plan::Step{plan::Delete{schema::share(t), nullptr}, {}}) == std::vector<std::string>{"DELETE FROM \"order\""});
    CHECK(f.sql(plan::Step{plan::Execute{"\nSELECT 1;\n  "}, {}}) == std::vector<std::string>{"SELECT 1"});
}

TEST_CASE("the version table, also in a configured schema", "[postgresql]") {
    PgFixture f;
    CHECK(f.dialect.create_version_table() ==
          "CREATE TABLE IF NOT EXISTS alembic_version (\n"
          "    version_num VARCHAR(32) NOT NULL,\n"
          "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
          ")");
    CHECK(f.dialect.insert_version("a1b2") == "INSERT INTO alembic_version (version_num) VALUES ('a1b2')");
    CHECK(f.dialect.update_version("a1b2", "c3d4") ==
          "UPDATE alembic_version SET version_num = 'c3d4' WHERE version_num = 'a1b2'");
    CHECK(f.dialect.delete_version("c3d4") == "DELETE FROM alembic_version WHERE version_num = 'c3d4'");

    dialects::Options opts;
    opts.version_table = "Versions";
    opts.version_table_schema = "ops";
    PgFixture g(opts);
    CHECK(g.dialect.insert_version("x") == "INSERT INTO ops.\"Versions\" (version_num) VALUES ('x')");
    CHECK(g.dialect.create_version_table().find("CONSTRAINT \"Versions_pkc\" PRIMARY KEY") != std::string::npos);
}
