#pragma once
// The dialect differences that are plain spellings, as tables: one entry per
// type kind and per function, standard SQL by default (spelling.cpp), and a
// dialect's constructor overrides the entries that differ, one by one (as
// sqlglot's dialects override TYPE_MAPPING). The string escapes of a
// dialect's literals are a table of the same kind.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/sql/expr.hpp"
#include "compiler/sql/type.hpp"

namespace retort::dialects {

// A column type: the name, then "(length)" ("(precision, scale)" when a
// scale is given) when `sized` and the type has one, then the suffix.
struct TypeSpelling {
    std::string_view name;
    bool sized = false;
    std::string_view suffix;

    std::string render(const sql::Type& type) const;
};

// A function: name(args), or the bare name (CURRENT_DATE) when `bare`, or
// the arguments joined by `infix` in parentheses ((a || b)) when it is set;
// `first_arg_cast` wraps the first argument in CAST(x AS it).
struct FunctionSpelling {
    std::string_view name;
    bool bare = false;
    std::string_view infix = {};
    std::string_view first_arg_cast = {};
};

// One entry per enumerator of Kind, 0 .. Count - 1, filled from
// `standard(kind)`. standard() switches over every enumerator without a
// default, so a new one fails the build (-Werror=switch) until it is spelled.
template <typename Kind, typename Entry, std::size_t Count>
class SpellingTable {
public:
    explicit SpellingTable(Entry (*standard)(Kind)) {
        for (std::size_t i = 0; i < Count; ++i) entries_[i] = standard(static_cast<Kind>(i));
    }
    void set(Kind kind, Entry entry) { entries_.at(static_cast<std::size_t>(kind)) = entry; }
    const Entry& operator[](Kind kind) const { return entries_.at(static_cast<std::size_t>(kind)); }

private:
    std::array<Entry, Count> entries_{};
};

// enum_ is the last TypeKind, concat the last Function (compiler/sql).
// enum_ has an entry for the table's shape only: enum types are spelled by
// BaseDialect::enum_type_name from the schema.
using TypeTable = SpellingTable<sql::TypeKind, TypeSpelling, static_cast<std::size_t>(sql::TypeKind::enum_) + 1>;
using FunctionTable =
    SpellingTable<sql::Function, FunctionSpelling, static_cast<std::size_t>(sql::Function::concat) + 1>;

TypeSpelling standard_type(sql::TypeKind kind);
FunctionSpelling standard_function(sql::Function function);

// How the characters of a string literal are written between the quotes:
// each listed character by its replacement, every other one as it is.
class StringEscapes {
public:
    explicit StringEscapes(std::vector<std::pair<char, std::string_view>> escapes);
    // 'text' quoted and escaped.
    std::string quote(std::string_view text) const;

private:
    std::vector<std::pair<char, std::string_view>> escapes_;
    std::string chars_;  // the escaped characters, for find_first_of
};

}  // namespace retort::dialects
