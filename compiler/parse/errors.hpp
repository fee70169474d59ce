#pragma once
// The one table of syntax-error messages: one entry per must<> point of the
// grammar (a missing entry fails to compile), and the PEGTL control class
// that raises them and bounds the nesting depth.
#include <cstddef>
#include <cstdint>

#include "grammar/file.hpp"

namespace retort::parse {

namespace g = retort::grammar;

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define RETORT_ERROR(rule, text) \
    template <>                  \
    inline constexpr const char* error_message<rule> = text

// lexical
RETORT_ERROR(g::block_comment_body, "unterminated comment: '/*' has no matching '*/'");
RETORT_ERROR(g::ident_quoted_body, "unterminated quoted name: '\"' has no matching '\"'");
RETORT_ERROR(g::sq_body, "unterminated string: this quote has no matching quote");
RETORT_ERROR(g::e_body, "unterminated string: this e'...' string has no matching quote");
RETORT_ERROR(g::dollar_body, "unterminated dollar-quoted string: no matching closing tag");
RETORT_ERROR(g::binary_body,
             "expected a binary string x'...' holding an even number of hex digits");
RETORT_ERROR(g::exponent_digits, "expected digits after the exponent 'e'");
// types and expressions
RETORT_ERROR(g::type_arg, "expected a number");
RETORT_ERROR(g::column_type,
             "expected a column type (smallint, integer, bigint, numeric(p, s), float, double, "
             "boolean, string(n), char(n), text, date, time, datetime, timestamp, timestamptz, "
             "json, uuid, binary, or an enum type name)");
RETORT_ERROR(g::expr, "expected an expression");
RETORT_ERROR(g::unary, "expected an operand");
RETORT_ERROR(g::product, "expected an operand");
RETORT_ERROR(g::sum, "expected an operand");
RETORT_ERROR(g::concat, "expected an operand");
RETORT_ERROR(g::negation, "expected an expression");
RETORT_ERROR(g::conjunction, "expected an expression");
RETORT_ERROR(g::in_list, "expected '(' and a list of values after 'in'");
RETORT_ERROR(g::kw_and_, "expected 'and'");
RETORT_ERROR(g::kw_null, "expected 'null'");
RETORT_ERROR(g::lparen, "expected '('");
RETORT_ERROR(g::rparen, "expected ')'");
RETORT_ERROR(g::lbrace, "expected '{'");
RETORT_ERROR(g::rbrace, "expected a statement or '}'");
// statements
RETORT_ERROR(g::table_name, "expected a table name");
RETORT_ERROR(g::column_name, "expected a column name");
RETORT_ERROR(g::index_name, "expected an index name");
RETORT_ERROR(g::constraint_name, "expected a constraint name");
RETORT_ERROR(g::type_name, "expected a type name");
RETORT_ERROR(g::column_list, "expected '(' and a list of column names");
RETORT_ERROR(g::kw_exists, "expected 'exists'");
RETORT_ERROR(g::kw_not_, "expected 'not'");
RETORT_ERROR(g::kw_key, "expected 'key'");
RETORT_ERROR(g::kw_action, "expected 'action'");
RETORT_ERROR(g::fk_action,
             "expected a referential action: cascade, restrict, set null, set default or "
             "no action");
RETORT_ERROR(g::fk_event, "expected 'delete' or 'update' after 'on'");
RETORT_ERROR(g::co_comment_text, "expected the comment as a string");
RETORT_ERROR(g::references, "expected 'references' and the referenced table");
RETORT_ERROR(g::constraint_body,
             "expected a constraint: primary key (...), unique (...), check (...) or "
             "foreign key (...) references ...");
RETORT_ERROR(g::table_element, "expected a column definition or a table constraint");
RETORT_ERROR(g::column_def, "expected a column definition: a name and a type");
RETORT_ERROR(g::add_what,
             "expected 'column', 'constraint', 'primary key', 'unique', 'check' or "
             "'foreign key' after 'add'");
RETORT_ERROR(g::drop_action_what, "expected 'column' or 'constraint' after 'drop'");
RETORT_ERROR(g::rename_what, "expected 'to' or 'column' after 'rename'");
RETORT_ERROR(g::kw_to, "expected 'to'");
RETORT_ERROR(g::alter_column_op,
             "expected 'type', 'set not null', 'drop not null', 'set default', 'drop default', "
             "'set autoincrement' or 'drop autoincrement'");
RETORT_ERROR(g::alter_action,
             "expected an alter table action: add, drop, rename or alter column");
RETORT_ERROR(g::kw_is, "expected 'is'");
RETORT_ERROR(g::comment_value, "expected the comment as a string, or null to remove it");
RETORT_ERROR(g::column_dot, "expected '.' and a column name: comment on column table.column");
RETORT_ERROR(g::qualified_column, "expected a column name after '.'");
RETORT_ERROR(g::comment_target, "expected 'table' or 'column' after 'comment on'");
RETORT_ERROR(g::kw_on, "expected 'on'");
RETORT_ERROR(g::index_column, "expected a column name");
RETORT_ERROR(g::index_body, "expected an index name or 'on'");
RETORT_ERROR(g::kw_index, "expected 'index'");
RETORT_ERROR(g::kw_as, "expected 'as'");
RETORT_ERROR(g::kw_enum_, "expected 'enum'");
RETORT_ERROR(g::enum_label, "expected an enum value as a string");
RETORT_ERROR(g::kw_value, "expected 'value'");
RETORT_ERROR(g::alter_type_action, "expected 'add value', 'rename value' or 'drop value'");
RETORT_ERROR(g::row, "expected '(' and a row of values");
RETORT_ERROR(g::kw_into, "expected 'into'");
RETORT_ERROR(g::kw_values, "expected 'values'");
RETORT_ERROR(g::equals_sign, "expected '='");
RETORT_ERROR(g::expr_mark, "expected an expression");
RETORT_ERROR(g::assignment, "expected column = value");
RETORT_ERROR(g::kw_set, "expected 'set'");
RETORT_ERROR(g::kw_from, "expected 'from'");
RETORT_ERROR(g::insert_source, "expected 'values' or 'select' after the column list");
RETORT_ERROR(g::select_items, "expected the values to select");
RETORT_ERROR(g::select_body, "expected 'select'");
RETORT_ERROR(g::source_table, "expected a table name after 'from'");
RETORT_ERROR(g::source_alias_name, "expected an alias for the table");
RETORT_ERROR(g::case_when, "expected 'when' and a condition after 'case'");
RETORT_ERROR(g::kw_then_, "expected 'then'");
RETORT_ERROR(g::kw_end_, "expected 'when', 'else' or 'end'");
RETORT_ERROR(g::dialect_name, "expected a dialect: postgresql, sqlite or mysql");
RETORT_ERROR(g::dialect_list, "expected a dialect: postgresql, sqlite or mysql");
RETORT_ERROR(g::execute_sql, "expected the SQL to execute as a string, e.g. $$...$$");
RETORT_ERROR(g::todo_text, "expected what is left to do as a string, e.g. 'write the data step'");
RETORT_ERROR(g::create_what, "expected 'table', 'index', 'unique index' or 'type' after 'create'");
RETORT_ERROR(g::drop_what, "expected 'table', 'index' or 'type' after 'drop'");
RETORT_ERROR(g::alter_what, "expected 'table' or 'type' after 'alter'");
RETORT_ERROR(g::statement_end, "expected ';'");
// header and file
RETORT_ERROR(g::revision_id, "expected a revision id ([A-Za-z0-9_]+)");
RETORT_ERROR(g::semi, "expected ';'");
RETORT_ERROR(g::auto_semi, "expected ';' after 'downgrade auto'");
RETORT_ERROR(g::down_id, "expected a revision id ([A-Za-z0-9_]+)");
RETORT_ERROR(g::down_value, "expected a revision id, a list (a, b) or none");
RETORT_ERROR(g::label_id, "expected a branch label ([A-Za-z0-9_]+)");
RETORT_ERROR(g::depends_id, "expected a revision id or a branch label");
RETORT_ERROR(g::message_text, "expected the message as a string");
RETORT_ERROR(g::transactional_value, "expected true or false");
RETORT_ERROR(g::block, "expected '{'");
RETORT_ERROR(g::block_end, "expected a statement or '}'");
RETORT_ERROR(g::downgrade_body, "expected '{' or 'auto;' after 'downgrade'");
RETORT_ERROR(g::upgrade_section,
             "expected a header statement (revision, down_revision, branch_labels, depends_on, "
             "message, transactional) or 'upgrade {'");
RETORT_ERROR(g::end_of_file, "expected 'downgrade' or the end of the file");

#undef RETORT_ERROR

// Rules that nest: each entry counts one level toward max_nesting.
template <typename Rule>
inline constexpr bool counts_nesting = false;
template <> inline constexpr bool counts_nesting<g::expr> = true;
template <> inline constexpr bool counts_nesting<g::not_prefix> = true;
template <> inline constexpr bool counts_nesting<g::negate> = true;
template <> inline constexpr bool counts_nesting<g::unary_plus> = true;
template <> inline constexpr bool counts_nesting<g::only_block> = true;

inline constexpr std::size_t max_nesting = 256;

// Thrown when the nesting bound is passed; turned into nesting_too_deep.
struct NestingTooDeep {
    std::uint32_t offset;
};

template <typename Rule>
struct Control : tao::pegtl::normal<Rule> {
    template <typename Input, typename... States>
    [[noreturn]] static void raise(const Input& in, States&&...) {
        static_assert(error_message<Rule> != nullptr,
                      "every must<> point of the grammar needs an entry in error_message");
        throw tao::pegtl::parse_error(error_message<Rule>, in);
    }

    template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
              template <typename...> class Action, template <typename...> class Ctl,
              typename Input, typename State>
    static bool match(Input& in, State& state) {
        if constexpr (counts_nesting<Rule>) {
            if (state.depth >= max_nesting) {
                throw NestingTooDeep{static_cast<std::uint32_t>(in.current() - in.begin())};
            }
            ++state.depth;
            struct Guard {
                std::size_t& depth;
                ~Guard() { --depth; }
            } guard{state.depth};
            return tao::pegtl::normal<Rule>::template match<A, M, Action, Ctl>(in, state);
        } else if constexpr (error_message<Rule> != nullptr) {
            // A rule that must<> may demand: on failure, rewind to where it
            // started, so the error points at the start of what was expected
            // (an unterminated string at its opening quote).
            return tao::pegtl::normal<Rule>::template match<A, tao::pegtl::rewind_mode::required, Action, Ctl>(
                in, state);
        } else {
            return tao::pegtl::normal<Rule>::template match<A, M, Action, Ctl>(in, state);
        }
    }
};

}  // namespace retort::parse
