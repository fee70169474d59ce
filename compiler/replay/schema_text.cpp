#include "compiler/replay/schema_text.hpp"

#include <fmt/format.h>

namespace retort::replay {

namespace {

std::string name_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + quote_name(n);
    return out;
}

}  // namespace

std::string quote_name(const std::string& name) {
    bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
    if (plain) return name;
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string quote_string(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string column_summary(const schema::Column& c) {
    std::string out = sql::to_mig(c.type);
    if (!c.nullable) out += " not null";
    if (c.autoincrement) out += " autoincrement";
    if (c.default_value) out += " default " + sql::to_mig(*c.default_value);
    if (c.comment) out += " comment " + quote_string(*c.comment);
    return out;
}

std::string constraint_summary(const schema::Constraint& c) {
    switch (c.kind) {
        case schema::ConstraintKind::primary_key: return "primary key (" + name_list(c.columns) + ")";
        case schema::ConstraintKind::unique: return "unique (" + name_list(c.columns) + ")";
        case schema::ConstraintKind::check: return "check (" + (c.check ? sql::to_mig(*c.check) : std::string()) + ")";
        case schema::ConstraintKind::foreign_key: {
            std::string out = "foreign key (" + name_list(c.columns) + ") references " + quote_name(c.ref_table) +
                              " (" + name_list(c.ref_columns) + ")";
            if (c.on_delete) out += std::string(" on delete ") + sql::to_mig(*c.on_delete);
            if (c.on_update) out += std::string(" on update ") + sql::to_mig(*c.on_update);
            return out;
        }
    }
    return "?";
}

std::string index_summary(const schema::Index& ix) {
    std::string cols;
    for (const auto& ic : ix.columns) cols += (cols.empty() ? "" : ", ") + quote_name(ic.column) + (ic.descending ? " desc" : "");
    std::string out = fmt::format("{}on {} ({})", ix.unique ? "unique " : "", quote_name(ix.table), cols);
    if (ix.where) out += " where " + sql::to_mig(*ix.where);
    return out;
}

std::string schema_to_mig(const schema::Schema& s) {
    std::string out;
    for (const auto& [name, type] : s.enums) {
        std::string values;
        for (const auto& v : type.values) values += (values.empty() ? "" : ", ") + quote_string(v);
        out += fmt::format("create type {} as enum ({});\n", quote_name(name), values);
    }
    std::string foreign_keys;
    for (const auto& name : s.table_order) {
        const schema::Table* t = s.table(name);
        if (!t) continue;
        if (!out.empty()) out += "\n";
        out += fmt::format("create table {} (\n", quote_name(t->name));
        std::vector<std::string> lines;
        for (const auto& c : t->columns) lines.push_back(quote_name(c.name) + " " + column_summary(c));
        for (const auto& c : t->constraints) {
            std::string line = "constraint " + quote_name(c.name) + " " + constraint_summary(c);
            if (c.kind == schema::ConstraintKind::foreign_key)
                foreign_keys += fmt::format("alter table {} add {};\n", quote_name(t->name), line);
            else
                lines.push_back(std::move(line));
        }
        for (std::size_t i = 0; i < lines.size(); ++i)
            out += "    " + lines[i] + (i + 1 < lines.size() ? ",\n" : "\n");
        out += ");\n";
        if (t->comment) out += fmt::format("comment on table {} is {};\n", quote_name(t->name), quote_string(*t->comment));
        for (const auto& ix : t->indexes) {
            std::string cols;
            for (const auto& ic : ix.columns)
                cols += (cols.empty() ? "" : ", ") + quote_name(ic.column) + (ic.descending ? " desc" : "");
            out += fmt::format("create {}index {} on {} ({}){};\n", ix.unique ? "unique " : "", quote_name(ix.name),
                               quote_name(t->name), cols, ix.where ? " where " + sql::to_mig(*ix.where) : "");
        }
    }
    if (!foreign_keys.empty()) out += "\n" + foreign_keys;
    return out;
}

}  // namespace retort::replay

namespace retort::replay {

std::vector<plan::Step> schema_steps(const schema::Schema& s, bool inline_foreign_keys) {
    std::vector<plan::Step> steps;
    for (const auto& [name, type] : s.enums) steps.push_back({plan::CreateEnum{type}, type.declared_at});
    std::vector<plan::Step> foreign_keys;
    for (const auto& name : s.table_order) {
        schema::TableRef t = s.table_ref(name);
        if (!t) continue;
        // The table's comments travel with it: back ends render them with CREATE TABLE.
        schema::Table created = *t;
        created.indexes.clear();
        std::vector<schema::Constraint> constraints = std::move(created.constraints);
        created.constraints.clear();
        plan::AlterTable alter;
        for (auto& c : constraints) {
            if (c.kind == schema::ConstraintKind::foreign_key && !inline_foreign_keys) {
                SourceSpan at = c.declared_at;
                alter.actions.push_back({plan::AddConstraint{std::move(c)}, at});
            } else {
                created.constraints.push_back(std::move(c));
            }
        }
        schema::TableRef current = schema::share(std::move(created));
        steps.push_back({plan::CreateTable{current, false}, t->declared_at});
        for (const auto& ix : t->indexes) {
            schema::Table with_index = *current;
            with_index.indexes.push_back(ix);
            current = schema::share(std::move(with_index));
            steps.push_back({plan::CreateIndex{ix, current, false}, ix.declared_at});
        }
        if (!alter.actions.empty()) {
            SourceSpan at = t->declared_at;
            alter.before = std::move(current);
            alter.after = std::move(t);
            foreign_keys.push_back({std::move(alter), at});
        }
    }
    for (auto& step : foreign_keys) steps.push_back(std::move(step));
    return steps;
}

}  // namespace retort::replay
