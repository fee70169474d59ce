// retort.yaml through yaml-cpp. Every problem is a diagnostic placed at the
// key or value it is about (the file is in the SourceManager, so a yaml-cpp
// Mark turns into a SourceSpan).
#include "compiler/config/config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "compiler/dialect/descriptor.hpp"

namespace retort::config {

namespace {

constexpr const char* template_fields = "{year} {month} {day} {hour} {minute} {second} {rev} {slug}";

// The first `{...}` of a file_template that is not one of template_fields.
std::optional<std::string> unknown_template_field(const std::string& value) {
    for (std::size_t at = value.find('{'); at != std::string::npos; at = value.find('{', at + 1)) {
        std::size_t end = value.find('}', at);
        std::string field = value.substr(at, end == std::string::npos ? std::string::npos : end - at + 1);
        if (end == std::string::npos || std::string_view(template_fields).find(field) == std::string_view::npos ||
            field.find(' ') != std::string::npos)
            return field;
    }
    return std::nullopt;
}

}  // namespace

namespace {

class Reader {
public:
    Reader(const SourceFile& file, DiagnosticEngine& diagnostics) : file_(file), diagnostics_(diagnostics) {}

    // yaml-cpp marks hold a 0-based line and a 0-based column counted in
    // characters; the span is found from those (not from Mark.pos, which
    // yaml-cpp counts after its own decoding).
    SourceSpan span(const YAML::Mark& mark) const {
        if (mark.line < 0) return file_.span(0, 0);
        const std::string& text = file_.text();
        std::size_t offset = 0;
        for (int line = 0; line < mark.line && offset < text.size(); ++line) {
            std::size_t nl = text.find('\n', offset);
            if (nl == std::string::npos) {
                offset = text.size();
                break;
            }
            offset = nl + 1;
        }
        for (int col = 0; col < mark.column && offset < text.size() && text[offset] != '\n'; ++col) {
            ++offset;
            while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
        }
        auto at = static_cast<std::uint32_t>(offset);
        return file_.span(at, at);
    }

    void bad_value(const YAML::Node& node, const std::string& message) {
        diagnostics_.error(DiagCode::config_bad_value, span(node.Mark()), "{}", message);
    }

    bool string(const YAML::Node& node, const std::string& key, std::string& out) {
        if (!node.IsScalar()) {
            bad_value(node, fmt::format("'{}' must be a string", key));
            return false;
        }
        out = node.Scalar();
        return true;
    }

    void choice(const YAML::Node& node, const std::string& key, std::string& out,
                const std::vector<std::string_view>& allowed) {
        std::string value;
        if (!string(node, key, value)) return;
        std::string list;
        for (std::string_view a : allowed) {
            if (value == a) {
                out = value;
                return;
            }
            list += (list.empty() ? "" : ", ") + std::string(a);
        }
        bad_value(node, fmt::format("'{}' must be one of {}, not '{}'", key, list, value));
    }

    // `dialect:` names one of the dialects of compiler/dialect, or one of
    // their servers (mariadb).
    void dialect_name(const YAML::Node& node, const std::string& key, std::string& out) {
        auto names = dialect::target_names();
        choice(node, key, out, {names.begin(), names.end()});
        dialect_at_ = node.Mark();
    }

    // `dialects: [postgresql, mysql]`: a list of dialect or server names, each once.
    void dialect_list(const YAML::Node& node, std::vector<std::string>& out) {
        dialects_given_ = true;
        dialects_at_ = node.Mark();
        if (!node.IsSequence() || node.size() == 0) {
            bad_value(node, "'dialects' must be a list of dialect names, e.g. [postgresql, mysql]");
            out.clear();
            return;
        }
        auto names = dialect::target_names();
        std::vector<std::string> list;
        std::vector<SourceSpan> at;
        bool ok = true;
        for (const auto& item : node) {
            std::string name;
            choice(item, "dialects", name, {names.begin(), names.end()});
            if (name.empty()) {
                ok = false;
                continue;
            }
            if (std::find(list.begin(), list.end(), name) != list.end()) {
                bad_value(item, fmt::format("'dialects' names {} twice", name));
                ok = false;
                continue;
            }
            list.push_back(name);
            at.push_back(span(item.Mark()));
        }
        if (ok) {
            out = std::move(list);
            entries_at_ = std::move(at);
        } else {
            out.clear();  // reported: nothing to compare `dialect` with
        }
    }

    // `dialect` is one of `dialects`: without a `dialect:` key it is the first
    // of them; without `dialects:` the list is just `dialect`.
    void settle_dialects(Config& config) {
        if (!dialects_given_) {
            config.dialects = {config.dialect};
            return;
        }
        config.dialects_at = entries_at_;
        if (config.dialects.empty()) return;  // reported
        if (!dialect_given_) {
            config.dialect = config.dialects.front();
            return;
        }
        if (std::find(config.dialects.begin(), config.dialects.end(), config.dialect) == config.dialects.end())
            diagnostics_
                .error(DiagCode::config_bad_value, span(dialect_at_),
                       "'dialect: {}' is not one of 'dialects': add it to the list, or leave 'dialect' out (it is "
                       "then the first of 'dialects')",
                       config.dialect)
                .note(span(dialects_at_), "the dialects are listed here");
    }

    // `dialect: mariadb` chooses the server `mysql.flavor:` would: a flavor
    // that says otherwise is an error at the flavor.
    void check_server(const Config& config) {
        auto target = dialect::find_target(config.dialect);
        if (!target || !target->server || !flavor_at_ || config.mysql.flavor == target->server->name) return;
        diagnostics_
            .error(DiagCode::config_bad_value, span(*flavor_at_),
                   "'mysql.flavor: {}' contradicts 'dialect: {}', which means flavor {}: remove mysql.flavor, "
                   "or write 'dialect: {}'",
                   config.mysql.flavor, config.dialect, target->server->name, target->dialect->name)
            .note(span(dialect_at_), "the dialect is given here");
    }

    // `mysql.flavor:` names one of the servers of the MySQL dialect.
    void server_name(const YAML::Node& node, const std::string& key, dialect::Id id, std::string& out) {
        std::vector<std::string_view> names;
        for (const dialect::Server& s : dialect::describe(id).servers) names.push_back(s.name);
        choice(node, key, out, names);
    }

    // A name that the back end writes into the SQL as it is (ENGINE=InnoDB):
    // letters, digits and '_' only, so that nothing else reaches the script.
    void sql_word(const YAML::Node& node, const std::string& key, std::string& out, const char* example,
                  bool may_be_empty = false) {
        std::string value;
        if (!string(node, key, value)) return;
        bool plain = !value.empty() || may_be_empty;
        for (char c : value)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                plain = false;
        if (!plain) {
            bad_value(node, fmt::format("'{}' must be a name such as {} (letters, digits and _), not '{}'", key,
                                        example, value));
            return;
        }
        out = value;
    }

    // A PostgreSQL duration setting: digits and an optional unit, e.g. 5s.
    void duration(const YAML::Node& node, const std::string& key, std::string& out) {
        std::string v = node.IsScalar() ? node.Scalar() : std::string();
        std::size_t digits = 0;
        while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
        std::string unit = v.substr(digits);
        bool known = unit.empty() || unit == "ms" || unit == "s" || unit == "min" || unit == "h" || unit == "d";
        if (digits == 0 || digits > 9 || !known) {
            bad_value(node, fmt::format("'{}' must be a duration such as 5s, 500ms or 2min (digits, then ms, s, "
                                        "min, h or d; plain digits are milliseconds)",
                                        key));
            return;
        }
        out = v;
    }

    // A server version: one to three whole numbers joined by dots, e.g. 15 or 8.0.35.
    void server_version(const YAML::Node& node, const std::string& key, const char* example, std::string& out) {
        std::string v = node.IsScalar() ? node.Scalar() : std::string();
        bool ok = !v.empty() && v.size() <= 20 && v.front() != '.' && v.back() != '.';
        int dots = 0;
        for (std::size_t i = 0; ok && i < v.size(); ++i) {
            if (v[i] == '.') {
                ok = v[i - 1] != '.';
                ++dots;
            } else {
                ok = v[i] >= '0' && v[i] <= '9';
            }
        }
        if (!ok || dots > 2) {
            bad_value(node, fmt::format("'{}' must be a server version such as {} (numbers joined by dots)", key,
                                        example));
            return;
        }
        out = v;
    }

    // A whole number within [low, high].
    void whole_number(const YAML::Node& node, const std::string& key, long low, long high,
                      std::optional<long>& out) {
        std::string v = node.IsScalar() ? node.Scalar() : std::string();
        bool ok = !v.empty() && v.size() <= 9;
        for (char c : v) ok = ok && c >= '0' && c <= '9';
        long n = ok ? std::stol(v) : 0;
        if (!ok || n < low || n > high) {
            bad_value(node, fmt::format("'{}' must be a whole number of seconds from {} to {}", key, low, high));
            return;
        }
        out = n;
    }

    void boolean(const YAML::Node& node, const std::string& key, bool& out) {
        if (node.IsScalar()) {
            const std::string& v = node.Scalar();
            if (v == "true" || v == "True" || v == "TRUE") {
                out = true;
                return;
            }
            if (v == "false" || v == "False" || v == "FALSE") {
                out = false;
                return;
            }
        }
        bad_value(node, fmt::format("'{}' must be true or false", key));
    }

    // Iterates a mapping, reporting duplicate keys and keys that are not strings.
    template <typename Fn>
    void each_key(const YAML::Node& map, const std::string& where, Fn&& fn) {
        std::set<std::string> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            // it->first is a temporary: hold the node by value (a reference dangles).
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            if (!key.IsScalar()) {
                diagnostics_.error(DiagCode::config_unknown_key, span(key.Mark()),
                                   "keys in {} must be plain names", where);
                continue;
            }
            if (!seen.insert(key.Scalar()).second) {
                diagnostics_.error(DiagCode::config_bad_value, span(key.Mark()), "'{}' is given twice",
                                   key.Scalar());
                continue;
            }
            fn(key.Scalar(), key, value);
        }
    }

    void unknown(const YAML::Node& key, const std::string& where, const char* known) {
        diagnostics_.error(DiagCode::config_unknown_key, span(key.Mark()),
                           "unknown key '{}' in {}; the known keys are {}", key.Scalar(), where, known);
    }

    void read(const YAML::Node& root, Config& config) {
        each_key(root, "retort.yaml", [&](const std::string& k, const YAML::Node& key, const YAML::Node& v) {
            if (k == "versions") {
                versions(v, config.versions);
            } else if (k == "dialect") {
                dialect_name(v, k, config.dialect);
                dialect_given_ = true;
            } else if (k == "dialects") {
                dialect_list(v, config.dialects);
            } else if (k == "version_table") {
                std::string value;
                if (string(v, k, value)) {
                    if (value.empty() || value.size() > 63)
                        bad_value(v, "'version_table' must be a name of 1 to 63 characters");
                    else
                        config.version_table = value;
                }
            } else if (k == "version_table_schema") {
                if (v.IsNull()) {
                    config.version_table_schema.reset();
                } else {
                    std::string value;
                    if (string(v, k, value)) config.version_table_schema = value;
                }
            } else if (k == "naming") {
                choice(v, "naming", config.naming, {"convention", "engine"});
            } else if (k == "transaction_per_migration") {
                boolean(v, k, config.transaction_per_migration);
            } else if (k == "file_template") {
                std::string value;
                if (string(v, k, value)) {
                    if (value.find("{rev}") == std::string::npos)
                        bad_value(v, "'file_template' must contain {rev}");
                    else if (auto field = unknown_template_field(value))
                        bad_value(v, fmt::format("'file_template' has an unknown field {}; the fields are {}", *field,
                                                 template_fields));
                    else
                        config.file_template = value;
                }
            } else if (k == "postgresql") {
                section(v, k, [&](const std::string& sk, const YAML::Node& skey, const YAML::Node& sv) {
                    if (sk == "json")
                        choice(sv, "postgresql.json", config.postgresql.json, {"jsonb", "json"});
                    else if (sk == "autoincrement")
                        choice(sv, "postgresql.autoincrement", config.postgresql.autoincrement,
                               {"identity", "serial"});
                    else if (sk == "lock_timeout")
                        duration(sv, "postgresql.lock_timeout", config.postgresql.lock_timeout);
                    else if (sk == "statement_timeout")
                        duration(sv, "postgresql.statement_timeout", config.postgresql.statement_timeout);
                    else if (sk == "version")
                        server_version(sv, "postgresql.version", "15", config.postgresql.version);
                    else
                        unknown(skey, "postgresql", "json, autoincrement, lock_timeout, statement_timeout, version");
                });
            } else if (k == "sqlite") {
                section(v, k, [&](const std::string& sk, const YAML::Node& skey, const YAML::Node& sv) {
                    if (sk == "autoincrement")
                        choice(sv, "sqlite.autoincrement", config.sqlite.autoincrement, {"autoincrement", "rowid"});
                    else if (sk == "json")
                        choice(sv, "sqlite.json", config.sqlite.json, {"text", "json"});
                    else
                        unknown(skey, "sqlite", "autoincrement, json");
                });
            } else if (k == "mysql") {
                section(v, k, [&](const std::string& sk, const YAML::Node& skey, const YAML::Node& sv) {
                    if (sk == "engine")
                        sql_word(sv, "mysql.engine", config.mysql.engine, "InnoDB");
                    else if (sk == "charset")
                        sql_word(sv, "mysql.charset", config.mysql.charset, "utf8mb4", true);
                    else if (sk == "collation")
                        sql_word(sv, "mysql.collation", config.mysql.collation, "utf8mb4_unicode_ci", true);
                    else if (sk == "flavor") {
                        server_name(sv, "mysql.flavor", dialect::Id::mysql, config.mysql.flavor);
                        flavor_at_ = sv.Mark();
                    }
                    else if (sk == "lock_wait_timeout")
                        whole_number(sv, "mysql.lock_wait_timeout", 1, 31536000, config.mysql.lock_wait_timeout);
                    else if (sk == "version")
                        server_version(sv, "mysql.version", "8.0.35", config.mysql.version);
                    else
                        unknown(skey, "mysql", "engine, charset, collation, flavor, lock_wait_timeout, version");
                });
            } else {
                unknown(key, "retort.yaml",
                        "versions, dialect, dialects, version_table, version_table_schema, naming, "
                        "transaction_per_migration, file_template, postgresql, mysql, sqlite");
            }
        });
    }

    template <typename Fn>
    void section(const YAML::Node& node, const std::string& key, Fn&& fn) {
        if (node.IsNull()) return;
        if (!node.IsMap()) {
            bad_value(node, fmt::format("'{}' must be a mapping of options, e.g. {{ key: value }}", key));
            return;
        }
        each_key(node, key, std::forward<Fn>(fn));
    }

    void versions(const YAML::Node& node, std::vector<std::string>& out) {
        std::vector<std::string> folders;
        if (node.IsScalar()) {
            folders.push_back(node.Scalar());
        } else if (node.IsSequence()) {
            for (const auto& item : node) {
                if (!item.IsScalar()) {
                    bad_value(item, "each entry of 'versions' must be a folder name");
                    return;
                }
                folders.push_back(item.Scalar());
            }
        } else {
            bad_value(node, "'versions' must be a list of folder names, e.g. [versions]");
            return;
        }
        if (folders.empty()) {
            bad_value(node, "'versions' must name at least one folder");
            return;
        }
        for (const auto& f : folders) {
            if (f.empty()) {
                bad_value(node, "a folder in 'versions' cannot be empty");
                return;
            }
        }
        out = std::move(folders);
    }

private:
    const SourceFile& file_;
    DiagnosticEngine& diagnostics_;
    YAML::Mark dialect_at_;
    YAML::Mark dialects_at_;
    bool dialect_given_ = false, dialects_given_ = false;
    std::vector<SourceSpan> entries_at_;
    std::optional<YAML::Mark> flavor_at_;  // where mysql.flavor is given
};

}  // namespace

std::optional<Config> parse_config(const SourceFile& file, DiagnosticEngine& diagnostics) {
    Reader reader(file, diagnostics);
    const std::size_t errors_before = diagnostics.error_count();
    YAML::Node root;
    try {
        root = YAML::Load(file.text());
    } catch (const YAML::Exception& e) {
        diagnostics.error(DiagCode::config_syntax, reader.span(e.mark), "invalid YAML: {}", e.msg);
        return std::nullopt;
    }
    Config config;
    if (root.IsNull()) return config;  // an empty file: every default
    if (!root.IsMap()) {
        diagnostics.error(DiagCode::config_bad_value, reader.span(root.Mark()),
                          "retort.yaml must be a mapping of keys to values, e.g. 'dialect: postgresql'");
        return std::nullopt;
    }
    try {
        reader.read(root, config);
        reader.settle_dialects(config);
        reader.check_server(config);
    } catch (const YAML::Exception& e) {
        diagnostics.error(DiagCode::config_syntax, reader.span(e.mark), "invalid YAML: {}", e.msg);
        return std::nullopt;
    }
    if (diagnostics.error_count() != errors_before) return std::nullopt;
    return config;
}

}  // namespace retort::config
