// libFuzzer target: one Python file through the reader of `retort import
// alembic` (line pass, grammar, actions, literal decoding, blocks). Every
// input must end in a tree or in an error diagnostic; the tree is dumped
// with spans and the diagnostics rendered, so spans pointing outside the
// text are caught too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compiler/python/dump.hpp"
#include "compiler/python/parser.hpp"

using namespace retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    const SourceFile& file =
        sources.add("fuzz.py", "fuzz.py", std::string(reinterpret_cast<const char*>(data), size));
    auto module = py::parse_python(file, diagnostics);
    if (!module && !diagnostics.has_errors()) std::abort();  // no tree and no reason given
    if (module) (void)py::dump(*module, &file);
    (void)diagnostics.render();
    return 0;
}
