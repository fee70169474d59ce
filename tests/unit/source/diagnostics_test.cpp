#include <catch2/catch.hpp>

#include "compiler/source/diagnostics.hpp"

using namespace retort;

TEST_CASE("diagnostics print file:line:col, the line and a caret") {
    SourceManager sources;
    const SourceFile& file = sources.add("p/a.mig", "versions/a.mig", "revision a;\n  add column x;\n");
    DiagnosticEngine diagnostics(sources);
    diagnostics.error(DiagCode::duplicate_object, file.span(14, 17), "column \"{}\" already exists", "x")
        .note(file.span(0, 8), "declared here");
    CHECK(diagnostics.has_errors());
    CHECK(diagnostics.render() ==
          "versions/a.mig:2:3: error: column \"x\" already exists\n"
          "    2 |   add column x;\n"
          "      |   ^\n"
          "versions/a.mig:1:1: note: declared here\n"
          "    1 | revision a;\n"
          "      | ^\n");
}

TEST_CASE("diagnostics are sorted by file name, then offset") {
    SourceManager sources;
    const SourceFile& b = sources.add("b", "b.mig", "x\ny\n");
    const SourceFile& a = sources.add("a", "a.mig", "x\ny\n");
    DiagnosticEngine diagnostics(sources);
    diagnostics.error(DiagCode::syntax, b.span(2, 3), "third");
    diagnostics.error(DiagCode::syntax, a.span(2, 3), "second");
    diagnostics.error(DiagCode::syntax, a.span(0, 1), "first");
    diagnostics.error(DiagCode::file_unreadable, {}, "zeroth");
    std::string text = diagnostics.render();
    auto at = [&](const char* word) { return text.find(word); };
    CHECK(at("zeroth") < at("first"));
    CHECK(at("first") < at("second"));
    CHECK(at("second") < at("third"));
    CHECK(text.rfind("retort: error: zeroth\n", 0) == 0);
}

TEST_CASE("columns count code points, and unprintable bytes are shown as '?'") {
    SourceManager sources;
    const SourceFile& file = sources.add("f", "f.mig", "'\xc3\xa9t\xc3\xa9' \x01 x");
    DiagnosticEngine diagnostics(sources);
    auto offset = static_cast<std::uint32_t>(std::string_view(file.text()).find('x'));
    diagnostics.error(DiagCode::syntax, file.span(offset, offset + 1), "here");
    CHECK(diagnostics.render() ==
          "f.mig:1:9: error: here\n"
          "    1 | '\xc3\xa9t\xc3\xa9' ? x\n"
          "      |         ^\n");
}

TEST_CASE("a very long line is cut to a window around the caret") {
    SourceManager sources;
    std::string text(100000, 'a');
    text[50000] = 'X';
    const SourceFile& file = sources.add("f", "f.mig", text);
    DiagnosticEngine diagnostics(sources);
    diagnostics.error(DiagCode::syntax, file.span(50000, 50001), "here");
    std::string out = diagnostics.render();
    CHECK(out.size() < 600);
    auto second = out.find('\n') + 1;
    auto third = out.find('\n', second) + 1;
    std::string line = out.substr(second, third - second);
    std::string caret = out.substr(third);
    CHECK(line[caret.find('^')] == 'X');
}
