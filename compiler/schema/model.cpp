#include "compiler/schema/model.hpp"

namespace retort::schema {

namespace {
template <typename Range>
auto find_named(Range& range, std::string_view name) -> decltype(&*range.begin()) {
    for (auto& item : range)
        if (item.name == name) return &item;
    return nullptr;
}
}  // namespace

const Column* Table::column(std::string_view n) const { return find_named(columns, n); }
Column* Table::column(std::string_view n) { return find_named(columns, n); }
const Constraint* Table::constraint(std::string_view n) const { return find_named(constraints, n); }
const Index* Table::index(std::string_view n) const { return find_named(indexes, n); }

const Constraint* Table::primary_key() const {
    for (const auto& c : constraints)
        if (c.kind == ConstraintKind::primary_key) return &c;
    return nullptr;
}

const Table* Schema::table(std::string_view name) const {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : it->second.get();
}
TableRef Schema::table_ref(std::string_view name) const {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : it->second;
}
const EnumType* Schema::enum_type(std::string_view name) const {
    auto it = enums.find(name);
    return it == enums.end() ? nullptr : &it->second;
}

}  // namespace retort::schema
