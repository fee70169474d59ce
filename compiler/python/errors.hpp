#pragma once
// The one table of syntax-error messages of the Python grammar: one entry
// per must<> point (a missing entry fails to compile), and the PEGTL control
// class that raises them, bounds the nesting depth and, when a rule fails,
// drops what its actions left on the operand stacks (so alternatives may
// share a prefix without leaking half-built nodes).
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/python/parse_state.hpp"
#include "grammar/python/statements.hpp"

namespace retort::py {

namespace g = retort::grammar::python;

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define RETORT_ERROR(rule, text) \
    template <>                  \
    inline constexpr const char* error_message<rule> = text

// lexical
RETORT_ERROR(g::long_sq_body, "unterminated string: these ''' have no matching '''");
RETORT_ERROR(g::long_dq_body, "unterminated string: these \"\"\" have no matching \"\"\"");
RETORT_ERROR(g::short_sq_body, "unterminated string: this ' has no matching ' on its line");
RETORT_ERROR(g::short_dq_body, "unterminated string: this \" has no matching \" on its line");
RETORT_ERROR(g::name, "expected a name");
RETORT_ERROR(g::attr_name, "expected an attribute name after '.'");
RETORT_ERROR(g::def_name, "expected a name");
RETORT_ERROR(g::colon, "expected ':'");
RETORT_ERROR(g::block_colon, "expected ':'");
RETORT_ERROR(g::lpar, "expected '('");
RETORT_ERROR(g::rpar, "expected ')'");
RETORT_ERROR(g::rbrack, "expected ']'");
RETORT_ERROR(g::rbrace, "expected '}'");
RETORT_ERROR(g::list_close, "expected ',' or ']'");
RETORT_ERROR(g::brace_close, "expected ',' or '}'");
// expressions
RETORT_ERROR(g::test, "expected an expression");
RETORT_ERROR(g::namedexpr_test, "expected an expression");
RETORT_ERROR(g::or_test, "expected an expression");
RETORT_ERROR(g::and_test, "expected an expression");
RETORT_ERROR(g::not_test, "expected an expression");
RETORT_ERROR(g::or_expr, "expected an expression");
RETORT_ERROR(g::bxor, "expected an operand");
RETORT_ERROR(g::band, "expected an operand");
RETORT_ERROR(g::shift, "expected an operand");
RETORT_ERROR(g::arith, "expected an operand");
RETORT_ERROR(g::term, "expected an operand");
RETORT_ERROR(g::factor, "expected an operand");
RETORT_ERROR(g::primary, "expected an expression after 'await'");
RETORT_ERROR(g::paren_body, "expected an expression or ')'");
RETORT_ERROR(g::paren_tail, "expected ',' or ')'");
RETORT_ERROR(g::list_body, "expected an expression or ']'");
RETORT_ERROR(g::list_tail, "expected ',' or ']'");
RETORT_ERROR(g::brace_body, "expected a dict entry (key: value), a set item or '}'");
RETORT_ERROR(g::after_first_key, "expected ':', ',' or '}'");
RETORT_ERROR(g::dict_value, "expected ':' and a value");
RETORT_ERROR(g::dict_tail, "expected ',' or '}'");
RETORT_ERROR(g::set_tail, "expected ',' or '}'");
RETORT_ERROR(g::subscript_list, "expected an index");
RETORT_ERROR(g::kw_else_, "expected 'else' (a conditional expression is: a if condition else b)");
RETORT_ERROR(g::kw_in, "expected 'in'");
RETORT_ERROR(g::exprlist, "expected a target");
// statements
RETORT_ERROR(g::for_target, "expected a loop target after 'for'");
RETORT_ERROR(g::testlist_star, "expected an expression");
RETORT_ERROR(g::assign_value, "expected an expression");
RETORT_ERROR(g::dotted_as_name, "expected a module name");
RETORT_ERROR(g::from_module, "expected a module name after 'from'");
RETORT_ERROR(g::kw_import, "expected 'import'");
RETORT_ERROR(g::import_targets, "expected the names to import, '(' or '*'");
RETORT_ERROR(g::import_as_names, "expected the names to import");
RETORT_ERROR(g::with_items, "expected a context expression after 'with'");
RETORT_ERROR(g::with_item, "expected a context expression");
RETORT_ERROR(g::async_what, "expected 'def', 'for' or 'with' after 'async'");
RETORT_ERROR(g::line_end,
             "unexpected text: expected an operator, ';' or the end of the statement here");
RETORT_ERROR(g::line_body, "expected a statement");

#undef RETORT_ERROR

// Rules that nest: each entry counts one level toward max_nesting.
template <typename Rule>
inline constexpr bool counts_nesting = false;
template <> inline constexpr bool counts_nesting<g::test> = true;
template <> inline constexpr bool counts_nesting<g::unary_expr> = true;
template <> inline constexpr bool counts_nesting<g::not_expr> = true;
template <> inline constexpr bool counts_nesting<g::power_tail> = true;
template <> inline constexpr bool counts_nesting<g::await_expr> = true;
template <> inline constexpr bool counts_nesting<g::star_expr> = true;

template <typename Rule>
struct Control : tao::pegtl::normal<Rule> {
    template <typename Input, typename... States>
    [[noreturn]] static void raise(const Input& in, ParseState& s, States&&...) {
        static_assert(error_message<Rule> != nullptr,
                      "every must<> point of the grammar needs an entry in error_message");
        throw SyntaxError{s.offset(in.current()), error_message<Rule>, DiagCode::python_syntax};
    }

    template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
              template <typename...> class Action, template <typename...> class Ctl,
              typename Input>
    static bool match(Input& in, ParseState& s) {
        const Snapshot saved = s.snapshot();
        bool ok;
        if constexpr (counts_nesting<Rule>) {
            if (s.depth >= max_nesting) {
                throw SyntaxError{s.offset(in.current()),
                                  "nested too deeply: more than " + std::to_string(max_nesting) +
                                      " levels of brackets or operators",
                                  DiagCode::nesting_too_deep};
            }
            ++s.depth;
            struct Guard {
                std::size_t& depth;
                ~Guard() { --depth; }
            } guard{s.depth};
            ok = tao::pegtl::normal<Rule>::template match<A, M, Action, Ctl>(in, s);
        } else if constexpr (error_message<Rule> != nullptr) {
            // On failure, rewind to where the rule started, so the error
            // points at the start of what was expected.
            ok = tao::pegtl::normal<Rule>::template match<A, tao::pegtl::rewind_mode::required, Action,
                                                          Ctl>(in, s);
        } else {
            ok = tao::pegtl::normal<Rule>::template match<A, M, Action, Ctl>(in, s);
        }
        if (!ok) s.restore(saved);
        return ok;
    }
};

}  // namespace retort::py
