// A deterministic text form of the AST, for tests. One node per line,
// indented by two spaces per level; expressions are written as fully
// parenthesised prefix forms so that precedence is visible:
//   a + b * c      ->  (+ a (* b c))
//   not a = 1      ->  (not (= a 1))
// Statements carry their byte offset (`@123`) and, inside `only` blocks,
// their dialects (`only=postgresql,sqlite`).
#include <fmt/format.h>

#include "compiler/ast/ast.hpp"

namespace retort::ast {

namespace {

std::string quote(const std::string& text) {
    std::string out = "'";
    for (unsigned char c : text) {
        switch (c) {
            case '\'': out += "''"; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f)
                    out += fmt::format("\\x{:02x}", c);
                else
                    out += static_cast<char>(c);
        }
    }
    return out + "'";
}

std::string name(const Name& n) {
    if (!n.quoted) return n.text;
    std::string out = "\"";
    for (char c : n.text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string names(const std::vector<Name>& list) {
    std::string out;
    for (const auto& n : list) out += (out.empty() ? "" : ", ") + name(n);
    return out;
}

std::string expr(const sql::ExprRef& e);

std::string expr_list(const std::vector<sql::ExprRef>& items) {
    std::string out;
    for (const auto& i : items) out += " " + expr(i);
    return out;
}

std::string select(const sql::Select& q) {
    std::string out = "(select" + expr_list(q.items);
    if (q.from) out += " (from " + q.from->table + (q.from->alias.empty() ? "" : " " + q.from->alias) + ")";
    if (q.where) out += " (where " + expr(q.where) + ")";
    return out + ")";
}

std::string expr(const sql::ExprRef& e) {
    if (!e) return "<none>";
    return std::visit(
        [](const auto& node) -> std::string {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, sql::Literal>) {
                switch (node.kind) {
                    case sql::LiteralKind::null: return "null";
                    case sql::LiteralKind::boolean: return node.text;
                    case sql::LiteralKind::integer: return node.text;
                    case sql::LiteralKind::decimal: return "decimal:" + node.text;
                    case sql::LiteralKind::string: return quote(node.text);
                    case sql::LiteralKind::date: return "date " + quote(node.text);
                    case sql::LiteralKind::timestamp: return "timestamp " + quote(node.text);
                    case sql::LiteralKind::binary: {
                        std::string hex;
                        for (unsigned char c : node.text) hex += fmt::format("{:02x}", c);
                        return "x'" + hex + "'";
                    }
                }
                return "?";
            } else if constexpr (std::is_same_v<T, sql::ColumnRef>) {
                return node.table.empty() ? node.name : node.table + "." + node.name;
            } else if constexpr (std::is_same_v<T, sql::Unary>) {
                const char* op = node.op == sql::UnaryOp::not_ ? "not" : node.op == sql::UnaryOp::negate ? "-" : "+";
                return fmt::format("({} {})", op, expr(node.operand));
            } else if constexpr (std::is_same_v<T, sql::Binary>) {
                return fmt::format("({} {} {})", sql::binary_op_text(node.op), expr(node.lhs), expr(node.rhs));
            } else if constexpr (std::is_same_v<T, sql::IsNull>) {
                return fmt::format("({} {})", node.negated ? "is-not-null" : "is-null", expr(node.operand));
            } else if constexpr (std::is_same_v<T, sql::InList>) {
                return fmt::format("({} {}{})", node.negated ? "not-in" : "in", expr(node.operand), expr_list(node.items));
            } else if constexpr (std::is_same_v<T, sql::Like>) {
                return fmt::format("({} {} {})", node.negated ? "not-like" : "like", expr(node.operand), expr(node.pattern));
            } else if constexpr (std::is_same_v<T, sql::Between>) {
                return fmt::format("({} {} {} {})", node.negated ? "not-between" : "between", expr(node.operand),
                                   expr(node.low), expr(node.high));
            } else if constexpr (std::is_same_v<T, sql::Call>) {
                if (node.function == sql::Function::current_date) return "current_date";
                return fmt::format("{}({})", sql::function_name(node.function),
                                   node.args.empty() ? std::string() : expr_list(node.args).substr(1));
            } else if constexpr (std::is_same_v<T, sql::Paren>) {
                return fmt::format("(paren {})", expr(node.inner));
            } else if constexpr (std::is_same_v<T, sql::Case>) {
                std::string out = "(case";
                for (std::size_t i = 0; i < node.conditions.size(); ++i)
                    out += " (when " + expr(node.conditions[i]) + " " + expr(node.results[i]) + ")";
                if (node.otherwise) out += " (else " + expr(node.otherwise) + ")";
                return out + ")";
            } else if constexpr (std::is_same_v<T, sql::Cast>) {
                return fmt::format("(cast {} {})", expr(node.operand), sql::to_mig(node.type));
            } else if constexpr (std::is_same_v<T, sql::Exists>) {
                return "(exists " + select(*node.query) + ")";
            } else if constexpr (std::is_same_v<T, sql::Subquery>) {
                return "(subquery " + select(*node.query) + ")";
            } else {
                static_assert(sizeof(T) == 0, "an expression kind the AST dump does not write");
            }
        },
        e->node);
}

std::string references(const References& r) {
    std::string out = "references " + name(r.table);
    if (!r.columns.empty()) out += " (" + names(r.columns) + ")";
    if (r.on_delete) out += fmt::format(" on delete {}", sql::to_mig(*r.on_delete));
    if (r.on_update) out += fmt::format(" on update {}", sql::to_mig(*r.on_update));
    return out;
}

std::string column(const ColumnDef& c) {
    std::string out = "column " + name(c.name) + " " + sql::to_mig(c.type);
    for (const auto& o : c.options) {
        switch (o.kind) {
            case ColumnOptionKind::null: out += " | null"; break;
            case ColumnOptionKind::not_null: out += " | not null"; break;
            case ColumnOptionKind::primary_key: out += " | primary key"; break;
            case ColumnOptionKind::autoincrement: out += " | autoincrement"; break;
            case ColumnOptionKind::unique: out += " | unique"; break;
            case ColumnOptionKind::default_: out += " | default " + expr(o.expr); break;
            case ColumnOptionKind::references: out += " | " + references(*o.references); break;
            case ColumnOptionKind::check: out += " | check " + expr(o.expr); break;
            case ColumnOptionKind::comment: out += " | comment " + quote(o.text); break;
        }
    }
    return out;
}

std::string constraint(const TableConstraint& c) {
    std::string out = "constraint " + (c.name ? name(*c.name) : std::string("<unnamed>")) + " ";
    switch (c.kind) {
        case ConstraintKind::primary_key: return out + "primary key (" + names(c.columns) + ")";
        case ConstraintKind::unique: return out + "unique (" + names(c.columns) + ")";
        case ConstraintKind::check: return out + "check " + expr(c.check);
        case ConstraintKind::foreign_key:
            return out + "foreign key (" + names(c.columns) + ") " + references(*c.references);
    }
    return out;
}

std::string comment(const std::optional<StringValue>& c) { return c ? quote(c->text) : "null"; }

void line(std::string& out, int depth, const std::string& text) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += text;
    out += '\n';
}

std::string drop_constraint(const DropConstraint& d) {
    if (!d.kind) return "drop constraint " + name(d.name);
    std::string cols = "(" + names(d.columns) + ")";
    switch (*d.kind) {
        case ConstraintKind::primary_key: return "drop primary key";
        case ConstraintKind::foreign_key: return "drop foreign key " + cols;
        case ConstraintKind::unique: return "drop unique " + cols;
        case ConstraintKind::check: break;
    }
    return "drop check";
}

std::string alter_action(const AlterAction& a) {
    return std::visit(
        [](const auto& n) -> std::string {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, AddColumn>) return "add " + column(n.column);
            else if constexpr (std::is_same_v<T, DropColumn>) return "drop column " + name(n.column);
            else if constexpr (std::is_same_v<T, RenameColumn>)
                return "rename column " + name(n.from) + " to " + name(n.to);
            else if constexpr (std::is_same_v<T, AlterColumnType>)
                return "alter column " + name(n.column) + " type " + sql::to_mig(n.type);
            else if constexpr (std::is_same_v<T, SetNotNull>) return "alter column " + name(n.column) + " set not null";
            else if constexpr (std::is_same_v<T, DropNotNull>) return "alter column " + name(n.column) + " drop not null";
            else if constexpr (std::is_same_v<T, SetDefault>)
                return "alter column " + name(n.column) + " set default " + expr(n.value);
            else if constexpr (std::is_same_v<T, DropDefault>) return "alter column " + name(n.column) + " drop default";
            else if constexpr (std::is_same_v<T, SetAutoincrement>)
                return "alter column " + name(n.column) + " set autoincrement";
            else if constexpr (std::is_same_v<T, DropAutoincrement>)
                return "alter column " + name(n.column) + " drop autoincrement";
            else if constexpr (std::is_same_v<T, AddConstraint>) return "add " + constraint(n.constraint);
            else return drop_constraint(n);
        },
        a.node);
}

std::string dialects(DialectSet set) {
    std::string out;
    for (const dialect::Descriptor& d : dialect::all())
        if (set & static_cast<unsigned>(d.id)) out += "," + std::string(d.name);
    return out.empty() ? out : out.substr(1);
}

void statement(std::string& out, int depth, const Statement& st) {
    std::string suffix = fmt::format(" @{}", st.span.begin);
    if (st.only != all_dialects) suffix += " only=" + dialects(st.only);
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, CreateTable>) {
                line(out, depth, "create table " + std::string(n.if_not_exists ? "if not exists " : "") + name(n.table) + suffix);
                for (const auto& c : n.columns) line(out, depth + 1, column(c));
                for (const auto& c : n.constraints) line(out, depth + 1, constraint(c));
            } else if constexpr (std::is_same_v<T, DropTable>) {
                line(out, depth, "drop table " + std::string(n.if_exists ? "if exists " : "") + name(n.table) + suffix);
            } else if constexpr (std::is_same_v<T, RenameTable>) {
                line(out, depth, "rename table " + name(n.from) + " to " + name(n.to) + suffix);
            } else if constexpr (std::is_same_v<T, CommentOnTable>) {
                line(out, depth, "comment on table " + name(n.table) + " is " + comment(n.comment) + suffix);
            } else if constexpr (std::is_same_v<T, CommentOnColumn>) {
                line(out, depth, "comment on column " + name(n.table) + "." + name(n.column) + " is " + comment(n.comment) + suffix);
            } else if constexpr (std::is_same_v<T, AlterTable>) {
                line(out, depth, "alter table " + name(n.table) + suffix);
                for (const auto& a : n.actions) line(out, depth + 1, alter_action(a));
            } else if constexpr (std::is_same_v<T, CreateIndex>) {
                std::string cols;
                for (const auto& c : n.columns) cols += (cols.empty() ? "" : ", ") + name(c.column) + (c.descending ? " desc" : "");
                line(out, depth, fmt::format("create {}index {}{} on {} ({}){}{}", n.unique ? "unique " : "",
                                             n.concurrently ? "concurrently " : "",
                                             n.name ? name(*n.name) : std::string("<unnamed>"), name(n.table), cols,
                                             n.where ? " where " + expr(n.where) : std::string(), suffix));
            } else if constexpr (std::is_same_v<T, DropIndex>) {
                line(out, depth, fmt::format("drop index {}{}{}{}", n.concurrently ? "concurrently " : "",
                                             n.if_exists ? "if exists " : "", name(n.name), suffix));
            } else if constexpr (std::is_same_v<T, CreateEnum>) {
                std::string values;
                for (const auto& v : n.values) values += (values.empty() ? "" : ", ") + quote(v.text);
                line(out, depth, "create type " + name(n.name) + " as enum (" + values + ")" + suffix);
            } else if constexpr (std::is_same_v<T, AddEnumValue>) {
                std::string place = n.place == EnumPlace::before  ? " before " + quote(n.anchor.text)
                                    : n.place == EnumPlace::after ? " after " + quote(n.anchor.text)
                                                                  : std::string();
                line(out, depth, "alter type " + name(n.type) + " add value " + quote(n.value.text) + place + suffix);
            } else if constexpr (std::is_same_v<T, RenameEnumValue>) {
                line(out, depth, "alter type " + name(n.type) + " rename value " + quote(n.from.text) + " to " + quote(n.to.text) + suffix);
            } else if constexpr (std::is_same_v<T, DropEnumValue>) {
                line(out, depth, "alter type " + name(n.type) + " drop value " + quote(n.value.text) + suffix);
            } else if constexpr (std::is_same_v<T, DropEnum>) {
                line(out, depth, "drop type " + std::string(n.if_exists ? "if exists " : "") + name(n.name) + suffix);
            } else if constexpr (std::is_same_v<T, Insert>) {
                line(out, depth, "insert into " + name(n.table) + " (" + names(n.columns) + ")" + suffix);
                for (const auto& r : n.rows) line(out, depth + 1, "row" + expr_list(r));
                if (n.query) line(out, depth + 1, select(*n.query));
            } else if constexpr (std::is_same_v<T, Update>) {
                line(out, depth, "update " + name(n.table) + suffix);
                for (const auto& a : n.assignments) line(out, depth + 1, "set " + name(a.column) + " = " + expr(a.value));
                if (n.where) line(out, depth + 1, "where " + expr(n.where));
            } else if constexpr (std::is_same_v<T, Delete>) {
                line(out, depth, "delete from " + name(n.table) + suffix);
                if (n.where) line(out, depth + 1, "where " + expr(n.where));
            } else {
                line(out, depth, "execute" + (n.dialects ? " " + dialects(n.dialects) : std::string()) + " " + quote(n.sql.text) + suffix);
            }
        },
        st.node);
}

}  // namespace

std::string dump(const Migration& m) {
    std::string out;
    const Header& h = m.header;
    line(out, 0, "header");
    line(out, 1, "revision " + (h.revision ? h.revision->text : std::string("<missing>")));
    if (h.has_down_revision)
        line(out, 1, "down_revision " + (h.down_revisions.empty() ? std::string("none") : names(h.down_revisions)));
    if (!h.branch_labels.empty()) line(out, 1, "branch_labels " + names(h.branch_labels));
    if (!h.depends_on.empty()) line(out, 1, "depends_on " + names(h.depends_on));
    if (h.message) line(out, 1, "message " + quote(h.message->text));
    if (!h.transactional) line(out, 1, "transactional false");
    line(out, 0, "upgrade");
    for (const auto& st : m.upgrade) statement(out, 1, st);
    switch (m.downgrade_kind) {
        case DowngradeKind::none: line(out, 0, "downgrade none"); break;
        case DowngradeKind::auto_: line(out, 0, "downgrade auto"); break;
        case DowngradeKind::block:
            line(out, 0, "downgrade");
            for (const auto& st : m.downgrade) statement(out, 1, st);
            break;
    }
    return out;
}

}  // namespace retort::ast
