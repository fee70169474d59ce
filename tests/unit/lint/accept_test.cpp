// `-- lint: accept CODE 'reason'` (docs/lint.md): the accepted finding is
// kept, marked, and not reported; a bad or unused directive is reported.
#include <catch2/catch.hpp>

#include "lint_fixture.hpp"

using namespace retort;
using namespace retort::lint;
using retort::lint::test::codes;
using retort::lint::test::Fixture;

namespace {
const char* const users = "create table users (id integer primary key, age integer, note text);";
}

TEST_CASE("an accepted finding is kept with its reason and not reported", "[lint][accept]") {
    Fixture f;
    f.add(users);
    f.add("-- the team agreed\n-- lint: accept lint_drop_column 'nothing has read it since 2023'\n"
          "alter table users drop column note;\nalter table users drop column age;");
    auto linter = f.lint(Fixture::options(Server::postgresql));
    REQUIRE(codes(*linter) == std::vector<std::string>{"lint_drop_column", "lint_drop_column"});
    CHECK(linter->findings()[0].accepted);
    CHECK(linter->findings()[0].reason == "nothing has read it since 2023");
    CHECK_FALSE(linter->findings()[1].accepted);
    CHECK(linter->open_errors() == 1);
    CHECK(linter->accepted() == 1);
    CHECK(f.found.error_count() == 1);  // only the second
    CHECK(f.found.warning_count() == 0);
}

TEST_CASE("a directive above an action of an alter table accepts that action", "[lint][accept]") {
    Fixture f;
    f.add(users);
    f.add("alter table users\n    -- lint: accept lint_rename_column \"the clients use a view\"\n"
          "    rename column age to years,\n    rename column note to remark;");
    auto linter = f.lint(Fixture::options(Server::postgresql));
    REQUIRE(linter->findings().size() == 2);
    CHECK(linter->findings()[0].accepted);
    CHECK_FALSE(linter->findings()[1].accepted);
}

TEST_CASE("a directive for another code accepts nothing, and says so", "[lint][accept]") {
    Fixture f;
    f.add(users);
    f.add("-- lint: accept lint_rename_column 'wrong code'\nalter table users drop column note;");
    auto linter = f.lint(Fixture::options(Server::postgresql));
    REQUIRE(linter->findings().size() == 1);
    CHECK_FALSE(linter->findings()[0].accepted);
    std::string text = f.found.render();
    CHECK(text.find("versions/r1.mig:4:1: warning: this directive accepts no lint_rename_column finding") !=
          std::string::npos);
}

TEST_CASE("bad directives are errors at their line", "[lint][accept]") {
    struct Bad {
        const char* line;
        const char* message;
    };
    const Bad bad[] = {
        {"-- lint: accept lint_nope 'x'", "'lint_nope' is not a lint code"},
        {"-- lint: accept lint_drop_column", "needs a reason in quotes"},
        {"-- lint: accept lint_drop_column ''", "is empty"},
        {"-- lint: ignore lint_drop_column 'x'", "must be `accept CODE 'reason'`"},
        {"-- lint: accept 'x'", "needs the code"},
    };
    for (const Bad& b : bad) {
        Fixture f;
        f.add(users);
        f.add(std::string(b.line) + "\nalter table users drop column note;");
        auto linter = f.lint(Fixture::options(Server::postgresql));
        std::string text = f.found.render();
        INFO(text);
        CHECK(text.find("versions/r1.mig:4:1: error: ") != std::string::npos);
        CHECK(text.find(b.message) != std::string::npos);
    }
}

TEST_CASE("findings print with their code", "[lint][accept]") {
    Fixture f;
    f.add(users);
    f.add("alter table users alter column age type bigint;");
    f.found.set_show_codes(true);
    f.lint(Fixture::options(Server::postgresql));
    std::string text = f.found.render();
    INFO(text);
    CHECK(text.find("versions/r1.mig:4:19: warning: changing column \"age\" of existing table \"users\" from integer "
                    "to bigint rewrites every row under an ACCESS EXCLUSIVE lock [lint_table_rewrite]\n") == 0);
    CHECK(text.find("retort: note: add a new column of the new type") != std::string::npos);
}
