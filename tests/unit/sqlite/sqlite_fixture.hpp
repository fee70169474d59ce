#pragma once
// Builders for hand-made plan steps, the SQLite dialect in a Context, and a
// throwaway database run through Debian's sqlite3 (the engine the scripts
// are written for).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/plan/step.hpp"
#include "compiler/schema/model.hpp"
#include "compiler/source/diagnostics.hpp"
#include "dialects/sqlite/sqlite_dialect.hpp"

namespace retort::sqlite_test {

using namespace retort;

inline sql::ExprRef lit(sql::LiteralKind kind, std::string text) {
    return sql::make_expr(sql::Literal{kind, std::move(text)});
}
inline sql::ExprRef str(std::string text) { return lit(sql::LiteralKind::string, std::move(text)); }
inline sql::ExprRef num(std::string text) { return lit(sql::LiteralKind::integer, std::move(text)); }
inline sql::ExprRef col(std::string name) { return sql::make_expr(sql::ColumnRef{std::move(name)}); }
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

inline schema::Column column(std::string name, sql::Type t, bool nullable = true, sql::ExprRef def = nullptr) {
    schema::Column c;
    c.name = std::move(name);
    c.type = t;
    c.nullable = nullable;
    c.default_value = std::move(def);
    return c;
}

inline schema::Constraint pk(std::string name, std::vector<std::string> columns) {
    schema::Constraint c;
    c.name = std::move(name);
    c.kind = schema::ConstraintKind::primary_key;
    c.columns = std::move(columns);
    return c;
}
inline schema::Constraint unique(std::string name, std::vector<std::string> columns) {
    schema::Constraint c;
    c.name = std::move(name);
    c.kind = schema::ConstraintKind::unique;
    c.columns = std::move(columns);
    return c;
}
inline schema::Constraint check(std::string name, sql::ExprRef expr) {
    schema::Constraint c;
    c.name = std::move(name);
    c.kind = schema::ConstraintKind::check;
    c.check = std::move(expr);
    return c;
}
inline schema::Constraint fk(std::string name, std::vector<std::string> columns, std::string ref_table,
                             std::vector<std::string> ref_columns,
                             std::optional<sql::FkAction> on_delete = std::nullopt) {
    schema::Constraint c;
    c.name = std::move(name);
    c.kind = schema::ConstraintKind::foreign_key;
    c.columns = std::move(columns);
    c.ref_table = std::move(ref_table);
    c.ref_columns = std::move(ref_columns);
    c.on_delete = on_delete;
    return c;
}
inline schema::Index index(std::string name, std::string table, std::vector<std::string> columns,
                           bool is_unique = false, sql::ExprRef where = nullptr) {
    schema::Index i;
    i.name = std::move(name);
    i.table = std::move(table);
    i.unique = is_unique;
    for (auto& c : columns) i.columns.push_back({std::move(c), false});
    i.where = std::move(where);
    return i;
}

template <typename Node>
plan::AlterAction action(Node node) {
    return plan::AlterAction{std::move(node), {}};
}

// The dialect, a schema state and the statements rendered so far.
struct Fixture {
    SourceManager sources;
    DiagnosticEngine diagnostics{sources};
    dialects::SqliteDialect dialect{dialects::Options{}};
    schema::Schema state;
    dialects::Output out;

    // Sets a table, and its foreign keys in state.inbound_fks, as replay does.
    void put(const schema::Table& table) {
        if (!state.tables.count(table.name)) state.table_order.push_back(table.name);
        for (auto& [referenced, keys] : state.inbound_fks)
            std::erase_if(keys, [&](const auto& key) { return key.first == table.name; });
        for (const auto& c : table.constraints)
            if (c.kind == schema::ConstraintKind::foreign_key) state.inbound_fks[c.ref_table].insert({table.name, c.name});
        state.tables[table.name] = schema::share(table);
    }
    void put(const schema::EnumType& type) { state.enums[type.name] = type; }

    // Renders one step against the current state (set it to the state after
    // the step first).
    template <typename Node>
    dialects::Output render(Node node) {
        dialects::Output local;
        dialects::Context ctx{state, {}, diagnostics, local};
        dialect.render(plan::Step{std::move(node), {}}, ctx);
        out.insert(out.end(), local.begin(), local.end());
        return local;
    }
    std::string errors() { return diagnostics.render(); }
};

// Statements only (no comments), each without ';'.
inline std::vector<std::string> sql_of(const dialects::Output& out) {
    std::vector<std::string> v;
    for (const auto& s : out)
        if (!s.comment) v.push_back(s.sql);
    return v;
}

// A script as the writer lays it out: prologue, BEGIN, the statements,
// COMMIT, epilogue.
inline std::string script(const dialects::Output& out) {
    std::string pro, body, epi;
    for (const auto& s : out) {
        if (s.comment) {
            body += "-- " + s.sql + "\n";
            continue;
        }
        std::string line = s.sql + ";\n";
        if (s.placement == dialects::Placement::script_prologue) {
            if (pro.find(line) == std::string::npos) pro += line;
        } else if (s.placement == dialects::Placement::script_epilogue) {
            if (epi.find(line) == std::string::npos) epi += line;
        } else {
            body += line;
        }
    }
    return pro + "BEGIN;\n" + body + "COMMIT;\n" + epi;
}

// A database file in a fresh temp folder, driven through the sqlite3 shell.
class Database {
public:
    Database() {
        char templ[] = "/tmp/retort_sqlite_test_XXXXXX";
        dir_ = mkdtemp(templ);
        path_ = dir_ + "/test.db";
    }
    ~Database() { std::filesystem::remove_all(dir_); }

    // Runs a script with -bail; returns the exit status, stderr in `error`.
    int apply(const std::string& text, std::string* error = nullptr) {
        std::string file = dir_ + "/script.sql";
        std::ofstream(file, std::ios::binary) << text;
        std::string err = dir_ + "/stderr.txt";
        int rc = std::system(("sqlite3 -bail '" + path_ + "' < '" + file + "' > /dev/null 2> '" + err + "'").c_str());
        if (error) {
            std::ifstream in(err);
            std::stringstream ss;
            ss << in.rdbuf();
            *error = ss.str();
        }
        return rc;
    }
    // Rows of a query, columns separated by '|', rows by '\n'.
    std::string query(const std::string& sql) {
        std::string file = dir_ + "/query.sql";
        std::ofstream(file, std::ios::binary) << "PRAGMA foreign_keys=ON;\n" << sql << ";\n";
        std::string cmd = "sqlite3 -bail '" + path_ + "' < '" + file + "' 2>&1";
        std::string result;
        if (FILE* pipe = popen(cmd.c_str(), "r")) {
            char buffer[4096];
            std::size_t n;
            while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.append(buffer, n);
            pclose(pipe);
        }
        return result;
    }

private:
    std::string dir_, path_;
};

}  // namespace retort::sqlite_test
