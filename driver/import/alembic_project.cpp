#include "driver/import/alembic_project.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <queue>
#include <set>
#include <sstream>

#include "compiler/python/parser.hpp"

namespace fs = std::filesystem;

namespace retort::driver::import {

namespace {

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The [alembic] section of alembic.ini, keys to values (continuation lines joined).
std::map<std::string, std::string> read_ini(const std::string& text) {
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    std::string line, section, last;
    while (std::getline(in, line)) {
        std::string t = trim(line);
        if (t.empty() || t[0] == '#' || t[0] == ';') continue;
        if (t.front() == '[') {
            section = t.substr(1, t.find(']') - 1);
            continue;
        }
        if (section != "alembic") continue;
        if ((line[0] == ' ' || line[0] == '\t') && !last.empty()) {
            out[last] += " " + t;
            continue;
        }
        auto eq = t.find_first_of("=:");
        if (eq == std::string::npos) continue;
        last = trim(t.substr(0, eq));
        out[last] = trim(t.substr(eq + 1));
    }
    return out;
}

// Alembic's %(rev)s_%(slug)s in retort's spelling; nullopt for a token retort has not.
std::optional<std::string> retort_template(std::string tmpl) {
    for (auto at = tmpl.find("%%"); at != std::string::npos; at = tmpl.find("%%", at + 1)) tmpl.erase(at, 1);
    static const std::pair<const char*, const char*> tokens[] = {
        {"%(rev)s", "{rev}"},           {"%(slug)s", "{slug}"},        {"%(year)d", "{year}"},
        {"%(month).2d", "{month}"},     {"%(day).2d", "{day}"},        {"%(hour).2d", "{hour}"},
        {"%(minute).2d", "{minute}"},   {"%(second).2d", "{second}"}};
    for (const auto& [from, to] : tokens)
        for (auto at = tmpl.find(from); at != std::string::npos; at = tmpl.find(from))
            tmpl.replace(at, std::string(from).size(), to);
    if (tmpl.find("%(") != std::string::npos) return std::nullopt;
    return tmpl;
}

std::string dialect_of_url(const std::string& url) {
    for (const char* d : {"postgresql", "postgres", "mysql", "mariadb", "sqlite"})
        if (url.rfind(d, 0) == 0) {
            std::string s = d;
            return s == "postgres" ? "postgresql" : s;
        }
    return {};
}

void for_each_call(const py::Body& body, const std::function<void(const py::Call&, const py::Expr&)>& fn) {
    for (const py::Stmt& st : body) {
        std::visit(
            [&](const auto& s) {
                using S = std::decay_t<decltype(s)>;
                if constexpr (std::is_same_v<S, py::ExprStmt>) {
                    if (const auto* c = std::get_if<py::Call>(&s.value->node)) fn(*c, *s.value);
                } else if constexpr (std::is_same_v<S, py::If> || std::is_same_v<S, py::For>) {
                    for_each_call(s.body, fn);
                    for_each_call(s.orelse, fn);
                } else if constexpr (std::is_same_v<S, py::FunctionDef> || std::is_same_v<S, py::With> ||
                                     std::is_same_v<S, py::OtherStmt>) {
                    for_each_call(s.body, fn);
                }
            },
            st.node);
    }
}

// context.configure(version_table='...', ...) in env.py, when the values are literals.
void read_env(const std::string& path, AlembicProject& project, SourceManager& sources, DiagnosticEngine& diagnostics) {
    std::string error;
    const SourceFile* file = sources.load(path, path, error);
    if (!file) return;
    DiagnosticEngine quiet(sources);  // env.py problems are not the import's problems
    auto module = py::parse_python(*file, quiet);
    if (!module) {
        diagnostics.warning(DiagCode::python_syntax, {}, "{} could not be read: version_table and "
                            "version_table_schema keep their defaults", path);
        return;
    }
    for_each_call(module->body, [&](const py::Call& call, const py::Expr&) {
        const auto* attr = std::get_if<py::Attribute>(&call.func->node);
        if (!attr || attr->attr != "configure") return;
        for (const py::Keyword& k : call.keywords) {
            const auto* s = std::get_if<py::Str>(&k.value->node);
            const auto* c = std::get_if<py::Constant>(&k.value->node);
            if (k.name == "version_table" && s) project.version_table = s->value;
            if (k.name == "version_table_schema" && s) project.version_table_schema = s->value;
            if (k.name == "transaction_per_migration" && c) project.transaction_per_migration = c->kind == py::ConstantKind::true_;
        }
    });
}

std::vector<std::string> string_list(const Value& v, bool& ok) {
    ok = true;
    if (v.is(ValueKind::none)) return {};
    if (v.is(ValueKind::string)) return {v.text};
    std::vector<std::string> out;
    if (v.is(ValueKind::list))
        for (const Value& item : v.items) {
            if (!item.is(ValueKind::string)) ok = false;
            else out.push_back(item.text);
        }
    else ok = false;
    return out;
}

std::optional<std::tm> create_date(const std::string& doc) {
    auto at = doc.find("Create Date:");
    if (at == std::string::npos) return std::nullopt;
    std::tm t{};
    int y, mo, d, h, mi, s;
    if (std::sscanf(doc.c_str() + at + 12, " %d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return std::nullopt;
    t.tm_year = y - 1900;
    t.tm_mon = mo - 1;
    t.tm_mday = d;
    t.tm_hour = h;
    t.tm_min = mi;
    t.tm_sec = s;
    return t;
}

// Module level: imports, constants, helpers, and the revision variables.
std::unique_ptr<AlembicRevision> read_revision(const SourceFile& file, py::Module module, DiagnosticEngine& diagnostics) {
    auto r = std::make_unique<AlembicRevision>();
    r->file = &file;
    r->module = std::move(module);
    std::map<std::string, SourceSpan> where;
    bool first = true;
    for (const py::Stmt& st : r->module.body) {
        if (const auto* e = std::get_if<py::ExprStmt>(&st.node); e && first) {
            if (const auto* doc = std::get_if<py::Str>(&e->value->node)) {
                std::string text = doc->value;
                r->message = trim(text.substr(0, text.find('\n')));
                r->created = create_date(text);
            }
        }
        first = false;
        if (const auto* imp = std::get_if<py::Import>(&st.node)) bind_import(*imp, r->scope);
        else if (const auto* def = std::get_if<py::FunctionDef>(&st.node)) {
            if (def->name == "upgrade") r->upgrade = def;
            else if (def->name == "downgrade") r->downgrade = def;
            Value fn;
            fn.kind = ValueKind::function;
            fn.text = def->name;
            fn.def = def;
            fn.span = st.span;
            r->scope.set(def->name, fn);
        } else if (const auto* a = std::get_if<py::Assign>(&st.node); a && a->value) {
            Value v = evaluate(*a->value, r->scope);
            for (const py::ExprPtr& target : a->targets)
                if (const auto* n = std::get_if<py::Name>(&target->node)) {
                    r->scope.set(n->id, v);
                    where[n->id] = st.span;
                }
        }
    }
    const Value* id = r->scope.find("revision");
    if (!id || !id->is(ValueKind::string)) {
        diagnostics.warning(DiagCode::import_not_revision, file.span(0, 0),
                            "no `revision = '...'` in this file: it is not an Alembic revision, and is left out");
        return nullptr;
    }
    r->id = id->text;
    bool ok = true;
    auto list = [&](const char* name, std::vector<std::string>& out) {
        const Value* v = r->scope.find(name);
        if (!v) return;
        out = string_list(*v, ok);
        if (!ok) {
            diagnostics.error(DiagCode::import_untranslatable, where[name], "{} must be None, a string or a tuple of "
                              "strings written out", name);
            ok = true;
        }
    };
    list("down_revision", r->down);
    list("branch_labels", r->labels);
    list("depends_on", r->depends);
    return r;
}

// Parents (down_revision, depends_on) before children; ties by id.
void order_revisions(std::vector<std::unique_ptr<AlembicRevision>>& revisions) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < revisions.size(); ++i) index[revisions[i]->id] = i;
    std::vector<std::size_t> pending(revisions.size(), 0);
    std::vector<std::vector<std::size_t>> children(revisions.size());
    for (std::size_t i = 0; i < revisions.size(); ++i) {
        std::vector<std::string> parents = revisions[i]->down;
        parents.insert(parents.end(), revisions[i]->depends.begin(), revisions[i]->depends.end());
        for (const std::string& p : parents)
            if (auto it = index.find(p); it != index.end() && it->second != i) {
                children[it->second].push_back(i);
                ++pending[i];
            }
    }
    auto later = [&](std::size_t a, std::size_t b) { return revisions[a]->id > revisions[b]->id; };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> ready(later);
    for (std::size_t i = 0; i < revisions.size(); ++i)
        if (!pending[i]) ready.push(i);
    std::vector<std::size_t> order;
    while (!ready.empty()) {
        std::size_t i = ready.top();
        ready.pop();
        order.push_back(i);
        for (std::size_t c : children[i])
            if (--pending[c] == 0) ready.push(c);
    }
    for (std::size_t i = 0; i < revisions.size(); ++i)  // a cycle: retort check reports it
        if (pending[i]) order.push_back(i);
    std::vector<std::unique_ptr<AlembicRevision>> sorted;
    for (std::size_t i : order) sorted.push_back(std::move(revisions[i]));
    revisions = std::move(sorted);
}

}  // namespace

std::optional<AlembicProject> read_alembic_project(const std::string& dir, SourceManager& sources,
                                                   DiagnosticEngine& diagnostics) {
    AlembicProject project;
    fs::path root(dir);
    fs::path ini = root / "alembic.ini";
    if (!fs::exists(ini) && fs::exists(root.parent_path() / "alembic.ini") && fs::exists(root / "env.py"))
        ini = root.parent_path() / "alembic.ini";
    std::vector<fs::path> version_dirs;
    fs::path script = root;
    if (fs::exists(ini)) {
        std::string text, error;
        if (!read_file(ini.string(), text, error)) {
            diagnostics.error(DiagCode::file_unreadable, {}, "{}", error);
            return std::nullopt;
        }
        auto keys = read_ini(text);
        fs::path here = ini.parent_path();
        // %(here)s is the folder of alembic.ini; a path without it is taken
        // from there too (where alembic is run).
        auto expand = [&](std::string v) {
            bool anchored = false;
            for (auto at = v.find("%(here)s"); at != std::string::npos; at = v.find("%(here)s")) {
                v.replace(at, 8, here.string());
                anchored = true;
            }
            fs::path p(v);
            return (p.is_absolute() || anchored ? p : here / p).lexically_normal();
        };
        if (keys.count("script_location")) script = expand(keys["script_location"]);
        if (keys.count("version_locations")) {
            std::string list = keys["version_locations"];
            std::replace(list.begin(), list.end(), ',', ' ');
            std::istringstream in(list);
            for (std::string v; in >> v;) version_dirs.push_back(expand(v));
        }
        if (keys.count("file_template")) {
            if (auto t = retort_template(keys["file_template"])) project.file_template = *t;
            else
                diagnostics.warning(DiagCode::import_untranslatable, {}, "the file_template of {} has a field retort "
                                    "has not; the imported files are named {{rev}}_{{slug}}", ini.string());
        }
        if (keys.count("sqlalchemy.url")) project.dialect = dialect_of_url(keys["sqlalchemy.url"]);
    }
    if (version_dirs.empty()) version_dirs.push_back(script / "versions");
    if (!fs::is_directory(version_dirs.front())) {
        diagnostics.error(DiagCode::file_unreadable, {}, "{} is not an Alembic project: no {} folder", dir,
                          version_dirs.front().string());
        return std::nullopt;
    }
    project.script_dir = script.string();
    if (fs::exists(script / "env.py")) read_env((script / "env.py").string(), project, sources, diagnostics);
    std::vector<fs::path> files;
    for (const fs::path& d : version_dirs) {
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(d, ec))
            if (entry.is_regular_file() && entry.path().extension() == ".py" && entry.path().filename() != "__init__.py")
                files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& path : files) {
        std::string error;
        const SourceFile* file = sources.load(path.string(), path.lexically_normal().string(), error);
        if (!file) {
            diagnostics.error(DiagCode::file_unreadable, {}, "{}", error);
            continue;
        }
        ++project.files;
        auto module = py::parse_python(*file, diagnostics);
        if (!module) continue;
        if (auto r = read_revision(*file, std::move(*module), diagnostics)) project.revisions.push_back(std::move(r));
        else --project.files;
    }
    order_revisions(project.revisions);
    return project;
}

}  // namespace retort::driver::import
