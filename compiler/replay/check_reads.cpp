// Data statements that read (language.md §4 "Data that reads"): names in
// expressions resolve against the select they are in first, then outwards to
// the statement's own table; subqueries read tables of the schema state at
// that revision.
#include "compiler/replay/literal_check.hpp"
#include "compiler/replay/replayer_impl.hpp"
#include "compiler/sql/expr_walk.hpp"

namespace retort::replay {

namespace {

std::string table_list(const ReadScope& scope) {
    std::string out;
    for (const ReadScope* s = &scope; s; s = s->outer)
        for (const auto& e : s->tables) out += (out.empty() ? "\"" : ", \"") + e.table->name + "\"";
    return out;
}

std::size_t table_count(const ReadScope& scope) {
    std::size_t n = 0;
    for (const ReadScope* s = &scope; s; s = s->outer) n += s->tables.size();
    return n;
}

}  // namespace

bool Replayer::Impl::resolve_column(const sql::ColumnRef& ref, SourceSpan span, const ReadScope& scope,
                                    const char* context) {
    if (!ref.table.empty()) {
        for (const ReadScope* s = &scope; s; s = s->outer)
            for (const auto& e : s->tables) {
                if (e.name != ref.table) continue;
                if (e.table->column(ref.name)) return true;
                auto b = diag->error(DiagCode::unknown_object, span, "table \"{}\" has no column \"{}\"",
                                     e.table->name, ref.name);
                if (auto close = column_suggestion(*e.table, ref.name))
                    b.note(e.table->column(*close)->declared_at, "did you mean \"{}\"?", *close);
                b.note(e.table->declared_at, "table \"{}\" declared here", e.table->name);
                return false;
            }
        diag->error(DiagCode::unknown_object, span, "{} names \"{}\", which is no table or alias it can read ({})",
                    context, ref.table, table_list(scope));
        return false;
    }
    for (const ReadScope* s = &scope; s; s = s->outer) {
        const ReadScope::Entry* found = nullptr;
        for (const auto& e : s->tables) {
            if (!e.table->column(ref.name)) continue;
            if (found) {
                diag->error(DiagCode::unknown_object, span,
                            "column \"{}\" is ambiguous: both \"{}\" and \"{}\" have it; qualify it", ref.name,
                            found->name, e.name);
                return false;
            }
            found = &e;
        }
        if (found) return true;
    }
    if (table_count(scope) == 1) {
        const schema::Table& only = *(scope.tables.empty() ? scope.outer->tables : scope.tables).front().table;
        auto b = diag->error(DiagCode::unknown_object, span, "{} refers to unknown column \"{}\" of table \"{}\"",
                             context, ref.name, only.name);
        if (auto close = column_suggestion(only, ref.name))
            b.note(only.column(*close)->declared_at, "did you mean \"{}\"?", *close);
        b.note(only.declared_at, "table \"{}\" declared here", only.name);
    } else {
        diag->error(DiagCode::unknown_object, span, "{} refers to unknown column \"{}\" (not a column of {})",
                    context, ref.name, table_list(scope));
    }
    return false;
}

bool Replayer::Impl::check_read_expr(const sql::ExprRef& expr, const ReadScope& scope, const char* context) {
    if (!expr) return true;
    if (const auto* ref = std::get_if<sql::ColumnRef>(&expr->node)) return resolve_column(*ref, expr->span, scope, context);
    if (const auto* lit = std::get_if<sql::Literal>(&expr->node)) {
        if (auto bad = check_temporal_literal(*lit)) {
            diag->error(DiagCode::literal_out_of_range, expr->span, "{}", *bad);
            return false;
        }
        return true;
    }
    if (const auto* q = std::get_if<sql::Exists>(&expr->node)) return check_select(*q->query, &scope, context, false);
    if (const auto* q = std::get_if<sql::Subquery>(&expr->node)) return check_select(*q->query, &scope, context, true);
    bool ok = true;
    if (const auto* cast = std::get_if<sql::Cast>(&expr->node)) ok = check_type(cast->type, expr->span);
    sql::for_each_child(*expr, [&](const sql::ExprRef& child) { ok = check_read_expr(child, scope, context) && ok; });
    return ok;
}

bool Replayer::Impl::check_select(const sql::Select& select, const ReadScope* outer, const char* context,
                                  bool one_column) {
    ReadScope scope;
    scope.outer = outer;
    if (select.from) {
        const schema::Table* table = find_table(ast::Name{select.from->table, select.from->span, false});
        if (!table) return false;
        scope.tables.push_back({select.from->visible_name(), table});
    }
    bool ok = true;
    if (one_column && select.items.size() != 1) {
        diag->error(DiagCode::data_mismatch, select.span,
                    "a subquery used as a value selects exactly one value, not {}", select.items.size());
        ok = false;
    }
    for (const auto& item : select.items) ok = check_read_expr(item, scope, context) && ok;
    return check_read_expr(select.where, scope, context) && ok;
}

bool Replayer::Impl::check_data_value(const sql::ExprRef& value, const schema::Column& column,
                                      const schema::Table& table, const ReadScope& scope) {
    if (value && literal_of(*value)) return check_value(value, column, table);
    return check_read_expr(value, scope, "the value");
}

bool Replayer::Impl::refuse_reads(const sql::ExprRef& expr, const char* context) {
    if (!expr) return true;
    if (std::holds_alternative<sql::Exists>(expr->node) || std::holds_alternative<sql::Subquery>(expr->node)) {
        diag->error(DiagCode::invalid_definition, expr->span,
                    "{} cannot read other rows: a subquery is only allowed in insert, update and delete", context);
        return false;  // what is inside it is not looked at
    }
    if (const auto* ref = std::get_if<sql::ColumnRef>(&expr->node); ref && !ref->table.empty()) {
        diag->error(DiagCode::invalid_definition, expr->span,
                    "{} refers to columns of its own table only: write \"{}\", not \"{}.{}\"", context, ref->name,
                    ref->table, ref->name);
        return false;
    }
    bool ok = true;
    sql::for_each_child(*expr, [&](const sql::ExprRef& child) { ok = refuse_reads(child, context) && ok; });
    return ok;
}

}  // namespace retort::replay
