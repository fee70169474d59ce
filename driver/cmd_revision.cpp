// `retort revision` and `retort merge`: write a new .mig file.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>

#include "driver/command_line.hpp"
#include "driver/commands.hpp"
#include "driver/graph_commands.hpp"
#include "driver/revision_file.hpp"
#include "compiler/graph/revision_spec.hpp"
#include "driver/script/sum_file.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace retort::driver {

namespace {

using graph::Revision;

std::string fresh_id(const graph::RevisionGraph& g) {
    std::random_device device;
    std::mt19937_64 rng((static_cast<std::uint64_t>(device()) << 32) ^ device() ^
                        static_cast<std::uint64_t>(std::time(nullptr)));
    for (;;) {
        std::string id = fmt::format("{:012x}", rng() & 0xffffffffffffULL);
        if (!g.find(id) && !g.find_label(id)) return id;
    }
}

using NewRevision = RevisionHeader;

std::string render(const NewRevision& r) { return render_header(r) + "\nupgrade {\n}\n\ndowngrade {\n}\n"; }

std::string file_name(const std::string& tmpl, const std::string& rev, const std::string& message) {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return revision_file_name(tmpl, rev, message, utc);
}

// Checks the new id and labels, writes the file (never over an existing one).
int write_revision(Invocation& inv, const LoadedGraph& loaded, const NewRevision& r, const std::string& version_path) {
    const auto& g = loaded.graph;
    if (!valid_revision_id(r.id) || r.id.size() > graph::default_max_id_length)
        return usage_error(inv, fmt::format("revision id '{}' must be 1 to {} letters, digits or '_'", r.id,
                                            graph::default_max_id_length));
    if (g.find(r.id) || g.find_label(r.id)) return usage_error(inv, fmt::format("revision id '{}' is already used", r.id));
    for (const std::string& l : r.labels) {
        if (!valid_revision_id(l)) return usage_error(inv, fmt::format("branch label '{}' must be letters, digits or '_'", l));
        if (g.find_label(l)) return usage_error(inv, fmt::format("branch label '{}' is already used by {}", l, g.find_label(l)->id));
        if (g.find(l) || l == r.id) return usage_error(inv, fmt::format("branch label '{}' is a revision id", l));
    }
    const auto& versions = loaded.project.config.versions;
    std::string folder = version_path.empty() ? (versions.empty() ? std::string("versions") : versions.front()) : version_path;
    fs::path dir = fs::path(loaded.project.root) / folder;
    if (!version_path.empty() &&
        std::find(versions.begin(), versions.end(), version_path) == versions.end())
        return usage_error(inv, fmt::format("--version-path {} is not one of the folders in the config's versions", version_path));
    std::error_code ec;
    fs::create_directories(dir, ec);
    fs::path file = dir / file_name(loaded.project.config.file_template, r.id, r.message);
    if (fs::exists(file)) return usage_error(inv, fmt::format("{} exists already", file.string()));
    const std::string text = render(r);
    {
        std::ofstream out(file, std::ios::binary);
        out << text;
        if (!out) {
            inv.err << fmt::format("retort {}: error: cannot write {}\n", inv.command, file.string());
            return exit_input_error;
        }
    }
    inv.out << fmt::format("Generating {} ... done\n", file.string());
    // A project with retort.sum records the new file's digest there.
    bool recorded = false;
    std::string error;
    if (!record_sum(loaded.project, r.id, text, recorded, error)) {
        inv.err << fmt::format("retort {}: error: {}\n", inv.command, error);
        return exit_input_error;
    }
    if (recorded) inv.out << fmt::format("Recording {} in {} ... done\n", r.id, sum_path(loaded.project));
    return exit_ok;
}

// Resolves each spec to revisions; "heads" gives every head.
std::optional<std::vector<const Revision*>> resolve_all(const graph::RevisionGraph& g, DiagnosticEngine& d,
                                                        const std::vector<std::string>& specs) {
    graph::SpecResolver resolver(g, d);
    std::vector<const Revision*> out;
    for (const std::string& s : specs) {
        auto r = resolver.resolve(s, graph::SpecRole::start);
        if (!r) return std::nullopt;
        for (const Revision* x : r->revisions)
            if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
    }
    return out;
}

}  // namespace

int cmd_revision(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()
        ("message,m", po::value<std::string>()->value_name("MSG"), "the message (also the file name's slug)")
        ("head", po::value<std::string>()->value_name("REV"), "build on REV instead of the current head; 'base' starts a new root")
        ("splice", "allow --head to name a revision that is not a head (starts a new branch there)")
        ("branch-label", po::value<std::vector<std::string>>()->value_name("L"), "a branch label for the new revision")
        ("depends-on", po::value<std::vector<std::string>>()->value_name("REV"), "a revision or label the new one depends on")
        ("rev-id", po::value<std::string>()->value_name("ID"), "use ID instead of a fresh 12-hex id")
        ("version-path", po::value<std::string>()->value_name("DIR"), "write into DIR (one of the config's versions folders)");
    auto p = parse_args(inv, options,
                        {.usage = "retort revision -m MSG [--head REV [--splice]] [--branch-label L] [--depends-on REV]\n"
                                  "                       [--rev-id ID] [--version-path DIR]",
                         .about = "Writes a new .mig file whose down_revision is the current head (or --head).\n"
                                  "Refuses when there are several heads and no --head. The file name follows the\n"
                                  "config's file_template (time in UTC)."});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    if (!vm.count("message")) return usage_error(inv, "a message is needed: -m MSG");
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const auto& g = loaded->graph;
    NewRevision r;
    r.message = vm["message"].as<std::string>();
    r.id = vm.count("rev-id") ? vm["rev-id"].as<std::string>() : fresh_id(g);
    if (vm.count("branch-label")) r.labels = vm["branch-label"].as<std::vector<std::string>>();
    if (vm.count("head")) {
        std::string head = vm["head"].as<std::string>();
        graph::SpecResolver resolver(g, diagnostics);
        auto spec = resolver.resolve(head, graph::SpecRole::start);
        if (!spec) {
            diagnostics.print(inv.err);
            return exit_input_error;
        }
        if (spec->revisions.size() > 1)
            return usage_error(inv, fmt::format("--head {} names {} revisions: {}; name one", head,
                                                spec->revisions.size(), graph::list_revisions(spec->revisions)));
        if (!spec->base()) {
            const Revision* on = spec->revisions.front();
            if (!on->children.empty() && !vm.count("splice"))
                return usage_error(inv, fmt::format("{} is not a head (it has children: {}); add --splice to branch there",
                                                    on->id, graph::list_revisions([&] {
                                                        std::vector<const Revision*> c;
                                                        for (std::size_t i : on->children) c.push_back(&g.at(i));
                                                        return c;
                                                    }())));
            r.down.push_back(on->id);
        }
    } else {
        auto heads = g.branch_heads();
        if (heads.size() > 1)
            return usage_error(inv, fmt::format("there are {} heads: {}; pass --head REV, or merge them first "
                                                "(retort merge heads -m MSG)",
                                                heads.size(), graph::list_revisions(heads)));
        if (!heads.empty()) r.down.push_back(heads.front()->id);
    }
    if (vm.count("depends-on")) {
        auto deps = resolve_all(g, diagnostics, vm["depends-on"].as<std::vector<std::string>>());
        if (!deps) {
            diagnostics.print(inv.err);
            return exit_input_error;
        }
        for (const Revision* d : *deps) r.depends.push_back(d->id);
    }
    return write_revision(inv, *loaded, r, vm.count("version-path") ? vm["version-path"].as<std::string>() : "");
}

int cmd_merge(Invocation& inv) {
    po::options_description options("Options");
    options.add_options()
        ("message,m", po::value<std::string>()->value_name("MSG"), "the message")
        ("branch-label", po::value<std::vector<std::string>>()->value_name("L"), "a branch label for the merge")
        ("rev-id", po::value<std::string>()->value_name("ID"), "use ID instead of a fresh 12-hex id");
    auto p = parse_args(inv, options,
                        {.usage = "retort merge REV REV... -m MSG\n       retort merge heads -m MSG",
                         .about = "Writes a merge revision whose down_revision lists the given revisions.",
                         .positional = "revs",
                         .count = -1});
    if (p.status >= 0) return p.status;
    const po::variables_map& vm = p.vm;
    if (!vm.count("revs")) return usage_error(inv, "name the revisions to merge, or 'heads'");
    if (!vm.count("message")) return usage_error(inv, "a message is needed: -m MSG");
    SourceManager sources;
    DiagnosticEngine diagnostics(sources);
    int status = exit_ok;
    auto loaded = load_graph(inv, sources, diagnostics, status);
    if (!loaded) return status;
    const auto& g = loaded->graph;
    auto revs = resolve_all(g, diagnostics, vm["revs"].as<std::vector<std::string>>());
    if (!revs) {
        diagnostics.print(inv.err);
        return exit_input_error;
    }
    if (revs->size() < 2)
        return usage_error(inv, fmt::format("a merge needs two or more revisions; got {}", graph::list_revisions(*revs)));
    // A revision that is an ancestor of another one adds nothing to the merge.
    for (const Revision* a : *revs)
        for (const Revision* b : *revs)
            if (a != b && g.shares_lineage(a->index, b->index) && a->topo_position < b->topo_position)
                return usage_error(inv, fmt::format("{} is an ancestor of {}; merge only unrelated revisions", a->id, b->id));
    NewRevision r;
    r.message = vm["message"].as<std::string>();
    r.id = vm.count("rev-id") ? vm["rev-id"].as<std::string>() : fresh_id(g);
    if (vm.count("branch-label")) r.labels = vm["branch-label"].as<std::vector<std::string>>();
    for (const Revision* x : *revs) r.down.push_back(x->id);
    return write_revision(inv, *loaded, r, "");
}

}  // namespace retort::driver
