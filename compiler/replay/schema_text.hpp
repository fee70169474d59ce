#pragma once
// The schema state in .mig syntax (`retort schema` without a back end, test
// dumps) and one-line summaries of its items for messages.
// Deterministic: enum types by name, tables in creation order, then every
// foreign key as an `alter table ... add constraint`.
#include <string>

#include "compiler/schema/model.hpp"

namespace retort::replay {

std::string quote_name(const std::string& name);       // fees, "Fees", "a""b"
std::string quote_string(const std::string& text);     // 'it''s'
std::string column_summary(const schema::Column& c);   // numeric(10, 2) not null default 0
std::string constraint_summary(const schema::Constraint& c);  // unique (a, b)
std::string index_summary(const schema::Index& ix);    // unique on fees (a, b desc) where ...

std::string schema_to_mig(const schema::Schema& schema);

}  // namespace retort::replay

#include <vector>

#include "compiler/plan/step.hpp"

namespace retort::replay {

// The plan steps that build `schema` from nothing, in dependency order: enum
// types, then tables (with their keys, checks and comments), their indexes, then the
// foreign keys as one `alter table` per table. With `inline_foreign_keys`
// (SQLite, which cannot add them later) the foreign keys stay in the tables.
std::vector<plan::Step> schema_steps(const schema::Schema& schema, bool inline_foreign_keys);

}  // namespace retort::replay
