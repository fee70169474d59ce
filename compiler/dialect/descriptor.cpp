#include "compiler/dialect/descriptor.hpp"

#include <vector>

#include "compiler/source/utf8.hpp"

namespace retort::dialect {

namespace {

// The oldest versions are those docs/postgresql.md, docs/sqlite.md and
// docs/mysql.md promise.
constexpr Server postgresql_servers[] = {{"postgresql", "PostgreSQL", {12, 0}}};
constexpr Server sqlite_servers[] = {{"sqlite", "SQLite", {3, 35}}};
constexpr Server mysql_servers[] = {{"mysql", "MySQL", {8, 0}}, {"mariadb", "MariaDB", {10, 6}}};

// Name limits as each engine counts them: PostgreSQL truncates names to
// NAMEDATALEN - 1 = 63 bytes; MySQL allows 64 characters; SQLite has none.
constexpr Descriptor table[] = {
    {.id = Id::postgresql,
     .name = "postgresql",
     .display = "PostgreSQL",
     .names = {63, NameUnit::bytes},
     .transactional_ddl = true,
     .partial_indexes = true,
     .concurrent_indexes = true,
     .fk_needs_index = false,
     .servers = postgresql_servers},
    {.id = Id::sqlite,
     .name = "sqlite",
     .display = "SQLite",
     .names = {0, NameUnit::bytes},
     .transactional_ddl = true,
     .partial_indexes = true,
     .concurrent_indexes = false,
     .fk_needs_index = false,
     .servers = sqlite_servers},
    {.id = Id::mysql,
     .name = "mysql",
     .display = "MySQL",
     .names = {64, NameUnit::characters},
     .transactional_ddl = false,
     .partial_indexes = false,
     .concurrent_indexes = false,
     .fk_needs_index = true,  // InnoDB
     .servers = mysql_servers},
};

}  // namespace

std::size_t NameLimit::length(std::string_view name) const {
    return unit == NameUnit::bytes ? name.size() : utf8_length(name);
}

std::span<const Descriptor> all() { return table; }

const Descriptor& describe(Id id) {
    for (const Descriptor& d : table)
        if (d.id == id) return d;
    return table[0];  // unreachable: every Id has a row
}

const Descriptor* find(std::string_view name) {
    for (const Descriptor& d : table)
        if (d.name == name) return &d;
    return nullptr;
}

namespace {

std::string join(std::span<const std::string_view> items, std::string_view separator, std::string_view last) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += i + 1 == items.size() ? last : separator;
        out += items[i];
    }
    return out;
}

// A server's name is a name of its own when it is not the dialect's.
bool own_name(const Descriptor& d, const Server& s) { return s.name != d.name; }

}  // namespace

std::string names(std::string_view separator, std::string_view last) {
    std::vector<std::string_view> items;
    for (const Descriptor& d : table) items.push_back(d.name);
    return join(items, separator, last);
}

std::optional<Target> find_target(std::string_view name) {
    for (const Descriptor& d : table) {
        if (d.name == name) return Target{&d, nullptr};
        for (const Server& s : d.servers)
            if (own_name(d, s) && s.name == name) return Target{&d, &s};
    }
    return std::nullopt;
}

std::span<const std::string_view> target_names() {
    static const std::vector<std::string_view> list = [] {
        std::vector<std::string_view> out;
        for (const Descriptor& d : table) {
            out.push_back(d.name);
            for (const Server& s : d.servers)
                if (own_name(d, s)) out.push_back(s.name);
        }
        return out;
    }();
    return list;
}

std::string target_names(std::string_view separator, std::string_view last) {
    return join(target_names(), separator, last);
}

}  // namespace retort::dialect
