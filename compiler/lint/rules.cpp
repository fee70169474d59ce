// The rules of `retort lint` (docs/lint.md), one plan step at a time.
#include <fmt/format.h>

#include "compiler/lint/lint.hpp"
#include "compiler/lint/tables.hpp"

namespace retort::lint {

namespace {

Finding finding(Severity severity, DiagCode code, SourceSpan span, std::string message, std::string safe_way) {
    Finding f;
    f.diagnostic.severity = severity;
    f.diagnostic.code = code;
    f.diagnostic.span = span;
    f.diagnostic.message = std::move(message);
    f.diagnostic.notes.push_back(Note{SourceSpan{}, std::move(safe_way)});
    return f;
}

Finding warn(DiagCode code, SourceSpan span, std::string message, std::string safe_way) {
    return finding(Severity::warning, code, span, std::move(message), std::move(safe_way));
}

bool is_mysql(Server s) { return s == Server::mysql || s == Server::mariadb; }

const char* kind_word(schema::ConstraintKind kind) {
    switch (kind) {
        case schema::ConstraintKind::primary_key: return "primary key";
        case schema::ConstraintKind::unique: return "unique constraint";
        case schema::ConstraintKind::check: return "check constraint";
        case schema::ConstraintKind::foreign_key: return "foreign key";
    }
    return "constraint";
}

}  // namespace

std::vector<Finding> Linter::review(const plan::Step& step) {
    std::vector<Finding> out;
    const Server server = options_.server;
    const SourceSpan statement = step.span;
    bool touches_existing = false;

    // The MySQL/MariaDB algorithm of a change: added to the note of the
    // action's own finding when it has one, a finding of its own otherwise
    // when the table is copied or rebuilt.
    auto mysql_change = [&](MysqlChange change, const std::string& table, SourceSpan at, bool has_finding) {
        if (!is_mysql(server)) return;
        Algorithm a = mysql_algorithm(change, server, options_.version);
        std::string where = fmt::format("{} {}", server == Server::mariadb ? "MariaDB" : "MySQL",
                                        to_string(options_.version));
        if (has_finding && !out.empty()) {
            out.back().diagnostic.notes.push_back(
                Note{SourceSpan{}, fmt::format("on {} this is ALGORITHM={}", where, algorithm_name(a))});
            return;
        }
        if (a != Algorithm::copy && a != Algorithm::inplace_rebuild) return;
        bool copy = a == Algorithm::copy;
        out.push_back(warn(
            DiagCode::lint_mysql_table_copy, at,
            fmt::format("{} on existing table \"{}\" is ALGORITHM={} on {}: {}", mysql_change_name(change), table,
                        algorithm_name(a), where,
                        copy ? "the table is copied row by row and writes wait until it is done"
                             : "every row is rewritten (writes go on, but the disk and the replicas work hard)"),
            copy ? "run it at a quiet time, or with an online schema change tool (gh-ost, pt-online-schema-change) "
                   "that copies the table while writes go on; accept the finding once that is arranged"
                 : "run it at a quiet time and watch replication lag; a newer server version may do it INSTANT "
                   "(docs/lint.md), set mysql.version in retort.yaml"));
    };

    std::visit(
        [&](const auto& s) {
            using S = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<S, plan::CreateTable>) {
                new_tables_.insert(s.table->name);
            } else if constexpr (std::is_same_v<S, plan::DropTable>) {
                if (is_new(s.table->name)) {
                    new_tables_.erase(s.table->name);
                    return;
                }
                if (s.table->columns.empty() && s.if_exists) return;  // a missing `if exists` table
                touches_existing = true;
                out.push_back(finding(
                    Severity::error, DiagCode::lint_drop_table, statement,
                    fmt::format("drop table \"{}\" destroys the table and every row it holds", s.table->name),
                    "first deploy the application without any use of the table; keep a backup (or rename the "
                    "table aside and drop it in a later revision), then drop it"));
            } else if constexpr (std::is_same_v<S, plan::RenameTable>) {
                if (is_new(s.before->name)) {
                    new_tables_.erase(s.before->name);
                    new_tables_.insert(s.after->name);
                    return;
                }
                touches_existing = true;
                out.push_back(warn(DiagCode::lint_rename_table, statement,
                                   fmt::format("renaming existing table \"{}\" to \"{}\" breaks every running "
                                               "client that still uses the old name",
                                               s.before->name, s.after->name),
                                   "expand and contract: create the new table (or a view under one of the names), "
                                   "deploy the application that reads the new name, then drop the old one"));
                mysql_change(MysqlChange::rename_table, s.before->name, statement, true);
            } else if constexpr (std::is_same_v<S, plan::CommentOnTable> || std::is_same_v<S, plan::CommentOnColumn>) {
                if (!is_new(s.before->name)) touches_existing = true;
            } else if constexpr (std::is_same_v<S, plan::AlterTable>) {
                const std::string& table = s.before->name;
                if (is_new(table)) {
                    if (s.after->name != table) {
                        new_tables_.erase(table);
                        new_tables_.insert(s.after->name);
                    }
                    return;
                }
                touches_existing = true;
                if (server == Server::sqlite && options_.sqlite_rebuild)
                    if (auto reason = options_.sqlite_rebuild(s))
                        out.push_back(warn(
                            DiagCode::lint_sqlite_rebuild, statement,
                            fmt::format("SQLite cannot {}: the statement rebuilds existing table \"{}\", copying "
                                        "every row into a new table while the database is locked for writes",
                                        *reason, table),
                            "run it when the application can wait for the copy; split the statement so that the "
                            "actions SQLite alters natively (add a nullable column, rename, a plain drop column) "
                            "do not share the rebuild"));
                for (const plan::AlterAction& action : s.actions) {
                    const SourceSpan at = action.span.valid() ? action.span : statement;
                    std::visit(
                        [&](const auto& a) {
                            using A = std::decay_t<decltype(a)>;
                            if constexpr (std::is_same_v<A, plan::AddColumn>) {
                                const schema::Column& c = a.column;
                                bool fills = c.default_value || c.autoincrement;
                                if (!c.nullable && !fills) {
                                    out.push_back(warn(
                                        DiagCode::lint_not_null_without_default, at,
                                        fmt::format("NOT NULL column \"{}\" without a default added to existing "
                                                    "table \"{}\": it fails on a table with rows{}",
                                                    c.name, table,
                                                    is_mysql(server) ? " (MySQL in non-strict mode fills every "
                                                                       "row with the type's zero instead)"
                                                                     : ""),
                                        "add the column nullable, backfill it in batches, then set NOT NULL in a "
                                        "later revision; or give it a default"));
                                    mysql_change(MysqlChange::add_column, table, at, true);
                                    return;
                                }
                                if (server == Server::postgresql && c.autoincrement) {
                                    out.push_back(warn(DiagCode::lint_table_rewrite, at,
                                                       fmt::format("adding autoincrement column \"{}\" rewrites "
                                                                   "existing table \"{}\" (every row takes the next "
                                                                   "value) under an ACCESS EXCLUSIVE lock",
                                                                   c.name, table),
                                                       "add a nullable column, attach a sequence default, backfill "
                                                       "the rows in batches, then set not null"));
                                } else if (server == Server::postgresql && c.default_value &&
                                           options_.version < Version{11, 0, 0})
                                    out.push_back(warn(DiagCode::lint_table_rewrite, at,
                                                       fmt::format("adding column \"{}\" with a default rewrites "
                                                                   "existing table \"{}\" on PostgreSQL {} (before "
                                                                   "11) under an ACCESS EXCLUSIVE lock",
                                                                   c.name, table, options_.version.major),
                                                       "add the column without a default, set the default, then "
                                                       "backfill the rows in batches"));
                                mysql_change(c.autoincrement ? MysqlChange::add_autoincrement_column
                                                             : MysqlChange::add_column,
                                             table, at, false);
                            } else if constexpr (std::is_same_v<A, plan::DropColumn>) {
                                out.push_back(finding(
                                    Severity::error, DiagCode::lint_drop_column, at,
                                    fmt::format("drop column \"{}\" of existing table \"{}\" destroys its data, "
                                                "and running clients that still read it fail",
                                                a.column.name, table),
                                    "first deploy the application without any use of the column (ignore it in "
                                    "the ORM), then drop it in a later revision; keep a backup"));
                                mysql_change(MysqlChange::drop_column, table, at, true);
                            } else if constexpr (std::is_same_v<A, plan::RenameColumn>) {
                                out.push_back(warn(
                                    DiagCode::lint_rename_column, at,
                                    fmt::format("renaming column \"{}\" of existing table \"{}\" to \"{}\" breaks "
                                                "every running client that still uses the old name",
                                                a.from.name, table, a.to.name),
                                    "expand and contract: add the new column, write both, backfill, move the "
                                    "readers, then drop the old column in a later revision"));
                                mysql_change(MysqlChange::rename_column, table, at, true);
                            } else if constexpr (std::is_same_v<A, plan::AlterColumn>) {
                                const schema::Column& from = a.from;
                                const schema::Column& to = a.to;
                                if (!(from.type == to.type)) {
                                    if (server == Server::postgresql && !postgresql_keeps_rows(from.type, to.type))
                                        out.push_back(warn(
                                            DiagCode::lint_table_rewrite, at,
                                            fmt::format("changing column \"{}\" of existing table \"{}\" from {} to "
                                                        "{} rewrites every row under an ACCESS EXCLUSIVE lock",
                                                        from.name, table, sql::to_mig(from.type),
                                                        sql::to_mig(to.type)),
                                            "add a new column of the new type, fill it in batches (and keep it "
                                            "in step with a trigger or the application), then swap the columns"));
                                    if (is_mysql(server)) {
                                        bool widen = from.type.kind == sql::TypeKind::varchar &&
                                                     to.type.kind == sql::TypeKind::varchar && from.type.length &&
                                                     to.type.length && *to.type.length >= *from.type.length &&
                                                     mysql_same_length_prefix(*from.type.length, *to.type.length);
                                        mysql_change(widen ? MysqlChange::widen_varchar : MysqlChange::change_type,
                                                     table, at, false);
                                    }
                                }
                                if (from.nullable && !to.nullable) {
                                    out.push_back(warn(
                                        DiagCode::lint_set_not_null, at,
                                        fmt::format("set not null on column \"{}\" of existing table \"{}\" reads "
                                                    "every row under lock, and fails if one holds NULL",
                                                    to.name, table),
                                        server == Server::postgresql
                                            ? "backfill the NULLs first; on PostgreSQL 12+ add a check (\"" +
                                                  to.name +
                                                  "\" is not null) NOT VALID, VALIDATE it, then set not null "
                                                  "(no scan), then drop the check (execute postgresql $$...$$: "
                                                  "the .mig language has no NOT VALID)"
                                            : "backfill the NULLs first in batches, then set not null at a quiet "
                                              "time"));
                                    mysql_change(MysqlChange::set_not_null, table, at, true);
                                } else if (!from.nullable && to.nullable) {
                                    mysql_change(MysqlChange::drop_not_null, table, at, false);
                                }
                            } else if constexpr (std::is_same_v<A, plan::AddConstraint>) {
                                const schema::Constraint& c = a.constraint;
                                using K = schema::ConstraintKind;
                                if (server == Server::postgresql) {
                                    bool validate = c.kind == K::foreign_key || c.kind == K::check;
                                    out.push_back(warn(
                                        DiagCode::lint_add_constraint, at,
                                        fmt::format("adding {} \"{}\" to existing table \"{}\" {}", kind_word(c.kind),
                                                    c.name, table,
                                                    validate ? "checks every row while writes are blocked"
                                                             : "builds its index while writes are blocked"),
                                        validate
                                            ? "add it NOT VALID, then VALIDATE CONSTRAINT in a second statement "
                                              "(it does not block writes); the .mig language has no NOT VALID, so "
                                              "write both with execute postgresql $$...$$ and accept this finding"
                                            : "create unique index concurrently first, then add the constraint "
                                              "USING INDEX (execute postgresql $$ALTER TABLE ... ADD CONSTRAINT "
                                              "... USING INDEX ...$$)"));
                                } else if (is_mysql(server)) {
                                    MysqlChange m = c.kind == K::foreign_key   ? MysqlChange::add_foreign_key
                                                    : c.kind == K::check       ? MysqlChange::add_check
                                                    : c.kind == K::unique      ? MysqlChange::add_unique
                                                                               : MysqlChange::add_primary_key;
                                    Algorithm alg = mysql_algorithm(m, server, options_.version);
                                    if (alg == Algorithm::copy) {
                                        out.push_back(warn(
                                            DiagCode::lint_add_constraint, at,
                                            fmt::format("adding {} \"{}\" to existing table \"{}\" copies the "
                                                        "table (ALGORITHM=COPY) while writes wait",
                                                        kind_word(c.kind), c.name, table),
                                            c.kind == K::foreign_key
                                                ? "add it with foreign_key_checks=0 (ALGORITHM=INPLACE, rows not "
                                                  "checked: check them first with a query), or use an online "
                                                  "schema change tool"
                                                : "use an online schema change tool (gh-ost, "
                                                  "pt-online-schema-change), or run it at a quiet time"));
                                    } else {
                                        mysql_change(m, table, at, false);
                                    }
                                }
                            } else if constexpr (std::is_same_v<A, plan::DropConstraint>) {
                                using K = schema::ConstraintKind;
                                const schema::Constraint& c = a.constraint;
                                mysql_change(c.kind == K::foreign_key   ? MysqlChange::drop_foreign_key
                                             : c.kind == K::check       ? MysqlChange::drop_check
                                             : c.kind == K::unique      ? MysqlChange::drop_index
                                                                        : MysqlChange::drop_primary_key,
                                             table, at, false);
                            }
                        },
                        action.node);
                }
            } else if constexpr (std::is_same_v<S, plan::CreateIndex> || std::is_same_v<S, plan::DropIndex>) {
                constexpr bool create = std::is_same_v<S, plan::CreateIndex>;
                const std::string& table = s.index.table.empty() && s.table ? s.table->name : s.index.table;
                if (table.empty() || is_new(table)) return;
                if constexpr (!create) {
                    if (s.if_exists && s.index.columns.empty()) return;  // a missing `if exists` index
                }
                touches_existing = true;
                if (server == Server::postgresql && !s.concurrently)
                    out.push_back(warn(
                        DiagCode::lint_index_not_concurrent, statement,
                        fmt::format("{} index \"{}\" on existing table \"{}\" without concurrently blocks writes "
                                    "to the table{}",
                                    create ? "create" : "drop", s.index.name, table,
                                    create ? " until the index is built" : ""),
                        create ? "write `create index concurrently` (retort puts it outside the transaction "
                                 "block); if it fails, drop the INVALID index and retry"
                               : "write `drop index concurrently`"));
                mysql_change(create ? MysqlChange::add_index : MysqlChange::drop_index, table, statement, false);
            } else if constexpr (std::is_same_v<S, plan::AddEnumValue> || std::is_same_v<S, plan::RenameEnumValue> ||
                                 std::is_same_v<S, plan::DropEnumValue>) {
                std::vector<std::string> existing;
                for (const schema::TableRef& t : s.users)
                    if (!is_new(t->name)) existing.push_back(t->name);
                if (existing.empty()) return;
                touches_existing = true;
                std::string names;
                for (const auto& n : existing) names += (names.empty() ? "\"" : ", \"") + n + "\"";
                constexpr bool drop = std::is_same_v<S, plan::DropEnumValue>;
                if constexpr (drop) {
                    out.push_back(warn(
                        DiagCode::lint_enum_value_dropped, statement,
                        fmt::format("dropping value '{}' of enum type \"{}\" converts every column that uses it, "
                                    "rewriting existing table{} {}; a row that holds the value makes it fail",
                                    s.value, s.after.name, existing.size() > 1 ? "s" : "", names),
                        "first update the rows that hold the value, in batches; or keep the value and stop "
                        "writing it"));
                }
                if (server == Server::sqlite)
                    out.push_back(warn(DiagCode::lint_sqlite_rebuild, statement,
                                       fmt::format("changing the values of enum type \"{}\" rebuilds existing "
                                                   "table{} {} on SQLite (its CHECK constraint), copying every row",
                                                   s.after.name, existing.size() > 1 ? "s" : "", names),
                                       "run it when the application can wait for the copy"));
                if (is_mysql(server)) {
                    constexpr bool add = std::is_same_v<S, plan::AddEnumValue>;
                    mysql_change(add ? MysqlChange::enum_add_value : MysqlChange::enum_change_values, existing[0],
                                 statement, drop);
                }
            } else if constexpr (std::is_same_v<S, plan::Update> || std::is_same_v<S, plan::Delete>) {
                if (is_new(s.table->name)) return;
                touches_existing = true;
                if (s.where) return;
                constexpr bool update = std::is_same_v<S, plan::Update>;
                out.push_back(warn(DiagCode::lint_unfiltered_write, statement,
                                   fmt::format("{} without where on existing table \"{}\" {} every row in one "
                                               "transaction, holding a lock on each",
                                               update ? "update" : "delete", s.table->name,
                                               update ? "writes" : "deletes"),
                                   "work in batches of a few thousand rows by key range (a where on the key), "
                                   "in several transactions; accept the finding when the table is known small"));
            } else if constexpr (std::is_same_v<S, plan::Execute>) {
                out.push_back(warn(DiagCode::lint_raw_sql, statement,
                                   "execute runs raw SQL that lint cannot check (locks, rewrites, data loss)",
                                   "read it as a DBA would, then accept the finding with "
                                   "`-- lint: accept lint_raw_sql 'reason'` on the line above"));
            }
        },
        step.node);

    if (touches_existing && !options_.lock_timeout && server != Server::sqlite && !lock_timeout_reported_) {
        lock_timeout_reported_ = true;
        bool pg = server == Server::postgresql;
        out.insert(out.begin(),
                   warn(DiagCode::lint_no_lock_timeout, statement,
                        fmt::format("this run changes existing tables and retort.yaml sets no {}: a statement "
                                    "that waits for a lock queues every query of the application behind it",
                                    pg ? "postgresql.lock_timeout" : "mysql.lock_wait_timeout"),
                        pg ? "set `postgresql: {lock_timeout: 5s}` in retort.yaml (and retry the script when it "
                             "fires)"
                           : "set `mysql: {lock_wait_timeout: 10}` in retort.yaml (and retry the script when it "
                             "fires)"));
    }

    std::vector<Finding> result;
    for (Finding& f : out) add(std::move(f), statement, result);
    return result;
}

}  // namespace retort::lint
