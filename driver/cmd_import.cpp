// retort import alembic ALEMBIC_DIR DEST_DIR: a retort project from an
// Alembic history, read without running Python (docs/import.md).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <system_error>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/import/alembic_project.hpp"
#include "driver/import/mig_writer.hpp"
#include "driver/import/translator.hpp"
#include "driver/revision_file.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace retort::driver {

namespace {

using namespace import;

// The upgrades in revision order, each on the state the ones before it
// left; each downgrade on the state its upgrade left (as `retort check`'s
// round trip replays it), which later revisions do not see.
std::vector<ImportedRevision> translate_revisions(const std::vector<std::unique_ptr<AlembicRevision>>& revisions,
                                                  ImportState& state, DiagnosticEngine& diagnostics) {
    std::vector<ImportedRevision> out(revisions.size());
    std::vector<std::vector<std::string>> declared(revisions.size());
    std::vector<ImportState> after(revisions.size());
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        const AlembicRevision& r = *revisions[i];
        out[i].source = &r;
        Translator up(diagnostics, r.scope, state);
        if (r.upgrade) up.translate(*r.upgrade);
        else diagnostics.error(DiagCode::import_untranslatable, r.file->span(0, 0), "no `def upgrade()` in this revision");
        out[i].upgrade = up.take();
        out[i].hand_work = up.hand_work() != 0 || !r.upgrade;
        declared[i] = up.declared_enums();
        after[i] = state;
    }
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        const AlembicRevision& r = *revisions[i];
        if (!r.downgrade) continue;
        Translator down(diagnostics, r.scope, after[i]);
        down.translate(*r.downgrade);
        down.drop_enums_at_end(declared[i]);
        out[i].downgrade = down.take();
        out[i].has_downgrade = true;
        out[i].hand_work = out[i].hand_work || down.hand_work() != 0;
    }
    return out;
}

// Writes every file into a fresh folder beside DEST_DIR, then renames it:
// a failed import leaves nothing behind.
bool write_project(const fs::path& dest, const std::map<std::string, std::string>& files, std::string& error) {
    fs::path tmp = dest;
    tmp += ".retort-import";
    std::error_code ec;
    fs::remove_all(tmp, ec);
    for (const auto& [name, text] : files) {
        fs::path path = tmp / name;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary);
        out << text;
        out.close();
        if (!out) {
            error = fmt::format("cannot write {}", path.string());
            fs::remove_all(tmp, ec);
            return false;
        }
    }
    if (fs::exists(dest)) fs::remove(dest, ec);  // empty: checked before
    fs::rename(tmp, dest, ec);
    if (ec) {
        error = fmt::format("cannot rename {} to {}: {}", tmp.string(), dest.string(), ec.message());
        fs::remove_all(tmp, ec);
        return false;
    }
    return true;
}

std::string unique_name(std::string name, std::set<std::string>& taken) {
    std::string stem = name.substr(0, name.size() - 4);
    for (int n = 2; taken.count(name); ++n) name = fmt::format("{}_{}.mig", stem, n);
    taken.insert(name);
    return name;
}

}  // namespace

int cmd_import(Invocation& inv) {
    po::options_description options("Options of retort import");
    auto p = parse_args(
        inv, options,
        {.usage = "retort import alembic ALEMBIC_DIR DEST_DIR",
         .about = "Writes a new retort project in DEST_DIR (absent or empty) from the Alembic project in\n"
                  "ALEMBIC_DIR (the folder of alembic.ini, or the script folder with env.py and versions/):\n"
                  "retort.yaml with naming: engine and SQLAlchemy's spellings, and one .mig per revision\n"
                  "with the same revision id, down_revision, branch_labels, depends_on and message.\n"
                  "The Python is read, never run (docs/import.md lists what is translated). What\n"
                  "cannot be translated is reported at its .py line and written as a `todo`\n"
                  "statement, which `retort check` reports until a person replaces it.",
         .epilogue = "\nExit status: 0 every revision imported; 1 some revision needs hand work, or a\n"
                     "file could not be read (then nothing is written); 2 usage error.\n",
         .positional = "args",
         .count = -1});
    if (p.status >= 0) return p.status;
    std::vector<std::string> args;
    if (p.vm.count("args")) args = p.vm["args"].as<std::vector<std::string>>();
    if (args.empty() || args[0] != "alembic")
        return usage_error(inv, "import reads Alembic projects: retort import alembic ALEMBIC_DIR DEST_DIR");
    if (args.size() != 3) return usage_error(inv, "import alembic takes ALEMBIC_DIR and DEST_DIR");
    const fs::path dest(args[2]);
    std::error_code ec;
    if (fs::exists(dest) && !(fs::is_directory(dest) && fs::is_empty(dest, ec)))
        return usage_error(inv, fmt::format("{} exists and is not empty: import writes a new project", args[2]));

    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    auto project = read_alembic_project(args[1], sources, diagnostics);
    // A file that cannot be read makes the history incomplete: nothing is
    // written. Forms that are read but not followed (an f-string) are hand work.
    bool unreadable = std::any_of(diagnostics.diagnostics().begin(), diagnostics.diagnostics().end(),
                                  [](const Diagnostic& d) {
                                      return d.severity == Severity::error && d.code != DiagCode::python_unsupported;
                                  });
    if (!project || unreadable) {
        diagnostics.print(inv.err);
        std::size_t total = project ? project->files : 0;
        inv.out << fmt::format("imported 0 of {} revisions; nothing written: the files above could not be read\n",
                               total);
        return exit_input_error;
    }
    ImportState state;
    std::vector<ImportedRevision> imported = translate_revisions(project->revisions, state, diagnostics);

    std::map<std::string, std::string> files;
    std::set<std::string> taken;
    std::size_t hand_work = 0;
    for (const ImportedRevision& r : imported) {
        std::tm when = r.source->created.value_or(std::tm{});
        if (!r.source->created) when.tm_year = 70, when.tm_mday = 1;
        std::string name = unique_name(
            revision_file_name(project->file_template, r.source->id, r.source->message, when), taken);
        files["versions/" + name] = render_mig(r, r.source->file->display_name());
        hand_work += r.hand_work ? 1 : 0;
    }
    files["retort.yaml"] = render_config(*project, state, args[1]);
    std::string error;
    if (!write_project(dest, files, error)) {
        diagnostics.error(DiagCode::file_unreadable, {}, "{}", error);
        diagnostics.print(inv.err);
        return exit_input_error;
    }
    diagnostics.print(inv.err);
    inv.out << fmt::format("imported {} of {} revisions; {} need hand work\n", imported.size(), project->files,
                           hand_work);
    return hand_work || diagnostics.has_errors() ? exit_input_error : exit_ok;
}

}  // namespace retort::driver
