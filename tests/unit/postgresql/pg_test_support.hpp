#pragma once
// Small builders for the PostgreSQL dialect tests: expressions, columns and
// a render() that returns the statements of one step.
#include <string>
#include <vector>

#include "dialects/postgresql/postgresql_dialect.hpp"

namespace retort::testing {

using namespace retort;
using sql::make_expr;

inline sql::ExprRef lit(sql::LiteralKind kind, std::string text) { return make_expr(sql::Literal{kind, std::move(text)}); }
inline sql::ExprRef str(std::string text) { return lit(sql::LiteralKind::string, std::move(text)); }
inline sql::ExprRef num(std::string text) { return lit(sql::LiteralKind::integer, std::move(text)); }
inline sql::ExprRef col(std::string name) { return make_expr(sql::ColumnRef{std::move(name)}); }
inline sql::ExprRef bin(sql::BinaryOp op, sql::ExprRef a, sql::ExprRef b) {
    return make_expr(sql::Binary{op, std::move(a), std::move(b)});
}
inline sql::ExprRef paren(sql::ExprRef e) { return make_expr(sql::Paren{std::move(e)}); }

inline schema::Column column(std::string name, sql::TypeKind kind, bool nullable = true) {
    schema::Column c;
    c.name = std::move(name);
    c.type.kind = kind;
    c.nullable = nullable;
    return c;
}

struct PgFixture {
    SourceManager sources;
    DiagnosticEngine diagnostics{sources};
    schema::Schema state;
    dialects::Options options;
    dialects::PostgresqlDialect dialect{options};

    explicit PgFixture(dialects::Options opts = {}) : options(opts), dialect(opts) {}

    dialects::Output render(plan::Step step) {
        dialects::Output out;
        dialects::Context ctx{state, step.span, diagnostics, out};
        dialect.render(step, ctx);
        return out;
    }
    std::vector<std::string> sql(plan::Step step) {
        std::vector<std::string> texts;
        for (const auto& st : render(std::move(step))) texts.push_back(st.sql);
        return texts;
    }
    std::string expr(const sql::ExprRef& e) {
        dialects::Output out;
        dialects::Context ctx{state, SourceSpan{}, diagnostics, out};
        return dialect.expression(*e, ctx);
    }
};

}  // namespace retort::testing
