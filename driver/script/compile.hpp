#pragma once
// The glue of the script commands: project -> revision graph -> plan ->
// replayed plan steps -> dialect statements -> script text (docs/scripts.md).
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/config/config.hpp"
#include "compiler/replay/replay.hpp"
#include "driver/script/project.hpp"
#include "dialects/dialect.hpp"

namespace retort::graph {
class RevisionGraph;
}

namespace retort::driver {

enum class ScriptKind { upgrade, downgrade, stamp };

struct ScriptRequest {
    ScriptKind kind = ScriptKind::upgrade;
    std::string range;    // as given on the command line, e.g. "base:heads"
    std::string dialect;  // a dialect's or server's name (compiler/dialect), e.g. "postgresql", "mariadb"
    bool guard = true;    // false: --no-guard (docs/scripts.md#the-guard)
    // upgrade --annotate: each lint finding as a `-- lint: CODE: message`
    // line above the first statement of its step (docs/lint.md).
    bool annotate = false;
};

// The dialect of that dialect or server name (mariadb: mysql); nullopt for any other name.
std::optional<ast::DialectId> dialect_id(std::string_view name);
// "unknown dialect 'x' (postgresql, sqlite, mysql or mariadb)"
std::string unknown_dialect(std::string_view name);
// The help of -d: "postgresql | sqlite | mysql | mariadb (default: from retort.yaml)"
const std::string& dialect_option_help();

// The dialect settings of retort.yaml.
dialects::Options dialect_options(const config::Config& config);
// The replay settings of retort.yaml (naming, mysql.flavor) for the dialect
// named `dialect_name` (-d or `dialect:`; mariadb chooses the server).
replay::Options replay_options(const config::Config& config, std::string_view dialect_name);
// `options` with replay::Options::is_ancestor answered from `graph` (which
// must outlive the replay).
replay::Options with_ancestry(replay::Options options, const graph::RevisionGraph& graph);

// The script for `request`, or nullopt after diagnostics (which stay in
// `diagnostics`; the caller prints them). Warnings do not stop it.
std::optional<std::string> compile_script(const Project& project, const ScriptRequest& request,
                                          DiagnosticEngine& diagnostics);

const char* script_kind_name(ScriptKind kind);

}  // namespace retort::driver
