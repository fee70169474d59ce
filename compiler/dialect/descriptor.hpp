#pragma once
// What retort knows about each target engine, in one table (descriptor.cpp):
// its name in retort.yaml, -d and `only`, its name in messages, how long a
// name may be and what the limit counts, what the engine can do, and the
// server versions the output is written for. Config, replay, the back ends
// and the driver read these facts here and nowhere else.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace retort::dialect {

// Bit values, so that a set of dialects is a bit set (ast::DialectSet).
enum class Id : unsigned { postgresql = 1, sqlite = 2, mysql = 4 };

enum class NameUnit { bytes, characters };

// The longest identifier an engine takes.
struct NameLimit {
    std::size_t max = 0;  // 0: no limit
    NameUnit unit = NameUnit::bytes;

    bool limited() const { return max != 0; }
    // The length of `name` (UTF-8) in this limit's unit.
    std::size_t length(std::string_view name) const;
    const char* unit_name() const { return unit == NameUnit::bytes ? "bytes" : "characters"; }
};

struct ServerVersion {
    unsigned major = 0;
    unsigned minor = 0;
};

// A server the dialect writes for; MySQL's dialect has two (mysql.flavor).
struct Server {
    std::string_view name;     // as in mysql.flavor: "mysql", "mariadb"
    std::string_view display;  // "MariaDB"
    ServerVersion oldest;      // the oldest version the output is written for
};

struct Descriptor {
    Id id;
    std::string_view name;     // "postgresql"
    std::string_view display;  // "PostgreSQL"
    NameLimit names;
    bool transactional_ddl;    // DDL inside BEGIN/COMMIT
    bool partial_indexes;      // CREATE INDEX ... WHERE
    bool concurrent_indexes;   // CREATE INDEX CONCURRENTLY, outside the transaction
    bool fk_needs_index;       // every foreign key needs an index led by its columns; the engine makes one
    std::span<const Server> servers;  // the first is the default
};

// Every dialect, in the order messages list them.
std::span<const Descriptor> all();
const Descriptor& describe(Id id);
// nullptr for a name that is no dialect.
const Descriptor* find(std::string_view name);
// The names joined for a message: names(", ", " or ") is
// "postgresql, sqlite or mysql".
std::string names(std::string_view separator, std::string_view last);

// What -d and `dialect:` name: a dialect by its own name, or one of its
// servers other than the default by that server's name ("mariadb": the
// MySQL dialect, written for MariaDB).
struct Target {
    const Descriptor* dialect = nullptr;
    const Server* server = nullptr;  // nullptr: the dialect's own name (the server is retort.yaml's)
};
std::optional<Target> find_target(std::string_view name);
// Every name find_target takes, each dialect followed by its other servers:
// postgresql, sqlite, mysql, mariadb.
std::span<const std::string_view> target_names();
// Those joined for a message: "postgresql, sqlite, mysql or mariadb".
std::string target_names(std::string_view separator, std::string_view last);

}  // namespace retort::dialect
