// The MySQL / MariaDB guard (docs/scripts.md#the-guard). There are no
// anonymous blocks, and SIGNAL works only in stored programs, so the guard is
// an INSERT that fails: two rows into a temporary table's unique key, equal
// (a duplicate) exactly when the rows found differ from the expected ones.
// The server's message then shows both: "Duplicate entry '<found rows>' for
// key '<expected rows>'". A temporary table commits nothing, so the guard
// stands before any DDL. Both texts are cut to 64 characters (the server's
// limits for the entry and for the key name); the comparison uses the full text.
#include "dialects/mysql/mysql_dialect.hpp"

namespace retort::dialects {

namespace {

std::string cut(std::string text, std::size_t limit) {
    if (text.size() > limit) text = text.substr(0, limit - 3) + "...";
    return text;
}

}  // namespace

Output MysqlDialect::guard(const std::vector<std::string>& rows,
                        const std::vector<std::string>& other_branches) const {
    std::string expected = joined_rows(rows);
    std::string column = quote_identifier(version_column());
    std::string key = cut("retort guard expects (" + expected + ")", 64);
    std::string found = "COALESCE((SELECT GROUP_CONCAT(" + column + " ORDER BY " + column + " SEPARATOR ', ') FROM " +
                        version_table_name() + guard_filter(other_branches) + "), '')";
    // A script from base creates the table before the guard; any other one
    // first fails on a missing table, under the guard's key (a statement
    // that read the missing table would fail with "doesn't exist" instead).
    std::string schema = options_.version_table_schema.empty() ? std::string("DATABASE()")
                                                               : string_literal(options_.version_table_schema);
    Statement missing{"INSERT INTO retort_guard (found)\nSELECT 'found no version table'\n"
                      "FROM (SELECT 1 AS n UNION ALL SELECT 1) AS twice\n"
                      "WHERE NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = " + schema +
                          " AND table_name = " + string_literal(options_.version_table) + ")",
                      Placement::in_transaction, false};
    Output out{
        Statement{"CREATE TEMPORARY TABLE retort_guard (\n    found VARCHAR(255) NOT NULL,\n    UNIQUE KEY " +
                      quote_identifier(key) + " (found)\n)",
                  Placement::in_transaction, false},
        Statement{"INSERT INTO retort_guard (found)\nSELECT IF(CAST(now_rows.found AS BINARY) = CAST(" +
                      string_literal(expected) +
                      " AS BINARY), CONCAT('as expected ', twice.n), LEFT(CONCAT('found (', now_rows.found, ')'), 255))\n"
                      "FROM (SELECT " + found + " AS found) AS now_rows\n"
                      "CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2) AS twice",
                  Placement::in_transaction, false},
        Statement{"DROP TEMPORARY TABLE retort_guard", Placement::in_transaction, false},
    };
    if (!rows.empty()) out.insert(out.begin() + 1, std::move(missing));
    return out;
}

// mysql.lock_wait_timeout of retort.yaml, once for the session: a DDL
// statement waiting for a metadata lock gives up after that many seconds.
Output MysqlDialect::settings() const {
    if (options_.mysql_lock_wait_timeout <= 0) return {};
    return {Statement{"SET SESSION lock_wait_timeout = " + std::to_string(options_.mysql_lock_wait_timeout),
                      Placement::script_prologue, false}};
}

}  // namespace retort::dialects
