#pragma once
// PEGTL actions: grammar rules -> ast::Migration (see parse_state.hpp).
#include <algorithm>

#include <fmt/format.h>

#include <string>
#include <utility>

#include "compiler/parse/errors.hpp"
#include "compiler/parse/parse_state.hpp"

namespace retort::parse {

template <typename Rule>
struct Action : tao::pegtl::nothing<Rule> {};

#define RETORT_ACTION(rule) \
    template <>             \
    struct Action<rule>

#define RETORT_APPLY                            \
    template <typename Input>                   \
    static void apply([[maybe_unused]] const Input& in, ParseState& s)

namespace detail {

inline SourceSpan word_span(ParseState& s, const char* p, const char* end) {
    return s.span(p, p + word_length(p, end));
}
inline SourceSpan join(const sql::ExprRef& a, const sql::ExprRef& b) {
    return SourceSpan{a->span.file, a->span.begin, b->span.end};
}
inline std::size_t height(const ParseState& s, const sql::ExprRef& e) {
    auto it = s.heights.find(e.get());
    return it == s.heights.end() ? 1 : it->second;
}
inline std::size_t height(const ParseState& s, const std::vector<sql::ExprRef>& list) {
    std::size_t h = 0;
    for (const auto& e : list) h = std::max(h, height(s, e));
    return h;
}
// Pushes `e`, built on operands at most `below` high (0: a leaf), and records
// its height. The control class bounds the rules that nest; this bounds the
// operator chains too (1 + 1 + ... is a tree as deep as the chain is long),
// so no expression is deeper than max_nesting and every recursive walk over
// one (checks, dump, the back ends) has a bounded depth.
inline void push_expr(ParseState& s, sql::ExprRef e, std::size_t below, std::uint32_t at) {
    if (below >= max_nesting) throw NestingTooDeep{at};
    s.heights[e.get()] = below + 1;
    s.exprs.push_back(std::move(e));
}
inline void push_expr(ParseState& s, sql::ExprRef e, std::size_t below) {
    std::uint32_t at = e->span.begin;
    push_expr(s, std::move(e), below, at);
}
inline void push_binary(ParseState& s, sql::BinaryOp op) {
    sql::ExprRef rhs = s.pop_expr();
    sql::ExprRef lhs = s.pop_expr();
    SourceSpan sp = join(lhs, rhs);
    std::size_t below = std::max(height(s, lhs), height(s, rhs));
    std::uint32_t at = rhs->span.begin;
    push_expr(s, sql::make_expr(sql::Binary{op, std::move(lhs), std::move(rhs)}, sp), below, at);
}
inline void push_literal(ParseState& s, sql::LiteralKind kind, std::string text, SourceSpan sp) {
    push_expr(s, sql::make_expr(sql::Literal{kind, std::move(text)}, sp), 0);
}
void set_type(ParseState& s, sql::TypeKind kind, SourceSpan sp, int max_args);
void header_item(ParseState& s, HeaderItem item, SourceSpan sp, const char* word);
void finish_call(ParseState& s, std::uint32_t end);
void finish_statement(ParseState& s, std::uint32_t begin);
void finish_alter_table(ParseState& s);
void push_only(ParseState& s, SourceSpan sp);
void column_option(ParseState& s, ast::ColumnOptionKind kind, SourceSpan sp);
void table_constraint(ParseState& s, ast::ConstraintKind kind, SourceSpan sp);
void index_body(ParseState& s);
void insert_into(ParseState& s);
void negate(ParseState& s, SourceSpan sp);
// Reads (actions_reads.cpp).
void select_head(ParseState& s, std::uint32_t begin);
void finish_select(ParseState& s, std::uint32_t end);
void push_query(ParseState& s, bool exists, std::uint32_t begin, std::uint32_t end);
void finish_case(ParseState& s, std::uint32_t end);
void cast_head(ParseState& s, std::uint32_t begin);
void finish_cast(ParseState& s, std::uint32_t end);
}  // namespace detail

// ------------------------------------------------------------ names, strings

RETORT_ACTION(g::name_text) {
    RETORT_APPLY {
        const char* b = in.begin();
        ast::Name n;
        if (*b == '"') {
            const char* p = b + 1;
            while (p < in.end()) {
                if (*p == '"') {
                    if (p + 1 < in.end() && p[1] == '"') {
                        n.text += '"';
                        p += 2;
                        continue;
                    }
                    ++p;
                    break;
                }
                n.text += *p++;
            }
            n.quoted = true;
            n.span = s.span(b, p);
            if (n.text.empty())
                s.diagnostics.error(DiagCode::syntax, n.span, "a quoted name cannot be empty");
        } else {
            n.text.assign(b, in.size());
            fold_case(n.text);
            n.span = s.span(b, in.end());
        }
        s.names.push_back(std::move(n));
    }
};
RETORT_ACTION(g::name_mark) { RETORT_APPLY { (void)in; s.name_marks.push_back(s.names.size()); } };
RETORT_ACTION(g::expr_mark) { RETORT_APPLY { (void)in; s.expr_marks.push_back(s.exprs.size()); } };

RETORT_ACTION(g::sq_body) {
    RETORT_APPLY {
        std::string_view body(in.begin() + 1, in.size() - 2);
        s.strings.push_back({decode_single_quoted(body), s.span(in.begin(), in.end())});
        if (body.find('\n') != std::string_view::npos) s.last_multiline_string = s.strings.back().span;
    }
};
RETORT_ACTION(g::e_body) {
    RETORT_APPLY {
        s.strings.push_back(
            {decode_e_string(s, in.begin() + 2, in.end() - 1), s.span(in.begin(), in.end())});
        if (std::string_view(in.begin(), in.size()).find('\n') != std::string_view::npos)
            s.last_multiline_string = s.strings.back().span;
    }
};
RETORT_ACTION(g::dollar_body) {
    RETORT_APPLY {
        std::string_view all(in.begin(), in.size());
        std::size_t tag = all.find('$', 1) + 1;
        std::string text(all.substr(tag, all.size() - 2 * tag));
        s.strings.push_back({std::move(text), s.span(in.begin(), in.end())});
    }
};

// ------------------------------------------------------------ types

RETORT_ACTION(g::type_arg) {
    RETORT_APPLY {
        std::size_t len = number_length(in.begin(), in.end());
        std::string digits(in.begin(), len);
        if (len > 6) {
            s.diagnostics.error(DiagCode::bad_type_argument, s.span(in.begin(), in.begin() + len),
                                "{} is too large for a type argument", digits);
            s.type_args.push_back(0);
        } else {
            s.type_args.push_back(std::stoi(digits));
        }
    }
};
#define RETORT_TYPE(rule, kind, args)                                                          \
    RETORT_ACTION(rule) {                                                                      \
        RETORT_APPLY { detail::set_type(s, sql::TypeKind::kind, s.span(in.begin(), in.end()), args); } \
    }
RETORT_TYPE(g::ty_smallint, smallint, 0);
RETORT_TYPE(g::ty_integer, integer, 0);
RETORT_TYPE(g::ty_bigint, bigint, 0);
RETORT_TYPE(g::ty_numeric, numeric, 2);
RETORT_TYPE(g::ty_float, float_, 0);
RETORT_TYPE(g::ty_double, double_, 0);
RETORT_TYPE(g::ty_boolean, boolean, 0);
RETORT_TYPE(g::ty_varchar, varchar, 1);
RETORT_TYPE(g::ty_char, char_, 1);
RETORT_TYPE(g::ty_text, text, 0);
RETORT_TYPE(g::ty_date, date, 0);
RETORT_TYPE(g::ty_time, time, 1);
RETORT_TYPE(g::ty_datetime, datetime, 1);
RETORT_TYPE(g::ty_timestamp, timestamp, 1);
RETORT_TYPE(g::ty_timestamptz, timestamptz, 1);
RETORT_TYPE(g::ty_json, json, 0);
RETORT_TYPE(g::ty_uuid, uuid, 0);
RETORT_TYPE(g::ty_binary, binary, 0);
#undef RETORT_TYPE
RETORT_ACTION(g::ty_enum) {
    RETORT_APPLY {
        (void)in;
        ast::Name n = s.pop_name();
        s.type = sql::Type{};
        s.type.kind = sql::TypeKind::enum_;
        s.type.enum_name = n.text;
        // Kept for replay, which reports an unknown type first (did you
        // mean ...) and arguments to a known enum type second.
        if (!s.type_args.empty()) s.type.length = s.type_args.front();
        s.type_args.clear();
    }
};

// ------------------------------------------------------------ expressions

RETORT_ACTION(g::lit_null) {
    RETORT_APPLY { detail::push_literal(s, sql::LiteralKind::null, "", detail::word_span(s, in.begin(), in.end())); }
};
RETORT_ACTION(g::lit_true) {
    RETORT_APPLY { detail::push_literal(s, sql::LiteralKind::boolean, "true", detail::word_span(s, in.begin(), in.end())); }
};
RETORT_ACTION(g::lit_false) {
    RETORT_APPLY { detail::push_literal(s, sql::LiteralKind::boolean, "false", detail::word_span(s, in.begin(), in.end())); }
};
RETORT_ACTION(g::lit_date) {
    RETORT_APPLY {
        ast::StringValue v = s.pop_string();
        check_date_literal(s, v, false);
        detail::push_literal(s, sql::LiteralKind::date, v.text, s.span(s.offset(in.begin()), v.span.end));
    }
};
RETORT_ACTION(g::lit_timestamp) {
    RETORT_APPLY {
        ast::StringValue v = s.pop_string();
        check_date_literal(s, v, true);
        detail::push_literal(s, sql::LiteralKind::timestamp, v.text, s.span(s.offset(in.begin()), v.span.end));
    }
};
RETORT_ACTION(g::lit_number) {
    RETORT_APPLY {
        std::size_t len = number_length(in.begin(), in.end());
        std::string text(in.begin(), len);
        bool integer = text.find_first_of(".eE") == std::string::npos;
        detail::push_literal(s, integer ? sql::LiteralKind::integer : sql::LiteralKind::decimal, text,
                             s.span(in.begin(), in.begin() + len));
    }
};
RETORT_ACTION(g::lit_binary) {
    RETORT_APPLY {
        std::string_view all(in.begin(), in.size());
        std::size_t close = all.find('\'', 2);
        detail::push_literal(s, sql::LiteralKind::binary, decode_hex(all.substr(2, close - 2)),
                             s.span(in.begin(), in.begin() + close + 1));
    }
};
RETORT_ACTION(g::lit_string) {
    RETORT_APPLY {
        (void)in;
        ast::StringValue v = s.pop_string();
        detail::push_literal(s, sql::LiteralKind::string, std::move(v.text), v.span);
    }
};
RETORT_ACTION(g::current_date_) {
    RETORT_APPLY {
        detail::push_expr(s, sql::make_expr(sql::Call{sql::Function::current_date, {}},
                                            detail::word_span(s, in.begin(), in.end())), 0);
    }
};
RETORT_ACTION(g::call_head) {
    RETORT_APPLY {
        std::size_t len = word_length(in.begin(), in.end());
        s.calls.push_back({fold_identifier(std::string_view(in.begin(), len)), s.offset(in.begin())});
    }
};
RETORT_ACTION(g::call) { RETORT_APPLY { detail::finish_call(s, s.offset(in.end())); } };
RETORT_ACTION(g::paren) {
    RETORT_APPLY {
        sql::ExprRef inner = s.pop_expr();
        // The span ends at the ')' (the match also holds the padding after it).
        std::uint32_t end = s.offset(in.end());
        while (end > s.offset(in.begin()) && s.file.text()[end - 1] != ')') --end;
        std::size_t below = detail::height(s, inner);
        detail::push_expr(s, sql::make_expr(sql::Paren{std::move(inner)}, s.span(s.offset(in.begin()), end)), below);
    }
};
RETORT_ACTION(g::column_qualifier) { RETORT_APPLY { (void)in; s.qualified = true; } };
RETORT_ACTION(g::column_ref) {
    RETORT_APPLY {
        (void)in;
        ast::Name n = s.pop_name();
        if (std::exchange(s.qualified, false)) {
            ast::Name table = s.pop_name();
            SourceSpan sp{table.span.file, table.span.begin, n.span.end};
            detail::push_expr(s, sql::make_expr(sql::ColumnRef{n.text, table.text}, sp), 0);
            return;
        }
        detail::push_expr(s, sql::make_expr(sql::ColumnRef{n.text, {}}, n.span), 0);
    }
};

// ------------------------------------------------------------ reads

RETORT_ACTION(g::select_head) { RETORT_APPLY { detail::select_head(s, s.offset(in.begin())); } };
RETORT_ACTION(g::select_items) {
    RETORT_APPLY { (void)in; s.select_frames.back().select.items = s.take_exprs_from_mark(); }
};
RETORT_ACTION(g::source_table) {
    RETORT_APPLY {
        (void)in;
        ast::Name n = s.pop_name();
        s.select_frames.back().select.from = sql::TableSource{n.text, {}, n.span, {}};
    }
};
RETORT_ACTION(g::source_alias_name) {
    RETORT_APPLY {
        (void)in;
        ast::Name n = s.pop_name();
        s.select_frames.back().select.from->alias = n.text;
        s.select_frames.back().select.from->alias_span = n.span;
    }
};
RETORT_ACTION(g::select_where) { RETORT_APPLY { (void)in; s.select_frames.back().select.where = s.pop_expr(); } };
RETORT_ACTION(g::select_body) { RETORT_APPLY { detail::finish_select(s, s.offset(in.end())); } };
RETORT_ACTION(g::scalar_subquery) {
    RETORT_APPLY { detail::push_query(s, false, s.offset(in.begin()), s.offset(in.end())); }
};
RETORT_ACTION(g::exists_expr) {
    RETORT_APPLY { detail::push_query(s, true, s.offset(in.begin()), s.offset(in.end())); }
};
RETORT_ACTION(g::case_head) { RETORT_APPLY { s.cases.emplace_back(false, s.offset(in.begin())); } };
RETORT_ACTION(g::case_else) { RETORT_APPLY { (void)in; s.cases.back().first = true; } };
RETORT_ACTION(g::case_expr) { RETORT_APPLY { detail::finish_case(s, s.offset(in.end())); } };
RETORT_ACTION(g::cast_head) { RETORT_APPLY { detail::cast_head(s, s.offset(in.begin())); } };
RETORT_ACTION(g::cast_expr) { RETORT_APPLY { detail::finish_cast(s, s.offset(in.end())); } };
RETORT_ACTION(g::insert_select) {
    RETORT_APPLY {
        (void)in;
        s.insert_query = std::move(s.selects.back().first);
        s.selects.pop_back();
    }
};
RETORT_ACTION(g::negate) { RETORT_APPLY { detail::negate(s, s.span(s.offset(in.begin()), 0)); } };
RETORT_ACTION(g::unary_plus) {
    RETORT_APPLY {
        sql::ExprRef e = s.pop_expr();
        SourceSpan sp{e->span.file, s.offset(in.begin()), e->span.end};
        std::size_t below = detail::height(s, e);
        detail::push_expr(s, sql::make_expr(sql::Unary{sql::UnaryOp::plus, std::move(e)}, sp), below);
    }
};
RETORT_ACTION(g::not_prefix) {
    RETORT_APPLY {
        sql::ExprRef e = s.pop_expr();
        SourceSpan sp{e->span.file, s.offset(in.begin()), e->span.end};
        std::size_t below = detail::height(s, e);
        detail::push_expr(s, sql::make_expr(sql::Unary{sql::UnaryOp::not_, std::move(e)}, sp), below);
    }
};
#define RETORT_BINARY(rule, op) \
    RETORT_ACTION(rule) { RETORT_APPLY { (void)in; detail::push_binary(s, sql::BinaryOp::op); } }
RETORT_BINARY(g::mul_tail, mul);
RETORT_BINARY(g::div_tail, div);
RETORT_BINARY(g::mod_tail, mod);
RETORT_BINARY(g::add_tail, add);
RETORT_BINARY(g::sub_tail, sub);
RETORT_BINARY(g::concat_tail, concat);
RETORT_BINARY(g::and_tail, and_);
RETORT_BINARY(g::or_tail, or_);
#undef RETORT_BINARY
#define RETORT_COMPARE(rule, op) \
    RETORT_ACTION(rule) { RETORT_APPLY { (void)in; s.compare_ops.push_back(sql::BinaryOp::op); } }
RETORT_COMPARE(g::op_eq, eq);
RETORT_COMPARE(g::op_ne, ne);
RETORT_COMPARE(g::op_lt, lt);
RETORT_COMPARE(g::op_le, le);
RETORT_COMPARE(g::op_gt, gt);
RETORT_COMPARE(g::op_ge, ge);
#undef RETORT_COMPARE
RETORT_ACTION(g::compare_tail) {
    RETORT_APPLY {
        (void)in;
        sql::BinaryOp op = s.compare_ops.back();
        s.compare_ops.pop_back();
        detail::push_binary(s, op);
    }
};
template <bool Negated>
struct IsNullAction {
    template <typename Input>
    static void apply([[maybe_unused]] const Input& in, ParseState& s) {
        sql::ExprRef e = s.pop_expr();
        SourceSpan sp{e->span.file, e->span.begin, s.offset(in.begin()) + static_cast<std::uint32_t>(
                                                        in.size())};
        // Trim the padding after `null`.
        std::uint32_t end = sp.end;
        const std::string& t = s.file.text();
        while (end > sp.begin && !std::isalpha(static_cast<unsigned char>(t[end - 1]))) --end;
        sp.end = end;
        std::size_t below = detail::height(s, e);
        detail::push_expr(s, sql::make_expr(sql::IsNull{std::move(e), Negated}, sp), below);
    }
};
RETORT_ACTION(g::is_null_tail) : IsNullAction<false> {};
RETORT_ACTION(g::is_not_null_tail) : IsNullAction<true> {};
template <bool N>
struct Action<g::in_tail<N>> {
    RETORT_APPLY {
        std::vector<sql::ExprRef> items = s.take_exprs_from_mark();
        sql::ExprRef e = s.pop_expr();
        std::uint32_t end = s.offset(in.end());
        while (end > 0 && s.file.text()[end - 1] != ')') --end;
        SourceSpan sp{e->span.file, e->span.begin, end};
        std::size_t below = std::max(detail::height(s, e), detail::height(s, items));
        detail::push_expr(s, sql::make_expr(sql::InList{std::move(e), std::move(items), N}, sp), below);
    }
};
template <bool N>
struct Action<g::like_tail<N>> {
    RETORT_APPLY {
        (void)in;
        sql::ExprRef pattern = s.pop_expr();
        sql::ExprRef e = s.pop_expr();
        SourceSpan sp = detail::join(e, pattern);
        std::size_t below = std::max(detail::height(s, e), detail::height(s, pattern));
        detail::push_expr(s, sql::make_expr(sql::Like{std::move(e), std::move(pattern), N}, sp), below);
    }
};
template <bool N>
struct Action<g::between_tail<N>> {
    RETORT_APPLY {
        (void)in;
        sql::ExprRef high = s.pop_expr();
        sql::ExprRef low = s.pop_expr();
        sql::ExprRef e = s.pop_expr();
        SourceSpan sp = detail::join(e, high);
        std::size_t below = std::max({detail::height(s, e), detail::height(s, low), detail::height(s, high)});
        detail::push_expr(s, sql::make_expr(sql::Between{std::move(e), std::move(low), std::move(high), N}, sp),
                          below);
    }
};

// ------------------------------------------------------------ references, columns

#define RETORT_FK(rule, value) \
    RETORT_ACTION(rule) { RETORT_APPLY { (void)in; s.fk_action = sql::FkAction::value; } }
RETORT_FK(g::fk_cascade, cascade);
RETORT_FK(g::fk_restrict, restrict);
RETORT_FK(g::fk_set_null, set_null);
RETORT_FK(g::fk_set_default, set_default);
RETORT_FK(g::fk_no_action, no_action);
#undef RETORT_FK
RETORT_ACTION(g::on_delete) { RETORT_APPLY { (void)in; s.on_delete = s.fk_action; } };
RETORT_ACTION(g::on_update) { RETORT_APPLY { (void)in; s.on_update = s.fk_action; } };
RETORT_ACTION(g::references) {
    RETORT_APPLY {
        std::vector<ast::Name> names = s.take_names_from_mark();
        ast::References r;
        r.table = std::move(names.front());
        r.columns.assign(std::make_move_iterator(names.begin() + 1), std::make_move_iterator(names.end()));
        r.on_delete = s.on_delete;
        r.on_update = s.on_update;
        s.on_delete.reset();
        s.on_update.reset();
        r.span = s.span(in.begin(), in.end());
        s.references = std::move(r);
    }
};

#define RETORT_OPTION(rule, kind)                                                               \
    RETORT_ACTION(rule) {                                                                       \
        RETORT_APPLY { detail::column_option(s, ast::ColumnOptionKind::kind, s.span(in.begin(), in.end())); } \
    }
RETORT_OPTION(g::co_null, null);
RETORT_OPTION(g::co_not_null, not_null);
RETORT_OPTION(g::co_primary_key, primary_key);
RETORT_OPTION(g::co_autoincrement_kw, autoincrement);
RETORT_OPTION(g::co_unique, unique);
RETORT_OPTION(g::co_default, default_);
RETORT_OPTION(g::co_references, references);
RETORT_OPTION(g::co_check, check);
RETORT_OPTION(g::co_comment, comment);
#undef RETORT_OPTION
RETORT_ACTION(g::column_type) {
    RETORT_APPLY { s.type_span = s.trimmed(in.begin(), in.end()); }
};
RETORT_ACTION(g::column_def) {
    RETORT_APPLY {
        ast::ColumnDef c;
        c.options = std::move(s.options);
        s.options.clear();
        c.name = s.pop_name();
        c.type = s.type;
        c.type_span = s.type_span;
        c.span = s.trimmed(in.begin(), in.end());
        s.columns.push_back(std::move(c));
    }
};

// ------------------------------------------------------------ table constraints

RETORT_ACTION(g::named_constraint) { RETORT_APPLY { (void)in; s.constraint_name = s.pop_name(); } };
#define RETORT_CONSTRAINT(rule, kind)                                                            \
    RETORT_ACTION(rule) {                                                                        \
        RETORT_APPLY { detail::table_constraint(s, ast::ConstraintKind::kind, s.trimmed(in.begin(), in.end())); } \
    }
RETORT_CONSTRAINT(g::tc_primary_key, primary_key);
RETORT_CONSTRAINT(g::tc_unique, unique);
RETORT_CONSTRAINT(g::tc_check, check);
RETORT_CONSTRAINT(g::tc_foreign_key, foreign_key);
#undef RETORT_CONSTRAINT
// A named constraint's span starts at `constraint`.
RETORT_ACTION(g::table_constraint) {
    RETORT_APPLY { s.constraints.back().span = s.trimmed(in.begin(), in.end()); }
};

// ------------------------------------------------------------ tables

RETORT_ACTION(g::if_exists) { RETORT_APPLY { (void)in; s.if_exists = true; } };
RETORT_ACTION(g::if_not_exists) { RETORT_APPLY { (void)in; s.if_not_exists = true; } };
RETORT_ACTION(g::create_table) {
    RETORT_APPLY {
        (void)in;
        ast::CreateTable t;
        t.table = s.pop_name();
        t.if_not_exists = std::exchange(s.if_not_exists, false);
        t.columns = std::move(s.columns);
        t.constraints = std::move(s.constraints);
        s.columns.clear();
        s.constraints.clear();
        s.pending = std::move(t);
    }
};
RETORT_ACTION(g::drop_table) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::DropTable{s.pop_name(), std::exchange(s.if_exists, false)};
    }
};

// ------------------------------------------------------------ alter table

template <typename Node>
void push_action(ParseState& s, Node node, SourceSpan sp) {
    s.actions.push_back(ast::AlterAction{std::move(node), sp});
}
RETORT_ACTION(g::aa_add_column) {
    RETORT_APPLY {
        ast::ColumnDef c = std::move(s.columns.back());
        s.columns.pop_back();
        push_action(s, ast::AddColumn{std::move(c)}, SourceSpan{});
    }
};
RETORT_ACTION(g::aa_add_constraint) {
    RETORT_APPLY {
        ast::TableConstraint c = std::move(s.constraints.back());
        s.constraints.pop_back();
        push_action(s, ast::AddConstraint{std::move(c)}, SourceSpan{});
    }
};
RETORT_ACTION(g::aa_add) { RETORT_APPLY { s.actions.back().span = s.trimmed(in.begin(), in.end()); } };
RETORT_ACTION(g::aa_drop_column) { RETORT_APPLY { push_action(s, ast::DropColumn{s.pop_name()}, s.trimmed(in.begin(), in.end())); } };
RETORT_ACTION(g::aa_drop_constraint) {
    RETORT_APPLY { push_action(s, ast::DropConstraint{s.pop_name(), {}, {}}, s.trimmed(in.begin(), in.end())); }
};
namespace detail {
template <typename Input>
void drop_by_columns(ParseState& s, const Input& in, ast::ConstraintKind kind, std::vector<ast::Name> columns) {
    SourceSpan at = s.trimmed(in.begin(), in.end());
    push_action(s, ast::DropConstraint{ast::Name{"", at, false}, kind, std::move(columns)}, at);
}
}  // namespace detail
RETORT_ACTION(g::aa_drop_primary_key) {
    RETORT_APPLY { detail::drop_by_columns(s, in, ast::ConstraintKind::primary_key, {}); }
};
RETORT_ACTION(g::aa_drop_foreign_key) {
    RETORT_APPLY { detail::drop_by_columns(s, in, ast::ConstraintKind::foreign_key, s.take_names_from_mark()); }
};
RETORT_ACTION(g::aa_drop_unique) {
    RETORT_APPLY { detail::drop_by_columns(s, in, ast::ConstraintKind::unique, s.take_names_from_mark()); }
};
RETORT_ACTION(g::aa_drop) { RETORT_APPLY { s.actions.back().span = s.trimmed(in.begin(), in.end()); } };
RETORT_ACTION(g::aa_rename_table) {
    RETORT_APPLY {
        if (s.rename_to) {
            s.diagnostics.error(DiagCode::syntax, s.trimmed(in.begin(), in.end()),
                                "a table can be renamed only once in one alter table");
        }
        s.rename_to = s.pop_name();
    }
};
RETORT_ACTION(g::aa_rename) {
    RETORT_APPLY {
        SourceSpan sp = s.trimmed(in.begin(), in.end());
        if (s.rename_to && !s.rename_span.valid())
            s.rename_span = sp;
        else if (!s.actions.empty() && !s.actions.back().span.valid())
            s.actions.back().span = sp;
    }
};
RETORT_ACTION(g::aa_rename_column) {
    RETORT_APPLY {
        (void)in;
        ast::Name to = s.pop_name();
        ast::Name from = s.pop_name();
        push_action(s, ast::RenameColumn{std::move(from), std::move(to)}, SourceSpan{});
    }
};
RETORT_ACTION(g::ac_type) {
    RETORT_APPLY { (void)in; push_action(s, ast::AlterColumnType{s.pop_name(), s.type, s.type_span}, SourceSpan{}); }
};
RETORT_ACTION(g::ac_set_not_null) { RETORT_APPLY { (void)in; push_action(s, ast::SetNotNull{s.pop_name()}, SourceSpan{}); } };
RETORT_ACTION(g::ac_drop_not_null) { RETORT_APPLY { (void)in; push_action(s, ast::DropNotNull{s.pop_name()}, SourceSpan{}); } };
RETORT_ACTION(g::ac_drop_default) { RETORT_APPLY { (void)in; push_action(s, ast::DropDefault{s.pop_name()}, SourceSpan{}); } };
RETORT_ACTION(g::ac_set_autoincrement) {
    RETORT_APPLY { (void)in; push_action(s, ast::SetAutoincrement{s.pop_name()}, SourceSpan{}); }
};
RETORT_ACTION(g::ac_drop_autoincrement) {
    RETORT_APPLY { (void)in; push_action(s, ast::DropAutoincrement{s.pop_name()}, SourceSpan{}); }
};
RETORT_ACTION(g::ac_set_default) {
    RETORT_APPLY {
        (void)in;
        sql::ExprRef value = s.pop_expr();
        push_action(s, ast::SetDefault{s.pop_name(), std::move(value)}, SourceSpan{});
    }
};
RETORT_ACTION(g::aa_alter_column) { RETORT_APPLY { s.actions.back().span = s.trimmed(in.begin(), in.end()); } };
RETORT_ACTION(g::alter_table) { RETORT_APPLY { (void)in; detail::finish_alter_table(s); } };

// ------------------------------------------------------------ comments

RETORT_ACTION(g::comment_null) { RETORT_APPLY { (void)in; s.comment.reset(); } };
RETORT_ACTION(g::comment_text) { RETORT_APPLY { (void)in; s.comment = s.pop_string(); } };
RETORT_ACTION(g::comment_table) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::CommentOnTable{s.pop_name(), std::exchange(s.comment, std::nullopt)};
    }
};
RETORT_ACTION(g::comment_column) {
    RETORT_APPLY {
        (void)in;
        ast::Name column = s.pop_name();
        ast::Name table = s.pop_name();
        s.pending = ast::CommentOnColumn{std::move(table), std::move(column),
                                         std::exchange(s.comment, std::nullopt)};
    }
};

// ------------------------------------------------------------ indexes

RETORT_ACTION(g::index_desc) { RETORT_APPLY { (void)in; s.descending = true; } };
RETORT_ACTION(g::index_column) {
    RETORT_APPLY {
        (void)in;
        s.index_columns.push_back(ast::IndexColumn{s.pop_name(), std::exchange(s.descending, false)});
    }
};
RETORT_ACTION(g::index_concurrently) { RETORT_APPLY { (void)in; s.concurrently = true; } };
RETORT_ACTION(g::optional_index_name) { RETORT_APPLY { (void)in; s.has_index_name = true; } };
RETORT_ACTION(g::index_where) { RETORT_APPLY { (void)in; s.where = s.pop_expr(); } };
RETORT_ACTION(g::index_body) { RETORT_APPLY { (void)in; detail::index_body(s); } };
RETORT_ACTION(g::create_unique_index) {
    RETORT_APPLY { (void)in; std::get<ast::CreateIndex>(*s.pending).unique = true; }
};
RETORT_ACTION(g::drop_index) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::DropIndex{s.pop_name(), std::exchange(s.concurrently, false),
                                   std::exchange(s.if_exists, false)};
    }
};

// ------------------------------------------------------------ enums

RETORT_ACTION(g::enum_label) { RETORT_APPLY { (void)in; s.labels.push_back(s.pop_string()); } };
RETORT_ACTION(g::create_enum) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::CreateEnum{s.pop_name(), std::move(s.labels)};
        s.labels.clear();
    }
};
RETORT_ACTION(g::ev_before) { RETORT_APPLY { (void)in; s.enum_place = ast::EnumPlace::before; } };
RETORT_ACTION(g::ev_after) { RETORT_APPLY { (void)in; s.enum_place = ast::EnumPlace::after; } };
RETORT_ACTION(g::at_add_value) {
    RETORT_APPLY {
        (void)in;
        ast::AddEnumValue add{ast::Name{}, std::move(s.labels.at(0))};
        add.place = std::exchange(s.enum_place, ast::EnumPlace::last);
        if (add.place != ast::EnumPlace::last) add.anchor = std::move(s.labels.at(1));
        s.pending = std::move(add);
        s.labels.clear();
    }
};
RETORT_ACTION(g::at_rename_value) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::RenameEnumValue{ast::Name{}, std::move(s.labels.at(0)), std::move(s.labels.at(1))};
        s.labels.clear();
    }
};
RETORT_ACTION(g::at_drop_value) {
    RETORT_APPLY { (void)in; s.pending = ast::DropEnumValue{ast::Name{}, std::move(s.labels.at(0))}; s.labels.clear(); }
};
RETORT_ACTION(g::alter_type) {
    RETORT_APPLY {
        (void)in;
        ast::Name type = s.pop_name();
        std::visit(
            [&](auto& node) {
                if constexpr (requires { node.type = type; }) node.type = type;
            },
            *s.pending);
    }
};
RETORT_ACTION(g::drop_type) {
    RETORT_APPLY { (void)in; s.pending = ast::DropEnum{s.pop_name(), std::exchange(s.if_exists, false)}; }
};

// ------------------------------------------------------------ data

RETORT_ACTION(g::row) { RETORT_APPLY { (void)in; s.rows.push_back(s.take_exprs_from_mark()); } };
RETORT_ACTION(g::insert_into) { RETORT_APPLY { (void)in; detail::insert_into(s); } };
RETORT_ACTION(g::assignment) {
    RETORT_APPLY {
        (void)in;
        sql::ExprRef value = s.pop_expr();
        s.assignments.push_back(ast::Assignment{s.pop_name(), std::move(value)});
    }
};
RETORT_ACTION(g::where_clause) { RETORT_APPLY { (void)in; s.where = s.pop_expr(); } };
RETORT_ACTION(g::update_set) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::Update{s.pop_name(), std::move(s.assignments), std::exchange(s.where, nullptr)};
        s.assignments.clear();
    }
};
RETORT_ACTION(g::delete_from) {
    RETORT_APPLY { (void)in; s.pending = ast::Delete{s.pop_name(), std::exchange(s.where, nullptr)}; }
};

// ------------------------------------------------------------ dialects, execute, blocks

#define RETORT_DIALECT(rule, id)                                                              \
    RETORT_ACTION(rule) {                                                                     \
        RETORT_APPLY { (void)in; s.dialect_bits |= static_cast<unsigned>(ast::DialectId::id); } \
    }
RETORT_DIALECT(g::d_postgresql, postgresql);
RETORT_DIALECT(g::d_sqlite, sqlite);
RETORT_DIALECT(g::d_mysql, mysql);
#undef RETORT_DIALECT
RETORT_ACTION(g::dialect_list) { RETORT_APPLY { (void)in; s.dialect_list = std::exchange(s.dialect_bits, 0u); } };
RETORT_ACTION(g::execute) {
    RETORT_APPLY {
        (void)in;
        s.pending = ast::Execute{std::exchange(s.dialect_list, 0u), s.pop_string()};
    }
};
RETORT_ACTION(g::todo) {
    RETORT_APPLY {
        ast::StringValue text = s.pop_string();
        s.diagnostics.error(DiagCode::hand_work, s.trimmed(in.begin(), in.end()), "hand work left: {}",
                            text.text);
    }
};
RETORT_ACTION(g::only_head) { RETORT_APPLY { detail::push_only(s, s.trimmed(in.begin(), in.end())); } };
RETORT_ACTION(g::only_block) { RETORT_APPLY { (void)in; s.only_stack.pop_back(); } };
RETORT_ACTION(g::statement_end) { RETORT_APPLY { s.last_semi = s.offset(in.begin()); } };
RETORT_ACTION(g::full_statement) { RETORT_APPLY { detail::finish_statement(s, s.offset(in.begin())); } };

// ------------------------------------------------------------ header

RETORT_ACTION(g::revision_id) {
    RETORT_APPLY {
        std::size_t len = word_length(in.begin(), in.end());
        s.rev_list.push_back(ast::Name{std::string(in.begin(), len), s.span(in.begin(), in.begin() + len), false});
    }
};
RETORT_ACTION(g::down_id) : Action<g::revision_id> {};
RETORT_ACTION(g::label_id) : Action<g::revision_id> {};
RETORT_ACTION(g::depends_id) {
    RETORT_APPLY {
        const char* p = in.begin();
        std::size_t len = word_length(p, in.end());
        if (p + len < in.end() && p[len] == '@') len += 1 + word_length(p + len + 1, in.end());
        s.rev_list.push_back(ast::Name{std::string(p, len), s.span(p, p + len), false});
    }
};
RETORT_ACTION(g::down_none) { RETORT_APPLY { (void)in; s.down_none = true; } };
RETORT_ACTION(g::transactional_true) { RETORT_APPLY { (void)in; s.transactional_value = true; } };
RETORT_ACTION(g::transactional_false) { RETORT_APPLY { (void)in; s.transactional_value = false; } };
RETORT_ACTION(g::message_text) { RETORT_APPLY { (void)in; s.strings.push_back(s.pop_string()); } };
#define RETORT_HEADER(rule, item, word)                                                          \
    RETORT_ACTION(rule) {                                                                        \
        RETORT_APPLY { detail::header_item(s, HeaderItem::item, s.trimmed(in.begin(), in.end()), word); } \
    }
RETORT_HEADER(g::revision_stmt, revision, "revision");
RETORT_HEADER(g::down_revision_stmt, down_revision, "down_revision");
RETORT_HEADER(g::branch_labels_stmt, branch_labels, "branch_labels");
RETORT_HEADER(g::depends_on_stmt, depends_on, "depends_on");
RETORT_HEADER(g::message_stmt, message, "message");
RETORT_HEADER(g::transactional_stmt, transactional, "transactional");
#undef RETORT_HEADER

RETORT_ACTION(g::upgrade_kw) { RETORT_APPLY { (void)in; s.target = &s.migration.upgrade; } };
RETORT_ACTION(g::downgrade_kw) { RETORT_APPLY { (void)in; s.target = &s.migration.downgrade; } };
RETORT_ACTION(g::upgrade_section) { RETORT_APPLY { s.migration.upgrade_span = s.trimmed(in.begin(), in.end()); } };
RETORT_ACTION(g::downgrade_auto_word) {
    RETORT_APPLY { s.auto_word_end = s.offset(in.begin()) + static_cast<std::uint32_t>(std::string_view("auto").size()); }
};
RETORT_ACTION(g::downgrade_auto) { RETORT_APPLY { (void)in; s.migration.downgrade_kind = ast::DowngradeKind::auto_; } };
RETORT_ACTION(g::downgrade_block) { RETORT_APPLY { (void)in; s.migration.downgrade_kind = ast::DowngradeKind::block; } };
RETORT_ACTION(g::downgrade_section) { RETORT_APPLY { s.migration.downgrade_span = s.trimmed(in.begin(), in.end()); } };

#undef RETORT_ACTION
#undef RETORT_APPLY

}  // namespace retort::parse
