#pragma once
// Hand-built schema items and plan steps for the MySQL dialect tests.
#include <string>
#include <vector>

#include "compiler/plan/step.hpp"
#include "compiler/source/diagnostics.hpp"
#include "dialects/mysql/mysql_dialect.hpp"

namespace retort::test {

inline sql::ExprRef lit(sql::LiteralKind kind, std::string text = {}) {
    return sql::make_expr(sql::Literal{kind, std::move(text)});
}
inline sql::ExprRef str(std::string text) { return lit(sql::LiteralKind::string, std::move(text)); }
inline sql::ExprRef num(std::string text) { return lit(sql::LiteralKind::integer, std::move(text)); }
inline sql::ExprRef col(std::string name) { return sql::make_expr(sql::ColumnRef{std::move(name)}); }
inline sql::ExprRef call(sql::Function f, std::vector<sql::ExprRef> args = {}) {
    return sql::make_expr(sql::Call{f, std::move(args)});
}
inline sql::ExprRef bin(sql::BinaryOp op, sql::ExprRef a, sql::ExprRef b) {
    return sql::make_expr(sql::Binary{op, std::move(a), std::move(b)});
}

inline sql::Type type(sql::TypeKind kind, std::optional<int> length = {}, std::optional<int> scale = {}) {
    sql::Type t;
    t.kind = kind;
    t.length = length;
    t.scale = scale;
    return t;
}
inline sql::Type enum_type(std::string name) {
    sql::Type t;
    t.kind = sql::TypeKind::enum_;
    t.enum_name = std::move(name);
    return t;
}

inline schema::Column column(std::string name, sql::Type t, bool nullable = true, sql::ExprRef def = nullptr,
                             std::optional<std::string> comment = {}) {
    schema::Column c;
    c.name = std::move(name);
    c.type = t;
    c.nullable = nullable;
    c.default_value = std::move(def);
    c.comment = std::move(comment);
    return c;
}

inline schema::Constraint constraint(std::string name, schema::ConstraintKind kind, std::vector<std::string> columns) {
    schema::Constraint c;
    c.name = std::move(name);
    c.kind = kind;
    c.columns = std::move(columns);
    return c;
}

inline schema::Constraint foreign_key(std::string name, std::vector<std::string> columns, std::string ref_table,
                                      std::vector<std::string> ref_columns) {
    schema::Constraint c = constraint(std::move(name), schema::ConstraintKind::foreign_key, std::move(columns));
    c.ref_table = std::move(ref_table);
    c.ref_columns = std::move(ref_columns);
    return c;
}

inline schema::Index index(std::string name, std::string table, std::vector<std::string> columns,
                           bool unique = false) {
    schema::Index ix;
    ix.name = std::move(name);
    ix.table = std::move(table);
    ix.unique = unique;
    for (auto& c : columns) ix.columns.push_back(schema::IndexColumn{std::move(c), false});
    return ix;
}

// Renders steps with one dialect and collects statements and diagnostics.
struct MysqlFixture {
    SourceManager sources;
    DiagnosticEngine diagnostics{sources};
    schema::Schema state;
    dialects::Output out;
    dialects::MysqlDialect dialect;

    explicit MysqlFixture(dialects::Options options = {}) : dialect(std::move(options)) {}

    static dialects::Options mariadb() {
        dialects::Options o;
        o.mysql_flavor = "mariadb";
        return o;
    }

    // The statements of one step, joined with ";\n" (comments as "-- ...").
    std::string render(plan::Step step) {
        out.clear();
        dialects::Context ctx{state, {}, diagnostics, out};
        dialect.render(step, ctx);
        std::string text;
        for (const auto& s : out) {
            if (!text.empty()) text += "\n";
            text += s.comment ? "-- " + s.sql : s.sql + ";";
        }
        return text;
    }
    template <typename Node>
    std::string render(Node node) {
        return render(plan::Step{std::move(node), {}});
    }
    // The alter table step of `before` -> `after` with one action.
    template <typename Action>
    std::string alter(const schema::Table& before, const schema::Table& after, Action action) {
        plan::AlterTable step{schema::share(before), schema::share(after), {}};
        step.actions.push_back(plan::AlterAction{std::move(action), {}});
        return render(std::move(step));
    }
    std::string expr(const sql::ExprRef& e) {
        out.clear();
        dialects::Context ctx{state, {}, diagnostics, out};
        return dialect.expression(*e, ctx);
    }
    std::string errors() { return diagnostics.render(); }
};

}  // namespace retort::test
