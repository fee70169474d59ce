#pragma once
// SQLAlchemy types and what they become in .mig (docs/import.md holds the
// same table for users).
#include <optional>
#include <string>
#include <vector>

#include "driver/import/value.hpp"

namespace retort::driver::import {

enum class JsonFlavor { none, json, jsonb };

struct EnumDecl {
    std::string name;
    std::vector<std::string> values;  // empty for a reference (create_type=False without values)
    bool create = true;               // SQLAlchemy creates the type with the table
};

struct MigType {
    std::string text;             // "integer", "string(20)", "numeric(10, 2)", "fee_status"
    bool integer = false;         // an autoincrement key candidate
    std::optional<EnumDecl> enum_decl;
    JsonFlavor json = JsonFlavor::none;
    std::string warning;          // set when the type is near, not equal (mysql.TINYINT -> smallint)
};

struct TypeError {
    std::string message;  // what is wrong, for the import_unknown_type diagnostic
};

// The .mig type of a SQLAlchemy type, written as a class (sa.Integer) or a
// call (sa.String(20)). Returns nullopt and sets `error` when it is not known.
std::optional<MigType> mig_type(const Value& type, TypeError& error);

}  // namespace retort::driver::import
