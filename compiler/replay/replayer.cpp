#include <algorithm>
#include <iterator>

#include "compiler/replay/fk_indexes.hpp"
#include "compiler/replay/replayer_impl.hpp"

namespace retort::replay {

Options options_for(ast::DialectId dialect, Naming naming, bool mariadb) {
    Options o;
    o.dialect = dialect;
    o.names = dialect::describe(dialect).names;
    o.naming = naming;
    o.mariadb = mariadb && dialect == ast::DialectId::mysql;
    o.fk_indexes = dialect::describe(dialect).fk_needs_index;
    return o;
}

Replayer::Replayer(DiagnosticEngine& diagnostics, Options options)
    : impl_(std::make_unique<Impl>(diagnostics, options)) {}
Replayer::~Replayer() = default;

const schema::Schema& Replayer::state() const { return impl_->state; }

namespace {
std::string revision_of(const ast::Migration& m) {
    return m.header.revision ? m.header.revision->text : std::string("<no revision>");
}
}  // namespace

void Replayer::upgrade(const ast::Migration& migration, const StepSink& sink) {
    Impl& i = *impl_;
    i.sink = &sink;
    i.full = static_cast<bool>(sink);
    i.run(migration, migration.upgrade, migration.downgrade_kind == ast::DowngradeKind::auto_);
    i.sink = nullptr;
}

void Replayer::downgrade(const ast::Migration& migration, const StepSink& sink) {
    Impl& i = *impl_;
    std::string rev = revision_of(migration);
    if (migration.downgrade_kind == ast::DowngradeKind::none) {
        SourceSpan at = migration.header.revision ? migration.header.revision->span : migration.upgrade_span;
        i.diag->error(DiagCode::no_downgrade, at, "revision {} has no downgrade, so it cannot be downgraded past", rev)
            .note(migration.upgrade_span, "write a `downgrade {{ ... }}` block or `downgrade auto;` after its upgrade");
        return;
    }
    i.sink = &sink;
    i.full = static_cast<bool>(sink);
    i.downgrading = true;
    if (migration.downgrade_kind == ast::DowngradeKind::block) {
        i.run(migration, migration.downgrade, false);
    } else {
        auto it = i.inverses.find(rev);
        if (it != i.inverses.end()) {
            // Copied: a later upgrade of the same revision replaces the entry.
            std::vector<ast::Statement> inverse = it->second;
            i.run(migration, inverse, false);
        } else {
            // The contract: a revision's upgrade is replayed before its downgrade.
            i.diag->error(DiagCode::not_invertible, migration.downgrade_span,
                          "downgrade auto of {} cannot be derived: its upgrade was not replayed first", rev);
        }
    }
    i.downgrading = false;
    i.sink = nullptr;
}

bool Replayer::Impl::skipped(const ast::Statement& statement) const {
    if (!options.dialect) return false;
    if (!ast::includes(statement.only, *options.dialect)) return true;
    if (auto* exec = std::get_if<ast::Execute>(&statement.node))
        return !ast::includes(exec->dialects, *options.dialect);
    return false;
}

void Replayer::Impl::run(const ast::Migration& m, const std::vector<ast::Statement>& statements,
                         bool record_inverse) {
    revision = revision_of(m);
    std::vector<Inverse> pieces;
    for (const ast::Statement& statement : statements) {
        if (skipped(statement)) continue;
        Inverse piece;
        inverse = record_inverse ? &piece : nullptr;
        apply(statement);
        inverse = nullptr;
        if (record_inverse) pieces.push_back(std::move(piece));
    }
    if (record_inverse) {
        std::vector<ast::Statement> down;
        for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
            for (auto& s : *it) down.push_back(std::move(s));
        inverses[revision] = std::move(down);
    }
}

void Replayer::Impl::apply(const ast::Statement& statement) {
    std::visit([&](const auto& node) { lower(node, statement); }, statement.node);
}

void Replayer::Impl::not_invertible(const ast::Statement& statement, const char* what) {
    if (!inverse) return;
    diag->error(DiagCode::not_invertible, statement.span,
                "downgrade auto cannot invert `{}`: {}; write a downgrade block instead", describe(statement), what);
}

// ------------------------------------------------------------ state primitives

void Replayer::Impl::touch_table(std::string_view name) {
    if (!journal || journal->tables.count(name)) return;
    journal->tables.emplace(std::string(name), state.table_ref(name));
}

void Replayer::Impl::touch_enum(std::string_view name) {
    if (!journal || journal->enums.count(name)) return;
    const schema::EnumType* e = state.enum_type(name);
    journal->enums.emplace(std::string(name), e ? std::optional<schema::EnumType>(*e) : std::nullopt);
}

namespace {

bool is_fk(const schema::Constraint& c) { return c.kind == schema::ConstraintKind::foreign_key; }

// True when `t` has foreign key `fk` (same name, same target).
bool has_fk(const schema::Table& t, const schema::Constraint& fk) {
    return std::any_of(t.constraints.begin(), t.constraints.end(),
                       [&](const auto& c) { return is_fk(c) && c.name == fk.name && c.ref_table == fk.ref_table; });
}

}  // namespace

void Replayer::Impl::reindex(const schema::Table* before, const schema::Table* after) {
    // Only what differs is touched: most changes keep a table's foreign keys
    // and indexes. An item is kept when both tables have it under the same table name.
    const bool same_name = before && after && before->name == after->name;
    auto kept_fk = [&](const schema::Table* other, const schema::Constraint& fk) {
        return same_name && has_fk(*other, fk);
    };
    auto kept_index = [&](const schema::Table* other, const schema::Index& ix) {
        return same_name && other->index(ix.name);
    };
    if (before) {
        const std::string& t = before->name;
        for (const auto& c : before->constraints) {
            if (!is_fk(c) || kept_fk(after, c)) continue;
            if (auto it = state.inbound_fks.find(c.ref_table); it != state.inbound_fks.end()) {
                it->second.erase({t, c.name});
                if (it->second.empty()) state.inbound_fks.erase(it);
            }
        }
        for (const auto& col : before->columns) {
            if (col.type.kind != sql::TypeKind::enum_) continue;
            if (auto it = enum_users.find(col.type.enum_name); it != enum_users.end()) {
                auto u = it->second.find(t);
                if (u != it->second.end() && --u->second <= 0) it->second.erase(u);
                if (it->second.empty()) enum_users.erase(it);
            }
        }
        for (const auto& ix : before->indexes) {
            if (kept_index(after, ix)) continue;
            if (auto it = state.index_owner.find(ix.name); it != state.index_owner.end() && it->second == t)
                state.index_owner.erase(it);
        }
    }
    if (after) {
        const std::string& t = after->name;
        for (const auto& c : after->constraints)
            if (is_fk(c) && !kept_fk(before, c)) state.inbound_fks[c.ref_table].insert({t, c.name});
        for (const auto& col : after->columns)
            if (col.type.kind == sql::TypeKind::enum_) ++enum_users[col.type.enum_name][t];
        for (const auto& ix : after->indexes)
            if (!kept_index(before, ix)) state.index_owner[ix.name] = t;
    }
}

schema::TableRef Replayer::Impl::add_table(schema::Table table) {
    touch_table(table.name);
    if (journal) journal->order_ops.push_back({Journal::OrderOp::push, state.table_order.size(), table.name, {}});
    state.table_order.push_back(table.name);
    if (options.fk_indexes) follow_fk_indexes(nullptr, table);
    reindex(nullptr, &table);
    std::string name = table.name;
    schema::TableRef published = schema::share(std::move(table));
    state.tables.insert_or_assign(std::move(name), published);
    return published;
}

schema::TableRef Replayer::Impl::remove_table(std::string_view name) {
    touch_table(name);
    auto it = state.tables.find(name);
    schema::TableRef t = std::move(it->second);
    state.tables.erase(it);
    reindex(t.get(), nullptr);
    // Searched from the back: the tables dropped most often are the newest
    // (a downgrade drops what its upgrade just created).
    auto rpos = std::find(state.table_order.rbegin(), state.table_order.rend(), t->name);
    if (rpos != state.table_order.rend()) {
        auto pos = std::prev(rpos.base());
        if (journal)
            journal->order_ops.push_back(
                {Journal::OrderOp::erase, static_cast<std::size_t>(pos - state.table_order.begin()), t->name, {}});
        state.table_order.erase(pos);
    }
    return t;
}

schema::TableRef Replayer::Impl::replace_table(schema::Table table) {
    touch_table(table.name);
    schema::TableRef& slot = state.tables.find(table.name)->second;
    if (options.fk_indexes) follow_fk_indexes(slot.get(), table, downgrading);
    reindex(slot.get(), &table);
    slot = schema::share(std::move(table));
    return slot;
}

schema::TableRef Replayer::Impl::rename_table(std::string_view from, const std::string& to) {
    // Foreign keys of other tables follow the rename, as in every engine.
    std::vector<std::pair<std::string, std::string>> referencing;
    if (auto it = state.inbound_fks.find(from); it != state.inbound_fks.end())
        referencing.assign(it->second.begin(), it->second.end());
    for (const auto& [table_name, constraint] : referencing) {
        if (table_name == from) continue;
        schema::Table copy = *state.table(table_name);
        for (auto& c : copy.constraints)
            if (c.kind == schema::ConstraintKind::foreign_key && c.ref_table == from) c.ref_table = to;
        replace_table(std::move(copy));
    }
    touch_table(from);
    touch_table(to);
    auto it = state.tables.find(from);
    schema::TableRef old = std::move(it->second);
    state.tables.erase(it);
    schema::Table t = *old;
    std::string old_name = t.name;
    t.name = to;
    for (auto& ix : t.indexes) ix.table = to;
    for (auto& c : t.constraints)
        if (c.kind == schema::ConstraintKind::foreign_key && c.ref_table == old_name) c.ref_table = to;
    reindex(old.get(), &t);
    schema::TableRef renamed = schema::share(std::move(t));
    state.tables.insert_or_assign(to, renamed);
    // Linear in the number of tables; renames are rare.
    auto pos = std::find(state.table_order.begin(), state.table_order.end(), old_name);
    if (pos != state.table_order.end()) {
        if (journal)
            journal->order_ops.push_back({Journal::OrderOp::rename,
                                          static_cast<std::size_t>(pos - state.table_order.begin()), to, old_name});
        *pos = to;
    }
    return renamed;
}

std::vector<schema::TableRef> Replayer::Impl::users_of(std::string_view enum_name) const {
    std::vector<schema::TableRef> out;
    if (auto it = enum_users.find(enum_name); it != enum_users.end())
        for (const auto& [table, count] : it->second)
            if (schema::TableRef t = state.table_ref(table)) out.push_back(std::move(t));
    return out;
}

void Replayer::Impl::restore(Journal& j) {
    // Name by name: reindex(current, saved) touches only what differs, and
    // is right in any order (an index or key is removed only from the table
    // that still owns it).
    for (auto& [name, saved] : j.tables) {
        auto it = state.tables.find(name);
        const schema::Table* current = it != state.tables.end() ? it->second.get() : nullptr;
        if (current == saved.get()) continue;
        reindex(current, saved.get());
        if (saved)
            state.tables.insert_or_assign(name, std::move(saved));
        else
            state.tables.erase(it);
    }
    for (auto& [name, saved] : j.enums) {
        if (saved)
            state.enums.insert_or_assign(name, std::move(*saved));
        else
            state.enums.erase(name);
    }
    for (auto it = j.order_ops.rbegin(); it != j.order_ops.rend(); ++it) {
        auto& order = state.table_order;
        switch (it->kind) {
            case Journal::OrderOp::push:
                if (!order.empty()) order.pop_back();
                break;
            case Journal::OrderOp::erase:
                order.insert(order.begin() + static_cast<long>(std::min(it->position, order.size())), it->name);
                break;
            case Journal::OrderOp::rename:
                if (it->position < order.size()) order[it->position] = it->old_name;
                break;
        }
    }
    j = Journal{};
}

}  // namespace retort::replay
