// Schema model -> AST, for the statements `downgrade auto` derives.
#include <fmt/format.h>

#include "compiler/replay/replayer_impl.hpp"

namespace retort::replay {

ast::Name name_at(std::string text, SourceSpan span) { return ast::Name{std::move(text), span, false}; }

ast::Statement statement_at(decltype(ast::Statement::node) node, SourceSpan span, ast::DialectSet only) {
    ast::Statement s{std::move(node), span, only};
    return s;
}

ast::ColumnDef to_column_def(const schema::Column& column, SourceSpan span) {
    ast::ColumnDef def;
    def.name = name_at(column.name, span);
    def.type = column.type;
    def.type_span = span;
    def.span = span;
    auto option = [&](ast::ColumnOptionKind kind) {
        ast::ColumnOption o;
        o.kind = kind;
        o.span = span;
        return o;
    };
    if (!column.nullable) def.options.push_back(option(ast::ColumnOptionKind::not_null));
    if (column.autoincrement) def.options.push_back(option(ast::ColumnOptionKind::autoincrement));
    if (column.default_value) {
        auto o = option(ast::ColumnOptionKind::default_);
        o.expr = column.default_value;
        def.options.push_back(std::move(o));
    }
    if (column.comment) {
        auto o = option(ast::ColumnOptionKind::comment);
        o.text = *column.comment;
        def.options.push_back(std::move(o));
    }
    return def;
}

ast::TableConstraint to_table_constraint(const schema::Constraint& c, SourceSpan span) {
    ast::TableConstraint tc;
    // An engine-named constraint is re-created unnamed: the engine names it
    // again, and replay follows its rule.
    if (!c.name_from_engine) tc.name = name_at(c.name, span);
    tc.span = span;
    for (const auto& col : c.columns) tc.columns.push_back(name_at(col, span));
    switch (c.kind) {
        case schema::ConstraintKind::primary_key: tc.kind = ast::ConstraintKind::primary_key; break;
        case schema::ConstraintKind::unique: tc.kind = ast::ConstraintKind::unique; break;
        case schema::ConstraintKind::check:
            tc.kind = ast::ConstraintKind::check;
            tc.check = c.check;
            break;
        case schema::ConstraintKind::foreign_key: {
            tc.kind = ast::ConstraintKind::foreign_key;
            ast::References r;
            r.table = name_at(c.ref_table, span);
            for (const auto& col : c.ref_columns) r.columns.push_back(name_at(col, span));
            r.on_delete = c.on_delete;
            r.on_update = c.on_update;
            r.span = span;
            tc.references = std::move(r);
            break;
        }
    }
    return tc;
}

ast::Statement to_create_table(const schema::Table& table, SourceSpan span, ast::DialectSet only) {
    ast::CreateTable ct;
    ct.table = name_at(table.name, span);
    for (const auto& col : table.columns) ct.columns.push_back(to_column_def(col, span));
    for (const auto& c : table.constraints) ct.constraints.push_back(to_table_constraint(c, span));
    return statement_at(std::move(ct), span, only);
}

ast::Statement to_create_index(const schema::Index& index, SourceSpan span, ast::DialectSet only) {
    ast::CreateIndex ci;
    ci.name = name_at(index.name, span);
    ci.table = name_at(index.table, span);
    ci.unique = index.unique;
    for (const auto& ic : index.columns) ci.columns.push_back(ast::IndexColumn{name_at(ic.column, span), ic.descending});
    ci.where = index.where;
    return statement_at(std::move(ci), span, only);
}

std::string describe(const ast::Statement& statement) {
    return std::visit(
        [](const auto& n) -> std::string {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, ast::CreateTable>) return "create table " + n.table.text;
            else if constexpr (std::is_same_v<T, ast::DropTable>) return "drop table " + n.table.text;
            else if constexpr (std::is_same_v<T, ast::RenameTable>) return "alter table " + n.from.text + " rename to " + n.to.text;
            else if constexpr (std::is_same_v<T, ast::CommentOnTable>) return "comment on table " + n.table.text;
            else if constexpr (std::is_same_v<T, ast::CommentOnColumn>) return "comment on column " + n.table.text + "." + n.column.text;
            else if constexpr (std::is_same_v<T, ast::AlterTable>) return "alter table " + n.table.text;
            else if constexpr (std::is_same_v<T, ast::CreateIndex>) return "create index " + (n.name ? n.name->text : "on " + n.table.text);
            else if constexpr (std::is_same_v<T, ast::DropIndex>) return "drop index " + n.name.text;
            else if constexpr (std::is_same_v<T, ast::CreateEnum>) return "create type " + n.name.text;
            else if constexpr (std::is_same_v<T, ast::AddEnumValue>) return "alter type " + n.type.text + " add value";
            else if constexpr (std::is_same_v<T, ast::RenameEnumValue>) return "alter type " + n.type.text + " rename value";
            else if constexpr (std::is_same_v<T, ast::DropEnumValue>) return "alter type " + n.type.text + " drop value";
            else if constexpr (std::is_same_v<T, ast::DropEnum>) return "drop type " + n.name.text;
            else if constexpr (std::is_same_v<T, ast::Insert>) return "insert into " + n.table.text;
            else if constexpr (std::is_same_v<T, ast::Update>) return "update " + n.table.text;
            else if constexpr (std::is_same_v<T, ast::Delete>) return "delete from " + n.table.text;
            else return "execute";
        },
        statement.node);
}

}  // namespace retort::replay
