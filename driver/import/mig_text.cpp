#include "driver/import/mig_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace retort::driver::import {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

// Words that start a table element or have a meaning in expressions.
constexpr std::array<std::string_view, 16> special_words = {
    "and", "or", "not", "is", "in", "like", "between", "null", "true", "false",
    "constraint", "primary", "unique", "check", "foreign", "references"};

}  // namespace

std::string mig_name(const std::string& name) {
    bool plain = !name.empty() && (std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                 std::all_of(name.begin(), name.end(), [](unsigned char c) {
                     return std::islower(c) || std::isdigit(c) || c == '_';
                 });
    if (plain && std::find(special_words.begin(), special_words.end(), name) == special_words.end()) return name;
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string mig_string(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string mig_raw(const std::string& text) {
    std::string tag;
    for (int n = 0; text.find("$" + tag + "$") != std::string::npos; ++n) tag = "sql" + (n ? std::to_string(n) : "");
    return "$" + tag + "$" + text + "$" + tag + "$";
}

std::string mig_sql_expression(const std::string& sql) {
    std::string s = trim(sql);
    std::string l = lower(s);
    if (l == "now()" || l == "current_timestamp" || l == "current_timestamp()" || l == "localtimestamp" ||
        l == "(now())" || l == "(current_timestamp)")
        return "now()";
    if (l == "current_date" || l == "(current_date)") return "current_date";
    // PostgreSQL's spelling of a string default: 'x'::character varying, 'x'::text
    static constexpr std::array<std::string_view, 3> casts = {"::character varying", "::text", "::varchar"};
    for (std::string_view c : casts)
        if (l.size() > c.size() && l.compare(l.size() - c.size(), c.size(), c) == 0 && s[0] == '\'')
            return s.substr(0, s.size() - c.size());
    return s;
}

}  // namespace retort::driver::import
