#include "compiler/driver/project.hpp"
namespace retort::driver {
std::optional<Project> load_project(const Invocation&, SourceManager&, DiagnosticEngine&) { return std::nullopt; }
}  // namespace retort::driver
