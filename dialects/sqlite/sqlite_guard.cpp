// The SQLite guard (docs/scripts.md#the-guard): a temporary table whose
// CHECK constraint holds only for the expected rows, filled with the rows
// found. SQLite has no statement that raises a message built at run time
// outside a trigger, so the constraint's name carries the expected rows and
// the query that shows the found ones.
//
// The sqlite3 shell without -bail runs every statement after a failed one,
// inside the still open transaction, and its COMMIT would keep them: no SQL
// statement can stop it. So the script starts with the shell's own command
// `.bail on` (stop at the first error; the open transaction is rolled back
// when the shell exits). Other consumers of the script (a driver's
// executescript) reject that line before running anything; they get the
// script with --no-guard and check the version table themselves.
#include "dialects/sqlite/sqlite_dialect.hpp"

namespace retort::dialects {

Output SqliteDialect::guard(const std::vector<std::string>& rows,
                        const std::vector<std::string>& other_branches) const {
    std::string expected = joined_rows(rows);
    std::string column = quote_identifier(version_column());
    std::string name = "retort guard: this script starts from version rows (" + expected + "); see SELECT " +
                       version_column() + " FROM " + options_.version_table;
    // A script from base creates the table before the guard; any other one
    // first fails on a missing table, under the guard's name (a statement
    // that read the missing table would fail with "no such table" instead).
    std::string master = options_.version_table_schema.empty()
                             ? std::string("sqlite_master")
                             : quote_identifier(options_.version_table_schema) + ".sqlite_master";
    Statement missing{"INSERT INTO temp.retort_guard (found)\nSELECT 'no version table' WHERE NOT EXISTS (SELECT 1 FROM " +
                          master + " WHERE type = 'table' AND name = " + string_literal(options_.version_table) + ")",
                      Placement::in_transaction, false};
    Output out{
        Statement{".bail on", Placement::script_prologue, false},
        Statement{"CREATE TEMP TABLE retort_guard (\n    found TEXT NOT NULL,\n    CONSTRAINT " +
                      quote_identifier(name) + " CHECK (found = " + string_literal(expected) + ")\n)",
                  Placement::in_transaction, false},
        Statement{"INSERT INTO temp.retort_guard (found)\nSELECT coalesce(group_concat(" + column +
                      ", ', '), '') FROM (SELECT " + column + " FROM " + version_table_name() + guard_filter(other_branches) + " ORDER BY " +
                      column + ")",
                  Placement::in_transaction, false},
        Statement{"DROP TABLE temp.retort_guard", Placement::in_transaction, false},
    };
    if (!rows.empty()) out.insert(out.begin() + 2, std::move(missing));
    return out;
}

}  // namespace retort::dialects
