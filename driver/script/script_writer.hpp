#pragma once
// Turns dialect statements, grouped by migration, into script text
// (docs/scripts.md): header comment, dialect notes, prologue statements,
// BEGIN;/COMMIT; blocks (one for the run or one per migration), statements
// placed outside transaction blocks where they must be, epilogue statements.
// The text depends on nothing but its input: byte-identical on every run.
#include <string>
#include <string_view>
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
    // The guard (docs/scripts.md#the-guard): its script_prologue statements
    // come first, before the dialect's prologue; the others open the first
    // block, before the preamble or, with guard_after_preamble, after it.
    dialects::Output guard;
    bool guard_after_preamble = false;
    // Settings (timeouts): in_transaction statements follow every BEGIN;,
    // script_prologue ones come once, after the guard's.
    dialects::Output settings;
};

class ScriptWriter {
public:
    explicit ScriptWriter(ScriptLayout layout) : layout_(std::move(layout)) {}

    // The whole script; ends with exactly one newline.
    std::string write(const std::vector<ScriptMigration>& migrations);

private:
    void open();
    void close();
    // Starts a new item of the script: items are printed with a blank line
    // between them. Returns the text to append the item to.
    std::string& item();
    void item(std::string_view text, std::string_view suffix = {});
    void statement(const dialects::Statement& statement, bool in_transaction);
    // `text` as `--` comment lines, appended to `out`.
    static void comment_lines(std::string& out, std::string_view text);

    ScriptLayout layout_;
    std::string out_;
    bool empty_ = true;  // no item yet
    bool open_ = false;
};

}  // namespace retort::driver
