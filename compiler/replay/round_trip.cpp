// `retort check`: replay every revision, and check that each downgrade
// restores exactly the state its upgrade started from. Only what a revision
// touched is saved and compared (Journal), so the whole check stays linear.
#include <fmt/format.h>

#include "compiler/replay/replayer_impl.hpp"
#include "compiler/replay/schema_text.hpp"

namespace retort::replay {

namespace {

struct Difference {
    std::string message;  // after "downgrade of REV "
    SourceSpan note_at;
    std::string note;
};

bool same_column(const schema::Column& a, const schema::Column& b) {
    return a.type == b.type && a.nullable == b.nullable && sql::same(a.default_value, b.default_value) &&
           a.autoincrement == b.autoincrement && a.comment == b.comment;
}

bool same_constraint(const schema::Constraint& a, const schema::Constraint& b) {
    auto action = [](const std::optional<sql::FkAction>& x) { return x.value_or(sql::FkAction::no_action); };
    return a.kind == b.kind && a.columns == b.columns && sql::same(a.check, b.check) && a.ref_table == b.ref_table &&
           a.ref_columns == b.ref_columns && action(a.on_delete) == action(b.on_delete) &&
           action(a.on_update) == action(b.on_update);
}

bool same_index(const schema::Index& a, const schema::Index& b) {
    return a.table == b.table && a.unique == b.unique && a.columns == b.columns && sql::same(a.where, b.where);
}

template <typename Item, typename Find>
const Item* find_in(const std::vector<Item>& items, const std::string& name) {
    for (const auto& i : items)
        if (i.name == name) return &i;
    return nullptr;
}

// `before`: the table before the upgrade; `after`: after the downgrade;
// `middle`: between the two (may be null).
void diff_table(const schema::Table& before, const schema::Table& after, const schema::Table* middle,
                std::vector<Difference>& out) {
    const std::string& t = after.name;
    for (const auto& c : after.columns) {
        const schema::Column* old = before.column(c.name);
        if (!old) {
            bool added = middle && middle->column(c.name);
            out.push_back(Difference{fmt::format("leaves column {}.{} ({}) that {}", t, c.name, sql::to_mig(c.type),
                                                 added ? "its upgrade added" : "was not there before its upgrade"),
                                     c.declared_at, fmt::format("column \"{}\" declared here", c.name)});
            continue;
        }
        if (!same_column(*old, c))
            out.push_back(Difference{fmt::format("leaves column {}.{} as {}; before its upgrade it was {}", t, c.name,
                                                 column_summary(c), column_summary(*old)),
                                     old->declared_at, fmt::format("column \"{}\" declared here", c.name)});
    }
    for (const auto& c : before.columns)
        if (!after.column(c.name)) {
            bool dropped = middle && !middle->column(c.name);
            out.push_back(Difference{fmt::format("does not restore column {}.{} ({}){}", t, c.name, sql::to_mig(c.type),
                                                 dropped ? " that its upgrade dropped" : ""),
                                     c.declared_at, fmt::format("column \"{}\" declared here", c.name)});
        }
    for (const auto& c : after.constraints) {
        const schema::Constraint* old = before.constraint(c.name);
        if (!old) {
            out.push_back(Difference{fmt::format("leaves constraint {} ({}) on table {} that was not there before its upgrade",
                                                 c.name, constraint_summary(c), t),
                                     c.declared_at, fmt::format("constraint \"{}\" declared here", c.name)});
            continue;
        }
        if (!same_constraint(*old, c))
            out.push_back(Difference{fmt::format("leaves constraint {} on table {} as {}; before its upgrade it was {}", c.name,
                                                 t, constraint_summary(c), constraint_summary(*old)),
                                     old->declared_at, fmt::format("constraint \"{}\" declared here", c.name)});
    }
    for (const auto& c : before.constraints)
        if (!after.constraint(c.name))
            out.push_back(Difference{fmt::format("does not restore constraint {} ({}) on table {}", c.name,
                                                 constraint_summary(c), t),
                                     c.declared_at, fmt::format("constraint \"{}\" declared here", c.name)});
    for (const auto& ix : after.indexes) {
        const schema::Index* old = before.index(ix.name);
        if (!old) {
            out.push_back(Difference{fmt::format("leaves index {} ({}) that was not there before its upgrade", ix.name,
                                                 index_summary(ix)),
                                     ix.declared_at, fmt::format("index \"{}\" declared here", ix.name)});
            continue;
        }
        if (!same_index(*old, ix))
            out.push_back(Difference{fmt::format("leaves index {} as {}; before its upgrade it was {}", ix.name,
                                                 index_summary(ix), index_summary(*old)),
                                     old->declared_at, fmt::format("index \"{}\" declared here", ix.name)});
    }
    for (const auto& ix : before.indexes)
        if (!after.index(ix.name))
            out.push_back(Difference{fmt::format("does not restore index {} ({})", ix.name, index_summary(ix)),
                                     ix.declared_at, fmt::format("index \"{}\" declared here", ix.name)});
    if (before.comment != after.comment)
        out.push_back(Difference{fmt::format("leaves the comment of table {} as {}; before its upgrade it was {}", t,
                                             after.comment ? quote_string(*after.comment) : "none",
                                             before.comment ? quote_string(*before.comment) : "none"),
                                 before.declared_at, fmt::format("table \"{}\" declared here", t)});
}

std::string value_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + quote_string(v);
    return "(" + out + ")";
}

std::vector<Difference> compare(const Journal& up, const Journal& down, const schema::Schema& now) {
    std::vector<Difference> out;
    std::set<std::string, std::less<>> keys;
    for (const auto& [k, v] : up.tables) keys.insert(k);
    for (const auto& [k, v] : down.tables) keys.insert(k);
    for (const auto& k : keys) {
        auto u = up.tables.find(k);
        auto d = down.tables.find(k);
        const schema::Table* middle = d != down.tables.end() ? d->second.get() : now.table(k);
        const schema::TableRef& before = u != up.tables.end() ? u->second : d->second;
        const schema::Table* after = now.table(k);
        if (!before && after)
            out.push_back(Difference{fmt::format("leaves table {} that {}", k,
                                                 middle ? "its upgrade added" : "was not there before its upgrade"),
                                     after->declared_at, fmt::format("table \"{}\" declared here", k)});
        if (before && !after)
            out.push_back(Difference{fmt::format("does not restore table {}{}", k, middle ? "" : " that its upgrade dropped"),
                                     before->declared_at, fmt::format("table \"{}\" declared here", k)});
        if (before && after)
            diff_table(*before, *after, middle, out);
    }
    std::set<std::string, std::less<>> enums;
    for (const auto& [k, v] : up.enums) enums.insert(k);
    for (const auto& [k, v] : down.enums) enums.insert(k);
    for (const auto& k : enums) {
        auto u = up.enums.find(k);
        auto d = down.enums.find(k);
        const std::optional<schema::EnumType>& before = u != up.enums.end() ? u->second : d->second;
        const schema::EnumType* after = now.enum_type(k);
        if (!before && after)
            out.push_back(Difference{fmt::format("leaves type {} that was not there before its upgrade", k),
                                     after->declared_at, fmt::format("type \"{}\" declared here", k)});
        if (before && !after)
            out.push_back(Difference{fmt::format("does not restore type {} {}", k, value_list(before->values)),
                                     before->declared_at, fmt::format("type \"{}\" declared here", k)});
        if (before && after && before->values != after->values)
            out.push_back(Difference{fmt::format("leaves type {} with values {}; before its upgrade it had {}", k,
                                                 value_list(after->values), value_list(before->values)),
                                     before->declared_at, fmt::format("type \"{}\" declared here", k)});
    }
    return out;
}

}  // namespace

bool check_project(const std::vector<const ast::Migration*>& order, DiagnosticEngine& diagnostics,
                   const Options& options, const StepSink& render) {
    const std::size_t errors_before = diagnostics.error_count();
    Replayer replayer(diagnostics, options);
    Replayer::Impl& impl = replayer.impl();
    for (const ast::Migration* m : order) {
        Journal up;
        impl.journal = &up;
        std::size_t e0 = diagnostics.error_count();
        replayer.upgrade(*m, render);
        impl.journal = nullptr;
        // No downgrade: nothing to check. A failed upgrade: its downgrade would
        // only report the same mistake again.
        if (m->downgrade_kind == ast::DowngradeKind::none || diagnostics.error_count() != e0) continue;
        const bool up_ok = true;
        Journal down;
        impl.journal = &down;
        std::size_t e1 = diagnostics.error_count();
        replayer.downgrade(*m, render);
        impl.journal = nullptr;
        bool down_ok = diagnostics.error_count() == e1;
        if (up_ok && down_ok) {
            // Every difference, not only the first.
            for (const Difference& diff : compare(up, down, impl.state)) {
                std::string rev = m->header.revision ? m->header.revision->text : "?";
                SourceSpan at = m->downgrade_span.valid() ? m->downgrade_span : m->upgrade_span;
                diagnostics.error(DiagCode::round_trip, at, "downgrade of {} {}", rev, diff.message)
                    .note(diff.note_at, "{}", diff.note);
            }
        }
        // Back to the state after the upgrade, for the revisions that follow.
        impl.restore(down);
    }
    return diagnostics.error_count() == errors_before;
}

}  // namespace retort::replay
