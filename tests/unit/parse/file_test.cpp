// The file level: header statements, upgrade/downgrade blocks, syntax
// errors with their positions, and hostile input.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "compiler/parse/errors.hpp"
#include "grammar/file.hpp"
#include "parse_helpers.hpp"

using retort::test::first_error;
using retort::test::parse_text;

TEST_CASE("the grammar has no cycles without progress", "[parse][grammar]") {
    CHECK(tao::pegtl::analyze<retort::grammar::file>() == 0);
}

TEST_CASE("header statements in any order, each at most once", "[parse][header]") {
    auto p = parse_text(
        "message 'add fees';\n"
        "depends_on 9c8b7a6d5e4f, billing@head;\n"
        "transactional false;\n"
        "branch_labels billing, Reports;\n"
        "down_revision (a1b2c3d4e5f6, 77aa00bb11cc);\n"
        "revision 0F9e8d7c6b5a;\n"
        "upgrade { }\n");
    REQUIRE(p.migration);
    CHECK(p.dump ==
          "header\n  revision 0F9e8d7c6b5a\n  down_revision a1b2c3d4e5f6, 77aa00bb11cc\n"
          "  branch_labels billing, Reports\n  depends_on 9c8b7a6d5e4f, billing@head\n"
          "  message 'add fees'\n  transactional false\nupgrade\ndowngrade none\n");
    CHECK(p.migration->header.transactional == false);
}

TEST_CASE("down_revision forms", "[parse][header]") {
    auto none = parse_text("revision a; down_revision none; upgrade {}");
    REQUIRE(none.migration);
    CHECK(none.migration->header.has_down_revision);
    CHECK(none.migration->header.down_revisions.empty());
    auto one = parse_text("revision b; down_revision a; upgrade {}");
    REQUIRE(one.migration);
    CHECK(one.migration->header.down_revisions.size() == 1);
    auto plain_list = parse_text("revision c; down_revision a, b; upgrade {}");
    REQUIRE(plain_list.migration);
    CHECK(plain_list.migration->header.down_revisions.size() == 2);
}

TEST_CASE("a header statement given twice is an error that points at both", "[parse][header]") {
    auto p = parse_text("revision a;\ndown_revision none;\nrevision b;\nupgrade {}\n");
    CHECK_FALSE(p.migration);
    CHECK(p.diagnostics ==
          "t.mig:3:1: error: 'revision' is given twice\n"
          "    3 | revision b;\n"
          "      | ^\n"
          "t.mig:1:1: note: first given here\n"
          "    1 | revision a;\n"
          "      | ^\n");
}

TEST_CASE("missing required header statements", "[parse][header]") {
    CHECK(first_error("down_revision none; upgrade {}") ==
          "t.mig:1:1: error: the header has no 'revision' statement (e.g. revision a1b2c3d4e5f6;)");
    CHECK(first_error("revision a; upgrade {}").find("no 'down_revision' statement") != std::string::npos);
}

TEST_CASE("downgrade forms", "[parse][body]") {
    auto none = parse_text("revision a; down_revision none; upgrade { drop table t; }");
    REQUIRE(none.migration);
    CHECK(none.migration->downgrade_kind == retort::ast::DowngradeKind::none);
    auto autod = parse_text("revision a; down_revision none; upgrade { drop table t; } downgrade auto;");
    REQUIRE(autod.migration);
    CHECK(autod.migration->downgrade_kind == retort::ast::DowngradeKind::auto_);
    auto empty = parse_text("revision m; down_revision (a, b); upgrade { } downgrade { }");
    REQUIRE(empty.migration);
    CHECK(empty.migration->downgrade_kind == retort::ast::DowngradeKind::block);
    CHECK(empty.migration->upgrade.empty());
    CHECK(empty.migration->downgrade.empty());
}

TEST_CASE("statement spans run from the first keyword to the semicolon", "[parse][body]") {
    std::string text = "revision a; down_revision none;\nupgrade {\n  drop table t /* x */ ;\n}\n";
    auto p = parse_text(text);
    REQUIRE(p.migration);
    const auto& span = p.migration->upgrade.at(0).span;
    CHECK(text.substr(span.begin, span.end - span.begin) == "drop table t /* x */ ;");
}

namespace {
struct ErrorCase {
    const char* source;
    const char* first_line;
};
}  // namespace

TEST_CASE("syntax errors say what was expected, where", "[parse][errors]") {
    auto c = GENERATE(values<ErrorCase>({
        {"revision a; down_revision none;\nupgrade { drop table t }",
         "t.mig:2:24: error: expected ';'"},
        {"revision a; down_revision none;\nupgrade { create tabel t (a integer); }",
         "t.mig:2:18: error: expected 'table', 'index', 'unique index' or 'type' after 'create'"},
        {"revision a; down_revision none;\nupgrade { create table t (a); }",
         "t.mig:2:28: error: expected a column type (smallint, integer, bigint, numeric(p, s), float, "
         "double, boolean, string(n), char(n), text, date, time, datetime, timestamp, timestamptz, json, "
         "uuid, binary, or an enum type name)"},
        {"revision a; down_revision none;\nupgrade { select 1; }", "t.mig:2:11: error: expected a statement or '}'"},
        {"revision a; down_revision none;\n", "t.mig:2:1: error: expected a header statement (revision, "
                                              "down_revision, branch_labels, depends_on, message, transactional) or 'upgrade {'"},
        {"revision a; down_revision none; upgrade {} downgrade {} extra",
         "t.mig:1:57: error: expected 'downgrade' or the end of the file"},
        {"revision a; down_revision none; upgrade {} downgrade manual;",
         "t.mig:1:54: error: expected '{' or 'auto;' after 'downgrade'"},
        {"revision a; down_revision none; upgrade { update t set a = ; }",
         "t.mig:1:60: error: expected an expression"},
        {"revision a; down_revision none; upgrade { update t set a = 1 + ; }",
         "t.mig:1:64: error: expected an operand"},
        {"revision a; down_revision none; upgrade { alter table t frobnicate; }",
         "t.mig:1:57: error: expected an alter table action: add, drop, rename or alter column"},
        {"revision a; down_revision none; upgrade { alter table t alter column c set nothing; }",
         "t.mig:1:72: error: expected 'type', 'set not null', 'drop not null', 'set default', 'drop default', "
         "'set autoincrement' or 'drop autoincrement'"},
        {"revision a; down_revision none; upgrade { only oracle { } }",
         "t.mig:1:48: error: expected a dialect: postgresql, sqlite or mysql"},
        {"revision a; down_revision none; upgrade { insert into t values (1); }",
         "t.mig:1:57: error: expected '(' and a list of column names"},
        {"revision a; down_revision none; upgrade { create table t (a integer references u on frob); }",
         "t.mig:1:85: error: expected 'delete' or 'update' after 'on'"},
        {"revision a; down_revision none; upgrade { update t set x = 1e; }",
         "t.mig:1:62: error: expected digits after the exponent 'e'"},
        {"revision a; down_revision none; upgrade { update t set x = x'abc'; }",
         "t.mig:1:60: error: expected a binary string x'...' holding an even number of hex digits"},
        {"revision a; down_revision none; upgrade { update t set x = 1 = 2 = 3; }",
         "t.mig:1:66: error: expected ';'"},
        {"revision a; down_revision none; upgrade { alter table t rename to u, drop column c; }",
         "t.mig:1:57: error: 'rename to' cannot be combined with other actions; write a separate alter table statement"},
        {"revision a; down_revision none; upgrade { insert into t (a, b) values (1); }",
         "t.mig:1:72: error: this row has 1 value for 2 columns"},
        {"revision a; down_revision none; upgrade { create table t (a numeric(5, 7)); }",
         "t.mig:1:61: error: numeric scale 7 is larger than its precision 5"},
        {"revision a; down_revision none; upgrade { only postgresql { only mysql { drop table t; } } }",
         "t.mig:1:61: error: this only block names no dialect of the block around it"},
        {"revision a; down_revision none; upgrade { create table \"\" (a integer); }",
         "t.mig:1:56: error: a quoted name cannot be empty"},
    }));
    CAPTURE(c.source);
    CHECK(first_error(c.source) == c.first_line);
}

TEST_CASE("unterminated strings and comments point where they start", "[parse][errors][robustness]") {
    auto c = GENERATE(values<ErrorCase>({
        {"revision a; down_revision none;\nupgrade { update t set x = 'never\nclosed; }\n",
         "t.mig:2:28: error: unterminated string: this quote has no matching quote"},
        {"revision a; down_revision none;\nupgrade { update t set x = e'never\\'; }\n",
         "t.mig:2:28: error: unterminated string: this e'...' string has no matching quote"},
        {"revision a; down_revision none;\nupgrade { execute $x$ never $y$; }\n",
         "t.mig:2:19: error: unterminated dollar-quoted string: no matching closing tag"},
        {"revision a; /* never closed\ndown_revision none;\nupgrade { }\n",
         "t.mig:1:13: error: unterminated comment: '/*' has no matching '*/'"},
        {"revision a; down_revision none;\nupgrade { drop table \"never; }\n",
         "t.mig:2:22: error: unterminated quoted name: '\"' has no matching '\"'"},
    }));
    CAPTURE(c.source);
    CHECK(first_error(c.source) == c.first_line);
}

TEST_CASE("hostile input gives a diagnostic, never a crash or a hang", "[parse][robustness]") {
    SECTION("binary garbage") {
        std::string garbage;
        unsigned x = 12345;
        for (int i = 0; i < 100000; ++i) {
            x = x * 1103515245u + 12345u;
            garbage += static_cast<char>(x >> 16);
        }
        auto p = parse_text(garbage);
        CHECK_FALSE(p.migration);
        CHECK(p.diagnostics.find("error:") != std::string::npos);
    }
    SECTION("printable garbage") {
        auto p = parse_text("}{)(;;'\"$$ revision revision ;;; upgrade upgrade");
        CHECK_FALSE(p.migration);
        CHECK(p.diagnostics.find("error: expected") != std::string::npos);
    }
    SECTION("invalid UTF-8 is reported at its first bad byte") {
        auto p = parse_text("revision a; down_revision none;\nupgrade { update t set x = 'caf\xC3\xA9 \xFF'; }\n");
        CHECK_FALSE(p.migration);
        CHECK(first_error("revision a;\n-- caf\xC3\xA9 \xC3\x28\n") ==
              "t.mig:2:9: error: the file is not valid UTF-8: byte 0xC3 here does not start or continue a character");
        CHECK(p.diagnostics.find("t.mig:2:34: error: the file is not valid UTF-8: byte 0xFF") == 0);
        CHECK(first_error("-- overlong \xC0\xAF").find("byte 0xC0") != std::string::npos);
        CHECK(first_error("-- surrogate \xED\xA0\x80").find("byte 0xED") != std::string::npos);
    }
    SECTION("a NUL byte") {
        std::string text = "revision a; down_revision none;\nupgrade { update t set x = 'a";
        text += '\0';
        text += "b'; }\n";
        auto p = parse_text(text);
        CHECK_FALSE(p.migration);
        CHECK(p.diagnostics.find("t.mig:2:30: error: a NUL character (byte 0) cannot appear in a .mig file") == 0);
    }
    SECTION("10,000 nested parentheses are bounded, not a stack overflow") {
        std::string text = "revision a; down_revision none;\nupgrade { update t set x = ";
        text += std::string(10000, '(') + "1" + std::string(10000, ')') + "; }\n";
        auto p = parse_text(text);
        CHECK_FALSE(p.migration);
        CHECK(p.diagnostics.find("error: nested too deeply: more than 256 levels") != std::string::npos);
    }
    SECTION("deep chains of not, minus and only blocks are bounded too") {
        for (std::string unit : {"not ", "- ", "only sqlite { "}) {
            std::string body;
            for (int i = 0; i < 10000; ++i) body += unit;
            std::string text = unit[0] == 'o' ? "revision a; down_revision none; upgrade { " + body
                                              : "revision a; down_revision none; upgrade { update t set x = " + body + "1; }";
            auto p = parse_text(text);
            CHECK_FALSE(p.migration);
            CHECK(p.diagnostics.find("nested too deeply") != std::string::npos);
        }
    }
    SECTION("operator chains count one level per operator") {
        // {terms, accepted}: a chain of n terms is an expression n levels high.
        const std::vector<std::pair<int, bool>> cases = {{200, true}, {256, true}, {257, false}, {100000, false}};
        for (const std::string op : {" + ", " * ", " || ", " or ", " and "}) {
            for (const auto& [terms, accepted] : cases) {
                std::string chain = "1";
                for (int i = 1; i < terms; ++i) chain += op + "1";
                auto p = parse_text("revision a; down_revision none; upgrade { update t set x = " + chain + "; }");
                INFO(op << " x " << terms);
                CHECK(static_cast<bool>(p.migration) == accepted);
                CHECK((p.diagnostics.find("nested too deeply") != std::string::npos) == !accepted);
            }
        }
    }
    SECTION("nesting just under the bound is fine") {
        std::string text = "revision a; down_revision none;\nupgrade { update t set x = ";
        text += std::string(200, '(') + "1" + std::string(200, ')') + "; }\n";
        CHECK(parse_text(text).migration);
    }
}

TEST_CASE("a 50 MB file parses quickly", "[parse][robustness]") {
    std::string text = "revision big; down_revision none;\nupgrade {\n"
                       "insert into t (id, name, amount, at) values\n";
    std::size_t rows = 0;
    while (text.size() < 50u * 1024 * 1024) {
        text += rows ? ",\n" : "";
        text += "  (" + std::to_string(rows) + ", 'name ''" + std::to_string(rows) +
                "'' -- not a comment', -12.50, timestamp '2024-01-15 12:00:00')";
        ++rows;
    }
    text += ";\n}\ndowngrade { delete from t; }\n";
    // CPU time, not wall time: the machine may be busy with other builds.
    std::clock_t start = std::clock();
    auto p = parse_text(text);
    double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    REQUIRE(p.migration);
    const auto& insert = std::get<retort::ast::Insert>(p.migration->upgrade.at(0).node);
    CHECK(insert.rows.size() == rows);
    // About 2 s on the 2-core build machine; the sanitizer build (ASan,
    // UBSan and libFuzzer's coverage at -O1) is about ten times slower.
#ifdef RETORT_SANITIZED
    constexpr double limit = 200.0;
#else
    constexpr double limit = 20.0;
#endif
    CHECK(seconds < limit);
}

TEST_CASE("mutated sample files never crash: either an AST or an error", "[parse][robustness]") {
    namespace fs = std::filesystem;
    std::vector<std::string> texts;
    for (const char* sample : {"school", "branchy", "hostile_literals"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(RETORT_SOURCE_DIR) / "samples" / sample / "versions")) {
            std::ifstream in(entry.path(), std::ios::binary);
            texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    }
    REQUIRE(texts.size() >= 17);
    const std::string inserts = "'\"$(){};,-/*\\ex0\n";
    unsigned seed = 7;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
    int parsed = 0, failed = 0;
    for (int round = 0; round < 600; ++round) {
        std::string text = texts[next() % texts.size()];
        switch (next() % 3) {
            case 0: text.resize(next() % text.size()); break;
            case 1: text.erase(next() % text.size(), 1 + next() % 3); break;
            default: text.insert(next() % text.size(), 1, inserts[next() % inserts.size()]); break;
        }
        auto p = parse_text(text);
        if (p.migration) {
            ++parsed;
            CHECK(p.diagnostics.empty());
        } else {
            ++failed;
            CHECK(p.diagnostics.find(": error: ") != std::string::npos);
        }
    }
    CHECK(failed > 0);
    CHECK(parsed + failed == 600);
}
