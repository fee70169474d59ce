// Checks shared by the statements: names, types, expressions, constraints.
#include <algorithm>

#include "compiler/replay/literal_check.hpp"
#include "compiler/replay/naming.hpp"
#include "compiler/replay/replayer_impl.hpp"
#include "compiler/source/did_you_mean.hpp"
#include "compiler/source/utf8.hpp"
#include "compiler/sql/expr_walk.hpp"

namespace retort::replay {

namespace {

std::string_view dialect_name(const std::optional<ast::DialectId>& d) {
    return d ? dialect::describe(*d).display : "the target dialect";
}

// Type names of other SQL dialects that people bring along, and what to
// write instead (docs/language.md, "Types").
struct ForeignType {
    const char* name;
    const char* instead;
};
constexpr ForeignType foreign_types[] = {
    {"int2", "smallint"}, {"int4", "integer"}, {"int8", "bigint"}, {"tinyint", "smallint"},
    {"mediumint", "integer"}, {"serial", "integer primary key autoincrement"},
    {"bigserial", "bigint primary key autoincrement"}, {"bool", "boolean"}, {"float4", "float"},
    {"float8", "double"}, {"real", "float"}, {"varchar2", "varchar(n)"}, {"nvarchar", "string(n)"},
    {"nchar", "char(n)"}, {"datetime2", "datetime"}, {"smalldatetime", "datetime"},
    {"bytea", "binary"}, {"varbinary", "binary"}, {"jsonb", "json (jsonb on PostgreSQL by configuration)"},
    {"mediumtext", "text"}, {"longtext", "text"}, {"clob", "text"},
};

// The portable type names (language.md §5), aliases included.
const std::vector<std::string>& portable_type_names() {
    static const std::vector<std::string> names = {
        "smallint", "integer", "int", "bigint", "numeric", "decimal", "float", "double", "boolean", "string",
        "varchar", "char", "text", "date", "time", "datetime", "timestamp", "timestamptz", "json", "uuid",
        "binary", "blob"};
    return names;
}

}  // namespace

std::optional<std::string> Replayer::Impl::type_suggestion(const std::string& name) const {
    for (const ForeignType& f : foreign_types)
        if (name == f.name) return std::string(f.instead);
    std::vector<std::string> candidates = portable_type_names();
    for (const auto& [enum_name, e] : state.enums) candidates.push_back(enum_name);
    return did_you_mean(name, candidates);
}

std::optional<std::string> Replayer::Impl::table_suggestion(const std::string& name) const {
    std::vector<std::string> candidates;
    for (const auto& [table_name, t] : state.tables) candidates.push_back(table_name);
    return did_you_mean(name, candidates);
}

std::optional<std::string> column_suggestion(const schema::Table& table, const std::string& name) {
    std::vector<std::string> candidates;
    for (const schema::Column& c : table.columns) candidates.push_back(c.name);
    return did_you_mean(name, candidates);
}

std::string join(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string lower_ascii(std::string_view name) {
    std::string out(name);
    for (char& ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

const char* kind_word(schema::ConstraintKind k) {
    switch (k) {
        case schema::ConstraintKind::primary_key: return "primary key";
        case schema::ConstraintKind::unique: return "unique constraint";
        case schema::ConstraintKind::check: return "check constraint";
        case schema::ConstraintKind::foreign_key: return "foreign key";
    }
    return "constraint";
}


bool fk_compatible(const sql::Type& a, const sql::Type& b) {
    if (sql::is_textual(a.kind) && sql::is_textual(b.kind)) return true;
    if (a.kind != b.kind) return false;
    if (a.kind == sql::TypeKind::numeric) return a.length == b.length && a.scale == b.scale;
    if (a.kind == sql::TypeKind::enum_) return a.enum_name == b.enum_name;
    return true;
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

bool Replayer::Impl::check_identifier(const std::string& name, SourceSpan span, const char* what, bool generated) {
    if (!options.names.limited()) return true;
    std::size_t length = options.names.length(name);
    if (length <= options.names.max) return true;
    auto b = diag->error(DiagCode::identifier_too_long, span, "{} name \"{}\" is {} {} long; {} allows at most {}",
                         what, name, length, options.names.unit_name(), dialect_name(options.dialect),
                         options.names.max);
    if (generated)
        b.note(span, "{}",
               options.naming == Naming::engine
                         ? "the name is the one the engine gives it (naming: engine); give it a shorter one with "
                           "`constraint NAME`"
                         : "the name comes from the naming convention; give it a shorter one with `constraint NAME`");
    return false;
}

bool Replayer::Impl::check_type(const sql::Type& type, SourceSpan span) {
    using T = sql::TypeKind;
    switch (type.kind) {
        case T::enum_:
            if (!state.enum_type(type.enum_name)) {
                auto b = diag->error(DiagCode::unknown_object, span, "unknown type \"{}\"", type.enum_name);
                if (auto instead = type_suggestion(type.enum_name))
                    b.note(span, "did you mean {}?", *instead);
                else
                    b.note({}, "an enum type must be declared first with `create type {} as enum (...)`",
                           type.enum_name);
                return false;
            }
            if (type.length) {
                diag->error(DiagCode::bad_type_argument, span, "enum type \"{}\" takes no arguments", type.enum_name);
                return false;
            }
            return true;
        case T::varchar:
        case T::char_:
            if (type.length && *type.length < 1) {
                diag->error(DiagCode::invalid_definition, span, "length of {} must be at least 1", sql::to_mig(type));
                return false;
            }
            return true;
        case T::numeric:
            if (type.length && (*type.length < 1 || *type.length > 1000)) {
                diag->error(DiagCode::invalid_definition, span, "precision of {} must be between 1 and 1000",
                            sql::to_mig(type));
                return false;
            }
            if (type.scale && (*type.scale < 0 || *type.scale > type.length.value_or(1000))) {
                diag->error(DiagCode::invalid_definition, span, "scale of {} must be between 0 and its precision",
                            sql::to_mig(type));
                return false;
            }
            return true;
        case T::time:
        case T::datetime:
        case T::timestamp:
        case T::timestamptz:
            if (type.length && (*type.length < 0 || *type.length > 6)) {
                diag->error(DiagCode::invalid_definition, span,
                            "fractional seconds of {} must be between 0 and 6", sql::to_mig(type));
                return false;
            }
            return true;
        default: return true;
    }
}

const schema::Table* Replayer::Impl::find_table(const ast::Name& name) {
    if (const schema::Table* t = state.table(name.text)) return t;
    auto b = diag->error(DiagCode::unknown_object, name.span, "unknown table \"{}\"", name.text);
    if (auto close = table_suggestion(name.text)) b.note(state.table(*close)->declared_at, "did you mean \"{}\"?", *close);
    return nullptr;
}

const schema::Column* Replayer::Impl::find_column(const schema::Table& table, const ast::Name& name) {
    if (const schema::Column* c = table.column(name.text)) return c;
    auto b = diag->error(DiagCode::unknown_object, name.span, "table \"{}\" has no column \"{}\"", table.name,
                         name.text);
    if (auto close = column_suggestion(table, name.text))
        b.note(table.column(*close)->declared_at, "did you mean \"{}\"?", *close);
    b.note(table.declared_at, "table \"{}\" declared here", table.name);
    return nullptr;
}

bool Replayer::Impl::check_expr_columns(const sql::ExprRef& expr, const schema::Table& table, const char* context) {
    if (!refuse_reads(expr, context)) return false;
    bool ok = true;
    sql::walk(expr, [&](const sql::Expr& e) {
        if (auto* ref = std::get_if<sql::ColumnRef>(&e.node)) {
            if (!table.column(ref->name)) {
                auto b = diag->error(DiagCode::unknown_object, e.span,
                                     "{} refers to unknown column \"{}\" of table \"{}\"", context, ref->name,
                                     table.name);
                if (auto close = column_suggestion(table, ref->name))
                    b.note(table.column(*close)->declared_at, "did you mean \"{}\"?", *close);
                b.note(table.declared_at, "table \"{}\" declared here", table.name);
                ok = false;
            }
        } else if (auto* lit = std::get_if<sql::Literal>(&e.node)) {
            if (auto bad = check_temporal_literal(*lit)) {
                diag->error(DiagCode::literal_out_of_range, e.span, "{}", *bad);
                ok = false;
            }
        }
    });
    return ok;
}

bool Replayer::Impl::check_default(const sql::ExprRef& value, const schema::Column& column, SourceSpan span) {
    if (!value) return true;
    if (!refuse_reads(value, "a default")) return false;
    bool ok = true;
    sql::walk(value, [&](const sql::Expr& e) {
        if (auto* ref = std::get_if<sql::ColumnRef>(&e.node)) {
            diag->error(DiagCode::invalid_definition, e.span.valid() ? e.span : span,
                        "the default of column \"{}\" cannot refer to column \"{}\"", column.name, ref->name);
            ok = false;
        }
    });
    if (!ok) return false;
    if (auto lit = literal_of(*value)) {
        const schema::EnumType* e =
            column.type.kind == sql::TypeKind::enum_ ? state.enum_type(column.type.enum_name) : nullptr;
        if (auto misfit = check_literal(*lit, column.type, e)) {
            diag->error(misfit->code, value->span.valid() ? value->span : span, "default of column \"{}\": {}",
                        column.name, misfit->message);
            return false;
        }
    }
    return true;
}

bool Replayer::Impl::check_value(const sql::ExprRef& value, const schema::Column& column, const schema::Table& table) {
    if (!value) return true;
    if (auto lit = literal_of(*value)) {
        SourceSpan at = value->span;
        if (lit->kind == sql::LiteralKind::null) {
            if (!column.nullable) {
                diag->error(DiagCode::data_mismatch, at, "null for column {}, which is NOT NULL",
                            qualified(table, column.name))
                    .note(column.declared_at, "column \"{}\" declared here", column.name);
                return false;
            }
            return true;
        }
        const schema::EnumType* e =
            column.type.kind == sql::TypeKind::enum_ ? state.enum_type(column.type.enum_name) : nullptr;
        if (auto misfit = check_literal(*lit, column.type, e)) {
            diag->error(misfit->code, at, "{} (column {})", misfit->message, qualified(table, column.name))
                .note(column.declared_at, "column \"{}\" declared here", column.name);
            return false;
        }
        return true;
    }
    return check_expr_columns(value, table, "the value");
}

bool Replayer::Impl::make_column(const ast::ColumnDef& def, schema::Column& out) {
    bool ok = check_identifier(def.name.text, def.name.span, "column");
    out = schema::Column{};
    out.name = def.name.text;
    out.type = def.type;
    out.declared_at = def.name.span;
    ok = check_type(def.type, def.type_span.valid() ? def.type_span : def.name.span) && ok;
    const ast::ColumnOption* said_null = nullptr;
    const ast::ColumnOption* said_not_null = nullptr;
    const ast::ColumnOption* said_pk = nullptr;
    for (const auto& option : def.options) {
        switch (option.kind) {
            case ast::ColumnOptionKind::null: said_null = &option; out.nullable = true; break;
            case ast::ColumnOptionKind::not_null: said_not_null = &option; out.nullable = false; break;
            case ast::ColumnOptionKind::primary_key: said_pk = &option; break;
            case ast::ColumnOptionKind::autoincrement: out.autoincrement = true; break;
            case ast::ColumnOptionKind::default_: out.default_value = option.expr; break;
            case ast::ColumnOptionKind::comment: out.comment = option.text; break;
            default: break;
        }
    }
    if (said_null && (said_not_null || said_pk)) {
        diag->error(DiagCode::invalid_definition, said_null->span, "column \"{}\" is declared both null and {}",
                    def.name.text, said_pk ? "primary key" : "not null");
        ok = false;
    }
    if (said_pk) out.nullable = false;
    if (ok && out.default_value) ok = check_default(out.default_value, out, def.name.span);
    return ok;
}

bool Replayer::Impl::constraint_from_ast(const schema::Table& work, const ast::TableConstraint& tc,
                                         schema::Constraint& c, bool& generated) {
    c = schema::Constraint{};
    c.declared_at = tc.span.valid() ? tc.span : (tc.name ? tc.name->span : SourceSpan{});
    for (const auto& n : tc.columns) c.columns.push_back(n.text);
    switch (tc.kind) {
        case ast::ConstraintKind::primary_key: c.kind = schema::ConstraintKind::primary_key; break;
        case ast::ConstraintKind::unique: c.kind = schema::ConstraintKind::unique; break;
        case ast::ConstraintKind::check: c.kind = schema::ConstraintKind::check; c.check = tc.check; break;
        case ast::ConstraintKind::foreign_key:
            c.kind = schema::ConstraintKind::foreign_key;
            if (tc.references) {
                c.ref_table = tc.references->table.text;
                for (const auto& n : tc.references->columns) c.ref_columns.push_back(n.text);
                c.on_delete = tc.references->on_delete;
                c.on_update = tc.references->on_update;
            }
            break;
    }
    generated = !tc.name;
    if (tc.name) {
        c.name = tc.name->text;
    } else {
        switch (c.kind) {
            case schema::ConstraintKind::primary_key: c.name = primary_key_name(work.name); break;
            case schema::ConstraintKind::unique: c.name = unique_name(work.name, c.columns); break;
            case schema::ConstraintKind::foreign_key: c.name = foreign_key_name(work.name, c.columns, c.ref_table); break;
            case schema::ConstraintKind::check:
                for (int n = 1;; ++n) {
                    c.name = table_check_name(work.name, n);
                    if (!work.constraint(c.name)) break;
                }
                break;
        }
        name_by_engine(work, c);
    }
    return true;
}

void Replayer::Impl::name_by_engine(const schema::Table& work, schema::Constraint& c) const {
    if (options.naming != Naming::engine || !options.dialect) return;
    c.name_from_engine = true;
    if (auto name = engine_constraint_name({*options.dialect, options.mariadb}, state, work, c)) {
        c.name = *name;
        return;
    }
    // No name on the engine (SQLite): the model's own stays unique in the table.
    if (!work.constraint(c.name)) return;
    std::string base = c.name;
    for (int n = 2; work.constraint(c.name); ++n) c.name = base + "_" + std::to_string(n);
}

bool Replayer::Impl::column_constraints(schema::Table& work, const ast::ColumnDef& def,
                                        std::vector<schema::Constraint>* added, bool foreign_keys) {
    bool ok = true;
    for (const auto& option : def.options) {
        if ((option.kind == ast::ColumnOptionKind::references) != foreign_keys) continue;
        schema::Constraint c;
        c.declared_at = option.span.valid() ? option.span : def.name.span;
        c.columns = {def.name.text};
        switch (option.kind) {
            case ast::ColumnOptionKind::primary_key:
                c.kind = schema::ConstraintKind::primary_key;
                c.name = primary_key_name(work.name);
                break;
            case ast::ColumnOptionKind::unique:
                c.kind = schema::ConstraintKind::unique;
                c.name = unique_name(work.name, c.columns);
                break;
            case ast::ColumnOptionKind::check:
                c.kind = schema::ConstraintKind::check;
                c.columns.clear();
                c.check = option.expr;
                c.name = column_check_name(work.name, def.name.text);
                break;
            case ast::ColumnOptionKind::references:
                if (!option.references) continue;
                c.kind = schema::ConstraintKind::foreign_key;
                c.ref_table = option.references->table.text;
                for (const auto& n : option.references->columns) c.ref_columns.push_back(n.text);
                c.on_delete = option.references->on_delete;
                c.on_update = option.references->on_update;
                c.name = foreign_key_name(work.name, c.columns, c.ref_table);
                break;
            default: continue;
        }
        name_by_engine(work, c);
        if (add_constraint(work, c, c.declared_at, true)) {
            if (added) added->push_back(*work.constraint(c.name));
        } else {
            ok = false;
        }
    }
    return ok;
}

bool Replayer::Impl::add_constraint(schema::Table& work, schema::Constraint c, SourceSpan at, bool generated) {
    bool ok = check_identifier(c.name, at, "constraint", generated);
    if (!constraint_name_free(work, c, at, generated)) return false;
    ok = check_constraint_columns(work, c, at) && ok;
    if (c.kind == schema::ConstraintKind::check) ok = check_expr_columns(c.check, work, "the check") && ok;
    if (!ok) return false;
    if (c.kind == schema::ConstraintKind::foreign_key && !check_foreign_key(work, c, at)) return false;
    if (c.kind == schema::ConstraintKind::primary_key)
        for (const auto& name : c.columns) work.column(name)->nullable = false;
    work.constraints.push_back(std::move(c));
    return true;
}

bool Replayer::Impl::constraint_name_free(const schema::Table& work, const schema::Constraint& c, SourceSpan at,
                                          bool generated) {
    if (c.kind == schema::ConstraintKind::primary_key) {
        if (const schema::Constraint* pk = work.primary_key()) {
            diag->error(DiagCode::duplicate_object, at, "table \"{}\" already has a primary key ({})", work.name,
                        pk->name)
                .note(pk->declared_at, "primary key \"{}\" declared here", pk->name);
            return false;
        }
    }
    if (const schema::Constraint* existing = work.constraint(c.name)) {
        auto b = diag->error(DiagCode::duplicate_object, at, "constraint \"{}\" already exists in table \"{}\"", c.name,
                             work.name);
        b.note(existing->declared_at, "constraint \"{}\" declared here", c.name);
        if (generated) b.note(at, "the name comes from the naming convention; name this one with `constraint NAME`");
        return false;
    }
    return true;
}

bool Replayer::Impl::check_constraint_columns(const schema::Table& work, const schema::Constraint& c, SourceSpan at) {
    bool ok = true;
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        if (!work.column(c.columns[i])) {
            auto b = diag->error(DiagCode::unknown_object, at, "{} \"{}\" names unknown column \"{}\" of table \"{}\"",
                                 kind_word(c.kind), c.name, c.columns[i], work.name);
            if (auto close = column_suggestion(work, c.columns[i]))
                b.note(work.column(*close)->declared_at, "did you mean \"{}\"?", *close);
            b.note(work.declared_at, "table \"{}\" declared here", work.name);
            ok = false;
        }
        for (std::size_t j = 0; j < i; ++j)
            if (c.columns[j] == c.columns[i]) {
                diag->error(DiagCode::invalid_definition, at, "{} \"{}\" names column \"{}\" twice", kind_word(c.kind),
                            c.name, c.columns[i]);
                ok = false;
            }
    }
    return ok;
}

bool Replayer::Impl::check_foreign_key(const schema::Table& work, schema::Constraint& fk, SourceSpan at) {
    const schema::Table* target = fk_target(work, fk, at);
    return target && fk_references_key(*target, fk, at) && check_fk_columns(work, *target, fk, at);
}

const schema::Table* Replayer::Impl::fk_target(const schema::Table& work, schema::Constraint& fk, SourceSpan at) {
    const schema::Table* target = fk.ref_table == work.name ? &work : state.table(fk.ref_table);
    if (!target) {
        auto b = diag->error(DiagCode::unknown_object, at, "foreign key \"{}\" references unknown table \"{}\"",
                             fk.name, fk.ref_table);
        if (auto close = table_suggestion(fk.ref_table))
            b.note(state.table(*close)->declared_at, "did you mean \"{}\"?", *close);
        return nullptr;
    }
    if (fk.ref_columns.empty()) {
        const schema::Constraint* pk = target->primary_key();
        if (!pk) {
            diag->error(DiagCode::foreign_key_mismatch, at,
                        "foreign key \"{}\" references table \"{}\", which has no primary key; name the "
                        "referenced columns",
                        fk.name, target->name)
                .note(target->declared_at, "table \"{}\" declared here", target->name);
            return nullptr;
        }
        fk.ref_columns = pk->columns;
    }
    if (fk.ref_columns.size() != fk.columns.size()) {
        diag->error(DiagCode::foreign_key_mismatch, at, "foreign key \"{}\" has {} column{} but references {}",
                    fk.name, fk.columns.size(), fk.columns.size() == 1 ? "" : "s", fk.ref_columns.size());
        return nullptr;
    }
    bool ok = true;
    for (const auto& rc : fk.ref_columns)
        if (!target->column(rc)) {
            auto b = diag->error(DiagCode::unknown_object, at,
                                 "foreign key \"{}\" references unknown column \"{}\" of table \"{}\"", fk.name,
                                 rc, target->name);
            if (auto close = column_suggestion(*target, rc))
                b.note(target->column(*close)->declared_at, "did you mean \"{}\"?", *close);
            b.note(target->declared_at, "table \"{}\" declared here", target->name);
            ok = false;
        }
    return ok ? target : nullptr;
}

bool Replayer::Impl::fk_references_key(const schema::Table& target, const schema::Constraint& fk, SourceSpan at) {
    for (const auto& k : target.constraints)
        if ((k.kind == schema::ConstraintKind::primary_key || k.kind == schema::ConstraintKind::unique) &&
            same_set(k.columns, fk.ref_columns))
            return true;
    for (const auto& ix : target.indexes) {
        if (!ix.unique || ix.where) continue;
        std::vector<std::string> cols;
        for (const auto& ic : ix.columns) cols.push_back(ic.column);
        if (same_set(cols, fk.ref_columns)) return true;
    }
    diag->error(DiagCode::foreign_key_mismatch, at,
                "foreign key \"{}\" references {}({}), which is neither the primary key nor unique", fk.name,
                target.name, join(fk.ref_columns))
        .note(target.declared_at, "table \"{}\" declared here", target.name);
    return false;
}

bool Replayer::Impl::check_fk_columns(const schema::Table& work, const schema::Table& target,
                                      const schema::Constraint& fk, SourceSpan at) {
    bool ok = true;
    bool sets_null = fk.on_delete == sql::FkAction::set_null || fk.on_update == sql::FkAction::set_null;
    for (std::size_t i = 0; i < fk.columns.size(); ++i) {
        const schema::Column* mine = work.column(fk.columns[i]);
        const schema::Column* theirs = target.column(fk.ref_columns[i]);
        if (!fk_compatible(mine->type, theirs->type)) {
            diag->error(DiagCode::foreign_key_mismatch, at,
                        "foreign key \"{}\": column {} ({}) cannot reference {} ({}): the types differ", fk.name,
                        qualified(work, mine->name), sql::to_mig(mine->type), qualified(target, theirs->name),
                        sql::to_mig(theirs->type))
                .note(theirs->declared_at, "column \"{}\" declared here", theirs->name);
            ok = false;
        }
        if (sets_null && !mine->nullable) {
            diag->error(DiagCode::invalid_definition, at,
                        "foreign key \"{}\" sets column {} to null, but the column is NOT NULL", fk.name,
                        qualified(work, mine->name))
                .note(mine->declared_at, "column \"{}\" declared here", mine->name);
            ok = false;
        }
    }
    return ok;
}

bool Replayer::Impl::check_autoincrement(const schema::Table& table, SourceSpan span) {
    bool ok = true;
    const schema::Constraint* pk = table.primary_key();
    for (const auto& col : table.columns) {
        if (!col.autoincrement) continue;
        bool single_pk = pk && pk->columns.size() == 1 && pk->columns[0] == col.name;
        if (!sql::is_integer(col.type.kind) || !single_pk) {
            diag->error(DiagCode::invalid_definition, col.declared_at.valid() ? col.declared_at : span,
                        "autoincrement is allowed only on a single integer primary-key column; \"{}\" is {}{}",
                        col.name, sql::to_mig(col.type),
                        single_pk ? "" : (pk ? " and not the whole primary key" : " and the table has no primary key"));
            ok = false;
        }
    }
    return ok;
}

bool Replayer::Impl::column_in_use(const schema::Table& table, const std::string& column, SourceSpan at,
                                   const char* doing) {
    for (const auto& c : table.constraints) {
        bool uses = std::find(c.columns.begin(), c.columns.end(), column) != c.columns.end() ||
                    sql::mentions(c.check, column) ||
                    (c.kind == schema::ConstraintKind::foreign_key && c.ref_table == table.name &&
                     std::find(c.ref_columns.begin(), c.ref_columns.end(), column) != c.ref_columns.end());
        if (uses) {
            diag->error(DiagCode::object_in_use, at, "cannot {} column {}: {} \"{}\" uses it", doing,
                        qualified(table, column), kind_word(c.kind), c.name)
                .note(c.declared_at, "{} \"{}\" declared here; drop it first", kind_word(c.kind), c.name);
            return true;
        }
    }
    for (const auto& ix : table.indexes) {
        bool uses = std::any_of(ix.columns.begin(), ix.columns.end(), [&](const auto& ic) { return ic.column == column; }) ||
                    sql::mentions(ix.where, column);
        if (uses) {
            diag->error(DiagCode::object_in_use, at, "cannot {} column {}: index \"{}\" uses it", doing,
                        qualified(table, column), ix.name)
                .note(ix.declared_at, "index \"{}\" declared here; drop it first", ix.name);
            return true;
        }
    }
    if (auto it = state.inbound_fks.find(table.name); it != state.inbound_fks.end()) {
        for (const auto& [other, name] : it->second) {
            if (other == table.name) continue;
            const schema::Constraint* fk = state.table(other)->constraint(name);
            if (std::find(fk->ref_columns.begin(), fk->ref_columns.end(), column) != fk->ref_columns.end()) {
                diag->error(DiagCode::object_in_use, at, "cannot {} column {}: foreign key \"{}\" of table \"{}\" references it",
                            doing, qualified(table, column), name, other)
                    .note(fk->declared_at, "foreign key \"{}\" declared here; drop it first", name);
                return true;
            }
        }
    }
    return false;
}

}  // namespace retort::replay
