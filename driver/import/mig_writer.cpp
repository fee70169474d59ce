#include "driver/import/mig_writer.hpp"

#include <fmt/format.h>

#include "driver/revision_file.hpp"

namespace retort::driver::import {

namespace {

std::string dialect_list(unsigned only) {
    std::string out;
    for (auto [bit, name] : {std::pair<unsigned, const char*>{only_postgresql, "postgresql"}, {only_mysql, "mysql"},
                             {only_sqlite, "sqlite"}})
        if (only & bit) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// Continuation lines the translator wrote start with "\n    " inside the
// statements it builds (create table, insert); they are indented with the
// block. Newlines inside strings are left alone: only "\n    " that the
// translator made is rewritten, which it marks by "\n\x01".
std::string indented(const std::string& text, const std::string& indent) {
    std::string out = indent;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\x01') {
            out += "\n" + indent;
            ++i;
        } else {
            out += text[i];
        }
    }
    return out + "\n";
}

std::string block(const std::vector<Emitted>& statements) {
    std::string out;
    for (std::size_t i = 0; i < statements.size();) {
        unsigned only = statements[i].only;
        if (only == all_dialects) {
            out += indented(statements[i].text, "    ");
            ++i;
            continue;
        }
        out += "    only " + dialect_list(only) + " {\n";
        for (; i < statements.size() && statements[i].only == only; ++i)
            out += indented(statements[i].text, "        ");
        out += "    }\n";
    }
    return out;
}

}  // namespace

std::string render_mig(const ImportedRevision& r, const std::string& alembic_file) {
    const AlembicRevision& s = *r.source;
    RevisionHeader h{s.id, s.down, s.labels, s.depends, s.message};
    std::string out = fmt::format("-- imported from {} by `retort import alembic`\n", alembic_file);
    out += render_header(h);
    out += "\nupgrade {\n" + block(r.upgrade) + "}\n";
    if (r.has_downgrade) out += "\ndowngrade {\n" + block(r.downgrade) + "}\n";
    return out;
}

std::string render_config(const AlembicProject& project, const ImportState& state, const std::string& from) {
    bool jsonb = state.json_flavors.count(JsonFlavor::jsonb) && !state.json_flavors.count(JsonFlavor::json);
    std::string out = fmt::format("# written by `retort import alembic` from {} (docs/import.md)\n", from);
    out += "versions: [versions]\n";
    out += fmt::format("dialect: {}\n", project.dialect.empty() ? "postgresql" : project.dialect);
    out += fmt::format("version_table: {}\n", project.version_table);
    out += fmt::format("version_table_schema: {}\n",
                       project.version_table_schema.empty() ? "null" : project.version_table_schema);
    out += "naming: engine                  # unnamed constraints get the engine's names, as with SQLAlchemy\n";
    out += fmt::format("transaction_per_migration: {}\n", project.transaction_per_migration ? "true" : "false");
    out += fmt::format("file_template: \"{}\"\n", project.file_template);
    out += fmt::format("postgresql: {{ json: {}, autoincrement: serial }}\n", jsonb ? "jsonb" : "json");
    out += "sqlite: { autoincrement: rowid, json: json }\n";
    return out;
}

}  // namespace retort::driver::import
