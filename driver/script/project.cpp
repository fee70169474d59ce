// load_project: retort.yaml, then every *.mig file of the version folders,
// each parsed on its own so that one broken file does not hide the others.
#include "driver/script/project.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <system_error>

#include <dirent.h>
#include <sys/stat.h>

#include "driver/script/parallel.hpp"
#include "compiler/parse/parser.hpp"

namespace fs = std::filesystem;

namespace retort::driver {

namespace {

// The names of the regular files (symbolic links followed) called *.mig in
// `dir`: readdir and the entry type, a stat only where the type is unknown or
// a link. std::filesystem's iterator builds a path per entry, which costs
// more than the rest of the scan.
bool list_mig_files(const std::string& dir, std::vector<std::string>& names, std::string& error) {
    DIR* d = ::opendir(dir.c_str());
    if (!d) {
        error = std::strerror(errno);
        return false;
    }
    std::string path = dir;
    if (!path.empty() && path.back() != '/') path += '/';
    const std::size_t dir_length = path.size();
    for (;;) {
        errno = 0;
        const dirent* entry = ::readdir(d);
        if (!entry) break;
        const std::string_view name(entry->d_name);
        // Same test as path::extension() == ".mig".
        const std::size_t dot = name.rfind('.');
        if (dot == std::string_view::npos || dot == 0 || name.substr(dot) != ".mig") continue;
        bool regular = entry->d_type == DT_REG;
        if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
            path.resize(dir_length);
            path.append(name);
            struct stat st;
            regular = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
        }
        if (regular) names.emplace_back(name);
    }
    const int read_errno = errno;
    ::closedir(d);
    if (read_errno != 0) {
        error = std::strerror(read_errno);
        return false;
    }
    return true;
}

struct Found {
    std::string display;  // the name diagnostics show
    std::string path;     // the name it is opened by
};

// retort.yaml (or -c FILE): read and parsed into project.config.
bool read_config(const ProjectPaths& paths, Project& project, std::string& display_config, SourceManager& sources,
                 DiagnosticEngine& diagnostics) {
    const fs::path root(paths.project_dir);
    display_config = "retort.yaml";
    if (paths.config_file.empty()) {
        project.config_path = (root / "retort.yaml").string();
    } else {
        project.config_path = paths.config_file;
        display_config = paths.config_file;
    }
    std::error_code exists_ec;
    if (!fs::is_regular_file(project.config_path, exists_ec)) {
        diagnostics.error(DiagCode::file_unreadable, SourceSpan{},
                          "no config file {} in the project folder; is this a retort project? "
                          "('retort init DIR' writes a new one; -C DIR names the project folder)",
                          display_config);
        return false;
    }
    std::string error;
    const SourceFile* config_file = sources.load(project.config_path, display_config, error);
    if (!config_file) {
        diagnostics.error(DiagCode::file_unreadable, SourceSpan{}, "cannot read the config file {}: {}",
                          display_config, error);
        return false;
    }
    auto config = config::parse_config(*config_file, diagnostics);
    if (!config) return false;
    project.config = *config;
    return true;
}

// Every *.mig file of the version folders, sorted by shown name, each once.
std::optional<std::vector<Found>> find_mig_files(const Project& project, const std::string& display_config,
                                                 DiagnosticEngine& diagnostics) {
    const fs::path root(project.root);
    std::vector<Found> files;
    for (const std::string& folder : project.config.versions) {
        const fs::path dir = fs::path(folder).is_absolute() ? fs::path(folder) : root / folder;
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            diagnostics.error(DiagCode::file_unreadable, SourceSpan{},
                              "the versions folder '{}' named in {} does not exist or is not a folder",
                              folder, display_config);
            return std::nullopt;
        }
        std::vector<std::string> names;
        std::string list_error;
        if (!list_mig_files(dir.native(), names, list_error)) {
            diagnostics.error(DiagCode::file_unreadable, SourceSpan{}, "cannot read the folder '{}': {}", folder,
                              list_error);
            return std::nullopt;
        }
        // The shown name is lexically_normal(base / filename); the file name is
        // a plain component, so normalising base / "x" once gives the prefix.
        const fs::path base = fs::path(folder).is_absolute() ? dir : fs::path(folder);
        std::string prefix = (base / "x").lexically_normal().generic_string();
        prefix.pop_back();
        std::string dir_prefix = dir.native();
        if (!dir_prefix.empty() && dir_prefix.back() != '/') dir_prefix += '/';
        for (const std::string& name : names) files.push_back({prefix + name, dir_prefix + name});
    }
    std::sort(files.begin(), files.end(), [](const Found& a, const Found& b) { return a.display < b.display; });
    files.erase(std::unique(files.begin(), files.end(),
                            [](const Found& a, const Found& b) { return a.display == b.display; }),
                files.end());
    return files;
}

// Read, then parse, on a few threads; each file's text, migration and
// diagnostics land in its own slot, and are taken in file order.
void read_and_parse(std::vector<Found>& files, Project& project, SourceManager& sources,
                    DiagnosticEngine& diagnostics) {
    const unsigned workers = worker_count();
    std::vector<std::string> texts(files.size()), errors(files.size());
    std::vector<char> read_ok(files.size());
    parallel_for(files.size(), workers, [&](std::size_t i, unsigned) {
        read_ok[i] = read_file(files[i].path, texts[i], errors[i]);
    });
    std::vector<const SourceFile*> loaded(files.size(), nullptr);
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!read_ok[i]) {
            diagnostics.error(DiagCode::file_unreadable, SourceSpan{}, "cannot read {}: {}", files[i].display,
                              errors[i]);
            continue;
        }
        loaded[i] = &sources.add(std::move(files[i].path), std::move(files[i].display), std::move(texts[i]));
    }
    std::vector<DiagnosticEngine> worker_diagnostics(workers, DiagnosticEngine(sources));
    for (auto& d : worker_diagnostics) d.set_warnings_as_errors(diagnostics.warnings_as_errors());
    std::vector<std::optional<ast::Migration>> parsed(files.size());
    parallel_for(files.size(), workers, [&](std::size_t i, unsigned worker) {
        if (loaded[i]) parsed[i] = parse::parse_migration(*loaded[i], worker_diagnostics[worker]);
    });
    for (auto& d : worker_diagnostics) diagnostics.absorb(d);
    project.migrations.reserve(files.size());
    for (auto& migration : parsed)
        if (migration) project.migrations.push_back(std::move(*migration));
}

}  // namespace

std::optional<Project> load_project(const ProjectPaths& paths, SourceManager& sources,
                                    DiagnosticEngine& diagnostics) {
    Project project;
    project.root = paths.project_dir;
    std::string display_config;
    if (!read_config(paths, project, display_config, sources, diagnostics)) return std::nullopt;
    auto files = find_mig_files(project, display_config, diagnostics);
    if (!files) return std::nullopt;
    read_and_parse(*files, project, sources, diagnostics);
    return project;
}

void keep_until_exit(std::optional<Project>& project) {
    static auto* kept = new std::vector<std::unique_ptr<Project>>;
    if (project) kept->push_back(std::make_unique<Project>(std::move(*project)));
    project.reset();
}

}  // namespace retort::driver
