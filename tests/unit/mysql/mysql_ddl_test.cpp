// DDL on MySQL from hand-built plan steps.
#include <catch2/catch.hpp>

#include "mysql_fixture.hpp"

using namespace retort;
using namespace retort::test;
using K = sql::TypeKind;
using CK = schema::ConstraintKind;

namespace {

schema::Table fees() {
    schema::Table t;
    t.name = "fees";
    auto id = column("id", type(K::integer), false);
    id.autoincrement = true;
    t.columns.push_back(id);
    t.columns.push_back(column("student_id", type(K::integer), false));
    t.columns.push_back(column("amount", type(K::numeric, 10, 2), false, num("0"), "in EUR"));
    t.columns.push_back(column("status", type(K::varchar, 20), false, str("pending"), "workflow state"));
    t.columns.push_back(column("created_at", type(K::datetime, 6), false, call(sql::Function::now)));
    t.columns.push_back(column("note", type(K::text), true, str("none")));
    t.constraints.push_back(constraint("pk_fees", CK::primary_key, {"id"}));
    t.constraints.push_back(foreign_key("fk_fees_student_id_students", {"student_id"}, "students", {"id"}));
    auto ck = constraint("ck_fees_amount", CK::check, {});
    ck.check = bin(sql::BinaryOp::ge, col("amount"), num("0"));
    t.constraints.push_back(ck);
    return t;
}

}  // namespace

TEST_CASE("mysql: create table with inline comments, table options and key checks") {
    dialects::Options options;
    options.mysql_collation = "utf8mb4_unicode_ci";
    MysqlFixture f(options);
    schema::Table t = fees();
    t.comment = "student fees";
    CHECK(f.render(plan::CreateTable{schema::share(t), false}) ==
          "CREATE TABLE fees (\n"
          "    id INT NOT NULL AUTO_INCREMENT,\n"
          "    student_id INT NOT NULL,\n"
          "    amount DECIMAL(10, 2) NOT NULL DEFAULT 0 COMMENT 'in EUR',\n"
          "    status VARCHAR(20) NOT NULL DEFAULT 'pending' COMMENT 'workflow state',\n"
          "    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n"
          "    note TEXT DEFAULT ('none'),\n"
          "    PRIMARY KEY (id),\n"
          "    CONSTRAINT fk_fees_student_id_students FOREIGN KEY (student_id) REFERENCES students (id),\n"
          "    CONSTRAINT ck_fees_amount CHECK (amount >= 0)\n"
          ") ENGINE=InnoDB COLLATE=utf8mb4_unicode_ci COMMENT='student fees';");
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("mysql: alter column restates nullability, default, comment and AUTO_INCREMENT") {
    MysqlFixture f;
    schema::Table before = fees(), after = fees();
    after.columns[2].type = type(K::numeric, 12, 2);  // amount: only the type changes
    CHECK(f.alter(before, after, plan::AlterColumn{before.columns[2], after.columns[2]}) ==
          "ALTER TABLE fees MODIFY COLUMN amount DECIMAL(12, 2) NOT NULL DEFAULT 0 COMMENT 'in EUR';");
    after = fees();
    after.columns[3].nullable = true;  // status: drop not null keeps default and comment
    CHECK(f.alter(before, after, plan::AlterColumn{before.columns[3], after.columns[3]}) ==
          "ALTER TABLE fees MODIFY COLUMN status VARCHAR(20) DEFAULT 'pending' COMMENT 'workflow state';");
    after = fees();
    after.columns[0].type = type(K::bigint);  // id keeps AUTO_INCREMENT
    CHECK(f.alter(before, after, plan::AlterColumn{before.columns[0], after.columns[0]}) ==
          "ALTER TABLE fees MODIFY COLUMN id BIGINT NOT NULL AUTO_INCREMENT;");
    after = fees();
    after.columns[3].default_value = nullptr;  // drop default keeps NOT NULL and comment
    CHECK(f.alter(before, after, plan::AlterColumn{before.columns[3], after.columns[3]}) ==
          "ALTER TABLE fees MODIFY COLUMN status VARCHAR(20) NOT NULL COMMENT 'workflow state';");
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("mysql: comments, renames, add column") {
    MysqlFixture f;
    schema::Table before = fees(), after = fees();
    after.columns[3].comment = "it's the state";
    CHECK(f.render(plan::CommentOnColumn{schema::share(before), schema::share(after), "status"}) ==
          "ALTER TABLE fees MODIFY COLUMN status VARCHAR(20) NOT NULL DEFAULT 'pending' COMMENT 'it''s the state';");
    after = fees();
    after.comment = "fees";
    CHECK(f.render(plan::CommentOnTable{schema::share(before), schema::share(after)}) == "ALTER TABLE fees COMMENT = 'fees';");
    after.comment.reset();
    CHECK(f.render(plan::CommentOnTable{schema::share(before), schema::share(after)}) == "ALTER TABLE fees COMMENT = '';");
    after = fees();
    after.name = "charges";
    CHECK(f.render(plan::RenameTable{schema::share(before), schema::share(after)}) == "RENAME TABLE fees TO charges;");
    after = fees();
    auto from = before.columns[3], to = from;
    to.name = "state";
    CHECK(f.alter(before, after, plan::RenameColumn{from, to}) == "ALTER TABLE fees RENAME COLUMN status TO state;");
    auto paid = column("paid", type(K::boolean), false, lit(sql::LiteralKind::boolean, "false"), "paid yet");
    CHECK(f.alter(before, after, plan::AddColumn{paid}) ==
          "ALTER TABLE fees ADD COLUMN paid BOOL NOT NULL DEFAULT FALSE COMMENT 'paid yet';");
}

TEST_CASE("mysql: drop constraint by kind, per flavor") {
    schema::Table before = fees(), after = fees();
    after.constraints.pop_back();  // the check
    MysqlFixture mysql;
    CHECK(mysql.alter(before, after, plan::DropConstraint{before.constraints[2]}) ==
          "ALTER TABLE fees DROP CHECK ck_fees_amount;");
    MysqlFixture maria(MysqlFixture::mariadb());
    CHECK(maria.alter(before, after, plan::DropConstraint{before.constraints[2]}) ==
          "ALTER TABLE fees DROP CONSTRAINT ck_fees_amount;");

    auto uq = constraint("uq_fees_status", CK::unique, {"status"});
    CHECK(mysql.alter(before, after, plan::DropConstraint{uq}) == "ALTER TABLE fees DROP INDEX uq_fees_status;");
}

namespace {

// fees() with the FkIndexes InnoDB (generated) or retort's script (not) keeps.
schema::Table fees_with(std::vector<schema::FkIndex> fk_indexes, std::vector<schema::Index> indexes = {}) {
    schema::Table t = fees();
    t.fk_indexes = std::move(fk_indexes);
    for (auto& ix : indexes) t.indexes.push_back(std::move(ix));
    return t;
}

const schema::FkIndex innodb_made{"fk_fees_student_id_students", {"student_id"}, true};
const schema::FkIndex retort_made{"fk_fees_student_id_students", {"student_id"}, false};

}  // namespace

TEST_CASE("mysql: the indexes behind foreign keys come from the model") {
    // Each row: the step's tables before and after, as replay keeps them
    // (fk_indexes_test.cpp), and what the script says. InnoDB makes and
    // drops its own indexes; the script adds and drops only retort's.
    const schema::Index ix_student = index("ix_fees_student", "fees", {"student_id", "status"});
    const schema::Index ix_status = index("ix_fees_status", "fees", {"status"});
    struct Row {
        const char* what;
        schema::Table before, after;
        bool create;  // create `index`, else drop it
        schema::Index index;
        const char* expected;
    } rows[] = {
        {"a covering index: InnoDB drops its own", fees_with({innodb_made}), fees_with({}, {ix_student}), true,
         ix_student, "CREATE INDEX ix_fees_student ON fees (student_id, status);"},
        {"a covering index: retort's own goes after it", fees_with({retort_made}), fees_with({}, {ix_student}),
         true, ix_student,
         "CREATE INDEX ix_fees_student ON fees (student_id, status);\n"
         "DROP INDEX fk_fees_student_id_students ON fees;"},
        {"an index that covers none", fees_with({innodb_made}), fees_with({innodb_made}, {ix_status}), true,
         ix_status, "CREATE INDEX ix_fees_status ON fees (status);"},
        {"the last serving index: one put back in the same statement", fees_with({}, {ix_student}),
         fees_with({retort_made}), false, ix_student,
         "ALTER TABLE fees DROP INDEX ix_fees_student, ADD INDEX fk_fees_student_id_students (student_id);"},
        {"an index that serves none, with its table", fees_with({innodb_made}, {ix_status}), fees_with({innodb_made}),
         false, ix_status, "DROP INDEX ix_fees_status ON fees;"},
        {"the last serving index in a downgrade: the key made again, InnoDB's index with it",
         fees_with({}, {ix_student}), fees_with({innodb_made}), false, ix_student,
         "ALTER TABLE fees DROP INDEX ix_fees_student, DROP FOREIGN KEY fk_fees_student_id_students;\n"
         "ALTER TABLE fees ADD CONSTRAINT fk_fees_student_id_students FOREIGN KEY (student_id) REFERENCES students "
         "(id);"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        MysqlFixture f;
        auto before = schema::share(row.before), after = schema::share(row.after);
        std::string sql = row.create ? f.render(plan::CreateIndex{row.index, after, false, before})
                                     : f.render(plan::DropIndex{row.index, after, false, false, before});
        CHECK(sql == row.expected);
        CHECK_FALSE(f.diagnostics.has_errors());
    }
}

TEST_CASE("mysql: a foreign key whose index name an index has already is a diagnostic") {
    // On the server: ERROR 1061 Duplicate key name (innodb_rules.sh).
    schema::Table before = fees();
    before.constraints.erase(before.constraints.begin() + 1);
    before.indexes.push_back(index("fk_fees_student_id_students", "fees", {"status"}));
    schema::Table after = fees();
    after.indexes = before.indexes;
    after.fk_indexes = {{"fk_fees_student_id_students_2", {"student_id"}, true}};  // as replay names it
    MysqlFixture f;
    CHECK(f.alter(before, after, plan::AddConstraint{fees().constraints[1]}).empty());
    CHECK(f.diagnostics.error_count() == 1);
    CHECK(f.errors().find("ERROR 1061") != std::string::npos);
    // Served by a key: InnoDB makes none, nothing collides.
    before.indexes.push_back(index("ix_fees_student", "fees", {"student_id"}));
    after.indexes = before.indexes;
    after.fk_indexes.clear();
    MysqlFixture g;
    CHECK(g.alter(before, after, plan::AddConstraint{fees().constraints[1]}).find("ADD CONSTRAINT") != std::string::npos);
    CHECK_FALSE(g.diagnostics.has_errors());
}

TEST_CASE("mysql: alter table actions and the indexes behind foreign keys") {
    auto uq = constraint("uq_fees_student", CK::unique, {"student_id", "status"});
    auto uq2 = constraint("uq_fees_student_2", CK::unique, {"student_id", "amount"});
    auto with_keys = [](std::vector<schema::Constraint> keys, std::vector<schema::FkIndex> fk_indexes) {
        schema::Table t = fees_with(std::move(fk_indexes));
        for (auto& k : keys) t.constraints.push_back(std::move(k));
        return t;
    };
    schema::Table no_fk = fees();
    no_fk.constraints.erase(no_fk.constraints.begin() + 1);
    schema::Table no_fk_kept = no_fk;
    no_fk_kept.fk_indexes = {innodb_made};
    struct Row {
        const char* what;
        schema::Table before, after;
        std::vector<plan::AlterAction> actions;
        const char* expected;
    } rows[] = {
        {"dropping a foreign key leaves InnoDB's index (as Alembic does)", fees_with({innodb_made}), no_fk_kept,
         {{plan::DropConstraint{fees().constraints[1]}, {}}},
         "ALTER TABLE fees DROP FOREIGN KEY fk_fees_student_id_students;"},
        {"dropping a served foreign key", with_keys({uq}, {}), [&] {
             schema::Table t = no_fk;
             t.constraints.push_back(uq);
             return t;
         }(),
         {{plan::DropConstraint{fees().constraints[1]}, {}}},
         "ALTER TABLE fees DROP FOREIGN KEY fk_fees_student_id_students;"},
        {"the last serving unique constraint: an index put back with it", with_keys({uq}, {}),
         fees_with({retort_made}), {{plan::DropConstraint{uq}, {}}},
         "ALTER TABLE fees DROP INDEX uq_fees_student, ADD INDEX fk_fees_student_id_students (student_id);"},
        {"two serving keys dropped: the last one carries the index", with_keys({uq, uq2}, {}),
         fees_with({retort_made}), {{plan::DropConstraint{uq}, {}}, {plan::DropConstraint{uq2}, {}}},
         "ALTER TABLE fees DROP INDEX uq_fees_student;\n"
         "ALTER TABLE fees DROP INDEX uq_fees_student_2, ADD INDEX fk_fees_student_id_students (student_id);"},
        {"a covering unique constraint replaces retort's index", fees_with({retort_made}), with_keys({uq}, {}),
         {{plan::AddConstraint{uq}, {}}},
         "ALTER TABLE fees ADD CONSTRAINT uq_fees_student UNIQUE (student_id, status), "
         "DROP INDEX fk_fees_student_id_students;"},
        {"a covering unique constraint: InnoDB drops its own", fees_with({innodb_made}), with_keys({uq}, {}),
         {{plan::AddConstraint{uq}, {}}},
         "ALTER TABLE fees ADD CONSTRAINT uq_fees_student UNIQUE (student_id, status);"},
    };
    for (Row& row : rows) {
        CAPTURE(row.what);
        MysqlFixture f;
        plan::AlterTable step{schema::share(row.before), schema::share(row.after), std::move(row.actions)};
        CHECK(f.render(std::move(step)) == row.expected);
        CHECK_FALSE(f.diagnostics.has_errors());
    }
}

TEST_CASE("mysql: create index; concurrently is ignored") {
    MysqlFixture f;
    auto ix = index("ix_fees_status", "fees", {"status", "created_at"});
    ix.columns[1].descending = true;
    CHECK(f.render(plan::CreateIndex{ix, schema::share(fees()), true}) ==
          "CREATE INDEX ix_fees_status ON fees (status, created_at DESC);");
    CHECK(f.render(plan::CreateIndex{index("uq_x", "fees", {"amount"}, true), schema::share(fees()), false}) ==
          "CREATE UNIQUE INDEX uq_x ON fees (amount);");
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("mysql: what MySQL cannot run is a diagnostic") {
    MysqlFixture f;
    SECTION("a TEXT column in an index") {
        f.render(plan::CreateIndex{index("ix_fees_note", "fees", {"note"}), schema::share(fees()), false});
        CHECK(f.diagnostics.error_count() == 1);
        CHECK(f.errors().find("prefix length") != std::string::npos);
    }
    SECTION("a TEXT column in a unique constraint") {
        schema::Table after = fees();
        f.alter(fees(), after, plan::AddConstraint{constraint("uq_fees_note", CK::unique, {"note"})});
        CHECK(f.diagnostics.error_count() == 1);
    }
    SECTION("a partial index") {
        auto ix = index("ix_open", "fees", {"status"});
        ix.where = bin(sql::BinaryOp::ne, col("status"), str("paid"));
        f.render(plan::CreateIndex{ix, schema::share(fees()), false});
        CHECK(f.errors().find("partial") != std::string::npos);
    }
    SECTION("a string without a length") {
        schema::Table t = fees();
        t.columns.push_back(column("code", type(K::varchar)));
        f.render(plan::CreateTable{schema::share(t), false});
        CHECK(f.errors().find("needs a length") != std::string::npos);
    }
    SECTION("a name over 64 characters; 64 is fine") {
        schema::Table t = fees();
        t.name = std::string(64, 'a');
        f.render(plan::CreateTable{schema::share(t), false});
        CHECK_FALSE(f.diagnostics.has_errors());
        t.name = std::string(65, 'a');
        f.render(plan::CreateTable{schema::share(t), false});
        CHECK(f.diagnostics.error_count() == 1);
        CHECK(f.errors().find("at most 64") != std::string::npos);
    }
    SECTION("64 characters of two bytes each are 64, not 128") {
        schema::Table t = fees();
        t.name.clear();
        for (int i = 0; i < 64; ++i) t.name += "\xC3\xA9";
        f.render(plan::CreateTable{schema::share(t), false});
        CHECK_FALSE(f.diagnostics.has_errors());
    }
    SECTION("ON DELETE SET DEFAULT") {
        auto fk = foreign_key("fk_x", {"student_id"}, "students", {"id"});
        fk.on_delete = sql::FkAction::set_default;
        f.alter(fees(), fees(), plan::AddConstraint{fk});
        CHECK(f.errors().find("SET DEFAULT") != std::string::npos);
    }
}

TEST_CASE("mysql: enum types are inline; value changes restate every user column") {
    MysqlFixture f;
    schema::EnumType before{"fee_status", {"pending", "paid"}, {}};
    schema::EnumType after{"fee_status", {"pending", "paid", "waived"}, {}};
    f.state.enums["fee_status"] = after;
    schema::Table t;
    t.name = "fees";
    t.columns.push_back(column("state", enum_type("fee_status"), false, str("pending"), "the state"));
    t.columns.push_back(column("previous", enum_type("fee_status")));
    t.columns.push_back(column("other", type(K::integer)));

    CHECK(f.render(plan::CreateEnum{before}).rfind("-- enum type fee_status", 0) == 0);
    CHECK(f.render(plan::DropEnum{before}).rfind("-- ", 0) == 0);
    CHECK(f.render(plan::AddEnumValue{before, after, "waived", {schema::share(t)}}) ==
          "ALTER TABLE fees MODIFY COLUMN state ENUM('pending', 'paid', 'waived') NOT NULL DEFAULT 'pending' "
          "COMMENT 'the state';\n"
          "ALTER TABLE fees MODIFY COLUMN previous ENUM('pending', 'paid', 'waived');");

    schema::EnumType renamed{"fee_status", {"pending", "settled"}, {}};
    f.state.enums["fee_status"] = renamed;
    t.columns.pop_back();
    t.columns.pop_back();
    CHECK(f.render(plan::RenameEnumValue{before, renamed, "paid", "settled", {schema::share(t)}}) ==
          "ALTER TABLE fees MODIFY COLUMN state ENUM('pending', 'paid', 'settled') NOT NULL DEFAULT 'pending' "
          "COMMENT 'the state';\n"
          "UPDATE fees SET state = 'settled' WHERE state = 'paid';\n"
          "ALTER TABLE fees MODIFY COLUMN state ENUM('pending', 'settled') NOT NULL DEFAULT 'pending' "
          "COMMENT 'the state';");
    CHECK_FALSE(f.diagnostics.has_errors());
}

TEST_CASE("mysql: defaults MySQL accepts") {
    MysqlFixture f;
    schema::Table t;
    t.name = "d";
    t.columns.push_back(column("a", type(K::datetime), true, call(sql::Function::now)));
    t.columns.push_back(column("b", type(K::date), true, call(sql::Function::current_date)));
    t.columns.push_back(column("c", type(K::date), true, lit(sql::LiteralKind::date, "2024-01-15")));
    t.columns.push_back(column("j", type(K::json), true, str("{}")));
    t.columns.push_back(column("n", type(K::integer), true, num("-1")));
    t.columns.push_back(column("u", type(K::varchar, 10), true, call(sql::Function::upper, {str("x")})));
    CHECK(f.render(plan::CreateTable{schema::share(t), false}) ==
          "CREATE TABLE d (\n"
          "    a DATETIME DEFAULT CURRENT_TIMESTAMP,\n"
          "    b DATE DEFAULT (CURRENT_DATE),\n"
          "    c DATE DEFAULT '2024-01-15',\n"
          "    j JSON DEFAULT ('{}'),\n"
          "    n INT DEFAULT -1,\n"
          "    u VARCHAR(10) DEFAULT (UPPER('x'))\n"
          ") ENGINE=InnoDB;");
}

TEST_CASE("mysql: renaming a column a check uses; MariaDB renames inside the check itself") {
    schema::Table before = fees(), after = fees();
    after.columns[2].name = "total";
    after.constraints[2].check = bin(sql::BinaryOp::ge, col("total"), num("0"));
    plan::RenameColumn rename{before.columns[2], after.columns[2]};
    MysqlFixture mysql;
    CHECK(mysql.alter(before, after, rename) ==
          "ALTER TABLE fees DROP CHECK ck_fees_amount;\n"
          "ALTER TABLE fees RENAME COLUMN amount TO total;\n"
          "ALTER TABLE fees ADD CONSTRAINT ck_fees_amount CHECK (total >= 0);");
    MysqlFixture maria(MysqlFixture::mariadb());
    CHECK(maria.alter(before, after, rename) == "ALTER TABLE fees RENAME COLUMN amount TO total;");
    // a column no check uses is renamed alone on both
    schema::Table after2 = fees();
    after2.columns[3].name = "state";
    CHECK(mysql.alter(before, after2, plan::RenameColumn{before.columns[3], after2.columns[3]}) ==
          "ALTER TABLE fees RENAME COLUMN status TO state;");
}

TEST_CASE("mysql: dropping a primary key") {
    MysqlFixture f;
    schema::Table before = fees();
    before.columns[0].autoincrement = false;
    // a composite primary key led by the foreign key column serves it
    before.constraints[0].columns = {"student_id", "id"};
    schema::Table after = before;
    after.constraints.erase(after.constraints.begin());
    after.fk_indexes = {{"fk_fees_student_id_students", {"student_id"}, false}};  // as replay keeps it
    CHECK(f.alter(before, after, plan::DropConstraint{before.constraints[0]}) ==
          "ALTER TABLE fees DROP PRIMARY KEY, ADD INDEX fk_fees_student_id_students (student_id);");
    CHECK_FALSE(f.diagnostics.has_errors());
    // AUTO_INCREMENT needs the key: a diagnostic, no statement
    schema::Table auto_before = fees(), auto_after = fees();
    auto_after.constraints.erase(auto_after.constraints.begin());
    CHECK(f.alter(auto_before, auto_after, plan::DropConstraint{auto_before.constraints[0]}).empty());
    CHECK(f.diagnostics.error_count() == 1);
}

TEST_CASE("mysql: string keys longer than InnoDB's 3072 bytes are a diagnostic") {
    schema::Table t = fees();
    t.columns.push_back(column("a", type(K::varchar, 768)));
    t.columns.push_back(column("b", type(K::varchar, 769)));
    t.columns.push_back(column("c", type(K::char_, 10)));
    SECTION("utf8mb4: 768 characters fit, 769 do not") {
        MysqlFixture f;
        f.render(plan::CreateIndex{index("ix_a", "fees", {"a"}), schema::share(t), false});
        CHECK_FALSE(f.diagnostics.has_errors());
        f.render(plan::CreateIndex{index("ix_b", "fees", {"b"}), schema::share(t), false});
        CHECK(f.diagnostics.error_count() == 1);
        f.render(plan::CreateIndex{index("ix_ac", "fees", {"a", "c"}), schema::share(t), false});
        CHECK(f.diagnostics.error_count() == 2);
        CHECK(f.errors().find("3112 bytes") != std::string::npos);
    }
    SECTION("latin1 counts one byte a character, given as the charset or by its collation") {
        for (auto [charset, collation] : {std::pair{"latin1", ""}, std::pair{"", "latin1_bin"}}) {
            CAPTURE(charset, collation);
            dialects::Options options;
            options.mysql_charset = charset;
            options.mysql_collation = collation;
            MysqlFixture f(options);
            f.render(plan::CreateIndex{index("ix_bc", "fees", {"b", "c"}), schema::share(t), false});
            CHECK_FALSE(f.diagnostics.has_errors());
        }
    }
    SECTION("neither given: the database's charset, counted as 4 bytes a character") {
        MysqlFixture f;
        f.render(plan::CreateIndex{index("ix_b", "fees", {"b"}), schema::share(t), false});
        CHECK(f.errors().find("3076 bytes long in the database's charset (4 bytes a character)") !=
              std::string::npos);
    }
}

TEST_CASE("mysql: table options from retort.yaml are written as given") {
    // Their values were checked when retort.yaml was read (config_test.cpp).
    // Neither charset nor collation: none is written, the table takes the database's.
    struct Row {
        const char* charset;
        const char* collation;
        const char* options;
    };
    auto row = GENERATE(values<Row>({
        {"", "", ") ENGINE=Aria;"},
        {"latin1", "", ") ENGINE=Aria DEFAULT CHARSET=latin1;"},
        {"", "utf8mb4_unicode_ci", ") ENGINE=Aria COLLATE=utf8mb4_unicode_ci;"},
        {"utf8mb4", "utf8mb4_bin", ") ENGINE=Aria DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;"},
    }));
    CAPTURE(row.charset, row.collation);
    dialects::Options good;
    good.mysql_engine = "Aria";
    good.mysql_charset = row.charset;
    good.mysql_collation = row.collation;
    MysqlFixture g(good);
    std::string sql = g.render(plan::CreateTable{schema::share(fees()), false});
    CHECK(sql.substr(sql.rfind(')')) == row.options);
    CHECK_FALSE(g.diagnostics.has_errors());
}
