#pragma once
// Column types and expressions (language.md §5).
//
// Precedence, loosest first: or < and < not < comparison (= <> != < <= > >=,
// is [not] null, [not] in, [not] like, [not] between) < || < + - < * / % <
// unary - +. Comparisons do not chain: `a = b = c` is a syntax error.
#include "grammar/lexical.hpp"

namespace retort::grammar {

// ------------------------------------------------------------ types

struct type_arg : type_int {};
struct type_args : seq<lparen, must<type_arg>, opt<comma, must<type_arg>>, must<rparen>> {};

// Every built-in type takes the parentheses, so that `text(10)` or
// `integer(11)` reaches the parse action, which reports bad_type_argument
// (the type takes no argument) instead of a syntax error at the '('.
template <typename Kw>
struct type_with_args : seq<Kw, opt<type_args>> {};

struct ty_smallint : type_with_args<kw_t_smallint> {};
struct ty_integer : type_with_args<sor<kw_t_integer, kw_t_int>> {};
struct ty_bigint : type_with_args<kw_t_bigint> {};
struct ty_numeric : type_with_args<sor<kw_t_numeric, kw_t_decimal>> {};
struct ty_float : type_with_args<kw_t_float> {};
struct ty_double : type_with_args<kw_t_double> {};
struct ty_boolean : type_with_args<kw_t_boolean> {};
struct ty_varchar : type_with_args<sor<kw_t_string, kw_t_varchar>> {};
struct ty_char : type_with_args<kw_t_char> {};
struct ty_text : type_with_args<kw_t_text> {};
struct ty_date : type_with_args<kw_t_date> {};
struct ty_time : type_with_args<kw_t_time> {};
struct ty_datetime : type_with_args<kw_t_datetime> {};
struct ty_timestamp : type_with_args<kw_t_timestamp> {};
struct ty_timestamptz : type_with_args<kw_t_timestamptz> {};
struct ty_json : type_with_args<kw_t_json> {};
struct ty_uuid : type_with_args<kw_t_uuid> {};
struct ty_binary : type_with_args<sor<kw_t_binary, kw_t_blob>> {};
struct ty_enum : seq<name, opt<type_args>> {};  // arguments: an error in replay (varchar2(10))

struct column_type
    : sor<ty_smallint, ty_integer, ty_bigint, ty_numeric, ty_float, ty_double, ty_boolean,
          ty_varchar, ty_char, ty_text, ty_date, ty_time, ty_datetime, ty_timestamp,
          ty_timestamptz, ty_json, ty_uuid, ty_binary, ty_enum> {};

// ------------------------------------------------------------ expressions

struct expr;

// A mark on the expression stack: lists (calls, in-lists, rows) take the
// operands pushed after it.
struct expr_mark : success {};

struct lit_null : kw_null {};
struct lit_true : kw_true_ {};
struct lit_false : kw_false_ {};
struct lit_date : seq<kw_t_date, string_literal> {};
struct lit_timestamp : seq<kw_t_timestamp, string_literal> {};
struct lit_number : number {};
struct lit_binary : seq<binary_string, skip> {};
struct lit_string : string_literal {};
struct literal
    : sor<lit_null, lit_true, lit_false, lit_date, lit_timestamp, lit_number, lit_binary,
          lit_string> {};

// current_date is written without parentheses, as in SQL.
struct current_date_ : kw_current_date {};
struct call_head : seq<ident_plain, skip, one<'('>, skip> {};
struct call_args : opt<expr, star<comma, must<expr>>> {};
struct call : seq<call_head, expr_mark, call_args, must<rparen>> {};

struct paren : seq<lparen, must<expr>, must<rparen>> {};

// ------------------------------------------------------------ reads

// select items [from table [[as] alias]] [where condition]: the reads of
// data statements (language.md §4 "Data that reads").
struct select_head : kw_select {};
struct select_items : seq<expr_mark, must<expr>, star<comma, must<expr>>> {};
struct source_table : seq<name> {};
struct source_alias_name : seq<name> {};
struct source_alias
    : sor<seq<kw_as, must<source_alias_name>>, seq<not_at<kw_where>, source_alias_name>> {};
struct select_from : seq<kw_from, must<source_table>, opt<source_alias>> {};
struct select_where : seq<kw_where, must<expr>> {};
struct select_body : seq<select_head, must<select_items>, opt<select_from>, opt<select_where>> {};

// (select ...) as a value; exists (select ...).
struct scalar_subquery : seq<at<lparen, kw_select>, lparen, must<select_body>, must<rparen>> {};
struct exists_expr : seq<at<kw_exists, lparen>, kw_exists, lparen, must<select_body>, must<rparen>> {};

// case when c then r [...] [else e] end (the searched form only).
struct case_head : kw_case_ {};
struct case_when : seq<kw_when_, must<expr>, must<kw_then_>, must<expr>> {};
struct case_else : seq<kw_else_, must<expr>> {};
struct case_expr : seq<case_head, expr_mark, must<case_when>, star<case_when>, opt<case_else>, must<kw_end_>> {};

// cast(x as type).
struct cast_head : seq<at<kw_cast_, lparen>, kw_cast_, lparen> {};
struct cast_expr : seq<cast_head, must<expr>, must<kw_as>, must<column_type>, must<rparen>> {};

// Words that end an operand: never column names in expressions.
struct reserved_word
    : sor<kw_and_, kw_or_, kw_not_, kw_null, kw_true_, kw_false_, kw_is, kw_in, kw_like,
          kw_between, kw_case_, kw_when_, kw_then_, kw_else_, kw_end_, kw_select, kw_from,
          kw_where> {};
// `t.c`: a column of a table (or alias) of a select, or of the table written to.
struct qualified_column : seq<name> {};
struct column_qualifier : seq<one<'.'>, skip, must<qualified_column>> {};
struct column_ref : seq<not_at<reserved_word>, name, opt<column_qualifier>> {};

struct primary
    : sor<scalar_subquery, paren, literal, current_date_, case_expr, cast_expr, exists_expr, call,
          column_ref> {};

struct minus_sign : seq<one<'-'>, skip> {};
struct plus_sign : seq<one<'+'>, skip> {};
struct unary;
struct negate : seq<minus_sign, must<unary>> {};
struct unary_plus : seq<plus_sign, must<unary>> {};
struct unary : sor<negate, unary_plus, primary> {};

// Binary operators: each tail combines the two operands on top of the stack.
struct mul_op : seq<one<'*'>, skip> {};
struct div_op : seq<one<'/'>, skip> {};
struct mod_op : seq<one<'%'>, skip> {};
struct mul_tail : seq<mul_op, must<unary>> {};
struct div_tail : seq<div_op, must<unary>> {};
struct mod_tail : seq<mod_op, must<unary>> {};
// Each operator level first looks at the next character, so that an operand
// followed by `,` or `)` (every value of an insert row) does not try each
// operator of each level in turn.
struct product : seq<unary, star<at<one<'*', '/', '%'>>, sor<mul_tail, div_tail, mod_tail>>> {};

struct add_tail : seq<plus_sign, must<product>> {};
struct sub_tail : seq<minus_sign, must<product>> {};
struct sum : seq<product, star<at<one<'+', '-'>>, sor<add_tail, sub_tail>>> {};

struct concat_op : seq<two<'|'>, skip> {};
struct concat_tail : seq<concat_op, must<sum>> {};
struct concat : seq<sum, star<concat_tail>> {};

struct op_ne : seq<sor<string<'<', '>'>, string<'!', '='>>, skip> {};
struct op_le : seq<string<'<', '='>, skip> {};
struct op_ge : seq<string<'>', '='>, skip> {};
struct op_eq : seq<one<'='>, skip> {};
struct op_lt : seq<one<'<'>, skip> {};
struct op_gt : seq<one<'>'>, skip> {};
struct compare_op : sor<op_ne, op_le, op_ge, op_eq, op_lt, op_gt> {};
struct compare_tail : seq<compare_op, must<concat>> {};

struct is_not_null_tail : seq<kw_is, kw_not_, must<kw_null>> {};
struct is_null_tail : seq<kw_is, must<kw_null>> {};

struct in_list : seq<lparen, expr_mark, must<expr>, star<comma, must<expr>>, must<rparen>> {};
template <bool Negated>
struct in_tail : seq<kw_in, must<in_list>> {};
template <bool Negated>
struct like_tail : seq<kw_like, must<concat>> {};
template <bool Negated>
struct between_tail : seq<kw_between, must<concat>, must<kw_and_>, must<concat>> {};
struct negated_tail : seq<kw_not_, sor<in_tail<true>, like_tail<true>, between_tail<true>>> {};

struct comparison_tail
    : sor<compare_tail, is_not_null_tail, is_null_tail, in_tail<false>, like_tail<false>,
          between_tail<false>, negated_tail> {};
struct comparison_start : one<'=', '<', '>', '!', 'i', 'I', 'l', 'L', 'b', 'B', 'n', 'N'> {};
struct comparison : seq<concat, opt<at<comparison_start>, comparison_tail>> {};

struct not_prefix;
struct negation : sor<not_prefix, comparison> {};
struct not_prefix : seq<kw_not_, must<negation>> {};

struct and_tail : seq<kw_and_, must<negation>> {};
struct conjunction : seq<negation, star<and_tail>> {};
struct or_tail : seq<kw_or_, must<conjunction>> {};
struct disjunction : seq<conjunction, star<or_tail>> {};

struct expr : disjunction {};

}  // namespace retort::grammar
