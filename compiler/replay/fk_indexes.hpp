#pragma once
// InnoDB's index behind each foreign key (docs/mysql.md, "The index behind a
// foreign key"), as observed on MariaDB 10.11 (tests/mysql_live/innodb_rules.sh):
//  - a foreign key needs an index led by its columns, in order; a primary
//    key, unique constraint, index (ascending or not) or an FkIndex serves;
//  - adding a foreign key that nothing serves makes a generated index, named
//    after the constraint, or after its first column when the DDL left the
//    constraint's name out (`pid`, then `pid_2`, ... when the name is taken);
//  - a generated index goes by itself as soon as another index covers it
//    (its columns lead the other's), with or without a foreign key left;
//  - a foreign key added on exactly the columns of a generated index takes
//    it over: the index is made again under the new key's name;
//  - dropping a foreign key keeps its index;
//  - the last index serving a foreign key cannot be dropped alone, so
//    retort's script adds one in the same statement, named after the key
//    (generated = false), and drops it once another index covers it. In a
//    downgrade the script re-creates the foreign key instead, so that InnoDB
//    makes its own index again (generated, named after the key), as it was
//    at that revision on the way up: a stand-in left by a downgrade would
//    outlive the covering index of the next upgrade;
//  - a dropped column leaves the index; an index left without columns goes.
// Replay calls this for a dialect whose descriptor has fk_needs_index.
#include <string>
#include <vector>

#include "compiler/schema/model.hpp"

namespace retort::replay {

// True when `key` starts with all of `prefix` (not empty), in order.
bool leads(const std::vector<std::string>& key, const std::vector<std::string>& prefix);

// Brings after.fk_indexes, a copy of the old table's with renames applied,
// to what InnoDB holds after the statement that made `after` from `before`
// (null: a new table), `downgrading` when a downgrade made the change.
void follow_fk_indexes(const schema::Table* before, schema::Table& after, bool downgrading = false);

}  // namespace retort::replay
