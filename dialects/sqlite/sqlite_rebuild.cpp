#include "dialects/sqlite/sqlite_rebuild.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "compiler/sql/expr_walk.hpp"

namespace retort::dialects::sqlite {

namespace {

template <typename T>
const T* action_as(const plan::AlterAction& action) {
    return std::get_if<T>(&action.node);
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_null_literal(const sql::ExprRef& expr) {
    if (!expr) return true;
    if (const auto* paren = std::get_if<sql::Paren>(&expr->node)) return is_null_literal(paren->inner);
    const auto* lit = std::get_if<sql::Literal>(&expr->node);
    return lit && lit->kind == sql::LiteralKind::null;
}

const char* kind_name(schema::ConstraintKind kind) {
    switch (kind) {
        case schema::ConstraintKind::primary_key: return "PRIMARY KEY";
        case schema::ConstraintKind::unique: return "UNIQUE";
        case schema::ConstraintKind::check: return "CHECK";
        case schema::ConstraintKind::foreign_key: return "FOREIGN KEY";
    }
    return "?";
}

// The columns of step.before that the statement's actions so far have added
// (by their current name).
std::set<std::string> added_columns(const plan::AlterTable& step) {
    std::set<std::string> added;
    for (const auto& action : step.actions) {
        if (const auto* add = action_as<plan::AddColumn>(action)) added.insert(add->column.name);
        else if (const auto* drop = action_as<plan::DropColumn>(action)) added.erase(drop->column.name);
        else if (const auto* rename = action_as<plan::RenameColumn>(action)) {
            if (added.erase(rename->from.name)) added.insert(rename->to.name);
        }
    }
    return added;
}

// The name in step.before of the column called `name` just before action
// number `upto`, or nullopt when the statement added it.
std::optional<std::string> origin_of(const plan::AlterTable& step, std::size_t upto, const std::string& name) {
    std::vector<std::pair<std::string, std::optional<std::string>>> track;
    for (const auto& column : step.before->columns) track.emplace_back(column.name, column.name);
    auto find = [&](const std::string& n) {
        return std::find_if(track.begin(), track.end(), [&](const auto& t) { return t.first == n; });
    };
    for (std::size_t i = 0; i < upto && i < step.actions.size(); ++i) {
        const auto& action = step.actions[i];
        if (const auto* add = action_as<plan::AddColumn>(action)) {
            track.emplace_back(add->column.name, std::nullopt);
        } else if (const auto* drop = action_as<plan::DropColumn>(action)) {
            auto it = find(drop->column.name);
            if (it != track.end()) track.erase(it);
        } else if (const auto* rename = action_as<plan::RenameColumn>(action)) {
            auto it = find(rename->from.name);
            if (it != track.end()) it->first = rename->to.name;
        }
    }
    auto it = find(name);
    return it == track.end() ? std::nullopt : it->second;
}

std::optional<std::string> alter_column_reason(const plan::AlterColumn& alter) {
    const auto& from = alter.from;
    const auto& to = alter.to;
    if (!(from.type == to.type))
        return fmt::format("change the type of column \"{}\" ({} to {})", to.name, sql::to_mig(from.type),
                           sql::to_mig(to.type));
    if (from.nullable != to.nullable)
        return fmt::format("{} NOT NULL on column \"{}\"", to.nullable ? "drop" : "set", to.name);
    if (!sql::same(from.default_value, to.default_value))
        return fmt::format("change the default of column \"{}\"", to.name);
    if (from.autoincrement != to.autoincrement)
        return fmt::format("change the autoincrement of column \"{}\"", to.name);
    return std::nullopt;  // a comment only: nothing to do in the database
}

std::optional<std::string> drop_column_reason(const plan::AlterTable& step, std::size_t index,
                                              const plan::DropColumn& drop) {
    auto origin = origin_of(step, index, drop.column.name);
    if (!origin) return fmt::format("drop column \"{}\" that the same statement adds", drop.column.name);
    const schema::Table& before = *step.before;
    const schema::Constraint* pk = before.primary_key();
    if (pk && contains(pk->columns, *origin))
        return fmt::format("drop column \"{}\": it is part of the primary key", drop.column.name);
    for (const auto& c : before.constraints) {
        bool uses = contains(c.columns, *origin);
        if (c.kind == schema::ConstraintKind::check) uses = sql::mentions(c.check, *origin);
        if (uses)
            return fmt::format("drop column \"{}\": it is used by {} constraint \"{}\"", drop.column.name,
                               kind_name(c.kind), c.name);
    }
    for (const auto& index_def : before.indexes) {
        bool uses = std::any_of(index_def.columns.begin(), index_def.columns.end(),
                                [&](const auto& ic) { return ic.column == *origin; });
        if (uses || sql::mentions(index_def.where, *origin))
            return fmt::format("drop column \"{}\": it is used by index \"{}\"", drop.column.name, index_def.name);
    }
    return std::nullopt;
}

std::optional<std::string> add_column_reason(const plan::AddColumn& add,
                                             const std::vector<const schema::Constraint*>& attached) {
    const auto& column = add.column;
    if (column.autoincrement) return fmt::format("add the autoincrement column \"{}\"", column.name);
    bool has_fk = false;
    for (const auto* c : attached) {
        if (c->kind == schema::ConstraintKind::primary_key || c->kind == schema::ConstraintKind::unique)
            return fmt::format("add column \"{}\" with a {} constraint", column.name, kind_name(c->kind));
        if (c->kind == schema::ConstraintKind::foreign_key) has_fk = true;
    }
    if (!column.nullable && is_null_literal(column.default_value))
        return fmt::format("add the NOT NULL column \"{}\" without a default", column.name);
    if (column.default_value && !constant_default(column.default_value))
        return fmt::format("add column \"{}\" whose default is not a constant", column.name);
    if (has_fk && !is_null_literal(column.default_value))
        return fmt::format("add column \"{}\" with a foreign key and a non-NULL default", column.name);
    return std::nullopt;
}

}  // namespace

bool constant_default(const sql::ExprRef& expr) {
    if (!expr) return true;
    if (const auto* lit = std::get_if<sql::Literal>(&expr->node))
        return lit->kind != sql::LiteralKind::string || lit->text.find('\r') == std::string::npos;
    if (const auto* unary = std::get_if<sql::Unary>(&expr->node)) {
        if (unary->op == sql::UnaryOp::not_) return false;
        const auto* lit = std::get_if<sql::Literal>(&unary->operand->node);
        return lit && (lit->kind == sql::LiteralKind::integer || lit->kind == sql::LiteralKind::decimal) &&
               !lit->text.empty() && lit->text.front() != '-';
    }
    return false;
}

std::vector<std::pair<const schema::Constraint*, std::string>> added_constraints(const plan::AlterTable& step) {
    std::set<std::string> added = added_columns(step);
    std::vector<std::pair<const schema::Constraint*, std::string>> out;
    for (const auto& c : step.after->constraints) {
        if (step.before->constraint(c.name)) continue;
        std::string owner;
        if (c.kind == schema::ConstraintKind::foreign_key) {
            if (c.columns.size() == 1 && added.count(c.columns.front())) owner = c.columns.front();
        } else if (c.kind == schema::ConstraintKind::check) {
            std::set<std::string> names = sql::column_refs(c.check);
            if (names.size() == 1 && added.count(*names.begin())) owner = *names.begin();
        } else if (c.columns.size() == 1 && added.count(c.columns.front())) {
            owner = c.columns.front();  // PRIMARY KEY / UNIQUE: refused by add_column_reason
        }
        out.emplace_back(&c, owner);
    }
    return out;
}

std::optional<std::string> rebuild_reason(const plan::AlterTable& step) {
    auto added = added_constraints(step);
    for (const auto& [constraint, owner] : added) {
        if (owner.empty())
            return fmt::format("add {} constraint \"{}\" to an existing table", kind_name(constraint->kind),
                               constraint->name);
    }
    for (std::size_t i = 0; i < step.actions.size(); ++i) {
        const auto& action = step.actions[i];
        std::optional<std::string> reason;
        if (const auto* add = action_as<plan::AddColumn>(action)) {
            std::vector<const schema::Constraint*> attached;
            for (const auto& [constraint, owner] : added)
                if (owner == add->column.name) attached.push_back(constraint);
            reason = add_column_reason(*add, attached);
        } else if (const auto* drop = action_as<plan::DropColumn>(action)) {
            reason = drop_column_reason(step, i, *drop);
        } else if (const auto* alter = action_as<plan::AlterColumn>(action)) {
            reason = alter_column_reason(*alter);
        } else if (const auto* drop_c = action_as<plan::DropConstraint>(action)) {
            reason = fmt::format("drop {} constraint \"{}\"", kind_name(drop_c->constraint.kind),
                                 drop_c->constraint.name);
        }
        // RenameColumn is always native; AddConstraint is judged above.
        if (reason) return reason;
    }
    // A constraint kept by name but changed (dropped and re-added under the
    // same name is caught above; this is the defensive case).
    return std::nullopt;
}

RebuildColumns rebuild_columns(const plan::AlterTable& step) {
    RebuildColumns out;
    std::vector<std::string> db;  // the old table's column names, as renamed natively
    struct Track {
        std::string name;                 // the column's name at this point of the statement
        std::optional<std::size_t> slot;  // its column in `db`, or none (added)
    };
    std::vector<Track> track;
    for (std::size_t i = 0; i < step.before->columns.size(); ++i) {
        db.push_back(step.before->columns[i].name);
        track.push_back({step.before->columns[i].name, i});
    }
    auto find = [&](const std::string& n) {
        return std::find_if(track.begin(), track.end(), [&](const Track& t) { return t.name == n; });
    };
    for (const auto& action : step.actions) {
        if (const auto* add = action_as<plan::AddColumn>(action)) {
            track.push_back({add->column.name, std::nullopt});
        } else if (const auto* drop = action_as<plan::DropColumn>(action)) {
            auto it = find(drop->column.name);
            if (it != track.end()) track.erase(it);
        } else if (const auto* rename = action_as<plan::RenameColumn>(action)) {
            auto it = find(rename->from.name);
            if (it == track.end()) continue;
            it->name = rename->to.name;
            if (!it->slot) continue;
            std::string& current = db[*it->slot];
            if (current == rename->from.name && !contains(db, rename->to.name)) {
                out.native_renames.emplace_back(current, rename->to.name);
                current = rename->to.name;
            }
        }
    }
    for (const auto& column : step.after->columns) {
        auto it = find(column.name);
        std::optional<std::string> source;
        if (it != track.end() && it->slot) source = db[*it->slot];
        if (source && *source != column.name) out.renamed_in_copy.emplace_back(*source, column.name);
        out.sources.emplace_back(column.name, source);
    }
    return out;
}

}  // namespace retort::dialects::sqlite
