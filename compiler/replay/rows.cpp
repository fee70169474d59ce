// Rows and stored values (docs/schema-model.md, "Rows and stored values"):
// whether a table certainly holds rows, may hold rows or is certainly empty,
// and the literals replayed inserts stored that no later statement may have
// changed. `check` fails where these make the engine fail or change data.
#include <algorithm>

#include "compiler/replay/literal_check.hpp"
#include "compiler/replay/replayer_impl.hpp"

namespace retort::replay {

namespace {

// At most this many values are kept per column: fewer errors beyond it,
// never a wrong one (each kept value is certain).
constexpr std::size_t max_stored = 256;

void append(schema::Column& column, std::vector<schema::StoredValue> values) {
    if (values.empty()) return;
    std::vector<schema::StoredValue> all = column.stored ? *column.stored : std::vector<schema::StoredValue>{};
    for (auto& v : values) {
        if (all.size() >= max_stored) break;
        all.push_back(std::move(v));
    }
    column.stored = std::make_shared<const std::vector<schema::StoredValue>>(std::move(all));
}

}  // namespace

bool Replayer::Impl::visible(const std::string& rev) const {
    if (rev == revision || !options.is_ancestor) return true;
    if (ancestor_cache_of != revision) {
        ancestor_cache.clear();
        ancestor_cache_of = revision;
    }
    auto it = ancestor_cache.find(rev);
    if (it == ancestor_cache.end()) it = ancestor_cache.emplace(rev, options.is_ancestor(rev, revision)).first;
    return it->second;
}

schema::RowState Replayer::Impl::rows_of(const schema::Table& t) const {
    switch (t.rows) {
        case schema::RowState::some:
            return visible(t.rows_revision) ? schema::RowState::some : schema::RowState::unknown;
        case schema::RowState::none:
            // Empty in the revision that created or emptied it; the
            // application may have filled it since.
            return t.rows_revision == revision ? schema::RowState::none : schema::RowState::unknown;
        case schema::RowState::unknown: break;
    }
    return schema::RowState::unknown;
}

std::vector<const schema::StoredValue*> Replayer::Impl::stored_values(const schema::Column& column) const {
    std::vector<const schema::StoredValue*> out;
    if (!column.stored) return out;
    for (const auto& v : *column.stored)
        if (visible(v.revision)) out.push_back(&v);
    return out;
}

void Replayer::Impl::note_insert(schema::Table& t, const std::vector<std::string>& columns,
                                 const std::vector<std::vector<sql::ExprRef>>& rows, SourceSpan at) {
    if (rows.empty()) return;
    if (rows_of(t) != schema::RowState::some) {
        t.rows = schema::RowState::some;
        t.rows_at = at;
        t.rows_revision = revision;
    }
    for (auto& column : t.columns) {
        std::vector<schema::StoredValue> values;
        auto listed = std::find(columns.begin(), columns.end(), column.name);
        if (listed != columns.end()) {
            const std::size_t i = static_cast<std::size_t>(listed - columns.begin());
            for (const auto& row : rows)
                if (i < row.size() && row[i])
                    if (auto lit = literal_of(*row[i])) values.push_back({*lit, row[i]->span, revision});
        } else if (column.autoincrement) {
            continue;  // the engine numbers the rows: no literal
        } else if (column.default_value) {
            if (auto lit = literal_of(*column.default_value)) values.push_back({*lit, at, revision});
        } else if (column.nullable) {
            values.push_back({sql::Literal{sql::LiteralKind::null, "null"}, at, revision});
        }
        append(column, std::move(values));
    }
}

void Replayer::Impl::forget_values(schema::Table& t, const std::vector<std::string>& columns) {
    for (auto& column : t.columns)
        if (columns.empty() || std::find(columns.begin(), columns.end(), column.name) != columns.end())
            column.stored = nullptr;
}

void Replayer::Impl::note_emptied(schema::Table& t, SourceSpan at) {
    t.rows = schema::RowState::none;
    t.rows_at = at;
    t.rows_revision = revision;
    forget_values(t, {});
}

void Replayer::Impl::note_added_column(const schema::Table& t, schema::Column& column, SourceSpan at) {
    column.stored = nullptr;
    if (rows_of(t) != schema::RowState::some || column.autoincrement) return;
    if (!column.default_value) {
        if (column.nullable) append(column, {{sql::Literal{sql::LiteralKind::null, "null"}, at, revision}});
    } else if (auto lit = literal_of(*column.default_value)) {
        append(column, {{*lit, at, revision}});
    }
}

bool Replayer::Impl::check_add_not_null(const schema::Table& t, const schema::Column& column, SourceSpan at) {
    if (column.nullable || column.default_value || column.autoincrement) return true;
    switch (rows_of(t)) {
        case schema::RowState::none: return true;
        case schema::RowState::unknown:
            diag->warning(DiagCode::lint_not_null_without_default, at,
                          "adding NOT NULL column {} without a default fails if table \"{}\" has rows",
                          qualified(t, column.name), t.name);
            return true;
        case schema::RowState::some: break;
    }
    diag->error(DiagCode::not_null_on_rows, at,
                "adding NOT NULL column {} without a default to table \"{}\", which holds rows: PostgreSQL and SQLite "
                "refuse it, MySQL fills every row with an implicit default",
                qualified(t, column.name), t.name)
        .note(t.rows_at, "rows inserted here (revision {})", t.rows_revision)
        .note(at, "give the column a default, or add it nullable, fill it, then `set not null`");
    return false;
}

bool Replayer::Impl::check_stored_not_null(const schema::Table& t, const schema::Column& column, SourceSpan at) {
    for (const schema::StoredValue* v : stored_values(column)) {
        if (v->value.kind != sql::LiteralKind::null) continue;
        diag->error(DiagCode::stored_value_misfit, at,
                    "column {} cannot become NOT NULL: a replayed insert left null in it", qualified(t, column.name))
            .note(v->at, "null stored here (revision {}); fill the column with an update first", v->revision);
        return false;
    }
    return true;
}

bool Replayer::Impl::check_stored_fit(const schema::Table& t, const schema::Column& from, const sql::Type& to,
                                      SourceSpan at) {
    const schema::EnumType* e = to.kind == sql::TypeKind::enum_ ? state.enum_type(to.enum_name) : nullptr;
    for (const schema::StoredValue* v : stored_values(from)) {
        auto misfit = check_literal(v->value, to, e);
        if (!misfit) continue;
        diag->error(DiagCode::stored_value_misfit, at, "column {} cannot become {}: {}, and a replayed insert stored it",
                    qualified(t, from.name), sql::to_mig(to), misfit->message)
            .note(v->at, "value stored here (revision {})", v->revision);
        return false;
    }
    return true;
}

bool Replayer::Impl::check_stored_unique(const schema::Table& t, const std::string& column, const std::string& what,
                                         SourceSpan at) {
    const schema::Column* c = t.column(column);
    if (!c) return true;
    // Each stored value is a row of its own (one insert row, or one insert or
    // add column for all the rows it filled): two equal ones are two rows.
    std::vector<const schema::StoredValue*> values = stored_values(*c);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const sql::Literal& a = values[i]->value;
        if (a.kind == sql::LiteralKind::null) continue;
        for (std::size_t j = i + 1; j < values.size(); ++j) {
            const sql::Literal& b = values[j]->value;
            if (b.kind != a.kind || b.text != a.text) continue;
            diag->error(DiagCode::stored_value_misfit, at, "{} on {} cannot be built: a replayed insert stored {} twice",
                        what, qualified(t, column), sql::to_mig(sql::Expr{a, {}}))
                .note(values[i]->at, "stored here (revision {})", values[i]->revision)
                .note(values[j]->at, "and here (revision {})", values[j]->revision);
            return false;
        }
    }
    return true;
}

namespace {

bool of_enum(const schema::Column& c, const std::string& type) {
    return c.type.kind == sql::TypeKind::enum_ && c.type.enum_name == type && c.stored;
}

bool is_text(const schema::StoredValue& v, const std::string& text) {
    return v.value.kind == sql::LiteralKind::string && v.value.text == text;
}

}  // namespace

bool Replayer::Impl::check_stored_enum_drop(const std::string& type, const std::string& value, SourceSpan at) {
    for (const schema::TableRef& user : users_of(type))
        for (const auto& c : user->columns) {
            if (!of_enum(c, type)) continue;
            for (const schema::StoredValue* v : stored_values(c)) {
                if (!is_text(*v, value)) continue;
                diag->error(DiagCode::stored_value_misfit, at,
                            "cannot drop value '{}' of enum \"{}\": a replayed insert stored it in column {}", value,
                            type, qualified(*user, c.name))
                    .note(v->at, "value stored here (revision {}); update those rows first", v->revision);
                return false;
            }
        }
    return true;
}

void Replayer::Impl::rename_stored_enum_value(const std::string& type, const std::string& from, const std::string& to) {
    for (const schema::TableRef& user : users_of(type)) {
        bool holds = std::any_of(user->columns.begin(), user->columns.end(), [&](const schema::Column& c) {
            return of_enum(c, type) && std::any_of(c.stored->begin(), c.stored->end(),
                                                   [&](const auto& v) { return is_text(v, from); });
        });
        if (!holds) continue;
        schema::Table work = *user;
        for (auto& c : work.columns) {
            if (!of_enum(c, type)) continue;
            std::vector<schema::StoredValue> values = *c.stored;
            for (auto& v : values)
                if (is_text(v, from)) v.value.text = to;
            c.stored = std::make_shared<const std::vector<schema::StoredValue>>(std::move(values));
        }
        replace_table(std::move(work));
    }
}

}  // namespace retort::replay
