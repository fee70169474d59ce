// retort import alembic, end to end on small revision files: the .py body
// in, the .mig upgrade block out (docs/import.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "driver/cli.hpp"

namespace fs = std::filesystem;

namespace {

struct Imported {
    int status = 0;
    std::string out, err;
    std::vector<std::pair<std::string, std::string>> migs;  // file name, text
    std::string config;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("retort-import-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Imports an Alembic project made of `files` (name under versions/ -> text).
Imported import_files(const std::string& test, const std::vector<std::pair<std::string, std::string>>& files,
                      const std::string& ini = "") {
    fs::path root = fresh_dir(test);
    fs::create_directories(root / "alembic" / "versions");
    for (const auto& [name, text] : files) std::ofstream(root / "alembic" / "versions" / name) << text;
    if (!ini.empty()) std::ofstream(root / "alembic.ini") << ini;
    std::ostringstream out, err;
    std::string src = (root / "alembic").string(), dest = (root / "out").string();
    if (!ini.empty()) src = root.string();
    const char* argv[] = {"retort", "import", "alembic", src.c_str(), dest.c_str()};
    Imported r;
    r.status = retort::driver::run(5, argv, out, err);
    r.out = out.str();
    r.err = err.str();
    if (fs::exists(root / "out" / "versions"))
        for (const auto& e : fs::directory_iterator(root / "out" / "versions"))
            r.migs.emplace_back(e.path().filename().string(), slurp(e.path()));
    std::sort(r.migs.begin(), r.migs.end());
    if (fs::exists(root / "out" / "retort.yaml")) r.config = slurp(root / "out" / "retort.yaml");
    return r;
}

std::string revision_file(const std::string& id, const std::string& down, const std::string& upgrade,
                          const std::string& downgrade = "    pass\n", const std::string& extra = "") {
    return "\"\"\"add things\n\nRevision ID: " + id + "\nRevises: \nCreate Date: 2024-01-15 12:30:00.123456\n\n\"\"\"\n"
           "from alembic import op\nimport sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql\n\n" +
           extra + "revision = '" + id + "'\ndown_revision = " + down +
           "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + upgrade + "\n\ndef downgrade():\n" +
           downgrade;
}

std::string block(const std::string& mig, const std::string& name) {
    auto b = mig.find(name + " {\n");
    if (b == std::string::npos) return "<no " + name + " block>";
    b += name.size() + 3;
    auto e = mig.find("\n}\n", b);
    return mig.substr(b, e == std::string::npos ? std::string::npos : e - b + 1);
}

struct Case {
    const char* name;
    const char* python;  // the body of upgrade()
    const char* mig;     // the upgrade block
};

}  // namespace

TEST_CASE("each Alembic operation becomes its .mig statement") {
    auto c = GENERATE(values<Case>({
        {"create_table as autogenerate writes it",
         "    op.create_table('fees',\n"
         "        sa.Column('id', sa.Integer(), nullable=False),\n"
         "        sa.Column('student_id', sa.Integer(), nullable=False),\n"
         "        sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),\n"
         "        sa.Column('note', sa.Text(), nullable=True),\n"
         "        sa.Column('paid_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=True),\n"
         "        sa.ForeignKeyConstraint(['student_id'], ['students.id'], ondelete='CASCADE'),\n"
         "        sa.PrimaryKeyConstraint('id'),\n"
         "        sa.UniqueConstraint('student_id', 'note', name='uq_fees_student_note')\n"
         "    )\n"
         "    op.create_index(op.f('ix_fees_student_id'), 'fees', ['student_id'], unique=False)\n",
         "    create table fees (\n"
         "        id integer not null autoincrement,\n"
         "        student_id integer not null,\n"
         "        amount numeric(10, 2) not null,\n"
         "        note text,\n"
         "        paid_at timestamptz default now(),\n"
         "        foreign key (student_id) references students (id) on delete cascade,\n"
         "        primary key (id),\n"
         "        constraint uq_fees_student_note unique (student_id, note)\n"
         "    );\n"
         "    create index ix_fees_student_id on fees (student_id);\n"},
        {"column options: primary_key, unique, index, ForeignKey, comment, string default",
         "    op.create_table('students',\n"
         "        sa.Column('id', sa.BigInteger, primary_key=True),\n"
         "        sa.Column('email', sa.String(length=100), unique=True),\n"
         "        sa.Column('name', sa.String(50), index=True, comment='full name'),\n"
         "        sa.Column('status', sa.String(20), nullable=False, server_default='active'),\n"
         "        sa.Column('age', sa.SmallInteger(), server_default='0'),\n"
         "        sa.Column('tutor_id', sa.Integer, sa.ForeignKey('students.id', ondelete='SET NULL')),\n"
         "    )\n",
         "    create table students (\n"
         "        id bigint primary key autoincrement,\n"
         "        email string(100) unique,\n"
         "        name string(50) comment 'full name',\n"
         "        status string(20) not null default 'active',\n"
         "        age smallint default '0',\n"
         "        tutor_id integer references students (id) on delete set null\n"
         "    );\n"
         "    create index ix_students_name on students (name);\n"},
        {"add, alter, rename and drop columns",
         "    op.add_column('fees', sa.Column('paid', sa.Boolean(), server_default=sa.false(), nullable=False))\n"
         "    op.alter_column('fees', 'note', existing_type=sa.Text(), nullable=False)\n"
         "    op.alter_column('fees', 'code', type_=sa.String(length=100), existing_type=sa.String(length=50))\n"
         "    op.alter_column('fees', 'status', server_default=None, new_column_name='state')\n"
         "    op.drop_column('fees', 'legacy')\n"
         "    op.rename_table('fees', 'charges')\n",
         "    alter table fees add column paid boolean not null default false;\n"
         "    alter table fees alter column note set not null;\n"
         "    alter table fees alter column code type string(100);\n"
         "    alter table fees alter column status drop default;\n"
         "    alter table fees rename column status to state;\n"
         "    alter table fees drop column legacy;\n"
         "    alter table fees rename to charges;\n"},
        {"indexes and constraints by operation",
         "    op.create_index('ix_open', 'fees', ['status', 'due'], unique=True,\n"
         "                    postgresql_where=sa.text(\"status <> 'paid'\"), postgresql_concurrently=True)\n"
         "    op.create_foreign_key(None, 'fees', 'students', ['student_id'], ['id'], onupdate='CASCADE')\n"
         "    op.create_unique_constraint('uq_code', 'fees', ['code'])\n"
         "    op.create_check_constraint('ck_amount', 'fees', 'amount >= 0')\n"
         "    op.drop_constraint('fees_old_fkey', 'fees', type_='foreignkey')\n"
         "    op.drop_index('ix_old', table_name='fees')\n",
         "    create unique index concurrently ix_open on fees (status, due) where status <> 'paid';\n"
         "    alter table fees add foreign key (student_id) references students (id) on update cascade;\n"
         "    alter table fees add constraint uq_code unique (code);\n"
         "    alter table fees add constraint ck_amount check (amount >= 0);\n"
         "    alter table fees drop constraint fees_old_fkey;\n"
         "    drop index ix_old;\n"},
        {"batch mode, as autogenerate writes it for SQLite",
         "    with op.batch_alter_table('fees', schema=None) as batch_op:\n"
         "        batch_op.add_column(sa.Column('due', sa.Date(), nullable=True))\n"
         "        batch_op.alter_column('amount', existing_type=sa.NUMERIC(), nullable=False)\n"
         "        batch_op.create_index(batch_op.f('ix_fees_due'), ['due'], unique=False)\n"
         "        batch_op.create_foreign_key('fk_fees_payer', 'users', ['payer_id'], ['id'])\n"
         "        batch_op.drop_constraint('uq_old', type_='unique')\n"
         "        batch_op.drop_column('legacy')\n",
         "    alter table fees add column due date;\n"
         "    alter table fees alter column amount set not null;\n"
         "    create index ix_fees_due on fees (due);\n"
         "    alter table fees add constraint fk_fees_payer foreign key (payer_id) references users (id);\n"
         "    alter table fees drop constraint uq_old;\n"
         "    alter table fees drop column legacy;\n"},
        {"bulk_insert through sa.table, rows grouped by their keys",
         "    fees = sa.table('fees', sa.column('id', sa.Integer), sa.column('note', sa.String),\n"
         "                    sa.column('paid', sa.Boolean), sa.column('due', sa.Date))\n"
         "    op.bulk_insert(fees, [\n"
         "        {'id': 1, 'note': \"it's\", 'paid': True},\n"
         "        {'id': 2, 'note': None, 'paid': False},\n"
         "        {'id': 3, 'due': datetime.date(2024, 2, 1)},\n"
         "    ])\n",
         "    insert into fees (id, note, paid) values\n"
         "        (1, 'it''s', true),\n"
         "        (2, null, false);\n"
         "    insert into fees (id, due) values\n"
         "        (3, date '2024-02-01');\n"},
        {"dialect branches become only blocks",
         "    bind = op.get_bind()\n"
         "    if bind.dialect.name == 'postgresql':\n"
         "        op.execute('CREATE EXTENSION IF NOT EXISTS pgcrypto')\n"
         "    elif bind.engine.name in ('mysql', 'mariadb'):\n"
         "        op.execute(sa.text('SET foreign_key_checks = 0'))\n"
         "    else:\n"
         "        op.drop_index('ix_x')\n"
         "    if op.get_bind().dialect.name != 'sqlite':\n"
         "        op.drop_constraint('fk_x', 'fees', type_='foreignkey')\n"
         "    if str(bind.engine.url).startswith('sqlite'):\n"
         "        op.drop_index('ix_y')\n",
         "    only postgresql {\n"
         "        execute $$CREATE EXTENSION IF NOT EXISTS pgcrypto$$;\n"
         "    }\n"
         "    only mysql {\n"
         "        execute $$SET foreign_key_checks = 0$$;\n"
         "    }\n"
         "    only sqlite {\n"
         "        drop index ix_x;\n"
         "    }\n"
         "    only postgresql, mysql {\n"
         "        alter table fees drop constraint fk_x;\n"
         "    }\n"
         "    only sqlite {\n"
         "        drop index ix_y;\n"
         "    }\n"},
        {"enum types declared before the first table that uses them",
         "    op.create_table('fees',\n"
         "        sa.Column('id', sa.Integer(), nullable=False),\n"
         "        sa.Column('status', sa.Enum('pending', 'paid', name='fee_status'), nullable=False),\n"
         "        sa.PrimaryKeyConstraint('id'))\n"
         "    op.add_column('refunds', sa.Column('status', postgresql.ENUM('pending', 'paid', name='fee_status',\n"
         "                                                              create_type=False)))\n",
         "    create type fee_status as enum ('pending', 'paid');\n"
         "    create table fees (\n"
         "        id integer not null autoincrement,\n"
         "        status fee_status not null,\n"
         "        primary key (id)\n"
         "    );\n"
         "    alter table refunds add column status fee_status;\n"},
        {"MySQL's types as autogenerate reflects them",
         "    op.add_column('t', sa.Column('a', mysql.INTEGER(display_width=11), autoincrement=False))\n"
         "    op.add_column('t', sa.Column('b', mysql.TINYINT(display_width=1), server_default=sa.text('1')))\n"
         "    op.add_column('t', sa.Column('c', mysql.LONGTEXT(charset='utf8mb4', collation='utf8mb4_bin')))\n"
         "    op.add_column('t', sa.Column('d', mysql.DECIMAL(precision=5, scale=2)))\n"
         "    op.alter_column('t', 'e', existing_type=mysql.SMALLINT(display_width=6), type_=sa.Integer())\n"
         "    op.alter_column('t', 'f', existing_type=mysql.VARCHAR(length=50), type_=sa.String(length=120))\n"
         "    op.alter_column('t', 'b', existing_type=mysql.TINYINT(display_width=1), server_default=sa.text('0'))\n"
         "    op.alter_column('t', 'g', existing_type=mysql.DATETIME(), server_default=sa.text('current_timestamp()'))\n",
         "    alter table t add column a integer;\n"
         "    alter table t add column b boolean default true;\n"
         "    alter table t add column c json;\n"
         "    alter table t add column d numeric(5, 2);\n"
         "    alter table t alter column e type integer;\n"
         "    alter table t alter column f type string(120);\n"
         "    alter table t alter column b set default false;\n"
         "    alter table t alter column g set default now();\n"},
        {"*args and **kwargs over literals are spread out",
         "    op.create_table('tags', sa.Column('kind', sa.Enum(*('a', 'b'), **{'name': 'tag_kind'})))\n",
         "    create type tag_kind as enum ('a', 'b');\n"
         "    create table tags (\n"
         "        kind tag_kind\n"
         "    );\n"},
        {"a string default of a number column stays a string, as SQLAlchemy sends it",
         "    op.add_column('t', sa.Column('n', sa.Numeric(10, 2), nullable=False, server_default='0'))\n",
         "    alter table t add column n numeric(10, 2) not null default '0';\n"},
        {"MySQL's unique constraints, which autogenerate reflects as indexes",
         "    op.create_unique_constraint('uq_a', 't', ['a'])\n"
         "    op.drop_index('uq_a', table_name='t')\n"
         "    op.create_index('uq_a', 't', ['a'], unique=False)\n"
         "    op.create_index('ix_b', 't', ['b'])\n"
         "    op.drop_constraint('ix_b', 't', type_='unique')\n"
         "    op.drop_constraint('uq_a', 't', type_='unique')\n",
         "    alter table t add constraint uq_a unique (a);\n"
         "    alter table t drop constraint uq_a;\n"
         "    alter table t add constraint uq_a unique (a);\n"
         "    create index ix_b on t (b);\n"
         "    drop index ix_b;\n"
         "    alter table t drop constraint uq_a;\n"},
        {"mysql.ENUM without a name: the history's enum with its values, else <column>_enum",
         "    op.create_table('a', sa.Column('kind', sa.Enum('x', 'y', name='kind_t')))\n"
         "    op.create_table('b', sa.Column('kind', mysql.ENUM('x', 'y')))\n"
         "    op.create_table('c', sa.Column('state', mysql.ENUM('on', 'off')))\n",
         "    create type kind_t as enum ('x', 'y');\n"
         "    create table a (\n"
         "        kind kind_t\n"
         "    );\n"
         "    create table b (\n"
         "        kind kind_t\n"
         "    );\n"
         "    create type state_enum as enum ('on', 'off');\n"
         "    create table c (\n"
         "        state state_enum\n"
         "    );\n"},
        {"module constants, loops over literal lists and helper functions",
         "    for table in TABLES:\n"
         "        _stamp(table)\n",
         "    alter table fees add column created_at datetime not null default now();\n"
         "    alter table refunds add column created_at datetime not null default now();\n"},
    }));
    SECTION(c.name) {
        std::string extra = "import datetime\nfrom sqlalchemy.dialects import mysql\n\nTABLES = ['fees', 'refunds']\n\n\n"
                            "def _stamp(table):\n"
                            "    op.add_column(table, sa.Column('created_at', sa.DateTime(), nullable=False,\n"
                            "                                   server_default=sa.func.now()))\n\n\n";
        Imported r = import_files("ops", {{"a1_add.py", revision_file("a1", "None", c.python, "    pass\n", extra)}});
        INFO(r.err);
        CHECK(r.status == 0);
        REQUIRE(r.migs.size() == 1);
        CHECK(block(r.migs[0].second, "upgrade") == c.mig);
        CHECK(r.out == "imported 1 of 1 revisions; 0 need hand work\n");
    }
}

TEST_CASE("what cannot be translated is reported at its .py line and left as a todo") {
    auto c = GENERATE(values<Case>({
        {"a loop over query results",
         "    conn = op.get_bind()\n"
         "    rows = conn.execute(sa.text('SELECT id, amount FROM fees')).fetchall()\n"
         "    for row in rows:\n"
         "        conn.execute(sa.text('UPDATE fees SET cents = :c'), {'c': row.amount * 100})\n",
         "21:5: error: a loop over query results"},
        {"a helper imported from the application",
         "    from app.migrations import backfill\n"
         "    backfill(op.get_bind())\n",
         "20:5: error: the call app.migrations.backfill(...) cannot be translated"},
        {"an if on the data", "    if op.get_bind().execute(sa.text('SELECT 1')).scalar():\n        pass\n",
         "19:8: error: an `if` that depends on"},
        {"an unknown type", "    op.add_column('t', sa.Column('tags', postgresql.ARRAY(sa.String())))\n",
         "19:42: error: the type postgresql.ARRAY is not one retort knows"},
    }));
    SECTION(c.name) {
        Imported r = import_files("refused", {{"a1_add.py", revision_file("a1", "None", c.python)}});
        CHECK(r.status == 1);
        CHECK(r.err.find(std::string("a1_add.py:") + c.mig) != std::string::npos);
        REQUIRE(r.migs.size() == 1);
        CHECK(block(r.migs[0].second, "upgrade").find("    todo '") != std::string::npos);
        CHECK(r.out == "imported 1 of 1 revisions; 1 need hand work\n");
    }
}

TEST_CASE("the revision header, the file name and retort.yaml come from the Alembic project") {
    std::string merge = revision_file("c3", "('a1', 'b2')", "    pass\n");
    std::string labelled = revision_file("b2", "None", "    pass\n");
    labelled.replace(labelled.find("branch_labels = None"), 20, "branch_labels = ('billing',)");
    labelled.replace(labelled.find("depends_on = None"), 17, "depends_on = 'a1'");
    Imported r = import_files("header",
                              {{"a1.py", revision_file("a1", "None", "    pass\n")}, {"b2.py", labelled}, {"c3.py", merge}},
                              "[alembic]\nscript_location = alembic\nfile_template = %%(year)d_%%(month).2d_%%(day).2d_"
                              "%%(rev)s_%%(slug)s\nsqlalchemy.url = mysql+pymysql://u@localhost/db\n");
    INFO(r.err);
    CHECK(r.status == 0);
    REQUIRE(r.migs.size() == 3);
    CHECK(r.migs[0].first == "2024_01_15_a1_add_things.mig");
    CHECK(r.migs[2].second.find("revision c3;\ndown_revision (a1, b2);\nmessage 'add things';\n") != std::string::npos);
    CHECK(r.migs[1].second.find("revision b2;\ndown_revision none;\nbranch_labels billing;\ndepends_on a1;\n") !=
          std::string::npos);
    CHECK(r.config.find("dialect: mysql\n") != std::string::npos);
    CHECK(r.config.find("naming: engine") != std::string::npos);
    CHECK(r.config.find("file_template: \"{year}_{month}_{day}_{rev}_{slug}\"\n") != std::string::npos);
}

TEST_CASE("alembic.ini paths with %(here)s are the folder of alembic.ini") {
    // script_location elsewhere, versions beside alembic.ini: both anchored with %(here)s.
    Imported r = import_files("here", {{"a1.py", revision_file("a1", "None", "    pass\n")}},
                              "[alembic]\nscript_location = %(here)s/alembic/../nowhere\n"
                              "version_locations = %(here)s/alembic/versions\n");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.migs.size() == 1);
}

TEST_CASE("a file that cannot be read leaves nothing written") {
    Imported r = import_files("broken", {{"a1.py", revision_file("a1", "None", "    op.create_table('t'\n")}});
    CHECK(r.status == 1);
    CHECK(r.err.find("a1.py:") != std::string::npos);
    CHECK(r.migs.empty());
    CHECK(r.config.empty());
    CHECK(r.out == "imported 0 of 1 revisions; nothing written: the files above could not be read\n");
}
