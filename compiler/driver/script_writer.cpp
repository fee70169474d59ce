#include "compiler/driver/script_writer.hpp"

#include <algorithm>

namespace retort::driver {

using dialects::Placement;
using dialects::Statement;

std::string ScriptWriter::comment_lines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string_view line(text.data() + start, (end == std::string::npos ? text.size() : end) - start);
        if (!out.empty()) out += '\n';
        out += line.empty() ? "--" : "-- " + std::string(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

void ScriptWriter::item(std::string text) { items_.push_back(std::move(text)); }

void ScriptWriter::open() {
    if (!layout_.transactional_ddl || open_) return;
    item("BEGIN;");
    open_ = true;
}

void ScriptWriter::close() {
    if (!open_) return;
    item("COMMIT;");
    open_ = false;
}

void ScriptWriter::statement(const Statement& st, bool in_transaction) {
    if (st.comment) {
        item(comment_lines(st.sql));
        return;
    }
    if (st.placement == Placement::outside_transaction || !in_transaction) close();
    else open();
    // A raw statement may end in a `--` comment, which would swallow the
    // ';': then the ';' goes on a line of its own.
    std::size_t last_line = st.sql.rfind('\n');
    bool comment_at_end =
        st.sql.find("--", last_line == std::string::npos ? 0 : last_line + 1) != std::string::npos;
    item(st.sql + (comment_at_end ? "\n;" : ";"));
}

std::string ScriptWriter::write(const std::vector<ScriptMigration>& migrations) {
    items_.clear();
    open_ = false;

    // Prologue and epilogue statements: once each, in first-seen order.
    std::vector<std::string> prologue, epilogue;
    auto collect = [&](const dialects::Output& out) {
        for (const auto& st : out) {
            auto* list = st.placement == Placement::script_prologue   ? &prologue
                         : st.placement == Placement::script_epilogue ? &epilogue
                                                                      : nullptr;
            if (list && std::find(list->begin(), list->end(), st.sql) == list->end()) list->push_back(st.sql);
        }
    };
    collect(layout_.preamble);
    for (const auto& m : migrations) collect(m.statements);
    auto in_script = [](const Statement& st) {
        return st.placement != Placement::script_prologue && st.placement != Placement::script_epilogue;
    };

    std::string header;
    for (const auto& line : layout_.header) header += (header.empty() ? "" : "\n") + comment_lines(line);
    if (!header.empty()) item(header);
    std::string notes;
    for (const auto& line : layout_.notes) notes += (notes.empty() ? "" : "\n") + comment_lines(line);
    if (!notes.empty()) item(notes);
    for (const auto& sql : prologue) item(sql + ";");

    for (const auto& st : layout_.preamble)
        if (in_script(st)) statement(st, true);

    for (const auto& m : migrations) {
        bool tx = layout_.transactional_ddl && m.transactional;
        if (!m.transactional) close();
        // The block opens before the banner when the migration's first
        // statement goes into it, so that the banner sits inside the block.
        if (tx) {
            auto first = std::find_if(m.statements.begin(), m.statements.end(),
                                      [&](const Statement& st) { return in_script(st) && !st.comment; });
            if (first != m.statements.end() && first->placement == Placement::in_transaction) open();
        }
        if (!m.banner.empty()) item(comment_lines(m.banner));
        for (const auto& st : m.statements)
            if (in_script(st)) statement(st, tx);
        if (layout_.transaction_per_migration) close();
    }
    close();
    for (const auto& sql : epilogue) item(sql + ";");

    std::string out;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (i) out += "\n\n";
        out += items_[i];
    }
    out += '\n';
    return out;
}

}  // namespace retort::driver
