#pragma once
// The portable column types of the .mig language (language.md §5). Spelling
// synonyms are folded when parsed: string = varchar, decimal = numeric,
// blob = binary.
#include <optional>
#include <string>

namespace retort::sql {

enum class TypeKind {
    smallint, integer, bigint,
    numeric,            // numeric(p, s) / decimal(p, s)
    float_, double_,
    boolean,
    varchar,            // string(n) / varchar(n); length optional
    char_,              // char(n)
    text,
    date, time, datetime, timestamp, timestamptz,  // time kinds take an optional precision
    json, uuid,
    binary,             // binary / blob
    enum_,              // a named enum type declared with `create type`
};

struct Type {
    TypeKind kind = TypeKind::text;
    std::optional<int> length;     // varchar(n), char(n); precision p of numeric(p, s); fractional
                                   // seconds of time kinds
    std::optional<int> scale;      // s of numeric(p, s)
    std::string enum_name;         // for enum_

    friend bool operator==(const Type&, const Type&) = default;
};

// Referential actions of a foreign key.
enum class FkAction { no_action, restrict, cascade, set_null, set_default };

bool is_integer(TypeKind kind);   // smallint, integer, bigint
bool is_textual(TypeKind kind);   // varchar, char_, text
bool is_temporal(TypeKind kind);  // date .. timestamptz

// The type as written in .mig syntax, e.g. "numeric(10, 2)", "fee_status".
std::string to_mig(const Type& type);
// The action as written in .mig syntax, e.g. "set null".
const char* to_mig(FkAction action);

}  // namespace retort::sql
