#pragma once
// Spelling .mig text: names, string literals, raw SQL.
#include <string>

namespace retort::driver::import {

// A name as .mig reads it back unchanged: plain when it is lower case and
// not a word the grammar treats specially, else "quoted".
std::string mig_name(const std::string& name);

// A '...' literal ('' for a quote). Strings may span lines in .mig.
std::string mig_string(const std::string& text);

// A $$...$$ literal holding `text` verbatim, with a tag that `text` does not contain.
std::string mig_raw(const std::string& text);

// The SQL of a server default, check or partial-index predicate, in the
// .mig expression language: a few spellings are folded (CURRENT_TIMESTAMP
// is now(), 'x'::character varying is 'x'); the rest is kept as written
// and the translator checks that it parses.
std::string mig_sql_expression(const std::string& sql);

}  // namespace retort::driver::import
