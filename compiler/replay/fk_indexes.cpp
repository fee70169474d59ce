#include "compiler/replay/fk_indexes.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace retort::replay {

namespace {

using Columns = std::vector<std::string>;

Columns columns_of(const schema::Index& index) {
    Columns out;
    for (const auto& ic : index.columns) out.push_back(ic.column);
    return out;
}

// The declared keys: primary key, unique constraints and indexes.
std::vector<Columns> declared_keys(const schema::Table& t) {
    std::vector<Columns> keys;
    for (const auto& c : t.constraints)
        if (c.kind == schema::ConstraintKind::primary_key || c.kind == schema::ConstraintKind::unique)
            keys.push_back(c.columns);
    for (const auto& ix : t.indexes) keys.push_back(columns_of(ix));
    return keys;
}

// MySQL compares index names without case.
bool same_name(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) == std::tolower(y);
    });
}

// An index name of the table: PRIMARY, a unique constraint, an index or an FkIndex.
bool taken(const schema::Table& t, std::string_view name) {
    if (same_name(name, "PRIMARY")) return true;
    for (const auto& c : t.constraints)
        if (c.kind == schema::ConstraintKind::unique && same_name(c.name, name)) return true;
    for (const auto& ix : t.indexes)
        if (same_name(ix.name, name)) return true;
    for (const auto& ix : t.fk_indexes)
        if (same_name(ix.name, name)) return true;
    return false;
}

// `base`, else base_2, base_3, ...: how MySQL names a key after a column.
std::string free_name(const schema::Table& t, const std::string& base) {
    if (!taken(t, base)) return base;
    for (int n = 2;; ++n)
        if (std::string name = base + "_" + std::to_string(n); !taken(t, name)) return name;
}

// The same key: a foreign key dropped and added back in one statement is
// not a new one.
bool same_foreign_key(const schema::Constraint& a, const schema::Constraint& b) {
    return a.kind == b.kind && a.columns == b.columns && a.ref_table == b.ref_table &&
           a.ref_columns == b.ref_columns && a.on_delete == b.on_delete && a.on_update == b.on_update;
}

}  // namespace

bool leads(const Columns& key, const Columns& prefix) {
    if (prefix.empty() || key.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), key.begin());
}

void follow_fk_indexes(const schema::Table* before, schema::Table& after, bool downgrading) {
    auto& kept = after.fk_indexes;
    for (auto& ix : kept)
        std::erase_if(ix.columns, [&](const std::string& c) { return !after.column(c); });
    std::erase_if(kept, [](const schema::FkIndex& ix) { return ix.columns.empty(); });

    const std::vector<Columns> keys = declared_keys(after);
    auto served = [&](const Columns& fk) {
        return std::any_of(keys.begin(), keys.end(), [&](const Columns& k) { return leads(k, fk); }) ||
               std::any_of(kept.begin(), kept.end(), [&](const schema::FkIndex& ix) { return leads(ix.columns, fk); });
    };
    for (const auto& fk : after.constraints) {
        if (fk.kind != schema::ConstraintKind::foreign_key) continue;
        const schema::Constraint* was = before ? before->constraint(fk.name) : nullptr;
        bool existed = was && same_foreign_key(*was, fk);
        // A key added on the columns of a generated index takes it over:
        // InnoDB makes one named after the new key and drops the old one.
        auto same = std::find_if(kept.begin(), kept.end(),
                                 [&](const schema::FkIndex& ix) { return ix.generated && ix.columns == fk.columns; });
        if (!existed && same != kept.end() &&
            std::none_of(keys.begin(), keys.end(), [&](const Columns& k) { return leads(k, fk.columns); }))
            kept.erase(same);
        else if (served(fk.columns))
            continue;
        // An existing key left unserved: retort's stand-in, or in a
        // downgrade InnoDB's own again (the script re-creates the key, whose
        // DDL then names it).
        schema::FkIndex ix;
        ix.columns = fk.columns;
        ix.generated = !existed || downgrading;
        ix.name = free_name(after, existed || !fk.name_from_engine ? fk.name : fk.columns.front());
        kept.push_back(std::move(ix));
    }

    // Covered by a declared key, or by a longer FkIndex (a foreign key on
    // (a, b) added after one on (a)): InnoDB drops a generated index itself.
    auto covered = [&](std::size_t i) {
        const Columns& mine = kept[i].columns;
        if (std::any_of(keys.begin(), keys.end(), [&](const Columns& k) { return leads(k, mine); })) return true;
        for (std::size_t j = 0; j < kept.size(); ++j)
            if (j != i && kept[j].columns.size() > mine.size() && leads(kept[j].columns, mine)) return true;
        return false;
    };
    for (std::size_t i = 0; i < kept.size();) {
        if (covered(i))
            kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(i));
        else
            ++i;
    }
}

}  // namespace retort::replay
