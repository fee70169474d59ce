// The dialect descriptors: one row per engine, found by name and by id, with
// the name limits each engine really has.
#include <catch2/catch.hpp>

#include "compiler/dialect/descriptor.hpp"

using namespace retort;

TEST_CASE("each dialect is found by its name and by its id", "[dialect]") {
    struct Row {
        const char* name;
        dialect::Id id;
        const char* display;
        std::size_t max_name;
        dialect::NameUnit unit;
    };
    auto row = GENERATE(values<Row>({
        {"postgresql", dialect::Id::postgresql, "PostgreSQL", 63, dialect::NameUnit::bytes},  // NAMEDATALEN - 1
        {"sqlite", dialect::Id::sqlite, "SQLite", 0, dialect::NameUnit::bytes},               // no limit
        {"mysql", dialect::Id::mysql, "MySQL", 64, dialect::NameUnit::characters},
    }));
    CAPTURE(row.name);
    const dialect::Descriptor* d = dialect::find(row.name);
    REQUIRE(d);
    CHECK(d->id == row.id);
    CHECK(&dialect::describe(row.id) == d);
    CHECK(d->display == row.display);
    CHECK(d->names.max == row.max_name);
    CHECK(d->names.unit == row.unit);
    CHECK(d->names.limited() == (row.max_name != 0));
    CHECK_FALSE(d->servers.empty());
}

TEST_CASE("other names are no dialect", "[dialect]") {
    for (const char* name : {"", "oracle", "PostgreSQL", "mariadb", "postgres"}) {
        CAPTURE(name);
        CHECK(dialect::find(name) == nullptr);
    }
}

TEST_CASE("name limits count bytes or characters", "[dialect]") {
    const std::string name = "caf\xC3\xA9";  // 4 characters, 5 bytes
    CHECK(dialect::describe(dialect::Id::postgresql).names.length(name) == 5);
    CHECK(dialect::describe(dialect::Id::mysql).names.length(name) == 4);
    CHECK(std::string(dialect::describe(dialect::Id::mysql).names.unit_name()) == "characters");
}

TEST_CASE("the names for messages, and the ids as bits", "[dialect]") {
    CHECK(dialect::names(", ", " or ") == "postgresql, sqlite or mysql");
    CHECK(dialect::names(" | ", " | ") == "postgresql | sqlite | mysql");
    unsigned bits = 0;
    for (const dialect::Descriptor& d : dialect::all()) {
        CHECK((bits & static_cast<unsigned>(d.id)) == 0);  // one bit each, for ast::DialectSet
        bits |= static_cast<unsigned>(d.id);
    }
    CHECK(dialect::all().size() == 3);
}

TEST_CASE("-d and dialect: take the dialects' names and their other servers'", "[dialect]") {
    struct Row {
        const char* name;
        dialect::Id id;
        const char* server;  // "": the dialect's own name
    };
    auto row = GENERATE(values<Row>({
        {"postgresql", dialect::Id::postgresql, ""},
        {"sqlite", dialect::Id::sqlite, ""},
        {"mysql", dialect::Id::mysql, ""},
        {"mariadb", dialect::Id::mysql, "mariadb"},
    }));
    CAPTURE(row.name);
    auto target = dialect::find_target(row.name);
    REQUIRE(target);
    CHECK(target->dialect->id == row.id);
    CHECK((target->server ? target->server->name : "") == std::string_view(row.server));
    for (const char* name : {"", "oracle", "MariaDB", "postgres", "maria"}) {
        CAPTURE(name);
        CHECK_FALSE(dialect::find_target(name));
    }
    CHECK(dialect::target_names(", ", " or ") == "postgresql, sqlite, mysql or mariadb");
    CHECK(dialect::target_names().size() == 4);
}

TEST_CASE("the MySQL dialect writes for MySQL and MariaDB", "[dialect]") {
    auto servers = dialect::describe(dialect::Id::mysql).servers;
    REQUIRE(servers.size() == 2);
    CHECK(servers[0].name == "mysql");  // the default flavor
    CHECK(servers[1].name == "mariadb");
    CHECK(servers[1].oldest.major == 10);
    CHECK(servers[1].oldest.minor == 6);
}
