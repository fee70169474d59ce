// SqliteDialect: `alter table` (native or rebuilt), the rebuild itself, and
// enum value changes (which rebuild the tables that use the type).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "dialects/sqlite/sqlite_dialect.hpp"
#include "dialects/sqlite/sqlite_rebuild.hpp"

namespace retort::dialects {

namespace {

const schema::Column* autoincrement_column(const schema::Table& table) {
    for (const auto& column : table.columns)
        if (column.autoincrement) return &column;
    return nullptr;
}

}  // namespace

void SqliteDialect::alter_table(const plan::AlterTable& step, Context& ctx) const {
    if (auto reason = sqlite::rebuild_reason(step)) alter_by_rebuild(step, *reason, ctx);
    else alter_natively(step, ctx);
}

bool SqliteDialect::renamed_fk_target(const plan::AlterTable& step,
                                      const std::vector<std::pair<std::string, std::string>>& renamed_in_copy,
                                      Context& ctx) const {
    auto inbound = ctx.state.inbound_fks.find(step.after->name);
    if (inbound == ctx.state.inbound_fks.end()) return false;
    for (const auto& [from, to] : renamed_in_copy) {
        for (const auto& [name, fk_name] : inbound->second) {
            if (name == step.after->name) continue;
            const schema::Table* other = ctx.state.table(name);
            const schema::Constraint* c = other ? other->constraint(fk_name) : nullptr;
            if (!c || std::find(c->ref_columns.begin(), c->ref_columns.end(), to) == c->ref_columns.end())
                continue;
            ctx.diagnostics
                .error(DiagCode::unsupported_in_dialect, ctx.span,
                       "SQLite cannot rename column \"{}\" of table \"{}\" to \"{}\" in this statement: "
                       "foreign key \"{}\" of table \"{}\" points at it; rename it in an `alter table` "
                       "of its own",
                       from, step.after->name, to, c->name, name)
                .note(c->declared_at, "foreign key \"{}\" declared here", c->name);
            return true;
        }
    }
    return false;
}

void SqliteDialect::alter_by_rebuild(const plan::AlterTable& step, const std::string& reason, Context& ctx) const {
    sqlite::RebuildColumns columns = sqlite::rebuild_columns(step);
    if (renamed_fk_target(step, columns.renamed_in_copy, ctx)) return;
    for (const auto& [from, to] : columns.native_renames)
        ctx.emit(alter_table_prefix(*step.before) + "RENAME COLUMN " + quote_identifier(from) + " TO " +
                 quote_identifier(to));
    std::vector<Copy> copies;
    for (const auto& [column, source] : columns.sources)
        if (source) copies.push_back({column, quote_identifier(*source)});
    // The AUTOINCREMENT counter moves along when the key column does.
    bool kept = false;
    const schema::Column* old_key = autoincrement_column(*step.before);
    const schema::Column* new_key = autoincrement_column(*step.after);
    if (old_key && new_key && autoincrement_keyword()) {
        std::string old_name = old_key->name;
        for (const auto& [from, to] : columns.native_renames)
            if (from == old_name) old_name = to;
        for (const auto& [column, source] : columns.sources)
            if (column == new_key->name && source == old_name) kept = true;
    }
    rebuild_table(*step.after, copies, kept, reason, ctx);
    for (const auto& action : step.actions) {
        if (const auto* alter = std::get_if<plan::AlterColumn>(&action.node))
            if (alter->from.comment != alter->to.comment) emit_comment(comment_on_column_sql(*step.after, alter->to), ctx);
        if (const auto* add = std::get_if<plan::AddColumn>(&action.node))
            if (add->column.comment) emit_comment(comment_on_column_sql(*step.after, add->column), ctx);
    }
}

std::string SqliteDialect::add_column_sql(const plan::AddColumn& add, const plan::AlterTable& step,
                                          Context& ctx) const {
    std::string sql = alter_table_prefix(*step.before) + "ADD COLUMN " + column_definition(add.column, *step.after, ctx);
    for (const auto& [constraint, owner] : sqlite::added_constraints(step)) {
        if (owner != add.column.name) continue;
        const schema::Constraint& c = *constraint;
        sql += " " + constraint_name_clause(c);
        if (c.kind == schema::ConstraintKind::check) {
            sql += "CHECK (" + expression(*c.check, ctx) + ")";
        } else {
            sql += "REFERENCES " + quote_identifier(c.ref_table) + " " + column_list(c.ref_columns);
            if (c.on_delete) sql += " ON DELETE " + fk_action(*c.on_delete);
            if (c.on_update) sql += " ON UPDATE " + fk_action(*c.on_update);
        }
    }
    return sql;
}

// Every action has a native form.
void SqliteDialect::alter_natively(const plan::AlterTable& step, Context& ctx) const {
    for (const auto& action : step.actions) {
        if (const auto* add = std::get_if<plan::AddColumn>(&action.node)) {
            ctx.emit(add_column_sql(*add, step, ctx));
            if (add->column.comment) emit_comment(comment_on_column_sql(*step.after, add->column), ctx);
        } else if (const auto* drop = std::get_if<plan::DropColumn>(&action.node)) {
            ctx.emit(alter_table_prefix(*step.before) + "DROP COLUMN " + quote_identifier(drop->column.name));
        } else if (const auto* rename = std::get_if<plan::RenameColumn>(&action.node)) {
            ctx.emit(alter_table_prefix(*step.before) + "RENAME COLUMN " + quote_identifier(rename->from.name) +
                     " TO " + quote_identifier(rename->to.name));
        } else if (const auto* alter = std::get_if<plan::AlterColumn>(&action.node)) {
            // Native only when nothing but the comment changes.
            if (alter->from.comment != alter->to.comment) emit_comment(comment_on_column_sql(*step.after, alter->to), ctx);
        }
        // AddConstraint: written inline in its column's ADD COLUMN above.
        // DropConstraint: always a rebuild.
    }
}

void SqliteDialect::rebuild_table(const schema::Table& after, const std::vector<Copy>& copies,
                                  bool autoincrement_kept, const std::string& reason, Context& ctx) const {
    const std::string& name = after.name;
    std::string temp = "retort_new_" + name;
    if (ctx.state.table(temp)) {
        ctx.diagnostics.error(DiagCode::unsupported_in_dialect, ctx.span,
                              "the rebuild of table \"{}\" needs the name \"{}\", which a table already has; "
                              "rename that table first",
                              name, temp);
        return;
    }
    std::string table = quote_identifier(name);
    std::string new_table = quote_identifier(temp);
    ctx.comment(fmt::format("SQLite cannot {}: rebuild table {}", reason, name));
    // A PRAGMA inside a transaction does nothing: the writer puts these
    // before the first BEGIN and after the last COMMIT.
    ctx.emit("PRAGMA foreign_keys=OFF", Placement::script_prologue);
    // All or nothing, also where the script runs outside a transaction
    // (`transactional false;`): a savepoint nests in the writer's BEGIN.
    ctx.emit("SAVEPOINT retort_rebuild");
    ctx.emit(create_table_sql(after, temp, false, ctx));
    if (copies.empty()) {
        // No column survives: keep the rows, each with its defaults.
        ctx.emit("INSERT INTO " + new_table + " (rowid) SELECT rowid FROM " + table);
    } else {
        std::string targets, sources;
        for (const auto& copy : copies) {
            if (!targets.empty()) targets += ", ", sources += ", ";
            targets += quote_identifier(copy.column);
            sources += copy.expression;
        }
        ctx.emit("INSERT INTO " + new_table + " (" + targets + ")\n    SELECT " + sources + " FROM " + table);
    }
    if (autoincrement_kept) {
        ctx.emit("DELETE FROM sqlite_sequence WHERE name = " + string_literal(temp));
        ctx.emit("UPDATE sqlite_sequence SET name = " + string_literal(temp) + " WHERE name = " +
                 string_literal(name));
    }
    ctx.emit("DROP TABLE " + table);
    ctx.emit("ALTER TABLE " + new_table + " RENAME TO " + table);
    for (const auto& index : after.indexes) ctx.emit(index_definition(index, false, ctx));

    // PRAGMA foreign_key_check only reports; make a violation fail the
    // script: the rebuilt table's own foreign keys and those pointing at it.
    std::set<std::string> checked{name};
    if (auto inbound = ctx.state.inbound_fks.find(name); inbound != ctx.state.inbound_fks.end())
        for (const auto& [other_name, fk_name] : inbound->second) checked.insert(other_name);
    std::string counted;
    for (const auto& t : checked) {
        if (!counted.empty()) counted += "\n        UNION ALL ";
        counted += "SELECT 1 FROM pragma_foreign_key_check(" + string_literal(t) + ")";
    }
    ctx.emit(
        "CREATE TEMP TABLE retort_foreign_key_check (\n    violations INTEGER CONSTRAINT "
        "foreign_keys_hold_after_rebuild CHECK (violations = 0)\n)");
    ctx.emit("INSERT INTO temp.retort_foreign_key_check\n    SELECT count(*) FROM (" + counted + ")");
    ctx.emit("DROP TABLE temp.retort_foreign_key_check");
    ctx.emit("RELEASE retort_rebuild");
    ctx.emit("PRAGMA foreign_keys=ON", Placement::script_epilogue);
}

// ------------------------------------------------------------ enum values

void SqliteDialect::rebuild_enum_users(const plan::EnumUsers& users, std::string_view type_name,
                                       const std::optional<std::pair<std::string, std::string>>& renamed,
                                       const std::string& reason, Context& ctx) const {
    for (const schema::TableRef& user : users) {
        const schema::Table& table = *user;
        std::vector<Copy> copies;
        for (const auto& column : table.columns) {
            std::string name = quote_identifier(column.name);
            bool of_type = column.type.kind == sql::TypeKind::enum_ && column.type.enum_name == type_name;
            if (of_type && renamed)
                copies.push_back({column.name, "CASE " + name + " WHEN " + string_literal(renamed->first) +
                                                   " THEN " + string_literal(renamed->second) + " ELSE " + name +
                                                   " END"});
            else
                copies.push_back({column.name, name});
        }
        rebuild_table(table, copies, autoincrement_keyword() && autoincrement_column(table), reason, ctx);
    }
}

void SqliteDialect::add_enum_value(const plan::AddEnumValue& step, Context& ctx) const {
    rebuild_enum_users(step.users, step.after.name, std::nullopt,
                       fmt::format("change the CHECK of the columns of enum type {} in place (add value {})",
                                   step.after.name, string_literal(step.value)),
                       ctx);
}

void SqliteDialect::rename_enum_value(const plan::RenameEnumValue& step, Context& ctx) const {
    rebuild_enum_users(step.users, step.after.name, std::make_pair(step.from, step.to),
                       fmt::format("change the CHECK of the columns of enum type {} in place (rename value {} "
                                   "to {})",
                                   step.after.name, string_literal(step.from), string_literal(step.to)),
                       ctx);
}

void SqliteDialect::drop_enum_value(const plan::DropEnumValue& step, Context& ctx) const {
    rebuild_enum_users(step.users, step.after.name, std::nullopt,
                       fmt::format("change the CHECK of the columns of enum type {} in place (drop value {})",
                                   step.after.name, string_literal(step.value)),
                       ctx);
}

}  // namespace retort::dialects
