// The actions of the reads (language.md §4 "Data that reads"): selects,
// subqueries, case and cast. Heights are recorded as for every expression
// (actions.hpp push_expr), a subquery one above its deepest expression.
#include "compiler/parse/actions.hpp"

namespace retort::parse::detail {

namespace {

// The offset just after the last `c` before `end` (the match also holds the padding).
std::uint32_t end_at(const ParseState& s, std::uint32_t begin, std::uint32_t end, char c) {
    const std::string& text = s.file.text();
    while (end > begin && text[end - 1] != c) --end;
    return end;
}

// The end of the last word before `end`, without the padding.
std::uint32_t end_of_word(const ParseState& s, std::uint32_t begin, std::uint32_t end) {
    const std::string& text = s.file.text();
    while (end > begin && !std::isalnum(static_cast<unsigned char>(text[end - 1]))) --end;
    return end;
}

}  // namespace

void select_head(ParseState& s, std::uint32_t begin) {
    s.select_frames.push_back(ParseState::SelectFrame{sql::Select{}, begin});
}

void finish_select(ParseState& s, std::uint32_t end) {
    ParseState::SelectFrame frame = std::move(s.select_frames.back());
    s.select_frames.pop_back();
    std::size_t height = std::max(detail::height(s, frame.select.items),
                                  frame.select.where ? detail::height(s, frame.select.where) : 0);
    // The span ends with the last operand (the match holds the padding after it).
    const std::string& text = s.file.text();
    while (end > frame.begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                                 text[end - 1] == '\r'))
        --end;
    frame.select.span = s.span(frame.begin, end);
    s.selects.emplace_back(std::make_shared<const sql::Select>(std::move(frame.select)), height);
}

void push_query(ParseState& s, bool exists, std::uint32_t begin, std::uint32_t end) {
    auto [query, height] = std::move(s.selects.back());
    s.selects.pop_back();
    SourceSpan sp = s.span(begin, end_at(s, begin, end, ')'));
    if (exists)
        push_expr(s, sql::make_expr(sql::Exists{std::move(query)}, sp), height, begin);
    else
        push_expr(s, sql::make_expr(sql::Subquery{std::move(query)}, sp), height, begin);
}

void finish_case(ParseState& s, std::uint32_t end) {
    auto [has_else, begin] = s.cases.back();
    s.cases.pop_back();
    std::vector<sql::ExprRef> items = s.take_exprs_from_mark();
    std::size_t below = detail::height(s, items);
    sql::Case node;
    if (has_else) {
        node.otherwise = std::move(items.back());
        items.pop_back();
    }
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        node.conditions.push_back(std::move(items[i]));
        node.results.push_back(std::move(items[i + 1]));
    }
    push_expr(s, sql::make_expr(std::move(node), s.span(begin, end_of_word(s, begin, end))), below, begin);
}

void cast_head(ParseState& s, std::uint32_t begin) {
    s.casts.push_back(ParseState::CastFrame{s.type, s.type_span, begin});
}

void finish_cast(ParseState& s, std::uint32_t end) {
    ParseState::CastFrame frame = std::move(s.casts.back());
    s.casts.pop_back();
    sql::Type type = std::exchange(s.type, frame.outer_type);
    s.type_span = frame.outer_span;
    sql::ExprRef operand = s.pop_expr();
    std::size_t below = detail::height(s, operand);
    SourceSpan sp = s.span(frame.begin, end_at(s, frame.begin, end, ')'));
    push_expr(s, sql::make_expr(sql::Cast{std::move(operand), std::move(type)}, sp), below, frame.begin);
}

}  // namespace retort::parse::detail
