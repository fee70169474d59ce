#pragma once
// Lexical rules of the .mig language (language.md §1): white space and both
// comment forms, keywords, identifiers, strings, numbers.
//
// Convention: every token rule consumes the padding (white space and
// comments) that follows it, so rules never need to skip before a token.
#include <cctype>
#include <cstring>
#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace retort::grammar {

using namespace tao::pegtl;

// ------------------------------------------------------------ padding

// `--` to the end of the line.
struct line_comment : seq<two<'-'>, until<eolf>> {};
// `/* ... */`, not nested. The opening is checked first so that an
// unterminated comment is reported where it starts.
struct block_comment_body : seq<string<'/', '*'>, until<string<'*', '/'>>> {};
struct block_comment : seq<at<string<'/', '*'>>, must<block_comment_body>> {};
struct blank : one<' ', '\t', '\n', '\r', '\f', '\v'> {};
// Same language as star<sor<blank, line_comment, block_comment>>, but runs
// of white space are consumed in a tight loop and the comment rules are only
// tried where a comment can start.
struct skip {
    using rule_t = skip;
    using subs_t = type_list<line_comment, block_comment>;

    template <apply_mode A, rewind_mode M, template <typename...> class Action,
              template <typename...> class Control, typename Input, typename... States>
    static bool match(Input& in, States&&... st) {
        for (;;) {
            const char* p = in.current();
            const char* const end = in.end();
            while (p != end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' ||
                                *p == '\f' || *p == '\v'))
                ++p;
            in.bump(static_cast<std::size_t>(p - in.current()));
            if (end - p < 2) return true;
            if (p[0] == '-' && p[1] == '-') {
                if (!tao::pegtl::match<line_comment, A, M, Action, Control>(in, st...)) return true;
            } else if (p[0] == '/' && p[1] == '*') {
                if (!tao::pegtl::match<block_comment, A, M, Action, Control>(in, st...)) return true;
            } else {
                return true;
            }
        }
    }
};

// ------------------------------------------------------------ identifiers

struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : ranges<'a', 'z', 'A', 'Z', '0', '9', '_'> {};
// A rule that always matches and consumes up to Scan::end(current, end):
// a tight loop where PEGTL's combinators would go one character at a time.
template <typename Scan>
struct scan {
    using rule_t = scan;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        in.bump(static_cast<std::size_t>(Scan::end(in.current(), in.end()) - in.current()));
        return true;
    }
};

// Same language as star<ident_other>.
struct ident_rest_scan {
    static const char* end(const char* p, const char* const end) {
        while (p != end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                            (*p >= '0' && *p <= '9') || *p == '_'))
            ++p;
        return p;
    }
};
struct ident_rest : scan<ident_rest_scan> {};
struct ident_plain : seq<ident_first, ident_rest> {};
// "Any Name", with "" for a quote.
struct ident_quoted_body : seq<one<'"'>, star<sor<two<'"'>, not_one<'"'>>>, one<'"'>> {};
struct ident_quoted : seq<at<one<'"'>>, must<ident_quoted_body>> {};
// A (table, column, index, constraint, type) name; name_text is the name
// without the padding after it.
struct name_text : sor<ident_quoted, ident_plain> {};
struct name : seq<name_text, skip> {};

// Revision ids and branch labels: [A-Za-z0-9_]+, kept as written.
struct rev_word : seq<ident_other, ident_rest> {};
struct rev_id : seq<rev_word, skip> {};
// depends_on entries: a revision or label, or `label@head`.
struct rev_ref : seq<rev_word, opt<one<'@'>, rev_word>, skip> {};

// ------------------------------------------------------------ keywords

// A keyword matches case-insensitively and only as a whole word.
template <typename Word>
struct keyword : seq<Word, not_at<ident_other>, skip> {};

#define RETORT_KEYWORD(id, text) \
    struct kw_##id : keyword<TAO_PEGTL_ISTRING(text)> {}

RETORT_KEYWORD(action, "action");
RETORT_KEYWORD(add, "add");
RETORT_KEYWORD(after, "after");
RETORT_KEYWORD(alter, "alter");
RETORT_KEYWORD(and_, "and");
RETORT_KEYWORD(as, "as");
RETORT_KEYWORD(asc, "asc");
RETORT_KEYWORD(auto_, "auto");
RETORT_KEYWORD(before, "before");
RETORT_KEYWORD(between, "between");
RETORT_KEYWORD(branch_labels, "branch_labels");
RETORT_KEYWORD(cascade, "cascade");
RETORT_KEYWORD(case_, "case");
RETORT_KEYWORD(cast_, "cast");
RETORT_KEYWORD(check, "check");
RETORT_KEYWORD(column, "column");
RETORT_KEYWORD(comment, "comment");
RETORT_KEYWORD(concurrently, "concurrently");
RETORT_KEYWORD(constraint, "constraint");
RETORT_KEYWORD(create, "create");
RETORT_KEYWORD(current_date, "current_date");
RETORT_KEYWORD(data, "data");
RETORT_KEYWORD(default_, "default");
RETORT_KEYWORD(delete_, "delete");
RETORT_KEYWORD(depends_on, "depends_on");
RETORT_KEYWORD(desc, "desc");
RETORT_KEYWORD(down_revision, "down_revision");
RETORT_KEYWORD(downgrade, "downgrade");
RETORT_KEYWORD(drop, "drop");
RETORT_KEYWORD(else_, "else");
RETORT_KEYWORD(end_, "end");
RETORT_KEYWORD(enum_, "enum");
RETORT_KEYWORD(execute, "execute");
RETORT_KEYWORD(exists, "exists");
RETORT_KEYWORD(false_, "false");
RETORT_KEYWORD(foreign, "foreign");
RETORT_KEYWORD(from, "from");
RETORT_KEYWORD(if_, "if");
RETORT_KEYWORD(in, "in");
RETORT_KEYWORD(index, "index");
RETORT_KEYWORD(insert, "insert");
RETORT_KEYWORD(into, "into");
RETORT_KEYWORD(is, "is");
RETORT_KEYWORD(key, "key");
RETORT_KEYWORD(like, "like");
RETORT_KEYWORD(message, "message");
RETORT_KEYWORD(mysql, "mysql");
RETORT_KEYWORD(no, "no");
RETORT_KEYWORD(none, "none");
RETORT_KEYWORD(not_, "not");
RETORT_KEYWORD(null, "null");
RETORT_KEYWORD(on, "on");
RETORT_KEYWORD(only, "only");
RETORT_KEYWORD(or_, "or");
RETORT_KEYWORD(postgresql, "postgresql");
RETORT_KEYWORD(primary, "primary");
RETORT_KEYWORD(references, "references");
RETORT_KEYWORD(rename, "rename");
RETORT_KEYWORD(restrict, "restrict");
RETORT_KEYWORD(revision, "revision");
RETORT_KEYWORD(select, "select");
RETORT_KEYWORD(set, "set");
RETORT_KEYWORD(sqlite, "sqlite");
RETORT_KEYWORD(table, "table");
RETORT_KEYWORD(then_, "then");
RETORT_KEYWORD(to, "to");
RETORT_KEYWORD(todo, "todo");
RETORT_KEYWORD(transactional, "transactional");
RETORT_KEYWORD(true_, "true");
RETORT_KEYWORD(type, "type");
RETORT_KEYWORD(unique, "unique");
RETORT_KEYWORD(update, "update");
RETORT_KEYWORD(upgrade, "upgrade");
RETORT_KEYWORD(value, "value");
RETORT_KEYWORD(values, "values");
RETORT_KEYWORD(when_, "when");
RETORT_KEYWORD(where, "where");

// Type keywords.
RETORT_KEYWORD(t_smallint, "smallint");
RETORT_KEYWORD(t_integer, "integer");
RETORT_KEYWORD(t_int, "int");
RETORT_KEYWORD(t_bigint, "bigint");
RETORT_KEYWORD(t_numeric, "numeric");
RETORT_KEYWORD(t_decimal, "decimal");
RETORT_KEYWORD(t_float, "float");
RETORT_KEYWORD(t_double, "double");
RETORT_KEYWORD(t_boolean, "boolean");
RETORT_KEYWORD(t_string, "string");
RETORT_KEYWORD(t_varchar, "varchar");
RETORT_KEYWORD(t_char, "char");
RETORT_KEYWORD(t_text, "text");
RETORT_KEYWORD(t_date, "date");
RETORT_KEYWORD(t_time, "time");
RETORT_KEYWORD(t_datetime, "datetime");
RETORT_KEYWORD(t_timestamp, "timestamp");
RETORT_KEYWORD(t_timestamptz, "timestamptz");
RETORT_KEYWORD(t_json, "json");
RETORT_KEYWORD(t_uuid, "uuid");
RETORT_KEYWORD(t_binary, "binary");
RETORT_KEYWORD(t_blob, "blob");

#undef RETORT_KEYWORD

// ------------------------------------------------------------ punctuation

template <char C>
struct sym : seq<one<C>, skip> {};
struct semi : seq<one<';'>, skip> {};
struct comma : sym<','> {};
struct lparen : sym<'('> {};
struct rparen : sym<')'> {};
struct lbrace : sym<'{'> {};
struct rbrace : sym<'}'> {};

// ------------------------------------------------------------ strings

// '...' with '' for a quote; may span lines.
// Same language as star<sor<two<'\''>, not_one<'\''>>>: the characters of a
// '...' string up to its closing quote, a doubled quote being one character;
// runs without a quote are skipped with memchr.
struct sq_chars_scan {
    static const char* end(const char* p, const char* const end) {
        for (;;) {
            const void* q = std::memchr(p, '\'', static_cast<std::size_t>(end - p));
            if (!q) return end;
            p = static_cast<const char*>(q);
            if (end - p < 2 || p[1] != '\'') return p;
            p += 2;
        }
    }
};
struct sq_chars : scan<sq_chars_scan> {};
struct sq_body : seq<one<'\''>, sq_chars, one<'\''>> {};
struct sq_string : seq<at<one<'\''>>, must<sq_body>> {};
// e'...' also takes backslash escapes; they are checked when decoded.
struct e_body
    : seq<one<'e', 'E'>, one<'\''>, star<sor<seq<one<'\\'>, any>, two<'\''>, not_one<'\'', '\\'>>>,
          one<'\''>> {};
struct e_string : seq<at<one<'e', 'E'>, one<'\''>>, must<e_body>> {};

// $$...$$ and $tag$...$tag$: raw text up to the same tag.
struct dollar_tag : seq<one<'$'>, opt<ident_plain>, one<'$'>> {};
struct dollar_body {
    using rule_t = dollar_body;
    using subs_t = empty_list;

    template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
              typename Input, typename... States>
    static bool match(Input& in, States&&...) {
        const char* begin = in.current();
        const char* end = in.end();
        const char* p = begin;
        if (p == end || *p != '$') return false;
        ++p;
        while (p != end && (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_')) ++p;
        if (p == end || *p != '$') return false;
        ++p;
        const std::string_view tag(begin, static_cast<std::size_t>(p - begin));
        const std::string_view rest(p, static_cast<std::size_t>(end - p));
        const auto close = rest.find(tag);
        if (close == std::string_view::npos) return false;
        in.bump(static_cast<std::size_t>(p - begin) + close + tag.size());
        return true;
    }
};
struct dollar_string : seq<at<dollar_tag>, must<dollar_body>> {};

// x'DEADBEEF': an even number of hex digits.
struct binary_body : seq<one<'x', 'X'>, one<'\''>, star<xdigit, xdigit>, one<'\''>> {};
struct binary_string : seq<at<one<'x', 'X'>, one<'\''>>, must<binary_body>> {};

// Any text string (not binary), with its padding.
struct string_literal : seq<sor<e_string, sq_string, dollar_string>, skip> {};

// ------------------------------------------------------------ numbers

struct exponent_digits : plus<digit> {};
struct number_text
    : seq<plus<digit>, opt<one<'.'>, plus<digit>>,
          opt<one<'e', 'E'>, opt<one<'+', '-'>>, must<exponent_digits>>> {};
struct number : seq<number_text, not_at<ident_other>, skip> {};
// A non-negative integer (type lengths).
struct type_int : seq<plus<digit>, skip> {};

}  // namespace retort::grammar

namespace tao::pegtl {
// dollar_body consumes input when it succeeds.
template <typename Name>
struct analyze_traits<Name, retort::grammar::dollar_body> : analyze_any_traits<> {};
// skip and the scan rules (ident_rest, sq_chars) may match nothing.
template <typename Name>
struct analyze_traits<Name, retort::grammar::skip> : analyze_opt_traits<> {};
template <typename Name, typename Scan>
struct analyze_traits<Name, retort::grammar::scan<Scan>> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
