#pragma once
// PEGTL actions: grammar/python rules -> the tree of compiler/python/ast.hpp
// (see parse_state.hpp). Helpers are in actions.cpp.
#include <string>
#include <utility>
#include <vector>

#include "compiler/python/errors.hpp"
#include "compiler/python/parse_state.hpp"

namespace retort::py {

namespace detail {
Mark pop_mark(ParseState& s);
Item pop_item(ParseState& s);
std::vector<Item> take_items(ParseState& s, std::size_t from);
NameTok pop_name(ParseState& s);
std::string pop_op(ParseState& s);
// Pushes a node built on operands of height `below` (0: a leaf).
void push(ParseState& s, SourceSpan span, decltype(Expr::node) node, std::uint32_t below);
std::uint32_t height(const std::vector<Item>& items);
void push_unsupported(ParseState& s, std::uint32_t begin, const char* what);
void push_binary(ParseState& s);  // left op right from the stacks
void push_unary(ParseState& s, std::string op, std::uint32_t begin);
void push_sequence(ParseState& s, const Mark& m, bool list);  // Tuple or List of the items since m
void push_dict(ParseState& s, const Mark& m);
void compare_chain(ParseState& s, const Mark& m);
void call(ParseState& s, const Mark& m);
void subscript(ParseState& s, const Mark& m);
void push_stmt(ParseState& s, std::uint32_t begin, decltype(Stmt::node) node);
void other_stmt(ParseState& s, const char* what);  // drops what the statement read
void set_header(ParseState& s, HeaderKind kind, std::uint32_t begin);
void discard_since(ParseState& s, const Mark& m);
}  // namespace detail

template <typename Rule>
struct Action : tao::pegtl::nothing<Rule> {};

#define RETORT_ACTION(rule) \
    template <>             \
    struct Action<rule>

#define RETORT_APPLY                  \
    template <typename Input>         \
    static void apply([[maybe_unused]] const Input& in, ParseState& s)

// ------------------------------------------------------------ tokens

RETORT_ACTION(g::end_mark) { RETORT_APPLY { s.last_end = s.offset(in.begin()); } };
RETORT_ACTION(g::mark) {
    RETORT_APPLY {
        s.marks.push_back(Mark{s.exprs.size(), s.keywords.size(), s.names.size(), s.params.size(),
                               s.aliases.size(), s.with_items.size(), s.pieces.size(), s.ops.size(),
                               s.offset(in.begin())});
    }
};
RETORT_ACTION(g::name_text) {
    RETORT_APPLY {
        s.names.push_back(NameTok{in.string(), s.span(s.offset(in.begin()), s.offset(in.end()))});
    }
};
template <typename Text>
struct Action<g::op_text<Text>> {
    RETORT_APPLY { s.ops.push_back(in.string()); }
};
RETORT_ACTION(g::cmp_not_in) { RETORT_APPLY { s.ops.emplace_back("not in"); } };
RETORT_ACTION(g::cmp_is_not) { RETORT_APPLY { s.ops.emplace_back("is not"); } };
RETORT_ACTION(g::cmp_in) { RETORT_APPLY { s.ops.emplace_back("in"); } };
RETORT_ACTION(g::cmp_is) { RETORT_APPLY { s.ops.emplace_back("is"); } };

// ------------------------------------------------------------ atoms

RETORT_ACTION(g::string_piece) {
    RETORT_APPLY { s.pieces.push_back(Piece{s.offset(in.begin()), s.offset(in.end())}); }
};
RETORT_ACTION(g::strings) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Piece> pieces(s.pieces.begin() + static_cast<long>(m.pieces), s.pieces.end());
        s.pieces.resize(m.pieces);
        push_strings(s, pieces, s.span(m.begin, s.last_end));
    }
};
RETORT_ACTION(g::number_text) {
    RETORT_APPLY {
        std::uint32_t b = s.offset(in.begin()), e = s.offset(in.end());
        Expr n = decode_number(s, b, e);
        detail::push(s, n.span, std::move(n.node), 0);
    }
};
RETORT_ACTION(g::atom_name) {
    RETORT_APPLY {
        NameTok n = detail::pop_name(s);
        detail::push(s, n.span, Name{std::move(n.text)}, 0);
    }
};
template <ConstantKind K>
struct ConstantAction {
    RETORT_APPLY { detail::push(s, s.span(s.offset(in.begin()), s.last_end), Constant{K}, 0); }
};
RETORT_ACTION(g::atom_none) : ConstantAction<ConstantKind::none> {};
RETORT_ACTION(g::atom_true) : ConstantAction<ConstantKind::true_> {};
RETORT_ACTION(g::atom_false) : ConstantAction<ConstantKind::false_> {};
RETORT_ACTION(g::atom_ellipsis) : ConstantAction<ConstantKind::ellipsis> {};

RETORT_ACTION(g::paren_empty) { RETORT_APPLY { detail::push_sequence(s, detail::pop_mark(s), false); } };
RETORT_ACTION(g::paren_tuple) { RETORT_APPLY { detail::push_sequence(s, detail::pop_mark(s), false); } };
RETORT_ACTION(g::paren_yield) { RETORT_APPLY { (void)detail::pop_mark(s); } };
RETORT_ACTION(g::paren_group) { RETORT_APPLY { (void)detail::pop_mark(s); } };
template <const char* What>
struct ComprehensionAction {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        (void)detail::take_items(s, m.exprs);
        detail::push_unsupported(s, m.begin, What);
    }
};
inline constexpr char generator_text[] = "a generator expression";
inline constexpr char listcomp_text[] = "a list comprehension";
inline constexpr char dictcomp_text[] = "a dict comprehension";
inline constexpr char setcomp_text[] = "a set comprehension";
RETORT_ACTION(g::paren_genexp) : ComprehensionAction<generator_text> {};
RETORT_ACTION(g::list_comp) : ComprehensionAction<listcomp_text> {};
RETORT_ACTION(g::dict_comp) : ComprehensionAction<dictcomp_text> {};
RETORT_ACTION(g::set_comp) : ComprehensionAction<setcomp_text> {};
RETORT_ACTION(g::list_empty) { RETORT_APPLY { detail::push_sequence(s, detail::pop_mark(s), true); } };
RETORT_ACTION(g::list_rest) { RETORT_APPLY { detail::push_sequence(s, detail::pop_mark(s), true); } };
RETORT_ACTION(g::brace_empty) { RETORT_APPLY { detail::push_dict(s, detail::pop_mark(s)); } };
RETORT_ACTION(g::dict_rest) { RETORT_APPLY { detail::push_dict(s, detail::pop_mark(s)); } };
RETORT_ACTION(g::set_rest) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        (void)detail::take_items(s, m.exprs);
        detail::push_unsupported(s, m.begin, "a set display");
    }
};
RETORT_ACTION(g::dict_unpack) {
    RETORT_APPLY {
        Item v = detail::pop_item(s);
        SourceSpan at = s.span(s.offset(in.begin()), s.offset(in.begin()) + 2);
        detail::push(s, at, Unsupported{"**"}, 0);
        s.exprs.push_back(std::move(v));
    }
};

// ------------------------------------------------------------ trailers

RETORT_ACTION(g::kwarg) {
    RETORT_APPLY {
        Item v = detail::pop_item(s);
        NameTok n = detail::pop_name(s);
        s.keywords.push_back(Keyword{std::move(n.text), std::move(v.expr), s.span(n.span.begin, s.last_end)});
    }
};
RETORT_ACTION(g::dstar_arg) {
    RETORT_APPLY {
        Item v = detail::pop_item(s);
        s.keywords.push_back(Keyword{"", std::move(v.expr), s.span(s.offset(in.begin()), s.last_end)});
    }
};
RETORT_ACTION(g::star_arg) {
    RETORT_APPLY {
        Item v = detail::pop_item(s);
        detail::push(s, s.span(s.offset(in.begin()), s.last_end), Starred{std::move(v.expr)}, v.height);
    }
};
RETORT_ACTION(g::star_expr) {
    RETORT_APPLY {
        Item v = detail::pop_item(s);
        detail::push(s, s.span(s.offset(in.begin()), s.last_end), Starred{std::move(v.expr)}, v.height);
    }
};
RETORT_ACTION(g::genexp_arg) {
    RETORT_APPLY {
        Item e = detail::pop_item(s);
        detail::push_unsupported(s, e.expr->span.begin, "a generator expression");
    }
};
RETORT_ACTION(g::call) { RETORT_APPLY { detail::call(s, detail::pop_mark(s)); } };
RETORT_ACTION(g::slice_rest) {
    RETORT_APPLY { detail::push_unsupported(s, s.offset(in.begin()), "a slice"); }
};
RETORT_ACTION(g::subscript_item) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        if (s.exprs.size() > m.exprs + 1) {
            std::vector<Item> items = detail::take_items(s, m.exprs);
            detail::push_unsupported(s, m.begin, "a slice");
        }
    }
};
RETORT_ACTION(g::subscript_comma) {
    RETORT_APPLY {
        if (!s.marks.empty()) s.marks.back().tuple = true;
    }
};
RETORT_ACTION(g::subscript) { RETORT_APPLY { detail::subscript(s, detail::pop_mark(s)); } };
RETORT_ACTION(g::attribute) {
    RETORT_APPLY {
        NameTok n = detail::pop_name(s);
        Item obj = detail::pop_item(s);
        SourceSpan sp = s.span(obj.expr->span.begin, n.span.end);
        detail::push(s, sp, Attribute{std::move(obj.expr), std::move(n.text), n.span}, obj.height);
    }
};

// ------------------------------------------------------------ operators

RETORT_ACTION(g::await_expr) {
    RETORT_APPLY {
        (void)detail::pop_item(s);
        detail::push_unsupported(s, s.offset(in.begin()), "an await expression");
    }
};
struct BinaryAction {
    RETORT_APPLY { detail::push_binary(s); }
};
RETORT_ACTION(g::power_tail) : BinaryAction {};
RETORT_ACTION(g::term_tail) : BinaryAction {};
RETORT_ACTION(g::arith_tail) : BinaryAction {};
RETORT_ACTION(g::shift_tail) : BinaryAction {};
RETORT_ACTION(g::band_tail) : BinaryAction {};
RETORT_ACTION(g::bxor_tail) : BinaryAction {};
RETORT_ACTION(g::bor_tail) : BinaryAction {};
RETORT_ACTION(g::unary_expr) {
    RETORT_APPLY {
        std::string op = detail::pop_op(s);
        detail::push_unary(s, std::move(op), s.offset(in.begin()));
    }
};
RETORT_ACTION(g::not_expr) { RETORT_APPLY { detail::push_unary(s, "not", s.offset(in.begin())); } };
RETORT_ACTION(g::cmp_chain) { RETORT_APPLY { detail::compare_chain(s, detail::pop_mark(s)); } };
RETORT_ACTION(g::and_tail) {
    RETORT_APPLY {
        s.ops.emplace_back("and");
        detail::push_binary(s);
    }
};
RETORT_ACTION(g::or_tail) {
    RETORT_APPLY {
        s.ops.emplace_back("or");
        detail::push_binary(s);
    }
};
RETORT_ACTION(g::ifexp_tail) {
    RETORT_APPLY {
        Item orelse = detail::pop_item(s);
        Item test = detail::pop_item(s);
        Item body = detail::pop_item(s);
        std::uint32_t below = std::max({orelse.height, test.height, body.height});
        SourceSpan sp = s.span(body.expr->span.begin, s.last_end);
        detail::push(s, sp, IfExp{std::move(test.expr), std::move(body.expr), std::move(orelse.expr)},
                     below);
    }
};
RETORT_ACTION(g::lambdef) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        detail::discard_since(s, m);
        detail::push_unsupported(s, m.begin, "a lambda");
    }
};
RETORT_ACTION(g::walrus) {
    RETORT_APPLY {
        (void)detail::pop_item(s);
        NameTok n = detail::pop_name(s);
        detail::push_unsupported(s, n.span.begin, "an assignment expression (:=)");
    }
};
RETORT_ACTION(g::comp_for) { RETORT_APPLY { detail::discard_since(s, detail::pop_mark(s)); } };
RETORT_ACTION(g::yield_expr) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        detail::discard_since(s, m);
        detail::push_unsupported(s, m.begin, "a yield expression");
    }
};
template <typename Item>
struct Action<g::tuple_tail<Item>> {
    RETORT_APPLY { detail::push_sequence(s, detail::pop_mark(s), false); }
};
RETORT_ACTION(g::no_tuple) { RETORT_APPLY { (void)detail::pop_mark(s); } };

// ------------------------------------------------------------ statements

RETORT_ACTION(g::pass_stmt) { RETORT_APPLY { detail::push_stmt(s, s.offset(in.begin()), Pass{}); } };
RETORT_ACTION(g::break_stmt) {
    RETORT_APPLY { detail::push_stmt(s, s.offset(in.begin()), OtherStmt{"a break statement", {}}); }
};
RETORT_ACTION(g::continue_stmt) {
    RETORT_APPLY { detail::push_stmt(s, s.offset(in.begin()), OtherStmt{"a continue statement", {}}); }
};
RETORT_ACTION(g::return_stmt) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        Return r;
        if (!items.empty()) r.value = std::move(items.back().expr);
        detail::push_stmt(s, m.begin, std::move(r));
    }
};
template <const char* What>
struct OtherAction {
    RETORT_APPLY { detail::other_stmt(s, What); }
};
inline constexpr char raise_text[] = "a raise statement";
inline constexpr char global_text[] = "a global statement";
inline constexpr char nonlocal_text[] = "a nonlocal statement";
inline constexpr char del_text[] = "a del statement";
inline constexpr char assert_text[] = "an assert statement";
RETORT_ACTION(g::raise_stmt) : OtherAction<raise_text> {};
RETORT_ACTION(g::global_stmt) : OtherAction<global_text> {};
RETORT_ACTION(g::nonlocal_stmt) : OtherAction<nonlocal_text> {};
RETORT_ACTION(g::del_stmt) : OtherAction<del_text> {};
RETORT_ACTION(g::assert_stmt) : OtherAction<assert_text> {};

RETORT_ACTION(g::dotted_name) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        NameTok joined;
        for (std::size_t i = m.names; i < s.names.size(); ++i) {
            if (i != m.names) joined.text += '.';
            joined.text += s.names[i].text;
        }
        joined.span = s.span(m.begin, s.last_end);
        s.names.resize(m.names);
        s.names.push_back(std::move(joined));
    }
};
struct AliasAction {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        Alias a;
        if (s.names.size() > m.names) a.name = s.names[m.names].text;
        if (s.names.size() > m.names + 1) a.asname = s.names[m.names + 1].text;
        a.span = s.span(m.begin, s.last_end);
        s.names.resize(m.names);
        s.aliases.push_back(std::move(a));
    }
};
RETORT_ACTION(g::dotted_as_name) : AliasAction {};
RETORT_ACTION(g::import_as_name) : AliasAction {};
RETORT_ACTION(g::import_star) {
    RETORT_APPLY { s.aliases.push_back(Alias{"*", "", s.span(s.offset(in.begin()), s.last_end)}); }
};
RETORT_ACTION(g::from_dot) {
    RETORT_APPLY { s.dots += (in.size() >= 3 && in.begin()[1] == '.' && in.begin()[2] == '.') ? 3 : 1; }
};
RETORT_ACTION(g::from_module) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        s.module = std::string(s.dots, '.');
        if (s.names.size() > m.names) s.module += s.names[m.names].text;
        s.names.resize(m.names);
        s.dots = 0;
    }
};
RETORT_ACTION(g::import_name) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        Import imp;
        imp.names.assign(std::make_move_iterator(s.aliases.begin() + static_cast<long>(m.aliases)),
                         std::make_move_iterator(s.aliases.end()));
        s.aliases.resize(m.aliases);
        detail::push_stmt(s, m.begin, std::move(imp));
    }
};
RETORT_ACTION(g::import_from) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        Import imp;
        imp.from = true;
        imp.module = std::move(s.module);
        imp.names.assign(std::make_move_iterator(s.aliases.begin() + static_cast<long>(m.aliases)),
                         std::make_move_iterator(s.aliases.end()));
        s.aliases.resize(m.aliases);
        detail::push_stmt(s, m.begin, std::move(imp));
    }
};

RETORT_ACTION(g::annassign) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);  // target, annotation[, value]
        Assign a;
        a.targets.push_back(std::move(items.at(0).expr));
        if (items.size() > 2) a.value = std::move(items[2].expr);
        detail::push_stmt(s, m.begin, std::move(a));
    }
};
RETORT_ACTION(g::augassign) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);  // target, value
        std::string op = detail::pop_op(s);
        op.pop_back();
        detail::push_stmt(s, m.begin, AugAssign{std::move(items.at(0).expr), std::move(op),
                                                std::move(items.at(1).expr)});
    }
};
RETORT_ACTION(g::assign_chain) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        Assign a;
        a.value = std::move(items.back().expr);
        items.pop_back();
        for (Item& t : items) a.targets.push_back(std::move(t.expr));
        detail::push_stmt(s, m.begin, std::move(a));
    }
};
RETORT_ACTION(g::plain_expr) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        detail::push_stmt(s, m.begin, ExprStmt{std::move(items.at(0).expr)});
    }
};

// ------------------------------------------------------------ headers

struct DiscardAction {  // annotations: read, dropped
    RETORT_APPLY { (void)detail::pop_item(s); }
};
RETORT_ACTION(g::annotation) : DiscardAction {};
RETORT_ACTION(g::return_annotation) : DiscardAction {};

RETORT_ACTION(g::plain_param) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        Param p;
        p.name = s.names.at(m.names).text;
        s.names.resize(m.names);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        if (!items.empty()) p.default_value = std::move(items.back().expr);
        p.span = s.span(m.begin, s.last_end);
        s.params.push_back(std::move(p));
    }
};
template <const char* Prefix>
struct StarParamAction {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        Param p;
        p.name = Prefix;
        if (s.names.size() > m.names) p.name += s.names[m.names].text;
        s.names.resize(m.names);
        p.span = s.span(m.begin, s.last_end);
        s.params.push_back(std::move(p));
    }
};
inline constexpr char star_text[] = "*";
inline constexpr char dstar_text[] = "**";
inline constexpr char slash_text[] = "/";
RETORT_ACTION(g::star_param) : StarParamAction<star_text> {};
RETORT_ACTION(g::dstar_param) : StarParamAction<dstar_text> {};
RETORT_ACTION(g::slash_param) : StarParamAction<slash_text> {};

template <HeaderKind K>
struct TestHeaderAction {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        detail::set_header(s, K, m.begin);
        s.header->test = std::move(items.at(0).expr);
    }
};
RETORT_ACTION(g::if_head) : TestHeaderAction<HeaderKind::if_> {};
RETORT_ACTION(g::elif_head) : TestHeaderAction<HeaderKind::elif> {};
RETORT_ACTION(g::while_head) : TestHeaderAction<HeaderKind::while_> {};
RETORT_ACTION(g::decorator) : TestHeaderAction<HeaderKind::decorator> {};
template <HeaderKind K>
struct BareHeaderAction {
    RETORT_APPLY { detail::set_header(s, K, s.offset(in.begin())); }
};
RETORT_ACTION(g::else_head) : BareHeaderAction<HeaderKind::else_> {};
RETORT_ACTION(g::try_head) : BareHeaderAction<HeaderKind::try_> {};
RETORT_ACTION(g::finally_head) : BareHeaderAction<HeaderKind::finally> {};
RETORT_ACTION(g::except_head) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        detail::discard_since(s, m);
        detail::set_header(s, HeaderKind::except, m.begin);
    }
};
RETORT_ACTION(g::for_head) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        detail::set_header(s, HeaderKind::for_, m.begin);
        s.header->target = std::move(items.at(0).expr);
        s.header->iter = std::move(items.at(1).expr);
    }
};
RETORT_ACTION(g::with_item) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<Item> items = detail::take_items(s, m.exprs);
        WithItem w;
        w.context = std::move(items.at(0).expr);
        if (items.size() > 1) w.target = std::move(items[1].expr);
        s.with_items.push_back(std::move(w));
    }
};
RETORT_ACTION(g::with_head) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::vector<WithItem> items(std::make_move_iterator(s.with_items.begin() + static_cast<long>(m.with_items)),
                                    std::make_move_iterator(s.with_items.end()));
        s.with_items.resize(m.with_items);
        detail::set_header(s, HeaderKind::with, m.begin);
        s.header->items = std::move(items);
    }
};
RETORT_ACTION(g::def_head) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::string name = s.names.at(m.names).text;
        std::vector<Param> params(std::make_move_iterator(s.params.begin() + static_cast<long>(m.params)),
                                  std::make_move_iterator(s.params.end()));
        s.params.resize(m.params);
        detail::discard_since(s, m);
        detail::set_header(s, HeaderKind::def, m.begin);
        s.header->name = std::move(name);
        s.header->params = std::move(params);
    }
};
RETORT_ACTION(g::class_head) {
    RETORT_APPLY {
        Mark m = detail::pop_mark(s);
        std::string name = s.names.at(m.names).text;
        detail::discard_since(s, m);
        detail::set_header(s, HeaderKind::class_, m.begin);
        s.header->name = std::move(name);
    }
};
RETORT_ACTION(g::async_head) {
    RETORT_APPLY {
        if (s.header) {
            s.header->is_async = true;
            s.header->begin = s.offset(in.begin());
        }
    }
};

#undef RETORT_ACTION
#undef RETORT_APPLY

}  // namespace retort::py
