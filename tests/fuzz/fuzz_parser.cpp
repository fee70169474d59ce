// libFuzzer target: one .mig file through the parser (grammar, actions,
// literal decoding). Every input must end in an AST or in an error
// diagnostic; the diagnostics are rendered (line:col, source line, caret)
// so that spans pointing outside the text are caught too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compiler/ast/ast.hpp"
#include "compiler/parse/parser.hpp"

using namespace retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    const SourceFile& file =
        sources.add("fuzz.mig", "fuzz.mig", std::string(reinterpret_cast<const char*>(data), size));
    auto migration = parse::parse_migration(file, diagnostics);
    if (!migration && !diagnostics.has_errors()) std::abort();  // no AST and no reason given
    if (migration) (void)ast::dump(*migration);
    (void)diagnostics.render();
    return 0;
}
