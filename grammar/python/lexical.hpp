#pragma once
// Lexical rules of the Python that retort reads (docs/import-python.md):
// padding, names, keywords, operators, strings, numbers. The rules match
// inside one logical line (compiler/python/lines.cpp has split the file), so
// the padding may hold line breaks (inside brackets), `\`-newline and `#`
// comments.
//
// Convention: every token rule consumes the padding after it, and marks
// where its text ended (end_mark) so spans never include the padding.
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace retort::grammar::python {

using namespace tao::pegtl;

inline bool is_ident_first(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
inline bool is_ident_char(unsigned char c) { return is_ident_first(c) || (c >= '0' && c <= '9'); }

// ------------------------------------------------------------ padding

// White space, line breaks, `\` before a line break, and `#` comments up to
// the line break: star<sor<...>> as one loop.
struct skip {
    using rule_t = skip;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        const char* p = in.current();
        const char* const end = in.end();
        while (p != end) {
            const char c = *p;
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n') {
                ++p;
            } else if (c == '\\' && end - p >= 2 && p[1] == '\n') {
                p += 2;
            } else if (c == '\\' && end - p >= 3 && p[1] == '\r' && p[2] == '\n') {
                p += 3;
            } else if (c == '#') {
                while (p != end && *p != '\n') ++p;
            } else {
                break;
            }
        }
        in.bump(static_cast<std::size_t>(p - in.current()));
        return true;
    }
};

// Matches nothing; its action records the end of the token just matched.
struct end_mark : success {};

template <typename Text>
struct token : seq<Text, end_mark, skip> {};

// ------------------------------------------------------------ names

struct ident_first {
    using rule_t = ident_first;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        if (in.empty() || !is_ident_first(static_cast<unsigned char>(*in.current()))) return false;
        in.bump(1);
        return true;
    }
};
// Same language as star<ident char>.
struct ident_rest {
    using rule_t = ident_rest;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        const char* p = in.current();
        while (p != in.end() && is_ident_char(static_cast<unsigned char>(*p))) ++p;
        in.bump(static_cast<std::size_t>(p - in.current()));
        return true;
    }
};
struct ident_boundary {  // not_at an identifier character
    using rule_t = ident_boundary;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        return in.empty() || !is_ident_char(static_cast<unsigned char>(*in.current()));
    }
};

template <typename Word>
struct word : seq<Word, ident_boundary> {};
template <typename Word>
struct kw : seq<word<Word>, end_mark, skip> {};

#define RETORT_PY_KEYWORD(id, text) \
    struct kw_##id : kw<TAO_PEGTL_STRING(text)> {}

RETORT_PY_KEYWORD(and_, "and");
RETORT_PY_KEYWORD(as, "as");
RETORT_PY_KEYWORD(assert_, "assert");
RETORT_PY_KEYWORD(async_, "async");
RETORT_PY_KEYWORD(await_, "await");
RETORT_PY_KEYWORD(break_, "break");
RETORT_PY_KEYWORD(class_, "class");
RETORT_PY_KEYWORD(continue_, "continue");
RETORT_PY_KEYWORD(def, "def");
RETORT_PY_KEYWORD(del, "del");
RETORT_PY_KEYWORD(elif, "elif");
RETORT_PY_KEYWORD(else_, "else");
RETORT_PY_KEYWORD(except, "except");
RETORT_PY_KEYWORD(false_, "False");
RETORT_PY_KEYWORD(finally, "finally");
RETORT_PY_KEYWORD(for_, "for");
RETORT_PY_KEYWORD(from, "from");
RETORT_PY_KEYWORD(global, "global");
RETORT_PY_KEYWORD(if_, "if");
RETORT_PY_KEYWORD(import, "import");
RETORT_PY_KEYWORD(in, "in");
RETORT_PY_KEYWORD(is, "is");
RETORT_PY_KEYWORD(lambda, "lambda");
RETORT_PY_KEYWORD(none, "None");
RETORT_PY_KEYWORD(nonlocal, "nonlocal");
RETORT_PY_KEYWORD(not_, "not");
RETORT_PY_KEYWORD(or_, "or");
RETORT_PY_KEYWORD(pass, "pass");
RETORT_PY_KEYWORD(raise, "raise");
RETORT_PY_KEYWORD(return_, "return");
RETORT_PY_KEYWORD(true_, "True");
RETORT_PY_KEYWORD(try_, "try");
RETORT_PY_KEYWORD(while_, "while");
RETORT_PY_KEYWORD(with, "with");
RETORT_PY_KEYWORD(yield, "yield");

#undef RETORT_PY_KEYWORD

// The reserved words: never a name.
struct reserved
    : sor<word<TAO_PEGTL_STRING("False")>, word<TAO_PEGTL_STRING("None")>,
          word<TAO_PEGTL_STRING("True")>, word<TAO_PEGTL_STRING("and")>, word<TAO_PEGTL_STRING("as")>,
          word<TAO_PEGTL_STRING("assert")>, word<TAO_PEGTL_STRING("async")>,
          word<TAO_PEGTL_STRING("await")>, word<TAO_PEGTL_STRING("break")>,
          word<TAO_PEGTL_STRING("class")>, word<TAO_PEGTL_STRING("continue")>,
          word<TAO_PEGTL_STRING("def")>, word<TAO_PEGTL_STRING("del")>, word<TAO_PEGTL_STRING("elif")>,
          word<TAO_PEGTL_STRING("else")>, word<TAO_PEGTL_STRING("except")>,
          word<TAO_PEGTL_STRING("finally")>, word<TAO_PEGTL_STRING("for")>,
          word<TAO_PEGTL_STRING("from")>, word<TAO_PEGTL_STRING("global")>, word<TAO_PEGTL_STRING("if")>,
          word<TAO_PEGTL_STRING("import")>, word<TAO_PEGTL_STRING("in")>, word<TAO_PEGTL_STRING("is")>,
          word<TAO_PEGTL_STRING("lambda")>, word<TAO_PEGTL_STRING("nonlocal")>,
          word<TAO_PEGTL_STRING("not")>, word<TAO_PEGTL_STRING("or")>, word<TAO_PEGTL_STRING("pass")>,
          word<TAO_PEGTL_STRING("raise")>, word<TAO_PEGTL_STRING("return")>,
          word<TAO_PEGTL_STRING("try")>, word<TAO_PEGTL_STRING("while")>,
          word<TAO_PEGTL_STRING("with")>, word<TAO_PEGTL_STRING("yield")>> {};

// name_text is the name without its padding (its action reads it).
struct name_text : seq<ident_first, ident_rest> {};
struct name : seq<not_at<reserved>, name_text, end_mark, skip> {};

// ------------------------------------------------------------ punctuation

template <char C>
struct sym : token<one<C>> {};
struct comma : sym<','> {};
struct semi : sym<';'> {};
struct dot : token<seq<one<'.'>, not_at<one<'.'>>>> {};
struct lpar : sym<'('> {};
struct rpar : sym<')'> {};
struct lbrack : sym<'['> {};
struct rbrack : sym<']'> {};
struct lbrace : sym<'{'> {};
struct rbrace : sym<'}'> {};
struct colon : token<seq<one<':'>, not_at<one<'='>>>> {};
struct assign_eq : token<seq<one<'='>, not_at<one<'='>>>> {};
struct walrus_op : token<string<':', '='>> {};
struct arrow : token<string<'-', '>'>> {};
struct at_sign : token<one<'@'>> {};
struct star_op : token<seq<one<'*'>, not_at<one<'*', '='>>>> {};
struct dstar_op : token<seq<two<'*'>, not_at<one<'='>>>> {};
struct slash_op : token<seq<one<'/'>, not_at<one<'/', '='>>>> {};
struct ellipsis : token<string<'.', '.', '.'>> {};

// An operator whose text its action keeps ("+", "//", "+=", ...).
template <typename Text>
struct op_text : seq<Text> {};
template <typename Text>
struct op : seq<op_text<Text>, end_mark, skip> {};

// ------------------------------------------------------------ strings

// r, b, u, f and their pairs, in either case, right before the quote.
struct string_prefix
    : sor<istring<'r', 'b'>, istring<'b', 'r'>, istring<'f', 'r'>, istring<'r', 'f'>,
          one<'r', 'R', 'b', 'B', 'u', 'U', 'f', 'F'>> {};
struct quote : one<'\'', '"'> {};
// '''...''' and """...""": any text up to the same three quotes; a
// backslash takes the character after it.
template <char Q>
struct long_body : seq<three<Q>, until<three<Q>, sor<seq<one<'\\'>, any>, any>>> {};
struct long_sq_body : long_body<'\''> {};
struct long_dq_body : long_body<'"'> {};
// '...' and "...": on one line, but a backslash takes the character after
// it (a line break too).
template <char Q>
struct short_body
    : seq<one<Q>, star<sor<seq<one<'\\'>, sor<string<'\r', '\n'>, any>>, not_one<Q, '\n', '\\'>>>,
          one<Q>> {};
struct short_sq_body : short_body<'\''> {};
struct short_dq_body : short_body<'"'> {};
// One literal; its action decodes it (compiler/python/decode.cpp).
struct string_piece
    : seq<opt<string_prefix, at<quote>>,
          sor<seq<at<three<'\''>>, must<long_sq_body>>, seq<at<three<'"'>>, must<long_dq_body>>,
              seq<at<one<'\''>>, must<short_sq_body>>, seq<at<one<'"'>>, must<short_dq_body>>>> {};

// ------------------------------------------------------------ numbers

// The characters of a number, read loosely (digits, letters, '_', '.', a
// sign after an exponent); its action checks the form and decodes it.
struct number_rest {
    using rule_t = number_rest;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        const char* const begin = in.current();
        const char* p = begin;
        const char* const end = in.end();
        // The number started one character before (number_text); 0x... takes no sign.
        const bool hex = p != end && (*p == 'x' || *p == 'X') && begin[-1] == '0';
        while (p != end) {
            const auto c = static_cast<unsigned char>(*p);
            if (is_ident_char(c)) {
                ++p;
            } else if (c == '.' && !(end - p >= 2 && p[1] == '.')) {
                ++p;
            } else if ((c == '+' || c == '-') && !hex && p != begin && (p[-1] == 'e' || p[-1] == 'E')) {
                ++p;
            } else {
                break;
            }
        }
        in.bump(static_cast<std::size_t>(p - begin));
        return true;
    }
};
struct number_text : seq<sor<digit, seq<one<'.'>, digit>>, number_rest> {};
struct number : seq<number_text, end_mark, skip> {};

}  // namespace retort::grammar::python

namespace tao::pegtl {
template <typename Name>
struct analyze_traits<Name, retort::grammar::python::skip> : analyze_opt_traits<> {};
template <typename Name>
struct analyze_traits<Name, retort::grammar::python::ident_rest> : analyze_opt_traits<> {};
template <typename Name>
struct analyze_traits<Name, retort::grammar::python::number_rest> : analyze_opt_traits<> {};
template <typename Name>
struct analyze_traits<Name, retort::grammar::python::ident_first> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, retort::grammar::python::ident_boundary> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
