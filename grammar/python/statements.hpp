#pragma once
// One logical line of Python (compiler/python/lines.cpp finds them): simple
// statements separated by ';', or the header of a compound statement
// (`if x:`, `def f():`, `@decorator`, ...) with or without a one-line body.
// The blocks under headers are built from the indentation by the parser.
#include "grammar/python/expressions.hpp"

namespace retort::grammar::python {

// ------------------------------------------------------------ simple statements

struct pass_stmt : seq<kw_pass> {};
struct break_stmt : seq<kw_break_> {};
struct continue_stmt : seq<kw_continue_> {};
struct return_stmt : seq<mark, kw_return_, opt<testlist_star>> {};
struct raise_stmt : seq<mark, kw_raise, opt<test, opt<kw_from, must<test>>>> {};
struct global_stmt : seq<mark, kw_global, must<name>, star<comma, must<name>>> {};
struct nonlocal_stmt : seq<mark, kw_nonlocal, must<name>, star<comma, must<name>>> {};
struct del_stmt : seq<mark, kw_del, must<exprlist>> {};
struct assert_stmt : seq<mark, kw_assert_, must<test>, opt<comma, must<test>>> {};

// import a.b as c, d
struct dotted_name : seq<mark, name, star<dot, must<name>>> {};
struct as_name : seq<kw_as, must<name>> {};
struct dotted_as_name : seq<mark, dotted_name, opt<as_name>> {};
struct import_name : seq<mark, kw_import, must<dotted_as_name>, star<comma, must<dotted_as_name>>> {};
// from .a.b import (c as d, e) / from m import *
struct from_dot : sor<ellipsis, token<one<'.'>>> {};
struct from_module : seq<mark, sor<seq<plus<from_dot>, opt<dotted_name>>, dotted_name>> {};
struct import_as_name : seq<mark, name, opt<as_name>> {};
struct import_star : seq<star_op> {};
struct import_as_names : item_list<import_as_name> {};
struct import_targets : sor<import_star, seq<lpar, must<import_as_names>, must<rpar>>, import_as_names> {};
struct import_from : seq<mark, kw_from, must<from_module>, must<kw_import>, must<import_targets>> {};

// Expression statements and assignments.
struct assign_value : sor<yield_expr, testlist_star> {};
struct annotation_value : seq<assign_eq, must<assign_value>> {};
struct annassign : seq<colon, must<test>, opt<annotation_value>> {};
struct aug_op
    : sor<op<string<'/', '/', '='>>, op<string<'*', '*', '='>>, op<string<'>', '>', '='>>,
          op<string<'<', '<', '='>>, op<string<'+', '='>>, op<string<'-', '='>>, op<string<'*', '='>>,
          op<string<'/', '='>>, op<string<'%', '='>>, op<string<'@', '='>>, op<string<'&', '='>>,
          op<string<'|', '='>>, op<string<'^', '='>>> {};
struct augassign : seq<aug_op, must<assign_value>> {};
struct assign_chain : plus<assign_eq, must<assign_value>> {};
struct plain_expr : success {};
struct expr_stmt : seq<mark, assign_value, sor<annassign, augassign, assign_chain, plain_expr>> {};

struct small_stmt
    : sor<pass_stmt, break_stmt, continue_stmt, return_stmt, raise_stmt, global_stmt, nonlocal_stmt,
          del_stmt, assert_stmt, import_name, import_from, expr_stmt> {};
struct simple_stmts : seq<small_stmt, star<semi, small_stmt>, opt<semi>> {};

// ------------------------------------------------------------ compound headers

struct block_colon : seq<colon> {};
struct if_head : seq<mark, kw_if_, must<namedexpr_test>, must<block_colon>> {};
struct elif_head : seq<mark, kw_elif, must<namedexpr_test>, must<block_colon>> {};
struct else_head : seq<kw_else_, must<block_colon>> {};
struct while_head : seq<mark, kw_while_, must<namedexpr_test>, must<block_colon>> {};
struct for_target : seq<exprlist> {};
struct for_head
    : seq<mark, kw_for_, must<for_target>, must<kw_in>, must<testlist_star>, must<block_colon>> {};
struct try_head : seq<kw_try_, must<block_colon>> {};
struct except_head
    : seq<mark, kw_except, opt<star_op>, opt<test, opt<as_name>>, must<block_colon>> {};
struct finally_head : seq<kw_finally, must<block_colon>> {};

// with a as b, c: / with (a as b, c):
struct with_target : seq<kw_as, must<or_expr>> {};
struct with_item : seq<mark, test, opt<with_target>> {};
struct paren_with_items
    : seq<one<'('>, skip, item_list<with_item>, rpar, at<one<':'>>> {};
struct with_items : sor<paren_with_items, seq<with_item, star<comma, must<with_item>>>> {};
struct with_head : seq<mark, kw_with, must<with_items>, must<block_colon>> {};

// def f(a, b: int = 1, *args, c, **kwargs) -> T:
struct annotation : seq<colon, must<test>> {};
struct param_default : seq<assign_eq, must<test>> {};
struct plain_param : seq<mark, name, opt<annotation>, opt<param_default>> {};
struct star_param : seq<mark, star_op, opt<name, opt<annotation>>> {};
struct dstar_param : seq<mark, dstar_op, must<name>, opt<annotation>> {};
struct slash_param : seq<mark, slash_op> {};
struct param : sor<dstar_param, star_param, slash_param, plain_param> {};
struct return_annotation : seq<arrow, must<test>> {};
struct def_name : seq<name> {};
struct def_head
    : seq<mark, kw_def, must<def_name>, must<lpar>, opt<item_list<param>>, must<rpar>,
          opt<return_annotation>, must<block_colon>> {};
struct class_args : seq<lpar, opt<arglist>, must<rpar>> {};
struct class_head : seq<mark, kw_class_, must<def_name>, opt<class_args>, must<block_colon>> {};
struct async_what : sor<def_head, for_head, with_head> {};
struct async_head : seq<kw_async_, must<async_what>> {};

struct block_head
    : sor<if_head, elif_head, else_head, while_head, for_head, try_head, except_head, finally_head,
          with_head, def_head, class_head, async_head> {};
struct decorator : seq<mark, at_sign, must<namedexpr_test>> {};

// ------------------------------------------------------------ a logical line

struct line_end : eof {};
struct inline_body : seq<simple_stmts> {};
struct line_body
    : sor<seq<decorator, must<line_end>>, seq<block_head, sor<line_end, seq<inline_body, must<line_end>>>>,
          seq<simple_stmts, must<line_end>>> {};
struct line : seq<skip, must<line_body>> {};

}  // namespace retort::grammar::python
