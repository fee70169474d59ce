#include "compiler/config/config.hpp"
namespace retort::config {
std::optional<Config> parse_config(const SourceFile&, DiagnosticEngine&) { return Config{}; }
}
