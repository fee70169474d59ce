#include "driver/import/sa_types.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>

namespace retort::driver::import {

namespace {

// A number argument given positionally at `i` or as keyword `name`.
std::optional<std::string> number_arg(const Value& call, std::size_t i, const std::string& name) {
    const Value* v = call.is(ValueKind::call) ? call.arg(i, name) : nullptr;
    if (v && v->is(ValueKind::number)) return v->text;
    return std::nullopt;
}

bool flag_arg(const Value& call, const std::string& name) {
    const Value* v = call.is(ValueKind::call) ? call.keyword(name) : nullptr;
    return v && v->is(ValueKind::boolean) && v->flag;
}

MigType plain(std::string text) { return MigType{std::move(text)}; }

MigType integer(std::string text) {
    MigType t{std::move(text)};
    t.integer = true;
    return t;
}

MigType with_length(const Value& call, const std::string& base, const std::string& without) {
    if (auto n = number_arg(call, 0, "length")) return plain(base + "(" + *n + ")");
    return plain(without);
}

MigType numeric(const Value& call) {
    auto p = number_arg(call, 0, "precision");
    auto s = number_arg(call, 1, "scale");
    if (p && s) return plain(fmt::format("numeric({}, {})", *p, *s));
    if (p) return plain(fmt::format("numeric({})", *p));
    return plain("numeric");
}

MigType datetime(const Value& call, bool tz_default) {
    bool tz = tz_default || flag_arg(call, "timezone");
    std::string text = tz ? "timestamptz" : "datetime";
    if (auto p = number_arg(call, 99, "precision")) text += "(" + *p + ")";
    else if (auto fsp = number_arg(call, 99, "fsp")) text += "(" + *fsp + ")";
    MigType t = plain(text);
    if (tz)
        t.warning = "DateTime(timezone=True) becomes timestamptz: on SQLite retort declares it TIMESTAMPTZ where "
                    "SQLAlchemy declares DATETIME (the same type affinity)";
    return t;
}

// LargeBinary: BLOB on MySQL in SQLAlchemy, LONGBLOB in retort.
MigType binary() {
    MigType t{"blob"};
    t.warning = "a binary column becomes blob: on MySQL retort makes LONGBLOB where SQLAlchemy makes BLOB (64 KB)";
    return t;
}

MigType json(JsonFlavor flavor) {
    MigType t{"json"};
    t.json = flavor;
    return t;
}

std::optional<MigType> enumeration(const Value& call, TypeError& error, bool postgres_enum) {
    EnumDecl decl;
    for (const Value& v : call.items) {
        if (!v.is(ValueKind::string)) {
            error.message = "an Enum whose values are not strings written out (a Python enum class, say)";
            return std::nullopt;
        }
        decl.values.push_back(v.text);
    }
    const Value* name = call.keyword("name");
    if (!name || !name->is(ValueKind::string)) {
        // MySQL's ENUM is declared inline, and autogenerate reflects it
        // without a name: the column that has it names it (read_column).
        if (call.text == "mysql.ENUM" && !decl.values.empty()) {
            MigType t{""};
            t.enum_decl = std::move(decl);
            return t;
        }
        error.message = "an Enum without name='...': retort's enum types are named";
        return std::nullopt;
    }
    decl.name = name->text;
    if (const Value* native = call.keyword("native_enum"); native && native->is(ValueKind::boolean) && !native->flag) {
        error.message = "an Enum with native_enum=False (a VARCHAR with a CHECK): write string(n) and a check";
        return std::nullopt;
    }
    if (const Value* create = call.keyword("create_type"); postgres_enum && create && create->is(ValueKind::boolean))
        decl.create = create->flag;
    MigType t{decl.name};
    t.enum_decl = std::move(decl);
    t.warning = "on SQLite retort declares the enum column with CHECK (c IN (...)); SQLAlchemy 1.4 declares "
                "VARCHAR(n) without a check";
    return t;
}

MigType near(std::string text, std::string warning) {
    MigType t{std::move(text)};
    t.warning = std::move(warning);
    return t;
}

using Rule = std::function<std::optional<MigType>(const Value& call, TypeError& error)>;

const std::map<std::string, Rule>& rules() {
    static const std::map<std::string, Rule> table = {
        {"sqlalchemy.Integer", [](const Value&, TypeError&) { return integer("integer"); }},
        {"sqlalchemy.INTEGER", [](const Value&, TypeError&) { return integer("integer"); }},
        {"sqlalchemy.INT", [](const Value&, TypeError&) { return integer("integer"); }},
        {"sqlalchemy.BigInteger", [](const Value&, TypeError&) { return integer("bigint"); }},
        {"sqlalchemy.BIGINT", [](const Value&, TypeError&) { return integer("bigint"); }},
        {"sqlalchemy.SmallInteger", [](const Value&, TypeError&) { return integer("smallint"); }},
        {"sqlalchemy.SMALLINT", [](const Value&, TypeError&) { return integer("smallint"); }},
        {"sqlalchemy.String", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"sqlalchemy.VARCHAR", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"sqlalchemy.Unicode", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"sqlalchemy.NVARCHAR", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"sqlmodel.AutoString", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"sqlalchemy.CHAR", [](const Value& c, TypeError&) { return with_length(c, "char", "char(1)"); }},
        {"sqlalchemy.Text", [](const Value&, TypeError&) { return plain("text"); }},
        {"sqlalchemy.TEXT", [](const Value&, TypeError&) { return plain("text"); }},
        {"sqlalchemy.UnicodeText", [](const Value&, TypeError&) { return plain("text"); }},
        {"sqlalchemy.Boolean", [](const Value&, TypeError&) { return plain("boolean"); }},
        {"sqlalchemy.BOOLEAN", [](const Value&, TypeError&) { return plain("boolean"); }},
        {"sqlalchemy.Date", [](const Value&, TypeError&) { return plain("date"); }},
        {"sqlalchemy.DATE", [](const Value&, TypeError&) { return plain("date"); }},
        {"sqlalchemy.DateTime", [](const Value& c, TypeError&) { return datetime(c, false); }},
        {"sqlalchemy.DATETIME", [](const Value& c, TypeError&) { return datetime(c, false); }},
        {"sqlalchemy.TIMESTAMP", [](const Value& c, TypeError&) { return datetime(c, false); }},
        {"postgresql.TIMESTAMP", [](const Value& c, TypeError&) { return datetime(c, false); }},
        {"mysql.DATETIME", [](const Value& c, TypeError&) { return datetime(c, false); }},
        {"sqlalchemy.Time", [](const Value&, TypeError&) { return plain("time"); }},
        {"sqlalchemy.TIME", [](const Value&, TypeError&) { return plain("time"); }},
        {"sqlalchemy.Numeric", [](const Value& c, TypeError&) { return numeric(c); }},
        {"sqlalchemy.NUMERIC", [](const Value& c, TypeError&) { return numeric(c); }},
        {"sqlalchemy.DECIMAL", [](const Value& c, TypeError&) { return numeric(c); }},
        {"sqlalchemy.Float",
         [](const Value&, TypeError&) {
             return near("double", "sa.Float becomes double: PostgreSQL's FLOAT is DOUBLE PRECISION, "
                                   "MySQL's is FLOAT (4 bytes) and gets DOUBLE");
         }},
        {"sqlalchemy.REAL", [](const Value&, TypeError&) { return plain("float"); }},
        {"sqlalchemy.Double", [](const Value&, TypeError&) { return plain("double"); }},
        {"sqlalchemy.DOUBLE", [](const Value&, TypeError&) { return plain("double"); }},
        {"sqlalchemy.DOUBLE_PRECISION", [](const Value&, TypeError&) { return plain("double"); }},
        {"postgresql.DOUBLE_PRECISION", [](const Value&, TypeError&) { return plain("double"); }},
        {"sqlalchemy.JSON", [](const Value&, TypeError&) { return json(JsonFlavor::json); }},
        {"postgresql.JSON", [](const Value&, TypeError&) { return json(JsonFlavor::json); }},
        {"postgresql.JSONB", [](const Value&, TypeError&) { return json(JsonFlavor::jsonb); }},
        {"mysql.JSON", [](const Value&, TypeError&) { return json(JsonFlavor::json); }},
        {"sqlalchemy.LargeBinary", [](const Value&, TypeError&) { return binary(); }},
        {"sqlalchemy.BLOB", [](const Value&, TypeError&) { return binary(); }},
        {"postgresql.BYTEA", [](const Value&, TypeError&) { return plain("blob"); }},
        {"sqlalchemy.Uuid", [](const Value&, TypeError&) { return plain("uuid"); }},
        {"sqlalchemy.UUID", [](const Value&, TypeError&) { return plain("uuid"); }},
        {"postgresql.UUID", [](const Value&, TypeError&) { return plain("uuid"); }},
        {"sqlmodel.GUID", [](const Value&, TypeError&) { return plain("uuid"); }},
        {"sqlalchemy.Enum", [](const Value& c, TypeError& e) { return enumeration(c, e, false); }},
        {"postgresql.ENUM", [](const Value& c, TypeError& e) { return enumeration(c, e, true); }},
        {"mysql.ENUM", [](const Value& c, TypeError& e) { return enumeration(c, e, false); }},
        {"mysql.TINYINT",
         [](const Value& c, TypeError&) {
             // MySQL's BOOL is TINYINT(1): reflected booleans read back so.
             if (auto w = number_arg(c, 0, "display_width"); w && *w == "1") return plain("boolean");
             MigType t = near("smallint", "mysql.TINYINT becomes smallint: retort has no 1-byte integer");
             t.integer = true;
             return t;
         }},
        {"mysql.LONGTEXT",
         [](const Value& c, TypeError&) {
             // MariaDB's JSON is LONGTEXT COLLATE utf8mb4_bin: reflected JSON columns read back so.
             const Value* collation = c.is(ValueKind::call) ? c.keyword("collation") : nullptr;
             if (collation && collation->is(ValueKind::string) && collation->text == "utf8mb4_bin")
                 return json(JsonFlavor::json);
             return near("text", "mysql.LONGTEXT becomes text: MySQL's TEXT holds 64 KB, LONGTEXT 4 GB");
         }},
        {"mysql.INTEGER", [](const Value&, TypeError&) { return integer("integer"); }},
        {"mysql.BIGINT", [](const Value&, TypeError&) { return integer("bigint"); }},
        {"mysql.SMALLINT", [](const Value&, TypeError&) { return integer("smallint"); }},
        {"mysql.VARCHAR", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"mysql.CHAR", [](const Value& c, TypeError&) { return with_length(c, "char", "char(1)"); }},
        {"mysql.TEXT", [](const Value&, TypeError&) { return plain("text"); }},
        {"mysql.DECIMAL", [](const Value& c, TypeError&) { return numeric(c); }},
        {"mysql.DOUBLE", [](const Value&, TypeError&) { return plain("double"); }},
        {"mysql.DATE", [](const Value&, TypeError&) { return plain("date"); }},
        {"mysql.TIME", [](const Value&, TypeError&) { return plain("time"); }},
        {"mysql.BLOB", [](const Value&, TypeError&) { return binary(); }},
        {"mysql.LONGBLOB", [](const Value&, TypeError&) { return plain("blob"); }},
        {"sqlite.JSON", [](const Value&, TypeError&) { return json(JsonFlavor::json); }},
        {"sqlite.DATETIME", [](const Value& c, TypeError&) { return datetime(c, false); }},
        {"postgresql.INTEGER", [](const Value&, TypeError&) { return integer("integer"); }},
        {"postgresql.VARCHAR", [](const Value& c, TypeError&) { return with_length(c, "string", "string"); }},
        {"postgresql.TEXT", [](const Value&, TypeError&) { return plain("text"); }},
        {"postgresql.BOOLEAN", [](const Value&, TypeError&) { return plain("boolean"); }},
        {"mysql.MEDIUMTEXT",
         [](const Value&, TypeError&) {
             return near("text", "mysql.MEDIUMTEXT becomes text: MySQL's TEXT holds 64 KB, MEDIUMTEXT 16 MB");
         }},
    };
    return table;
}

}  // namespace

std::optional<MigType> mig_type(const Value& type, TypeError& error) {
    const std::string* path = nullptr;
    if (type.is(ValueKind::path) || type.is(ValueKind::call)) path = &type.text;
    if (!path || path->empty() || (*path)[0] == '.') {
        error.message = fmt::format("{} is not a SQLAlchemy type retort knows", describe(type));
        return std::nullopt;
    }
    auto it = rules().find(*path);
    if (it == rules().end()) {
        error.message = fmt::format("the type {} is not one retort knows", *path);
        return std::nullopt;
    }
    return it->second(type, error);
}

}  // namespace retort::driver::import
