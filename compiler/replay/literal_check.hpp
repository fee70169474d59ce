#pragma once
// Does a literal fit a column type? (language.md §4 "Data"): string length,
// numeric precision, integer ranges, valid dates and times, enum values.
#include <optional>
#include <string>

#include "compiler/schema/model.hpp"
#include "compiler/source/diagnostics.hpp"
#include "compiler/sql/expr.hpp"

namespace retort::replay {

struct Misfit {
    DiagCode code;        // data_mismatch (wrong kind of value) or literal_out_of_range
    std::string message;  // the whole message, e.g. "value 'abc' is longer than string(2)"
};

// The literal an expression stands for: a literal, a parenthesised one, or a
// signed numeric literal (folded into its text). Null for anything else.
std::optional<sql::Literal> literal_of(const sql::Expr& expr);

// Checks a literal against a column of type `type` (`enum_type` is the enum
// declaration for enum columns, may be null). nullopt: it fits. A null
// literal always fits here; NOT NULL is the caller's check.
std::optional<Misfit> check_literal(const sql::Literal& literal, const sql::Type& type,
                                    const schema::EnumType* enum_type);

// Checks the text of a date / timestamp literal on its own. nullopt: valid.
std::optional<std::string> check_temporal_literal(const sql::Literal& literal);

}  // namespace retort::replay
