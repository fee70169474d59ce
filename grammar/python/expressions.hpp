#pragma once
// Python expressions, with Python's precedence (lowest first): lambda,
// conditional, or, and, not, comparisons, |, ^, &, shifts, + -, * / // % @,
// unary - + ~, **, await, then atoms with their trailers (calls,
// subscripts, attributes). Comprehensions, lambdas, slices, yield and walrus
// are matched so that a file parses; the actions make them Unsupported.
//
// `mark` records the height of the operand stacks and where a construct
// begins; the rule holding the mark (or the tails of its alternatives) takes
// it back. After an opening bracket the grammar commits (must<>), so no
// bracket is read twice.
#include "grammar/python/lexical.hpp"

namespace retort::grammar::python {

struct mark : success {};

struct test;
struct or_test;
struct or_expr;
struct namedexpr_test;
struct star_expr;
struct comp_for;
struct yield_expr;
struct arglist;

// ------------------------------------------------------------ lists

struct named_or_star : sor<star_expr, namedexpr_test> {};
struct test_or_star : sor<star_expr, test> {};
struct expr_or_star : sor<star_expr, or_expr> {};

// Item (, Item)* [,]
template <typename Item>
struct item_list : seq<Item, star<comma, Item>, opt<comma>> {};

// One item, or a bare tuple `a, b` / `a,`.
template <typename Item>
struct tuple_tail : seq<comma, opt<item_list<Item>>> {};
struct no_tuple : success {};
template <typename Item>
struct maybe_tuple : seq<mark, Item, sor<tuple_tail<Item>, no_tuple>> {};

struct testlist : maybe_tuple<test> {};
struct testlist_star : maybe_tuple<test_or_star> {};
struct exprlist : maybe_tuple<expr_or_star> {};

// ------------------------------------------------------------ atoms

struct strings : seq<mark, plus<string_piece, end_mark, skip>> {};
struct atom_name : seq<name> {};
struct atom_none : seq<kw_none> {};
struct atom_true : seq<kw_true_> {};
struct atom_false : seq<kw_false_> {};
struct atom_ellipsis : seq<ellipsis> {};

// ( ... ): (), (yield), (x for ...), (a,), (a, b), (a)
struct paren_empty : seq<rpar> {};
struct paren_yield : seq<yield_expr, must<rpar>> {};
struct paren_genexp : seq<comp_for, must<rpar>> {};
struct paren_tuple : seq<comma, opt<item_list<named_or_star>>, must<rpar>> {};
struct paren_group : seq<rpar> {};
struct paren_tail : sor<paren_genexp, paren_tuple, paren_group> {};
struct paren_body : sor<paren_empty, paren_yield, seq<named_or_star, must<paren_tail>>> {};
struct paren_atom : seq<mark, one<'('>, skip, must<paren_body>> {};

// [ ... ]
struct list_empty : seq<rbrack> {};
struct list_comp : seq<comp_for, must<rbrack>> {};
struct list_close : seq<rbrack> {};
struct list_rest : seq<opt<comma, opt<item_list<named_or_star>>>, must<list_close>> {};
struct list_tail : sor<list_comp, list_rest> {};
struct list_body : sor<list_empty, seq<named_or_star, must<list_tail>>> {};
struct list_atom : seq<mark, one<'['>, skip, must<list_body>> {};

// { ... }: a dict, or a set (a set display is Unsupported)
struct dict_value : seq<colon, must<test>> {};
struct dict_unpack : seq<dstar_op, must<or_expr>> {};
struct dict_item : sor<dict_unpack, seq<test, must<dict_value>>> {};
struct dict_comp : seq<comp_for, must<rbrace>> {};
struct brace_close : seq<rbrace> {};
struct dict_rest : seq<opt<comma, opt<item_list<dict_item>>>, must<brace_close>> {};
struct dict_tail : sor<dict_comp, dict_rest> {};
struct set_comp : seq<comp_for, must<rbrace>> {};
struct set_rest : seq<opt<comma, opt<item_list<test_or_star>>>, must<brace_close>> {};
struct set_tail : sor<set_comp, set_rest> {};
struct brace_empty : seq<rbrace> {};
struct after_first_key : sor<seq<dict_value, must<dict_tail>>, set_tail> {};
struct brace_body
    : sor<brace_empty, seq<dict_unpack, must<dict_tail>>, seq<star_expr, must<set_tail>>,
          seq<test, must<after_first_key>>> {};
struct brace_atom : seq<mark, one<'{'>, skip, must<brace_body>> {};

struct atom
    : sor<strings, number, atom_none, atom_true, atom_false, atom_ellipsis, atom_name, paren_atom,
          list_atom, brace_atom> {};

// ------------------------------------------------------------ trailers

struct kwarg_name : seq<name> {};
struct kwarg : seq<at<name, assign_eq>, kwarg_name, assign_eq, must<test>> {};
struct dstar_arg : seq<dstar_op, must<test>> {};
struct star_arg : seq<star_op, must<test>> {};
struct genexp_arg : seq<comp_for> {};
struct argument : sor<kwarg, dstar_arg, star_arg, seq<namedexpr_test, opt<genexp_arg>>> {};
struct arglist : item_list<argument> {};
struct call : seq<mark, one<'('>, skip, opt<arglist>, must<rpar>> {};

struct slice_rest : seq<colon, opt<test>, opt<colon, opt<test>>> {};
struct subscript_item : seq<mark, sor<seq<test_or_star, opt<slice_rest>>, slice_rest>> {};
struct subscript_comma : seq<comma> {};
struct subscript_list : seq<subscript_item, star<comma, subscript_item>, opt<subscript_comma>> {};
struct subscript : seq<mark, one<'['>, skip, must<subscript_list>, must<rbrack>> {};

struct attr_name : seq<name> {};
struct attribute : seq<dot, must<attr_name>> {};

struct trailer : sor<call, subscript, attribute> {};
struct primary : seq<atom, star<trailer>> {};

// ------------------------------------------------------------ operators

struct factor;
struct await_expr : seq<kw_await_, must<primary>> {};
struct power_tail : seq<op<seq<two<'*'>, not_at<one<'='>>>>, must<factor>> {};
struct power : seq<sor<await_expr, primary>, opt<power_tail>> {};
struct unary_op : sor<op<seq<one<'-'>, not_at<one<'=', '>'>>>>, op<seq<one<'+'>, not_at<one<'='>>>>,
                      op<one<'~'>>> {};
struct unary_expr : seq<unary_op, must<factor>> {};
struct factor : sor<unary_expr, power> {};

struct term_op
    : sor<op<seq<two<'/'>, not_at<one<'='>>>>, op<seq<one<'*'>, not_at<one<'*', '='>>>>,
          op<seq<one<'/'>, not_at<one<'/', '='>>>>, op<seq<one<'%'>, not_at<one<'='>>>>,
          op<seq<one<'@'>, not_at<one<'='>>>>> {};
struct term_tail : seq<term_op, must<factor>> {};
struct term : seq<factor, star<term_tail>> {};

struct arith_op : sor<op<seq<one<'+'>, not_at<one<'='>>>>, op<seq<one<'-'>, not_at<one<'=', '>'>>>>> {};
struct arith_tail : seq<arith_op, must<term>> {};
struct arith : seq<term, star<arith_tail>> {};

struct shift_op : sor<op<seq<two<'<'>, not_at<one<'='>>>>, op<seq<two<'>'>, not_at<one<'='>>>>> {};
struct shift_tail : seq<shift_op, must<arith>> {};
struct shift : seq<arith, star<shift_tail>> {};

struct band_tail : seq<op<seq<one<'&'>, not_at<one<'='>>>>, must<shift>> {};
struct band : seq<shift, star<band_tail>> {};
struct bxor_tail : seq<op<seq<one<'^'>, not_at<one<'='>>>>, must<band>> {};
struct bxor : seq<band, star<bxor_tail>> {};
struct bor_tail : seq<op<seq<one<'|'>, not_at<one<'='>>>>, must<bxor>> {};
struct or_expr : seq<bxor, star<bor_tail>> {};

struct cmp_not_in : seq<kw_not_, kw_in> {};
struct cmp_is_not : seq<kw_is, kw_not_> {};
struct cmp_in : seq<kw_in> {};
struct cmp_is : seq<kw_is> {};
struct cmp_op
    : sor<op<string<'=', '='>>, op<string<'!', '='>>, op<string<'<', '='>>, op<string<'>', '='>>,
          op<seq<one<'<'>, not_at<one<'<'>>>>, op<seq<one<'>'>, not_at<one<'>'>>>>, cmp_not_in,
          cmp_is_not, cmp_in, cmp_is> {};
struct cmp_chain : seq<mark, plus<cmp_op, must<or_expr>>> {};
struct comparison : seq<or_expr, opt<cmp_chain>> {};

struct not_test;
struct not_expr : seq<kw_not_, must<not_test>> {};
struct not_test : sor<not_expr, comparison> {};
struct and_tail : seq<kw_and_, must<not_test>> {};
struct and_test : seq<not_test, star<and_tail>> {};
struct or_tail : seq<kw_or_, must<and_test>> {};
struct or_test : seq<and_test, star<or_tail>> {};

// lambda params: (a, b=1, *args, c, **kw, /)
struct lambda_param
    : sor<seq<dstar_op, must<name>>, seq<star_op, opt<name>>, slash_op,
          seq<name, opt<assign_eq, must<test>>>> {};
struct lambdef : seq<mark, kw_lambda, opt<item_list<lambda_param>>, must<colon>, must<test>> {};

struct ifexp_tail : seq<kw_if_, must<or_test>, must<kw_else_>, must<test>> {};
struct test : sor<lambdef, seq<or_test, opt<ifexp_tail>>> {};
struct walrus : seq<at<name, walrus_op>, name, walrus_op, must<test>> {};
struct namedexpr_test : sor<walrus, test> {};
struct star_expr : seq<star_op, must<or_expr>> {};

// for x in y if c for ...: the parts are read and dropped
struct comp_if : seq<kw_if_, must<or_test>> {};
struct comp_clause_for : seq<opt<kw_async_>, kw_for_, must<exprlist>, must<kw_in>, must<or_test>> {};
struct comp_for : seq<at<opt<kw_async_>, kw_for_>, mark, plus<sor<comp_clause_for, comp_if>>> {};

struct yield_from : seq<kw_from, must<test>> {};
struct yield_expr : seq<mark, kw_yield, opt<sor<yield_from, testlist_star>>> {};

}  // namespace retort::grammar::python
