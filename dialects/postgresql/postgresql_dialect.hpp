#pragma once
// The PostgreSQL back end (PostgreSQL 12+, tested on 15; docs/postgresql.md).
//
// What differs from the shared rendering, as data first:
//  - descriptor (compiler/dialect): transactional DDL, 63-byte names, partial and concurrent
//    indexes, native enum types;
//  - names quoted when they are PostgreSQL keywords other than "unreserved"
//    (postgresql_reserved.cpp, the same rule as the server's quote_ident());
//  - the type and function tables (constructor): now(), json -> JSONB (or JSON by config),
//    datetime -> TIMESTAMP WITHOUT TIME ZONE, binary -> BYTEA, ...;
//  - literals for standard_conforming_strings = on: backslashes are plain
//    characters, binary as '\x..'::bytea, booleans true/false;
//  - ALTER COLUMN ... TYPE gets USING for casts PostgreSQL does not make on
//    assignment (to/from an enum via text), with the default dropped and
//    restored around it;
//  - an insert with explicit values for an identity/serial column is
//    followed by a setval of its sequence to the column's max;
//  - enum values: ADD VALUE outside the transaction block (a value added in
//    a transaction cannot be used before it commits), DROP VALUE as the
//    rename / create / convert / drop sequence (postgresql_enum.cpp).
#include "dialects/base_dialect.hpp"

namespace retort::dialects {

class PostgresqlDialect : public BaseDialect {
public:
    // The type and function spellings that differ from standard SQL.
    explicit PostgresqlDialect(Options options);

    std::vector<std::string> script_notes() const override;
    Output guard(const std::vector<std::string>& rows,
                 const std::vector<std::string>& other_branches) const override;  // postgresql_guard.cpp
    bool guard_after_version_table() const override { return false; }
    Output settings() const override;  // SET LOCAL lock_timeout / statement_timeout (postgresql_guard.cpp)

    // identifiers (postgresql_reserved.cpp)
    const WordSet& reserved_words() const override;

    // types, literals, expressions
    std::string binary_literal(std::string_view bytes) const override;
    std::string boolean_literal(bool value) const override;

    // autoincrement: an identity column, or with `postgresql.autoincrement:
    // serial` SERIAL / BIGSERIAL / SMALLSERIAL as SQLAlchemy writes it
    std::string column_definition(const schema::Column& column, const schema::Table& table,
                                  Context& ctx) const override;
    std::string drop_autoincrement_action() const override;

    // alter column: USING casts, defaults around a type change
    void alter_column(const plan::AlterColumn&, const plan::AlterTable& step, Context&) const override;
    // The USING clause (with a leading space) for a change of `column` from
    // `from` to `to`, or "" when PostgreSQL converts by itself.
    std::string using_clause(const std::string& column, const sql::Type& from, const sql::Type& to,
                             const schema::Schema& state) const;

    // True when `expr` names one of `columns` (postgresql_enum.cpp).
    static bool mentions_any(const sql::ExprRef& expr, const std::vector<std::string>& columns);

    // data: an insert that gives values to an identity or serial column
    // moves the column's sequence past them (setval to the column's max), so
    // the application's next plain insert does not collide
    void insert(const plan::Insert&, Context&) const override;

    // enum types (postgresql_enum.cpp)
    void add_enum_value(const plan::AddEnumValue&, Context&) const override;
    void drop_enum_value(const plan::DropEnumValue&, Context&) const override;
};

}  // namespace retort::dialects
