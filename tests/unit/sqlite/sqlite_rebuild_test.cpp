// The SQLite rebuild: which statements need it, how columns move, and live
// runs through sqlite3 with rows in the tables.
#include <catch2/catch.hpp>

#include "dialects/sqlite/sqlite_rebuild.hpp"
#include "sqlite_fixture.hpp"

using namespace retort;
using namespace retort::sqlite_test;
using K = sql::TypeKind;

namespace {

schema::Table students() {
    schema::Table t;
    t.name = "students";
    auto id = column("id", type(K::integer), false);
    id.autoincrement = true;
    t.columns = {id, column("name", type(K::varchar, 50), false)};
    t.constraints = {pk("pk_students", {"id"}), unique("uq_students_name", {"name"})};
    return t;
}

schema::Table fees() {
    schema::Table t;
    t.name = "fees";
    t.columns = {column("id", type(K::integer), false), column("student_id", type(K::integer), false),
                 column("amount", type(K::numeric, 10, 2), false), column("status", type(K::varchar, 20), true,
                                                                          str("pending")),
                 column("note", type(K::text))};
    t.constraints = {pk("pk_fees", {"id"}),
                     fk("fk_fees_student_id_students", {"student_id"}, "students", {"id"}, sql::FkAction::cascade)};
    t.indexes = {index("ix_fees_status", "fees", {"status"})};
    return t;
}

// Creates students and fees with rows, through the dialect.
std::string seed(Fixture& f) {
    f.put(students());
    f.put(fees());
    dialects::Output out;
    auto a = f.render(plan::CreateTable{schema::share(students())});
    auto b = f.render(plan::CreateTable{schema::share(fees())});
    auto c = f.render(plan::CreateIndex{fees().indexes[0], schema::share(fees())});
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    out.insert(out.end(), c.begin(), c.end());
    f.out.clear();
    return script(out) +
           "INSERT INTO students (name) VALUES ('ann'), ('bob'), ('cy');\n"
           "INSERT INTO fees VALUES (1, 1, 10.5, 'paid', 'first'), (2, 1, 20, NULL, 'it''s'),\n"
           "    (3, 2, 0.25, 'pending', NULL);\n";
}

plan::AlterTable alter(const schema::Table& before, const schema::Table& after, std::vector<plan::AlterAction> a) {
    return plan::AlterTable{schema::share(before), schema::share(after), std::move(a)};
}

}  // namespace

TEST_CASE("sqlite decides between native ALTER TABLE and the rebuild", "[sqlite][rebuild]") {
    schema::Table before = fees();
    auto added = [&](schema::Column c, std::vector<schema::Constraint> extra = {}) {
        schema::Table after = before;
        after.columns.push_back(c);
        for (auto& e : extra) after.constraints.push_back(e);
        return alter(before, after, {action(plan::AddColumn{c})});
    };
    auto dropped = [&](const std::string& name) {
        schema::Table after = before;
        std::erase_if(after.columns, [&](const auto& c) { return c.name == name; });
        return alter(before, after, {action(plan::DropColumn{*before.column(name)})});
    };
    auto none = std::optional<std::string>();

    SECTION("native") {
        auto step = GENERATE_REF(values<plan::AlterTable>({
            added(column("paid", type(K::boolean), true)),
            added(column("paid", type(K::boolean), false, lit(sql::LiteralKind::boolean, "false"))),
            added(column("payer", type(K::integer)), {fk("fk_fees_payer_students", {"payer"}, "students", {"id"})}),
            added(column("pct", type(K::integer)), {check("ck_fees_pct", bin(sql::BinaryOp::ge, col("pct"), num("0")))}),
            dropped("note"),
        }));
        CHECK(dialects::sqlite::rebuild_reason(step) == none);
    }
    SECTION("rebuild") {
        schema::Table retyped = before;
        retyped.columns[2].type = type(K::numeric, 12, 2);
        schema::Table with_check = before;
        with_check.constraints.push_back(check("ck_fees_amount", bin(sql::BinaryOp::ge, col("amount"), num("0"))));
        schema::Table without_fk = before;
        without_fk.constraints.pop_back();
        auto [step, reason] = GENERATE_REF(table<plan::AlterTable, std::string>({
            {added(column("x", type(K::integer), false)), "add the NOT NULL column \"x\" without a default"},
            {added(column("x", type(K::integer)), {unique("uq_fees_x", {"x"})}),
             "add column \"x\" with a UNIQUE constraint"},
            {added(column("at", type(K::datetime), false, sql::make_expr(sql::Call{sql::Function::now, {}}))),
             "add column \"at\" whose default is not a constant"},
            {added(column("payer", type(K::integer), true, num("1")),
                   {fk("fk_fees_payer_students", {"payer"}, "students", {"id"})}),
             "add column \"payer\" with a foreign key and a non-NULL default"},
            {dropped("status"), "drop column \"status\": it is used by index \"ix_fees_status\""},
            {dropped("student_id"),
             "drop column \"student_id\": it is used by FOREIGN KEY constraint \"fk_fees_student_id_students\""},
            {dropped("id"), "drop column \"id\": it is part of the primary key"},
            {alter(before, retyped, {action(plan::AlterColumn{before.columns[2], retyped.columns[2]})}),
             "change the type of column \"amount\" (numeric(10, 2) to numeric(12, 2))"},
            {alter(before, with_check, {action(plan::AddConstraint{with_check.constraints.back()})}),
             "add CHECK constraint \"ck_fees_amount\" to an existing table"},
            {alter(before, without_fk, {action(plan::DropConstraint{before.constraints.back()})}),
             "drop FOREIGN KEY constraint \"fk_fees_student_id_students\""},
        }));
        CHECK(dialects::sqlite::rebuild_reason(step) == reason);
    }
}

TEST_CASE("sqlite rebuild maps renamed, dropped and added columns", "[sqlite][rebuild]") {
    schema::Table before = fees();
    schema::Table after = before;
    // drop note, rename status to note (the old name is still taken in the
    // old table: the copy renames), rename amount to total (native), add x
    after.columns = {before.columns[0], before.columns[1], before.columns[2], before.columns[3],
                     column("x", type(K::integer))};
    after.columns[3].name = "note";
    after.columns[2].name = "total";
    auto status_as_note = before.columns[3];
    status_as_note.name = "note";
    auto total = before.columns[2];
    total.name = "total";
    auto step = alter(before, after,
                      {action(plan::DropColumn{before.columns[4]}),
                       action(plan::RenameColumn{before.columns[3], status_as_note}),
                       action(plan::RenameColumn{before.columns[2], total}),
                       action(plan::AddColumn{after.columns[4]})});
    auto cols = dialects::sqlite::rebuild_columns(step);
    using P = std::pair<std::string, std::string>;
    CHECK(cols.native_renames == std::vector<P>{{"amount", "total"}});
    CHECK(cols.renamed_in_copy == std::vector<P>{{"status", "note"}});
    using S = std::pair<std::string, std::optional<std::string>>;
    CHECK(cols.sources == std::vector<S>{{"id", "id"}, {"student_id", "student_id"}, {"total", "total"},
                                         {"note", "status"}, {"x", std::nullopt}});
}

TEST_CASE("sqlite rebuild keeps every row, index and foreign key", "[sqlite][rebuild][live]") {
    Fixture f;
    Database db;
    REQUIRE(db.apply(seed(f)) == 0);

    // Several actions in one statement: type, nullability, default, rename,
    // a new check, a dropped column that SQLite refuses to drop natively.
    schema::Table before = fees();
    schema::Table after = before;
    after.columns[2].type = type(K::numeric, 12, 2);         // amount
    after.columns[3].nullable = false;                        // status
    after.columns[3].default_value = str("open");
    after.columns[4].name = "remark";                         // note
    after.constraints.push_back(check("ck_fees_amount", bin(sql::BinaryOp::ge, col("amount"), num("0"))));
    auto status_step1 = before.columns[3];
    status_step1.nullable = false;
    auto status_step2 = status_step1;
    status_step2.default_value = str("open");
    auto remark = before.columns[4];
    remark.name = "remark";
    // status held NULL in row 2: fill it first, as a migration would.
    std::string fill = "UPDATE fees SET status = 'open' WHERE status IS NULL;\n";
    REQUIRE(db.apply(fill) == 0);
    f.put(after);
    auto out = f.render(alter(before, after,
                              {action(plan::AlterColumn{before.columns[2], after.columns[2]}),
                               action(plan::AlterColumn{before.columns[3], status_step1}),
                               action(plan::AlterColumn{status_step1, status_step2}),
                               action(plan::RenameColumn{before.columns[4], remark}),
                               action(plan::AddConstraint{after.constraints.back()})}));
    REQUIRE_FALSE(f.diagnostics.has_errors());
    std::string text = script(out);
    INFO(text);
    // One rebuild for the whole statement.
    int creates = 0;
    for (const auto& s : sql_of(out)) creates += s.rfind("CREATE TABLE retort_new_fees", 0) == 0;
    CHECK(creates == 1);
    CHECK(text.rfind("PRAGMA foreign_keys=OFF;\nBEGIN;\n", 0) == 0);
    CHECK(text.find("COMMIT;\nPRAGMA foreign_keys=ON;\n") != std::string::npos);
    std::string error;
    REQUIRE(db.apply(text, &error) == 0);
    CHECK(error.empty());

    CHECK(db.query("SELECT id, student_id, amount, status, remark FROM fees ORDER BY id") ==
          "1|1|10.5|paid|first\n2|1|20|open|it's\n3|2|0.25|pending|\n");
    CHECK(db.query("SELECT name FROM pragma_index_list('fees') WHERE origin = 'c'") == "ix_fees_status\n");
    CHECK(db.query("PRAGMA integrity_check") == "ok\n");
    CHECK(db.query("PRAGMA foreign_key_check").empty());
    // The new rules hold: the check, NOT NULL, the default, the foreign key.
    CHECK(db.apply("INSERT INTO fees (id, student_id, amount) VALUES (9, 1, -1);") != 0);
    CHECK(db.apply("INSERT INTO fees (id, student_id, amount, status) VALUES (9, 1, 1, NULL);") != 0);
    CHECK(db.query("INSERT INTO fees (id, student_id, amount) VALUES (9, 1, 1); SELECT status FROM fees WHERE id = 9") ==
          "open\n");
    CHECK_THAT(db.query("INSERT INTO fees (id, student_id, amount) VALUES (10, 99, 1)"),
               Catch::Contains("FOREIGN KEY constraint failed"));
    CHECK(db.query("SELECT sql FROM sqlite_schema WHERE name LIKE 'retort_new_%'").empty());
}

TEST_CASE("sqlite rebuild of a referenced table keeps the children's foreign keys and the counter",
          "[sqlite][rebuild][live]") {
    Fixture f;
    Database db;
    REQUIRE(db.apply(seed(f)) == 0);
    REQUIRE(db.apply("DELETE FROM students WHERE id = 3;") == 0);  // the counter stays at 3

    schema::Table before = students();
    schema::Table after = before;
    after.constraints.pop_back();  // drop constraint uq_students_name
    f.put(after);
    auto out = f.render(alter(before, after, {action(plan::DropConstraint{before.constraints.back()})}));
    std::string text = script(out);
    INFO(text);
    REQUIRE(db.apply(text) == 0);

    CHECK(db.query("SELECT id, name FROM students ORDER BY id") == "1|ann\n2|bob\n");
    CHECK(db.query("INSERT INTO students (name) VALUES ('ann'); SELECT max(id) FROM students") == "4\n");
    CHECK(db.query("SELECT count(*) FROM sqlite_sequence WHERE name = 'students'") == "1\n");
    // The children still point at students and the foreign key still acts.
    CHECK_THAT(db.query("INSERT INTO fees (id, student_id, amount) VALUES (7, 42, 1)"),
               Catch::Contains("FOREIGN KEY constraint failed"));
    CHECK(db.query("DELETE FROM students WHERE id = 1; SELECT count(*) FROM fees") == "1\n");
    CHECK(db.query("PRAGMA foreign_key_check").empty());
    CHECK(db.query("PRAGMA integrity_check") == "ok\n");
}

TEST_CASE("sqlite rebuild fails the script when a new foreign key does not hold", "[sqlite][rebuild][live]") {
    Fixture f;
    Database db;
    REQUIRE(db.apply(seed(f)) == 0);
    REQUIRE(db.apply("CREATE TABLE notes (id INTEGER PRIMARY KEY, student INTEGER);"
                     "INSERT INTO notes VALUES (1, 1), (2, 77);") == 0);
    schema::Table before;
    before.name = "notes";
    before.columns = {column("id", type(K::integer), false), column("student", type(K::integer))};
    before.constraints = {pk("pk_notes", {"id"})};
    schema::Table after = before;
    after.constraints.push_back(fk("fk_notes_student_students", {"student"}, "students", {"id"}));
    f.put(after);
    auto out = f.render(alter(before, after, {action(plan::AddConstraint{after.constraints.back()})}));
    std::string error;
    CHECK(db.apply(script(out), &error) != 0);
    CHECK_THAT(error, Catch::Contains("foreign_keys_hold_after_rebuild"));
    // The transaction rolled back: the old table is intact, with its rows.
    CHECK(db.query("SELECT count(*) FROM notes") == "2\n");
    CHECK(db.query("SELECT count(*) FROM pragma_foreign_key_list('notes')") == "0\n");
}

TEST_CASE("sqlite native ADD COLUMN writes its column's constraints inline", "[sqlite][live]") {
    Fixture f;
    Database db;
    REQUIRE(db.apply(seed(f)) == 0);
    schema::Table before = fees();
    schema::Table after = before;
    auto payer = column("payer", type(K::integer));
    auto pct = column("pct", type(K::integer), false, num("0"));
    after.columns.push_back(payer);
    after.columns.push_back(pct);
    after.constraints.push_back(fk("fk_fees_payer_students", {"payer"}, "students", {"id"}, sql::FkAction::set_null));
    after.constraints.push_back(check("ck_fees_pct", bin(sql::BinaryOp::le, col("pct"), num("100"))));
    f.put(after);
    auto out = f.render(alter(before, after,
                              {action(plan::AddColumn{payer}), action(plan::AddColumn{pct}),
                               action(plan::AddConstraint{after.constraints[2]}),
                               action(plan::AddConstraint{after.constraints[3]})}));
    CHECK(sql_of(out) ==
          std::vector<std::string>{
              "ALTER TABLE fees ADD COLUMN payer INTEGER CONSTRAINT fk_fees_payer_students REFERENCES students (id) "
              "ON DELETE SET NULL",
              "ALTER TABLE fees ADD COLUMN pct INTEGER NOT NULL DEFAULT 0 CONSTRAINT ck_fees_pct CHECK (pct <= 100)"});
    REQUIRE(db.apply(script(out)) == 0);
    CHECK(db.query("SELECT count(*), sum(pct) FROM fees") == "3|0\n");
    CHECK(db.apply("UPDATE fees SET pct = 101;") != 0);
    CHECK_THAT(db.query("UPDATE fees SET payer = 55"), Catch::Contains("FOREIGN KEY constraint failed"));
}

TEST_CASE("sqlite enum value changes rebuild the tables that use the type", "[sqlite][rebuild][live]") {
    Fixture f;
    Database db;
    schema::EnumType status{"fee_status", {"pending", "paid", "overdue"}, {}};
    f.put(status);
    schema::Table bills;
    bills.name = "bills";
    bills.columns = {column("id", type(K::integer), false), column("state", enum_type("fee_status"), false)};
    bills.constraints = {pk("pk_bills", {"id"})};
    bills.indexes = {index("ix_bills_state", "bills", {"state"})};
    f.put(bills);
    auto create = f.render(plan::CreateTable{schema::share(bills)});
    auto create_ix = f.render(plan::CreateIndex{bills.indexes[0], schema::share(bills)});
    create.insert(create.end(), create_ix.begin(), create_ix.end());
    REQUIRE(db.apply(script(create) + "INSERT INTO bills VALUES (1, 'pending'), (2, 'overdue'), (3, 'paid');") == 0);

    SECTION("rename value: rows follow") {
        schema::EnumType after = status;
        after.values[2] = "late";
        f.put(after);
        auto out = f.render(plan::RenameEnumValue{status, after, "overdue", "late", {schema::share(bills)}});
        REQUIRE(db.apply(script(out)) == 0);
        CHECK(db.query("SELECT id, state FROM bills ORDER BY id") == "1|pending\n2|late\n3|paid\n");
        CHECK(db.apply("INSERT INTO bills VALUES (4, 'overdue');") != 0);
        CHECK(db.query("SELECT name FROM pragma_index_list('bills') WHERE origin = 'c'") == "ix_bills_state\n");
    }
    SECTION("add value: the new value is accepted") {
        schema::EnumType after = status;
        after.values.push_back("waived");
        f.put(after);
        auto out = f.render(plan::AddEnumValue{status, after, "waived", {schema::share(bills)}});
        REQUIRE(db.apply(script(out)) == 0);
        CHECK(db.apply("INSERT INTO bills VALUES (4, 'waived');") == 0);
        CHECK(db.query("SELECT count(*) FROM bills") == "4\n");
    }
    SECTION("drop value still in use: the script fails and changes nothing") {
        schema::EnumType after = status;
        after.values.pop_back();
        f.put(after);
        auto out = f.render(plan::DropEnumValue{status, after, "overdue", {schema::share(bills)}});
        CHECK(db.apply(script(out)) != 0);
        CHECK(db.query("SELECT count(*) FROM bills") == "3\n");
        CHECK(db.apply("INSERT INTO bills VALUES (5, 'overdue');") == 0);
    }
}

TEST_CASE("sqlite refuses a copy-only rename that a foreign key points at", "[sqlite][rebuild]") {
    Fixture f;
    f.put(students());
    f.put(fees());
    schema::Table before = students();
    // drop name, rename id to name: "name" is taken until the rebuild, and
    // fees.student_id points at the renamed column.
    schema::Table after = before;
    after.columns.erase(after.columns.begin() + 1);
    after.columns[0].name = "name";
    after.constraints = {pk("pk_students", {"name"})};
    schema::Table child = fees();
    child.constraints[1].ref_columns = {"name"};
    f.put(after);
    f.put(child);
    f.render(alter(before, after,
                   {action(plan::DropConstraint{before.constraints[1]}), action(plan::DropColumn{before.columns[1]}),
                    action(plan::RenameColumn{before.columns[0], after.columns[0]})}));
    CHECK(f.diagnostics.has_errors());
    CHECK_THAT(f.errors(), Catch::Contains("in an `alter table` of its own"));
}

TEST_CASE("sqlite runs drop, rename and add natively when it can", "[sqlite][live]") {
    Fixture f;
    Database db;
    REQUIRE(db.apply(seed(f)) == 0);
    schema::Table before = fees();
    schema::Table after = before;
    after.columns.pop_back();           // drop note
    after.columns[3].name = "state";    // rename status (indexed: SQLite follows)
    after.indexes[0].columns[0].column = "state";
    auto x = column("x", type(K::varchar, 5), true, str("x"));
    after.columns.push_back(x);
    f.put(after);
    auto out = f.render(alter(before, after,
                              {action(plan::DropColumn{before.columns[4]}),
                               action(plan::RenameColumn{before.columns[3], after.columns[3]}),
                               action(plan::AddColumn{x})}));
    CHECK(sql_of(out) == std::vector<std::string>{"ALTER TABLE fees DROP COLUMN note",
                                                  "ALTER TABLE fees RENAME COLUMN status TO state",
                                                  "ALTER TABLE fees ADD COLUMN x VARCHAR(5) DEFAULT 'x'"});
    REQUIRE(db.apply(script(out)) == 0);
    CHECK(db.query("SELECT id, state, x FROM fees ORDER BY id") == "1|paid|x\n2||x\n3|pending|x\n");
    CHECK(db.query("SELECT name FROM pragma_index_info('ix_fees_status')") == "state\n");
}

TEST_CASE("sqlite rebuilds to drop a column that a partial index filters on", "[sqlite][rebuild]") {
    schema::Table before = fees();
    before.indexes = {index("ix_fees_open", "fees", {"id"}, false, sql::make_expr(sql::IsNull{col("note"), true}))};
    schema::Table after = before;
    after.columns.pop_back();
    after.indexes.clear();
    auto step = alter(before, after, {action(plan::DropColumn{before.columns[4]})});
    CHECK(dialects::sqlite::rebuild_reason(step) == "drop column \"note\": it is used by index \"ix_fees_open\"");
}

TEST_CASE("sqlite adds a primary key by a rebuild that keeps the rows", "[sqlite][rebuild][live]") {
    Fixture f;
    Database db;
    schema::Table before;
    before.name = "loose";
    before.columns = {column("code", type(K::char_, 2), false), column("n", type(K::integer))};
    f.put(before);
    auto create = f.render(plan::CreateTable{schema::share(before)});
    REQUIRE(db.apply(script(create) + "INSERT INTO loose VALUES ('aa', 1), ('bb', NULL);") == 0);
    schema::Table after = before;
    after.constraints = {pk("pk_loose", {"code"})};
    f.put(after);
    auto out = f.render(alter(before, after, {action(plan::AddConstraint{after.constraints[0]})}));
    REQUIRE(db.apply(script(out)) == 0);
    CHECK(db.query("SELECT code, n FROM loose ORDER BY code") == "aa|1\nbb|\n");
    CHECK(db.query("SELECT name, pk FROM pragma_table_info('loose') ORDER BY cid") == "code|1\nn|0\n");
    CHECK(db.apply("INSERT INTO loose VALUES ('aa', 2);") != 0);
}
