#pragma once
// The state the grammar actions build the AST in. Actions run bottom-up:
// names, strings and expressions go on stacks, and the rule that owns them
// takes them off when it has matched. The grammar commits (must<>) before
// any action can run in an alternative that might still fail, so the stacks
// never hold leftovers of a failed alternative.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::parse {

enum class HeaderItem { revision, down_revision, branch_labels, depends_on, message, transactional };

struct ParseState {
    ParseState(const SourceFile& f, DiagnosticEngine& d) : file(f), diagnostics(d) {
        // Room for a typical file's deepest stacks, so they are not regrown
        // (and their strings moved) several times per file.
        names.reserve(32);
        exprs.reserve(16);
        strings.reserve(8);
    }

    const SourceFile& file;
    DiagnosticEngine& diagnostics;
    const char* base = nullptr;  // first byte of the file text
    ast::Migration migration;
    std::size_t depth = 0;       // nesting counted by the control class

    // Operand stacks.
    std::vector<ast::Name> names;
    std::vector<std::size_t> name_marks;
    std::vector<sql::ExprRef> exprs;
    // The height of each expression built (a leaf is 1), by detail::push_expr.
    std::unordered_map<const sql::Expr*, std::size_t> heights;
    std::vector<std::size_t> expr_marks;
    std::vector<sql::BinaryOp> compare_ops;
    std::vector<ast::StringValue> strings;
    struct CallFrame {
        std::string name;
        std::uint32_t begin;
    };
    std::vector<CallFrame> calls;
    std::vector<int> type_args;

    // Pieces of the statement being built.
    sql::Type type;
    SourceSpan type_span;
    std::vector<ast::ColumnOption> options;
    std::vector<ast::ColumnDef> columns;
    std::vector<ast::TableConstraint> constraints;
    std::optional<ast::Name> constraint_name;
    sql::FkAction fk_action = sql::FkAction::no_action;
    std::optional<sql::FkAction> on_delete, on_update;
    std::optional<ast::References> references;
    std::vector<ast::AlterAction> actions;
    std::optional<ast::Name> rename_to;
    SourceSpan rename_span;
    std::optional<ast::StringValue> comment;
    std::vector<ast::IndexColumn> index_columns;
    bool descending = false;
    bool concurrently = false;
    bool if_exists = false;
    bool if_not_exists = false;
    bool has_index_name = false;
    ast::EnumPlace enum_place = ast::EnumPlace::last;
    sql::ExprRef where;
    std::vector<ast::StringValue> labels;
    std::vector<std::vector<sql::ExprRef>> rows;
    std::vector<ast::Assignment> assignments;
    // Reads: the selects being parsed (nested by subqueries), the selects
    // parsed and not yet taken (with their height), case and cast frames.
    struct SelectFrame {
        sql::Select select;
        std::uint32_t begin;
    };
    std::vector<SelectFrame> select_frames;
    std::vector<std::pair<sql::SelectRef, std::size_t>> selects;
    sql::SelectRef insert_query;
    bool qualified = false;
    std::vector<std::pair<bool, std::uint32_t>> cases;  // has an else, where it begins
    struct CastFrame {
        sql::Type outer_type;  // s.type and s.type_span of the column declared around the cast
        SourceSpan outer_span;
        std::uint32_t begin;
    };
    std::vector<CastFrame> casts;
    ast::DialectSet dialect_bits = 0;
    ast::DialectSet dialect_list = 0;
    std::vector<ast::DialectSet> only_stack;
    std::optional<decltype(ast::Statement::node)> pending;
    std::uint32_t last_semi = 0;
    // The last string literal that ran over a line break: a syntax error after
    // it often means its closing quote is missing.
    SourceSpan last_multiline_string;
    // The offset just after the `auto` of `downgrade auto`, where a missing
    // ';' is reported (parser.cpp).
    std::optional<std::uint32_t> auto_word_end;
    std::vector<ast::Statement>* target = nullptr;

    // Header.
    std::array<std::optional<SourceSpan>, 6> seen;
    std::vector<ast::Name> rev_list;
    bool down_none = false;
    bool transactional_value = true;
    bool header_started = false;

    std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base); }
    SourceSpan span(const char* b, const char* e) const { return file.span(offset(b), offset(e)); }
    SourceSpan span(std::uint32_t b, std::uint32_t e) const { return file.span(b, e); }
    // The span of a match without the white space after it.
    SourceSpan trimmed(const char* b, const char* e) const {
        while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r')) --e;
        return span(b, e);
    }

    ast::Name pop_name() {
        ast::Name n = std::move(names.back());
        names.pop_back();
        return n;
    }
    std::vector<ast::Name> take_names_from_mark() {
        std::size_t mark = name_marks.back();
        name_marks.pop_back();
        std::vector<ast::Name> out(std::make_move_iterator(names.begin() + static_cast<long>(mark)),
                                   std::make_move_iterator(names.end()));
        names.resize(mark);
        return out;
    }
    sql::ExprRef pop_expr() {
        sql::ExprRef e = std::move(exprs.back());
        exprs.pop_back();
        return e;
    }
    std::vector<sql::ExprRef> take_exprs_from_mark() {
        std::size_t mark = expr_marks.back();
        expr_marks.pop_back();
        std::vector<sql::ExprRef> out(exprs.begin() + static_cast<long>(mark), exprs.end());
        exprs.resize(mark);
        return out;
    }
    ast::StringValue pop_string() {
        ast::StringValue s = std::move(strings.back());
        strings.pop_back();
        return s;
    }
};

// Helpers shared by the actions (actions.cpp).
std::string fold_identifier(std::string_view text);
// The same, in place.
void fold_case(std::string& text);
// Length of the token at `p` of a given shape, without its padding.
std::size_t word_length(const char* p, const char* end);
std::size_t number_length(const char* p, const char* end);

// Decoders: each reports its own diagnostics and returns the decoded bytes.
std::string decode_single_quoted(std::string_view body);
std::string decode_e_string(ParseState& state, const char* begin, const char* end);
std::string decode_hex(std::string_view digits);
void check_date_literal(ParseState& state, const ast::StringValue& value, bool with_time);

}  // namespace retort::parse
