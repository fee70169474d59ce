#include "compiler/sql/type.hpp"

#include <fmt/format.h>

namespace retort::sql {

bool is_integer(TypeKind kind) {
    return kind == TypeKind::smallint || kind == TypeKind::integer || kind == TypeKind::bigint;
}
bool is_textual(TypeKind kind) {
    return kind == TypeKind::varchar || kind == TypeKind::char_ || kind == TypeKind::text;
}
bool is_temporal(TypeKind kind) {
    return kind == TypeKind::date || kind == TypeKind::time || kind == TypeKind::datetime ||
           kind == TypeKind::timestamp || kind == TypeKind::timestamptz;
}

const char* to_mig(FkAction action) {
    switch (action) {
        case FkAction::no_action: return "no action";
        case FkAction::restrict: return "restrict";
        case FkAction::cascade: return "cascade";
        case FkAction::set_null: return "set null";
        case FkAction::set_default: return "set default";
    }
    return "no action";
}

std::string to_mig(const Type& type) {
    auto with_length = [&](const char* name) {
        return type.length ? fmt::format("{}({})", name, *type.length) : std::string(name);
    };
    switch (type.kind) {
        case TypeKind::smallint: return "smallint";
        case TypeKind::integer: return "integer";
        case TypeKind::bigint: return "bigint";
        case TypeKind::numeric:
            if (type.length && type.scale) return fmt::format("numeric({}, {})", *type.length, *type.scale);
            return with_length("numeric");
        case TypeKind::float_: return "float";
        case TypeKind::double_: return "double";
        case TypeKind::boolean: return "boolean";
        case TypeKind::varchar: return with_length("string");
        case TypeKind::char_: return with_length("char");
        case TypeKind::text: return "text";
        case TypeKind::date: return "date";
        case TypeKind::time: return with_length("time");
        case TypeKind::datetime: return with_length("datetime");
        case TypeKind::timestamp: return with_length("timestamp");
        case TypeKind::timestamptz: return with_length("timestamptz");
        case TypeKind::json: return "json";
        case TypeKind::uuid: return "uuid";
        case TypeKind::binary: return "binary";
        case TypeKind::enum_: return type.enum_name;
    }
    return "?";
}

}  // namespace retort::sql
