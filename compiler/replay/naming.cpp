#include "compiler/replay/naming.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "compiler/sql/expr_walk.hpp"

namespace retort::replay {

namespace {
std::string joined(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) {
        if (!out.empty()) out += '_';
        out += c;
    }
    return out;
}
std::string cat(std::string_view prefix, std::string_view table) {
    std::string out(prefix);
    out += table;
    return out;
}
}  // namespace

std::string primary_key_name(std::string_view table) { return cat("pk_", table); }

std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::string_view ref_table) {
    return cat("fk_", table) + "_" + joined(columns) + "_" + std::string(ref_table);
}

std::string unique_name(std::string_view table, const std::vector<std::string>& columns) {
    return cat("uq_", table) + "_" + joined(columns);
}

std::string column_check_name(std::string_view table, std::string_view column) {
    return cat("ck_", table) + "_" + std::string(column);
}

std::string table_check_name(std::string_view table, int n) {
    return cat("ck_", table) + "_" + std::to_string(n);
}

std::string index_name(std::string_view table, const std::vector<std::string>& columns) {
    return cat("ix_", table) + "_" + joined(columns);
}

namespace {

// ---------------------------------------------------------------- PostgreSQL

constexpr std::size_t pg_name_max = 63;  // NAMEDATALEN - 1

// The length of the longest prefix of `s` of at most `n` bytes that does not
// cut a UTF-8 character (pg_mbcliplen).
std::size_t clip_utf8(std::string_view s, std::size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

// PostgreSQL's makeObjectName: name1[_name2]_label, the longer of name1 and
// name2 shortened a byte at a time until the whole fits 63 bytes.
std::string pg_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
    std::size_t overhead = label.size() + 1 + (name2.empty() ? 0 : 1);
    std::size_t avail = pg_name_max > overhead ? pg_name_max - overhead : 0;
    std::size_t n1 = name1.size(), n2 = name2.size();
    while (n1 + n2 > avail) {
        if (n1 > n2) --n1;
        else --n2;
    }
    std::string out(name1.substr(0, clip_utf8(name1, n1)));
    if (!name2.empty()) out += "_" + std::string(name2.substr(0, clip_utf8(name2, n2)));
    return out + "_" + std::string(label);
}

// ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition: the
// column names joined by '_', stopping once 63 bytes are reached.
std::string pg_columns_addition(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) {
        if (!out.empty()) out += '_';
        out += c;
        if (out.size() >= pg_name_max + 1) break;
    }
    return out.substr(0, clip_utf8(out, pg_name_max));
}

// The names PostgreSQL compares a new one with: every constraint of the
// schema (ChooseConstraintName), and for a key also every relation (tables
// and indexes; ChooseRelationName).
bool pg_taken(const std::string& name, bool relation, const schema::Schema& schema, const schema::Table& table) {
    auto in_table = [&](const schema::Table& t) {
        for (const auto& k : t.constraints)
            if (k.name == name) return true;
        if (relation) {
            if (t.name == name) return true;
            for (const auto& ix : t.indexes)
                if (ix.name == name) return true;
        }
        return false;
    };
    if (in_table(table)) return true;
    for (const auto& [tname, t] : schema.tables)
        if (tname != table.name && in_table(*t)) return true;
    return false;
}

std::string pg_choose(std::string_view name1, std::string_view name2, std::string_view label, bool relation,
                      const schema::Schema& schema, const schema::Table& table) {
    std::string name = pg_object_name(name1, name2, label);
    for (int pass = 1; pg_taken(name, relation, schema, table); ++pass)
        name = pg_object_name(name1, name2, std::string(label) + std::to_string(pass));
    return name;
}

std::string pg_name(const schema::Schema& schema, const schema::Table& table, const schema::Constraint& c) {
    switch (c.kind) {
        case schema::ConstraintKind::primary_key: return pg_choose(table.name, "", "pkey", true, schema, table);
        case schema::ConstraintKind::unique:
            return pg_choose(table.name, pg_columns_addition(c.columns), "key", true, schema, table);
        case schema::ConstraintKind::foreign_key:
            return pg_choose(table.name, pg_columns_addition(c.columns), "fkey", false, schema, table);
        case schema::ConstraintKind::check: {
            std::set<std::string> vars = sql::column_refs(c.check);
            return pg_choose(table.name, vars.size() == 1 ? *vars.begin() : std::string(), "check", false, schema,
                             table);
        }
    }
    return {};
}

// ---------------------------------------------------------------- InnoDB

// The n of `<prefix><n>` (digits only), or 0.
long numbered(const std::string& name, const std::string& prefix) {
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
    std::string_view digits(name);
    digits.remove_prefix(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
        digits.size() > 9)
        return 0;
    return std::strtol(std::string(digits).c_str(), nullptr, 10);
}

std::string next_numbered(const schema::Table& table, const std::string& prefix) {
    long highest = 0;
    for (const auto& k : table.constraints) highest = std::max(highest, numbered(k.name, prefix));
    return prefix + std::to_string(highest + 1);
}

bool mysql_index_taken(const schema::Table& table, const std::string& name) {
    auto same = [&](const std::string& other) {  // index names compare without case
        return other.size() == name.size() && std::equal(other.begin(), other.end(), name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               });
    };
    if (same("PRIMARY")) return true;
    for (const auto& k : table.constraints)
        if (k.kind == schema::ConstraintKind::unique && same(k.name)) return true;
    for (const auto& ix : table.indexes)
        if (same(ix.name)) return true;
    for (const auto& ix : table.fk_indexes)  // InnoDB's own, behind foreign keys
        if (same(ix.name)) return true;
    return false;
}

std::string mysql_name(bool mariadb, const schema::Table& table, const schema::Constraint& c) {
    switch (c.kind) {
        case schema::ConstraintKind::primary_key: return "PRIMARY";
        case schema::ConstraintKind::foreign_key: return next_numbered(table, table.name + "_ibfk_");
        case schema::ConstraintKind::unique: {
            const std::string& first = c.columns.front();
            if (!mysql_index_taken(table, first)) return first;
            for (int n = 2;; ++n)
                if (std::string name = first + "_" + std::to_string(n); !mysql_index_taken(table, name)) return name;
        }
        case schema::ConstraintKind::check:
            if (!mariadb) return next_numbered(table, table.name + "_chk_");
            for (int n = 1;; ++n)
                if (std::string name = "CONSTRAINT_" + std::to_string(n); !table.constraint(name)) return name;
    }
    return {};
}

}  // namespace

std::optional<std::string> engine_constraint_name(EngineNaming engine, const schema::Schema& schema,
                                                  const schema::Table& table, const schema::Constraint& c) {
    switch (engine.dialect) {
        case dialect::Id::postgresql: return pg_name(schema, table, c);
        case dialect::Id::mysql: return mysql_name(engine.mariadb, table, c);
        case dialect::Id::sqlite: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace retort::replay
