// The PostgreSQL guard (docs/scripts.md#the-guard): two DO blocks reading
// the version table (to_regclass: a missing table reads as no rows).
//  1. Before the first BEGIN, in autocommit: on a mismatch it makes the
//     session read-only (default_transaction_read_only, committed with the
//     block) and warns, without raising. psql in its default mode carries on
//     after an error, and would run what stands outside the aborted block
//     (a CONCURRENTLY index, the next migration's block): in a read-only
//     session every one of those statements fails instead.
//  2. First in the first transaction block: raises, naming the expected and
//     the found rows. With ON_ERROR_STOP psql stops here.
#include <fmt/format.h>

#include "dialects/postgresql/postgresql_dialect.hpp"

namespace retort::dialects {

namespace {

constexpr const char* guard_block = R"(DO $retort_guard$
DECLARE
    found text := '';
BEGIN
    IF to_regclass({table_text}) IS NOT NULL THEN
        SELECT coalesce(string_agg({column}::text, ', ' ORDER BY {column}), '') INTO found FROM {table}{filter};
    END IF;
    IF found <> {expected} THEN
{action}
    END IF;
END
$retort_guard$)";

}  // namespace

Output PostgresqlDialect::guard(const std::vector<std::string>& rows,
                        const std::vector<std::string>& other_branches) const {
    std::string expected = joined_rows(rows);
    std::string message = "retort guard: this script starts from version rows (%), but " +
                          version_table_name() + " holds (%)";
    auto block = [&](std::string action) {
        return fmt::format(guard_block, fmt::arg("table_text", string_literal(version_table_name())),
                           fmt::arg("column", quote_identifier(version_column())),
                           fmt::arg("table", version_table_name()), fmt::arg("filter", guard_filter(other_branches)), fmt::arg("expected", string_literal(expected)),
                           fmt::arg("action", action));
    };
    std::string literal_expected = string_literal(expected);
    std::string poison =
        "        PERFORM set_config('default_transaction_read_only', 'on', false);\n"
        "        RAISE WARNING " + string_literal(message + "; the session is now read-only") + ", " +
        literal_expected + ", found;";
    std::string raise = "        RAISE EXCEPTION " + string_literal(message) + ", " + literal_expected + ", found;";
    return {Statement{block(poison), Placement::script_prologue, false},
            Statement{block(raise), Placement::in_transaction, false}};
}

// The timeouts of retort.yaml, for every transaction block: a migration
// waiting for a lock gives up (and rolls back) instead of queueing every
// later query on the table behind it.
Output PostgresqlDialect::settings() const {
    Output out;
    for (auto [name, value] : {std::pair<const char*, const std::string*>{"lock_timeout", &options_.postgresql_lock_timeout},
                               {"statement_timeout", &options_.postgresql_statement_timeout}})
        if (!value->empty())
            out.push_back(Statement{fmt::format("SET LOCAL {} = {}", name, string_literal(*value)),
                                    Placement::in_transaction, false});
    return out;
}

}  // namespace retort::dialects
