#include "dialects/spelling.hpp"

#include <fmt/format.h>

namespace retort::dialects {

std::string TypeSpelling::render(const sql::Type& type) const {
    std::string out(name);
    if (sized && type.length) {
        if (type.scale) out += fmt::format("({}, {})", *type.length, *type.scale);
        else out += fmt::format("({})", *type.length);
    }
    out += suffix;
    return out;
}

TypeSpelling standard_type(sql::TypeKind kind) {
    using K = sql::TypeKind;
    switch (kind) {
        case K::smallint: return {"SMALLINT"};
        case K::integer: return {"INTEGER"};
        case K::bigint: return {"BIGINT"};
        case K::numeric: return {"NUMERIC", true};
        case K::float_: return {"REAL"};
        case K::double_: return {"DOUBLE PRECISION"};
        case K::boolean: return {"BOOLEAN"};
        case K::varchar: return {"VARCHAR", true};
        case K::char_: return {"CHAR", true};
        case K::text: return {"TEXT"};
        case K::date: return {"DATE"};
        case K::time: return {"TIME", true};
        case K::datetime: return {"TIMESTAMP", true};
        case K::timestamp: return {"TIMESTAMP", true};
        case K::timestamptz: return {"TIMESTAMP", true, " WITH TIME ZONE"};
        case K::json: return {"JSON"};
        case K::uuid: return {"UUID"};
        case K::binary: return {"BLOB"};
        case K::enum_: return {};  // BaseDialect::enum_type_name
    }
    return {};
}

FunctionSpelling standard_function(sql::Function function) {
    using F = sql::Function;
    switch (function) {
        case F::now: return {"CURRENT_TIMESTAMP", true};
        case F::current_date: return {"CURRENT_DATE", true};
        case F::lower: return {"lower"};
        case F::upper: return {"upper"};
        case F::length: return {"length"};
        case F::coalesce: return {"coalesce"};
        case F::replace: return {"replace"};
        case F::substr: return {"substr"};
        case F::trim: return {"trim"};
        case F::abs: return {"abs"};
        case F::round: return {"round"};
        case F::concat: return {"concat", false, " || "};  // null when an argument is null, as ||
    }
    return {};
}

StringEscapes::StringEscapes(std::vector<std::pair<char, std::string_view>> escapes)
    : escapes_(std::move(escapes)) {
    for (const auto& [c, replacement] : escapes_) chars_ += c;
}

std::string StringEscapes::quote(std::string_view text) const {
    // Runs without an escaped character are copied whole.
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    std::size_t start = 0;
    for (std::size_t at = text.find_first_of(chars_); at != std::string_view::npos;
         at = text.find_first_of(chars_, start)) {
        out.append(text, start, at - start);
        for (const auto& [c, replacement] : escapes_)
            if (c == text[at]) out += replacement;
        start = at + 1;
    }
    out.append(text, start);
    out += '\'';
    return out;
}

}  // namespace retort::dialects
