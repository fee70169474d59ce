#include "driver/script/script_writer.hpp"

#include <algorithm>

namespace retort::driver {

using dialects::Placement;
using dialects::Statement;

void ScriptWriter::comment_lines(std::string& out, std::string_view text) {
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string_view line = text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
        out += line.empty() ? "--" : "-- ";
        out += line;
        if (end == std::string_view::npos) break;
        out += '\n';
        start = end + 1;
    }
}

std::string& ScriptWriter::item() {
    if (!empty_) out_ += "\n\n";
    empty_ = false;
    return out_;
}

void ScriptWriter::item(std::string_view text, std::string_view suffix) {
    item().append(text).append(suffix);
}

void ScriptWriter::open() {
    if (!layout_.transactional_ddl || open_) return;
    item("BEGIN;");
    open_ = true;
    for (const auto& st : layout_.settings)
        if (st.placement == Placement::in_transaction) item(st.sql, ";");
}

void ScriptWriter::close() {
    if (!open_) return;
    item("COMMIT;");
    open_ = false;
}

void ScriptWriter::statement(const Statement& st, bool in_transaction) {
    if (st.comment) {
        comment_lines(item(), st.sql);
        return;
    }
    if (st.placement == Placement::outside_transaction || !in_transaction) close();
    else open();
    // A raw statement may end in a `--` comment, which would swallow the
    // ';': then the ';' goes on a line of its own.
    std::size_t last_line = st.sql.rfind('\n');
    bool comment_at_end =
        st.sql.find("--", last_line == std::string::npos ? 0 : last_line + 1) != std::string::npos;
    std::string& out = item();
    if (!st.annotation.empty()) {
        comment_lines(out, st.annotation);
        out += '\n';
    }
    out.append(st.sql).append(comment_at_end ? "\n;" : ";");
}

std::string ScriptWriter::write(const std::vector<ScriptMigration>& migrations) {
    out_.clear();
    empty_ = true;
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

    // The header lines form one item, the notes another.
    for (const auto* lines : {&layout_.header, &layout_.notes}) {
        if (lines->empty()) continue;
        std::string& out = item();
        for (std::size_t i = 0; i < lines->size(); ++i) {
            if (i) out += '\n';
            comment_lines(out, (*lines)[i]);
        }
    }
    for (const auto& st : layout_.guard)
        if (st.placement == Placement::script_prologue)  // a client command (".bail on") takes no ';'
            item(st.sql, st.sql.starts_with('.') ? "" : ";");
    for (const auto& st : layout_.settings)
        if (st.placement == Placement::script_prologue) item(st.sql, ";");
    for (const auto& sql : prologue) item(sql, ";");

    auto guard = [&] {
        for (const auto& st : layout_.guard)
            if (in_script(st)) statement(st, true);
    };
    if (!layout_.guard_after_preamble) guard();
    for (const auto& st : layout_.preamble)
        if (in_script(st)) statement(st, true);
    if (layout_.guard_after_preamble) guard();

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
        if (!m.banner.empty()) comment_lines(item(), m.banner);
        for (const auto& st : m.statements)
            if (in_script(st)) statement(st, tx);
        if (layout_.transaction_per_migration) close();
    }
    close();
    for (const auto& sql : epilogue) item(sql, ";");
    out_ += '\n';
    return std::move(out_);
}

}  // namespace retort::driver
