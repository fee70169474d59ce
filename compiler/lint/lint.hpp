#pragma once
// The lint phase (docs/lint.md): reviews the plan steps of an upgrade as a
// DBA would before a deploy over production data. A table that existed
// before the revision is "existing" (it may hold many rows and be in use); a
// table created in the same revision is new and empty, and changes to it are
// never findings. Findings are diagnostics (DiagnosticEngine), each with a
// note that says the safe way; a finding a person accepted in the .mig
// (`-- lint: accept CODE 'reason'`, docs/language.md) is kept, marked, and
// not reported as a diagnostic.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/descriptor.hpp"
#include "compiler/plan/step.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::lint {

// A server version; parts not given are 0.
struct Version {
    int major = 0, minor = 0, patch = 0;
    friend auto operator<=>(const Version&, const Version&) = default;
};
// "15", "8.0", "10.11.6"; nullopt for anything else.
std::optional<Version> parse_version(std::string_view text);
std::string to_string(const Version& version);

enum class Server { postgresql, sqlite, mysql, mariadb };
const char* server_name(Server server);

struct Options {
    Server server = Server::postgresql;
    Version version{15, 0, 0};
    // retort.yaml sets a lock timeout for this server (postgresql.lock_timeout,
    // mysql.lock_wait_timeout); SQLite has none to set.
    bool lock_timeout = false;
    // SQLite only: why the dialect carries an `alter table` out by a table
    // rebuild, or nullopt when SQLite's own ALTER TABLE does it (the SQLite
    // back end's planner, handed in by the driver).
    std::function<std::optional<std::string>(const plan::AlterTable&)> sqlite_rebuild;
};

// The default version `retort lint` assumes for a server (docs/lint.md).
Version default_version(Server server);

struct Finding {
    Diagnostic diagnostic;  // severity, code, span, message and the note with the safe way
    std::string revision;   // the revision id
    bool accepted = false;
    std::string reason;     // why it was accepted
};

class Linter {
public:
    Linter(DiagnosticEngine& diagnostics, Options options);

    // Starts the review of a revision whose statements are in `file`; reads
    // the file's `-- lint: accept` directives (a bad one is an error).
    void begin_revision(const std::string& revision, FileId file);
    // Reviews one step of the revision (replay's step, with the schema before
    // it in the step itself). Reports the findings that are not accepted and
    // returns every finding of the step.
    std::vector<Finding> review(const plan::Step& step);
    // Ends the run: a directive that accepted nothing is a warning.
    void finish();

    const std::vector<Finding>& findings() const { return findings_; }
    // Findings not accepted, by severity.
    std::size_t open_errors() const;
    std::size_t open_warnings() const;
    std::size_t accepted() const;
    const Options& options() const { return options_; }

    // The lint codes, for SARIF's rule list: (code, short description).
    static std::vector<DiagCode> rule_codes();

    // Used by the rules (rules.cpp).
    struct Sink;

private:
    struct Directive {
        FileId file = no_file;
        std::uint32_t line = 0;
        SourceSpan span;
        DiagCode code{};
        std::string reason;
        bool used = false;
    };
    void read_directives(FileId file);
    // The directive that accepts `code` at a finding at `at`, within the
    // statement at `statement`: on the comment lines directly above either.
    Directive* directive_for(DiagCode code, SourceSpan at, SourceSpan statement);
    void add(Finding finding, SourceSpan statement, std::vector<Finding>& out);
    bool is_new(const std::string& table) const { return new_tables_.count(table) != 0; }

    DiagnosticEngine& diagnostics_;
    Options options_;
    std::string revision_;
    std::set<std::string> new_tables_;  // created in the revision under review
    std::set<FileId> read_files_;
    std::vector<Directive> directives_;
    std::vector<Finding> findings_;
    bool lock_timeout_reported_ = false;
};

}  // namespace retort::lint
