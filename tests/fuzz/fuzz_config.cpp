// libFuzzer target: retort.yaml loading. Every input must end in a config or
// in an error diagnostic, which is then rendered with its line and column.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "compiler/config/config.hpp"

using namespace retort;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    const SourceFile& file =
        sources.add("retort.yaml", "retort.yaml", std::string(reinterpret_cast<const char*>(data), size));
    auto config = config::parse_config(file, diagnostics);
    if (!config && !diagnostics.has_errors()) std::abort();  // refused without a reason
    (void)diagnostics.render();
    return 0;
}
