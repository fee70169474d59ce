#pragma once
// Turns dialect statements, grouped by migration, into script text
// (docs/scripts.md): header comment, dialect notes, prologue statements,
// BEGIN;/COMMIT; blocks (one for the run or one per migration), statements
// placed outside transaction blocks where they must be, epilogue statements.
// The text depends on nothing but its input: byte-identical on every run.
#include <string>
#include <vector>

#include "dialects/dialect.hpp"

namespace retort::driver {

// One migration of the run (or, for `stamp`, one move of the stamp).
struct ScriptMigration {
    // "-- Running upgrade A -> B[, message]" lines before the statements;
    // empty: no comment (stamp).
    std::string banner;
    // false for `transactional false;` migrations: every statement outside a
    // transaction block.
    bool transactional = true;
    dialects::Output statements;  // the steps, then the version-table statements
};

struct ScriptLayout {
    std::vector<std::string> header;  // comment lines at the top, without "-- "
    std::vector<std::string> notes;   // the dialect's script_notes(), without "-- "
    bool transactional_ddl = true;    // false: never BEGIN/COMMIT (MySQL)
    bool transaction_per_migration = false;
    // Statements before the first migration, e.g. CREATE TABLE IF NOT EXISTS
    // of the version table; they share the first transaction block.
    dialects::Output preamble;
};

class ScriptWriter {
public:
    explicit ScriptWriter(ScriptLayout layout) : layout_(std::move(layout)) {}

    // The whole script; ends with exactly one newline.
    std::string write(const std::vector<ScriptMigration>& migrations);

private:
    void open();
    void close();
    void item(std::string text);
    void statement(const dialects::Statement& statement, bool in_transaction);
    static std::string comment_lines(const std::string& text);

    ScriptLayout layout_;
    std::vector<std::string> items_;  // printed with a blank line between
    bool open_ = false;
};

}  // namespace retort::driver
