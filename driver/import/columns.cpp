#include "driver/import/columns.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "driver/import/mig_text.hpp"

namespace retort::driver::import {

namespace {

Problem problem_at(const Value& v, std::string what, std::string instead = {}) {
    return Problem{v.span, std::move(what), std::move(instead)};
}

bool looks_numeric(const std::string& s) {
    if (s.empty()) return false;
    std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    bool digit = false, dot = false;
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i]))) digit = true;
        else if (s[i] == '.' && !dot) dot = true;
        else return false;
    }
    return digit;
}

std::optional<std::string> fk_action(const Value* v, Problem& problem) {
    if (!v || v->is(ValueKind::none)) return std::string();
    if (!v->is(ValueKind::string)) {
        problem = problem_at(*v, "an ondelete/onupdate that is not a string");
        return std::nullopt;
    }
    std::string a = v->text;
    std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static constexpr std::string_view known[] = {"cascade", "restrict", "set null", "set default", "no action"};
    for (std::string_view k : known)
        if (a == k) return a;
    problem = problem_at(*v, fmt::format("the foreign-key action '{}'", v->text),
                         "one of CASCADE, RESTRICT, SET NULL, SET DEFAULT, NO ACTION");
    return std::nullopt;
}

// 'students.id' -> (students, id)
bool split_target(const Value& v, std::string& table, std::string& column, Problem& problem) {
    std::string text;
    if (v.is(ValueKind::string)) text = v.text;
    else if (v.is(ValueKind::call) && v.text == "sqlalchemy.Column" && !v.items.empty() && v.items[0].is(ValueKind::string))
        text = v.items[0].text;
    auto dot = text.find('.');
    if (text.empty() || dot == std::string::npos || text.find('.', dot + 1) != std::string::npos) {
        problem = problem_at(v, fmt::format("the foreign-key target {}", describe(v)),
                             "name it as 'table.column' (a table in another schema is not supported)");
        return false;
    }
    table = text.substr(0, dot);
    column = text.substr(dot + 1);
    return true;
}

std::string named(const std::optional<std::string>& name) {
    return name && !name->empty() ? "constraint " + mig_name(*name) + " " : "";
}

}  // namespace

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + mig_name(n);
    return out;
}

std::optional<std::string> constraint_name(const Value* v, Problem& problem) {
    if (!v || v->is(ValueKind::none)) return std::string();
    if (v->is(ValueKind::string)) return v->text;
    bool batch_f = v->is(ValueKind::call) && v->text == ".f" && v->receiver &&
                   v->receiver->is_call_of("alembic.op.batch_alter_table");
    if (v->is(ValueKind::call) && (batch_f || v->text == "alembic.op.f" || v->text == "sqlalchemy.schema.conv" ||
                                   v->text == "sqlalchemy.conv") &&
        v->items.size() == 1 && v->items[0].is(ValueKind::string))
        return v->items[0].text;
    problem = problem_at(*v, fmt::format("the name {}", describe(*v)), "write the name as a string");
    return std::nullopt;
}

std::optional<std::vector<std::string>> name_list(const Value* v, Problem& problem) {
    std::vector<std::string> out;
    if (!v) return out;
    if (v->is(ValueKind::string)) return std::vector<std::string>{v->text};
    if (!v->is(ValueKind::list)) {
        problem = problem_at(*v, fmt::format("the column list {}", describe(*v)), "list the column names as strings");
        return std::nullopt;
    }
    for (const Value& item : v->items) {
        if (item.is(ValueKind::string)) out.push_back(item.text);
        else if (item.is_call_of("sqlalchemy.column") && !item.items.empty() && item.items[0].is(ValueKind::string))
            out.push_back(item.items[0].text);
        else {
            problem = problem_at(item, fmt::format("the index or constraint element {}", describe(item)),
                                 "retort indexes and constraints list plain column names");
            return std::nullopt;
        }
    }
    return out;
}

std::optional<std::string> fk_actions(const Value& call, Problem& problem) {
    auto del = fk_action(call.keyword("ondelete"), problem);
    if (!del) return std::nullopt;
    auto upd = fk_action(call.keyword("onupdate"), problem);
    if (!upd) return std::nullopt;
    std::string out;
    if (!del->empty()) out += " on delete " + *del;
    if (!upd->empty()) out += " on update " + *upd;
    return out;
}

std::optional<std::string> default_expression(const Value& v, const MigType* type, Problem& problem,
                                              std::vector<Warning>* warnings) {
    if (v.is(ValueKind::string)) {
        // SQLAlchemy sends a string default as a quoted literal, also on a
        // number column (DEFAULT '0'); so does retort.
        if (type && type->text == "boolean") {
            if (v.text == "0" || v.text == "false" || v.text == "False") return std::string("false");
            if (v.text == "1" || v.text == "true" || v.text == "True") return std::string("true");
        }
        return mig_string(v.text);
    }
    if (v.is(ValueKind::number)) return v.text;
    if (v.is(ValueKind::boolean)) return std::string(v.flag ? "true" : "false");
    if ((v.is_call_of("sqlalchemy.text") || v.is_call_of("sqlalchemy.literal_column")) && v.items.size() == 1 &&
        v.items[0].is(ValueKind::string)) {
        // MySQL keeps a boolean's default as 1 / 0: autogenerate writes sa.text('1') for `true`.
        if (type && type->text == "boolean") {
            std::string l = v.items[0].text;
            std::transform(l.begin(), l.end(), l.begin(), [](unsigned char ch) { return std::tolower(ch); });
            if (l == "0" || l == "false" || l == "'0'") return std::string("false");
            if (l == "1" || l == "true" || l == "'1'") return std::string("true");
        }
        std::string l = v.items[0].text;
        std::transform(l.begin(), l.end(), l.begin(), [](unsigned char ch) { return std::tolower(ch); });
        std::erase(l, ' ');
        if (warnings && (l == "current_timestamp" || l == "(current_timestamp)"))
            warnings->push_back({v.span, "sa.text('" + v.items[0].text + "') becomes now(): the same value, but "
                                         "PostgreSQL's catalog then shows DEFAULT now() where Alembic's shows "
                                         "CURRENT_TIMESTAMP"});
        return mig_sql_expression(v.items[0].text);
    }
    if (v.is_call_of("sqlalchemy.func.now") || v.is_call_of("sqlalchemy.func.current_timestamp") ||
        v.is_call_of("sqlalchemy.func.localtimestamp"))
        return std::string("now()");
    if (v.is_call_of("sqlalchemy.func.current_date")) return std::string("current_date");
    if (v.is_call_of("sqlalchemy.true")) return std::string("true");
    if (v.is_call_of("sqlalchemy.false")) return std::string("false");
    if (v.is_call_of("sqlalchemy.null")) return std::string("null");
    problem = problem_at(v, fmt::format("the server default {}", describe(v)),
                         "write the default as a string, sa.text('...') or sa.func.now()");
    return std::nullopt;
}

std::optional<std::string> literal(const Value& v, Problem& problem) {
    switch (v.kind) {
    case ValueKind::none: return std::string("null");
    case ValueKind::boolean: return std::string(v.flag ? "true" : "false");
    case ValueKind::number: return v.text;
    case ValueKind::string:
        if (v.text.find('\0') != std::string::npos) break;
        return mig_string(v.text);
    case ValueKind::call: {
        std::vector<std::string> parts;
        for (const Value& a : v.items)
            if (a.is(ValueKind::number)) parts.push_back(a.text);
        auto pad = [&](std::size_t i) { return fmt::format("{:0>2}", i < parts.size() ? parts[i] : "0"); };
        bool all_numbers = parts.size() == v.items.size() && v.keywords.empty();
        if (v.text == "datetime.date" && all_numbers && parts.size() == 3)
            return fmt::format("date '{:0>4}-{}-{}'", parts[0], pad(1), pad(2));
        if (v.text == "datetime.datetime" && all_numbers && parts.size() >= 3 && parts.size() <= 6)
            return fmt::format("timestamp '{:0>4}-{}-{} {}:{}:{}'", parts[0], pad(1), pad(2), pad(3), pad(4), pad(5));
        if ((v.text == "decimal.Decimal") && v.items.size() == 1 && v.items[0].is(ValueKind::string) &&
            looks_numeric(v.items[0].text))
            return v.items[0].text;
        break;
    }
    default: break;
    }
    problem = problem_at(v, fmt::format("the value {}", describe(v)),
                         "write the value as a literal (a string, a number, True/False/None, datetime.date(...))");
    return std::nullopt;
}

std::optional<std::string> declare_enum(const MigType& type, ImportState& state) {
    if (!type.enum_decl || !type.enum_decl->create || state.enums.count(type.enum_decl->name)) return std::nullopt;
    if (type.enum_decl->values.empty()) return std::nullopt;
    state.enums.insert(type.enum_decl->name);
    state.enum_values[type.enum_decl->name] = type.enum_decl->values;
    std::string values;
    for (const std::string& v : type.enum_decl->values) values += (values.empty() ? "" : ", ") + mig_string(v);
    return fmt::format("create type {} as enum ({});", mig_name(type.enum_decl->name), values);
}

std::optional<ColumnDef> read_column(const Value& column, ImportState& state, Problem& problem) {
    if (!column.is_call_of("sqlalchemy.Column")) {
        problem = problem_at(column, fmt::format("{} where a sa.Column(...) belongs", describe(column)));
        return std::nullopt;
    }
    ColumnDef c;
    std::size_t next = 0;
    if (column.items.empty() || !column.items[0].is(ValueKind::string)) {
        problem = problem_at(column, "a sa.Column without its name as the first argument");
        return std::nullopt;
    }
    c.name = column.items[next++].text;
    bool have_type = false;
    for (; next < column.items.size(); ++next) {
        const Value& a = column.items[next];
        if (a.is_call_of("sqlalchemy.ForeignKey")) {
            std::string table, col;
            if (a.items.empty() || !split_target(a.items[0], table, col, problem)) {
                if (a.items.empty()) problem = problem_at(a, "a sa.ForeignKey without its target");
                return std::nullopt;
            }
            auto actions = fk_actions(a, problem);
            if (!actions) return std::nullopt;
            if (a.keyword("name") && !a.keyword("name")->is(ValueKind::none)) {
                problem = problem_at(a, "a named sa.ForeignKey inside sa.Column",
                                     "declare it as sa.ForeignKeyConstraint(..., name=...) in the table");
                return std::nullopt;
            }
            c.references = fmt::format(" references {} ({}){}", mig_name(table), mig_name(col), *actions);
            c.is_foreign_key = true;
        } else if (!have_type) {
            TypeError error;
            auto t = mig_type(a, error);
            if (!t) {
                problem = problem_at(a, error.message, "the type table is in docs/import.md");
                problem.unknown_type = true;
                return std::nullopt;
            }
            c.type = *t;
            have_type = true;
        } else {
            problem = problem_at(a, fmt::format("the sa.Column argument {}", describe(a)));
            return std::nullopt;
        }
    }
    if (const Value* t = column.keyword("type_"); t && !have_type) {
        TypeError error;
        auto mt = mig_type(*t, error);
        if (!mt) {
            problem = problem_at(*t, error.message, "the type table is in docs/import.md");
            problem.unknown_type = true;
            return std::nullopt;
        }
        c.type = *mt;
        have_type = true;
    }
    if (!have_type) {
        problem = problem_at(column, "a sa.Column without a type", "give its SQLAlchemy type");
        return std::nullopt;
    }
    if (c.type.enum_decl && c.type.enum_decl->name.empty()) {
        // A mysql.ENUM without a name (autogenerate reflects MySQL's inline
        // ENUM so): the enum type of this history with the same values, else
        // a new one named <column>_enum.
        std::string name;
        for (const auto& [known, values] : state.enum_values)
            if (state.enums.count(known) && values == c.type.enum_decl->values) name = known;
        if (name.empty()) {
            name = c.name + "_enum";
            for (int n = 2; state.enums.count(name); ++n) name = fmt::format("{}_enum_{}", c.name, n);
        }
        c.type.enum_decl->name = name;
        c.type.text = name;
        state.warnings.push_back({column.span, fmt::format("mysql.ENUM without name= is the enum type {} (MySQL "
                                                           "declares it inline; the name is retort's)",
                                                           name)});
    }
    if (c.type.json != JsonFlavor::none) state.json_flavors.insert(c.type.json);
    for (const Keyword& k : column.keywords) {
        const Value& v = *k.value;
        auto flag = [&](bool& out) {
            if (!v.is(ValueKind::boolean)) return false;
            out = v.flag;
            return true;
        };
        bool ok = true;
        if (k.name == "primary_key") ok = flag(c.primary_key);
        else if (k.name == "nullable") ok = flag(c.nullable);
        else if (k.name == "unique") ok = v.is(ValueKind::none) || flag(c.unique);
        else if (k.name == "index") ok = v.is(ValueKind::none) || flag(c.index);
        else if (k.name == "autoincrement") {
            if (v.is(ValueKind::boolean)) c.autoincrement = v.flag;
            else ok = v.is(ValueKind::string) && v.text == "auto";
        } else if (k.name == "server_default") {
            if (!v.is(ValueKind::none)) {
                auto d = default_expression(v, &c.type, problem, &state.warnings);
                if (!d) return std::nullopt;
                c.default_sql = *d;
            }
        } else if (k.name == "comment") {
            if (v.is(ValueKind::string)) {
                c.comment = v.text;
                c.has_comment = true;
            } else ok = v.is(ValueKind::none);
        } else if (k.name == "default" || k.name == "onupdate" || k.name == "doc" || k.name == "info" ||
                   k.name == "key" || k.name == "quote" || k.name == "type_") {
            // Python-side only: not in the database.
        } else {
            problem = problem_at(v, fmt::format("the sa.Column option {}=", k.name),
                                 "retort columns take primary_key, nullable, unique, index, autoincrement, "
                                 "server_default and comment");
            return std::nullopt;
        }
        if (!ok) {
            problem = problem_at(v, fmt::format("{}={} of sa.Column", k.name, describe(v)), "write True or False");
            return std::nullopt;
        }
    }
    if (c.primary_key && !column.keyword("nullable")) c.nullable = false;
    return c;
}

std::string render_column(const ColumnDef& c, bool autoincrement) {
    std::string out = mig_name(c.name) + " " + c.type.text;
    if (c.primary_key) out += " primary key";
    else if (!c.nullable) out += " not null";
    if (autoincrement) out += " autoincrement";
    if (c.unique && !c.index) out += " unique";
    if (!c.default_sql.empty()) out += " default " + c.default_sql;
    out += c.references;
    if (c.has_comment) out += " comment " + mig_string(c.comment);
    return out;
}

std::string render_index(const std::string& name, const std::string& table, const std::vector<std::string>& columns,
                         bool unique, bool concurrently, const std::string& where) {
    return fmt::format("create {}index {}{} on {} ({}){};", unique ? "unique " : "", concurrently ? "concurrently " : "",
                       mig_name(name), mig_name(table), join_names(columns), where.empty() ? "" : " where " + where);
}

bool read_table_item(const std::string& table, const Value& item, TablePieces& pieces, std::vector<ColumnDef>& columns,
                     ImportState& state, Problem& problem) {
    auto positional_names = [&](std::size_t from) {
        std::vector<std::string> names;
        for (std::size_t i = from; i < item.items.size(); ++i) {
            if (!item.items[i].is(ValueKind::string)) return std::optional<std::vector<std::string>>();
            names.push_back(item.items[i].text);
        }
        return std::optional<std::vector<std::string>>(names);
    };
    if (item.is_call_of("sqlalchemy.Column")) {
        auto c = read_column(item, state, problem);
        if (!c) return false;
        columns.push_back(*c);
        return true;
    }
    auto name = constraint_name(item.keyword("name"), problem);
    if (!name) return false;
    if (item.is_call_of("sqlalchemy.PrimaryKeyConstraint") || item.is_call_of("sqlalchemy.UniqueConstraint")) {
        auto cols = positional_names(0);
        if (!cols || cols->empty()) {
            problem = problem_at(item, "a constraint whose columns are not names written as strings");
            return false;
        }
        bool pk = item.text == "sqlalchemy.PrimaryKeyConstraint";
        pieces.elements.push_back(fmt::format("{}{} ({})", named(name), pk ? "primary key" : "unique", join_names(*cols)));
        if (!pk && !name->empty()) state.unique_constraints[table].insert(*name);
        if (pk) pieces.primary_key = *cols;
        if (pk)
            for (ColumnDef& c : columns)
                if (std::find(cols->begin(), cols->end(), c.name) != cols->end()) c.nullable = false;
        return true;
    }
    if (item.is_call_of("sqlalchemy.ForeignKeyConstraint")) {
        auto local = name_list(item.arg(0, "columns"), problem);
        if (!local) return false;
        const Value* refs = item.arg(1, "refcolumns");
        if (!refs || !refs->is(ValueKind::list) || refs->items.size() != local->size() || local->empty()) {
            problem = problem_at(item, "a sa.ForeignKeyConstraint whose two column lists do not match");
            return false;
        }
        std::string ref_table;
        std::vector<std::string> ref_cols;
        for (const Value& r : refs->items) {
            std::string t, c;
            if (!split_target(r, t, c, problem)) return false;
            if (!ref_table.empty() && t != ref_table) {
                problem = problem_at(r, "a sa.ForeignKeyConstraint that points into two tables");
                return false;
            }
            ref_table = t;
            ref_cols.push_back(c);
        }
        auto actions = fk_actions(item, problem);
        if (!actions) return false;
        pieces.elements.push_back(fmt::format("{}foreign key ({}) references {} ({}){}", named(name), join_names(*local),
                                              mig_name(ref_table), join_names(ref_cols), *actions));
        return true;
    }
    if (item.is_call_of("sqlalchemy.CheckConstraint")) {
        const Value* text = item.arg(0, "sqltext");
        std::string sql;
        if (text && text->is(ValueKind::string)) sql = text->text;
        else if (text && text->is_call_of("sqlalchemy.text") && !text->items.empty() && text->items[0].is(ValueKind::string))
            sql = text->items[0].text;
        else {
            problem = problem_at(item, "a sa.CheckConstraint whose condition is not SQL text",
                                 "write the condition as a string");
            return false;
        }
        pieces.elements.push_back(fmt::format("{}check ({})", named(name), mig_sql_expression(sql)));
        return true;
    }
    if (item.is_call_of("sqlalchemy.Index")) {
        auto cols = positional_names(1);
        if (!cols || cols->empty() || !name || item.items.empty() || !item.items[0].is(ValueKind::string)) {
            problem = problem_at(item, "a sa.Index without a name and plain column names");
            return false;
        }
        const Value* unique = item.keyword("unique");
        pieces.after.push_back(render_index(item.items[0].text, table, *cols, unique && unique->flag, false, ""));
        return true;
    }
    problem = problem_at(item, fmt::format("{} in create_table", describe(item)),
                         "create_table takes sa.Column, sa.PrimaryKeyConstraint, sa.ForeignKeyConstraint, "
                         "sa.UniqueConstraint, sa.CheckConstraint and sa.Index");
    return false;
}

}  // namespace retort::driver::import
