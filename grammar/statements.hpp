#pragma once
// The statements of an upgrade or downgrade block (language.md §4).
#include "grammar/expressions.hpp"

namespace retort::grammar {

// Names in their places (for error messages and actions).
struct table_name : seq<name> {};
struct column_name : seq<name> {};
struct index_name : seq<name> {};
struct constraint_name : seq<name> {};
struct type_name : seq<name> {};

// A mark on the name stack: lists take the names pushed after it.
struct name_mark : success {};
struct column_list
    : seq<lparen, name_mark, must<column_name>, star<comma, must<column_name>>, must<rparen>> {};

struct if_exists : seq<kw_if_, must<kw_exists>> {};
struct if_not_exists : seq<kw_if_, must<kw_not_>, must<kw_exists>> {};

// ------------------------------------------------------------ foreign keys

struct fk_cascade : kw_cascade {};
struct fk_restrict : kw_restrict {};
struct fk_set_null : seq<kw_set, kw_null> {};
struct fk_set_default : seq<kw_set, kw_default_> {};
struct fk_no_action : seq<kw_no, must<kw_action>> {};
struct fk_action : sor<fk_cascade, fk_restrict, fk_set_null, fk_set_default, fk_no_action> {};
struct on_delete : seq<kw_delete_, must<fk_action>> {};
struct on_update : seq<kw_update, must<fk_action>> {};
struct fk_event : sor<on_delete, on_update> {};
struct ref_columns
    : seq<lparen, must<column_name>, star<comma, must<column_name>>, must<rparen>> {};
struct references
    : seq<kw_references, name_mark, must<table_name>, opt<ref_columns>,
          star<kw_on, must<fk_event>>> {};

// ------------------------------------------------------------ columns

struct check_body : seq<must<lparen>, must<expr>, must<rparen>> {};

struct co_null : kw_null {};
struct co_not_null : seq<kw_not_, must<kw_null>> {};
struct co_primary_key : seq<kw_primary, must<kw_key>> {};
struct co_autoincrement : TAO_PEGTL_ISTRING("autoincrement") {};
struct co_autoincrement_kw : seq<co_autoincrement, not_at<ident_other>, skip> {};
struct co_unique : kw_unique {};
struct co_default : seq<kw_default_, must<expr>> {};
struct co_references : seq<references> {};
struct co_check : seq<kw_check, check_body> {};
struct co_comment_text : seq<string_literal> {};
struct co_comment : seq<kw_comment, must<co_comment_text>> {};
struct column_option
    : sor<co_null, co_not_null, co_primary_key, co_autoincrement_kw, co_unique, co_default,
          co_references, co_check, co_comment> {};
struct column_def : seq<column_name, must<column_type>, star<column_option>> {};

// ------------------------------------------------------------ table constraints

struct tc_primary_key : seq<kw_primary, must<kw_key>, must<column_list>> {};
struct tc_unique : seq<kw_unique, must<column_list>> {};
struct tc_check : seq<kw_check, check_body> {};
struct tc_foreign_key : seq<kw_foreign, must<kw_key>, must<column_list>, must<references>> {};
struct constraint_body : sor<tc_primary_key, tc_unique, tc_check, tc_foreign_key> {};
struct named_constraint : seq<kw_constraint, must<constraint_name>> {};
struct table_constraint : sor<seq<named_constraint, must<constraint_body>>, constraint_body> {};

// ------------------------------------------------------------ create / drop table

struct table_element : sor<table_constraint, column_def> {};
struct create_table
    : seq<kw_table, opt<if_not_exists>, must<table_name>, must<lparen>, must<table_element>,
          star<comma, must<table_element>>, must<rparen>> {};
struct drop_table : seq<kw_table, opt<if_exists>, must<table_name>> {};

// ------------------------------------------------------------ alter table

struct aa_add_column : seq<kw_column, must<column_def>> {};
struct aa_add_constraint : seq<table_constraint> {};
struct add_what : sor<aa_add_column, aa_add_constraint> {};
struct aa_add : seq<kw_add, must<add_what>> {};
struct aa_drop_column : seq<kw_column, must<column_name>> {};
struct aa_drop_constraint : seq<kw_constraint, must<constraint_name>> {};
// Forms that name no constraint: resolved through the schema model.
struct aa_drop_primary_key : seq<kw_primary, must<kw_key>> {};
struct aa_drop_foreign_key : seq<kw_foreign, must<kw_key>, must<column_list>> {};
struct aa_drop_unique : seq<kw_unique, must<column_list>> {};
struct drop_action_what
    : sor<aa_drop_column, aa_drop_constraint, aa_drop_primary_key, aa_drop_foreign_key, aa_drop_unique> {};
struct aa_drop : seq<kw_drop, must<drop_action_what>> {};
struct aa_rename_table : seq<kw_to, must<table_name>> {};
struct aa_rename_column : seq<kw_column, must<column_name>, must<kw_to>, must<column_name>> {};
struct rename_what : sor<aa_rename_table, aa_rename_column> {};
struct aa_rename : seq<kw_rename, must<rename_what>> {};

struct ac_type : seq<opt<kw_set, kw_data>, kw_type, must<column_type>> {};
struct ac_set_not_null : seq<kw_set, kw_not_, must<kw_null>> {};
struct ac_set_default : seq<kw_set, kw_default_, must<expr>> {};
struct ac_drop_not_null : seq<kw_drop, kw_not_, must<kw_null>> {};
struct ac_drop_default : seq<kw_drop, kw_default_> {};
struct ac_set_autoincrement : seq<kw_set, co_autoincrement_kw> {};
struct ac_drop_autoincrement : seq<kw_drop, co_autoincrement_kw> {};
struct alter_column_op
    : sor<ac_type, ac_set_not_null, ac_set_default, ac_drop_not_null, ac_drop_default, ac_set_autoincrement,
          ac_drop_autoincrement> {};
struct aa_alter_column : seq<kw_alter, opt<kw_column>, must<column_name>, must<alter_column_op>> {};

struct alter_action : sor<aa_add, aa_drop, aa_rename, aa_alter_column> {};
struct alter_table
    : seq<kw_table, must<table_name>, must<alter_action>, star<comma, must<alter_action>>> {};

// ------------------------------------------------------------ comments

struct comment_null : kw_null {};
struct comment_text : seq<string_literal> {};
struct comment_value : sor<comment_null, comment_text> {};
struct column_dot : seq<one<'.'>, skip> {};
struct comment_table : seq<kw_table, must<table_name>, must<kw_is>, must<comment_value>> {};
struct comment_column
    : seq<kw_column, must<table_name>, must<column_dot>, must<column_name>, must<kw_is>,
          must<comment_value>> {};
struct comment_target : sor<comment_table, comment_column> {};
struct comment_on : seq<kw_comment, must<kw_on>, must<comment_target>> {};

// ------------------------------------------------------------ indexes

struct index_desc : kw_desc {};
struct index_column : seq<column_name, opt<sor<kw_asc, index_desc>>> {};
struct index_concurrently : kw_concurrently {};
struct index_where : seq<kw_where, must<expr>> {};
struct optional_index_name : seq<not_at<kw_on>, index_name> {};
struct index_body
    : seq<opt<index_concurrently>, opt<optional_index_name>, must<kw_on>, must<table_name>,
          must<lparen>, must<index_column>, star<comma, must<index_column>>, must<rparen>,
          opt<index_where>> {};
struct create_index : seq<kw_index, must<index_body>> {};
struct create_unique_index : seq<kw_unique, must<kw_index>, must<index_body>> {};
struct drop_index
    : seq<kw_index, opt<index_concurrently>, opt<if_exists>, must<index_name>> {};

// ------------------------------------------------------------ enumerated types

struct enum_label : seq<string_literal> {};
struct create_enum
    : seq<kw_type, must<type_name>, must<kw_as>, must<kw_enum_>, must<lparen>, must<enum_label>,
          star<comma, must<enum_label>>, must<rparen>> {};
// `add value 'x' [before 'y' | after 'y']`: where the new value goes.
struct ev_before : seq<kw_before, must<enum_label>> {};
struct ev_after : seq<kw_after, must<enum_label>> {};
struct at_add_value : seq<kw_add, must<kw_value>, must<enum_label>, opt<sor<ev_before, ev_after>>> {};
struct at_rename_value
    : seq<kw_rename, must<kw_value>, must<enum_label>, must<kw_to>, must<enum_label>> {};
struct at_drop_value : seq<kw_drop, must<kw_value>, must<enum_label>> {};
struct alter_type_action : sor<at_add_value, at_rename_value, at_drop_value> {};
struct alter_type : seq<kw_type, must<type_name>, must<alter_type_action>> {};
struct drop_type : seq<kw_type, opt<if_exists>, must<type_name>> {};

// ------------------------------------------------------------ data

struct row : seq<lparen, expr_mark, must<expr>, star<comma, must<expr>>, must<rparen>> {};
struct insert_values : seq<kw_values, must<row>, star<comma, must<row>>> {};
struct insert_select : seq<select_body> {};
struct insert_source : sor<insert_values, insert_select> {};
struct insert_into
    : seq<kw_insert, must<kw_into>, must<table_name>, must<column_list>, must<insert_source>> {};
struct equals_sign : sym<'='> {};
struct assignment : seq<column_name, must<equals_sign>, must<expr>> {};
struct where_clause : seq<kw_where, must<expr>> {};
struct update_set
    : seq<kw_update, must<table_name>, must<kw_set>, must<assignment>,
          star<comma, must<assignment>>, opt<where_clause>> {};
struct delete_from : seq<kw_delete_, must<kw_from>, must<table_name>, opt<where_clause>> {};

// ------------------------------------------------------------ dialects, execute

struct d_postgresql : kw_postgresql {};
struct d_sqlite : kw_sqlite {};
struct d_mysql : kw_mysql {};
struct dialect_name : sor<d_postgresql, d_sqlite, d_mysql> {};
struct dialect_list : seq<dialect_name, star<comma, must<dialect_name>>> {};
struct execute_sql : seq<string_literal> {};
struct execute : seq<kw_execute, opt<dialect_list>, must<execute_sql>> {};
// `todo 'what is left';` marks work a person must finish: it is always an error.
struct todo_text : seq<string_literal> {};
struct todo : seq<kw_todo, must<todo_text>> {};

// ------------------------------------------------------------ statements

struct create_what : sor<create_table, create_unique_index, create_index, create_enum> {};
struct drop_what : sor<drop_table, drop_index, drop_type> {};
struct alter_what : sor<alter_table, alter_type> {};
struct statement_end : semi {};
struct simple_statement
    : sor<seq<kw_create, must<create_what>>, seq<kw_drop, must<drop_what>>,
          seq<kw_alter, must<alter_what>>, comment_on, insert_into, update_set, delete_from,
          execute, todo> {};
struct statement;
struct only_head : seq<kw_only, must<dialect_list>> {};
struct only_block : seq<only_head, must<lbrace>, star<statement>, must<rbrace>> {};
struct full_statement : seq<simple_statement, must<statement_end>> {};
struct statement : sor<only_block, full_statement> {};

}  // namespace retort::grammar
