// The non-template halves of the grammar actions (see actions.hpp).
#include "compiler/parse/actions.hpp"

#include <algorithm>

#include "compiler/source/did_you_mean.hpp"

namespace retort::parse {

namespace {

constexpr bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

void fold_case(std::string& text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::string fold_identifier(std::string_view text) {
    std::string out(text);
    fold_case(out);
    return out;
}

std::size_t word_length(const char* p, const char* end) {
    const char* q = p;
    while (q < end && is_word_char(*q)) ++q;
    return static_cast<std::size_t>(q - p);
}

std::size_t number_length(const char* p, const char* end) {
    const char* q = p;
    while (q < end && std::isdigit(static_cast<unsigned char>(*q))) ++q;
    if (q + 1 < end && *q == '.' && std::isdigit(static_cast<unsigned char>(q[1]))) {
        ++q;
        while (q < end && std::isdigit(static_cast<unsigned char>(*q))) ++q;
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        ++q;
        if (q < end && (*q == '+' || *q == '-')) ++q;
        while (q < end && std::isdigit(static_cast<unsigned char>(*q))) ++q;
    }
    return static_cast<std::size_t>(q - p);
}

namespace detail {

void set_type(ParseState& s, sql::TypeKind kind, SourceSpan sp, int max_args) {
    sql::Type t;
    t.kind = kind;
    std::vector<int> args = std::move(s.type_args);
    s.type_args.clear();
    if (static_cast<int>(args.size()) > max_args) {
        if (max_args == 0) {
            auto b = s.diagnostics.error(DiagCode::bad_type_argument, sp, "type {} takes no arguments",
                                         sql::to_mig(t));
            if (kind == sql::TypeKind::text)
                b.note(sp, "for text of at most {} characters write string({}); text has no limit", args[0],
                       args[0]);
            else if (kind == sql::TypeKind::smallint || kind == sql::TypeKind::integer ||
                     kind == sql::TypeKind::bigint)
                b.note(sp, "a display width such as MySQL's int({}) changes nothing; write {}", args[0],
                       sql::to_mig(t));
            else
                b.note(sp, "write {}", sql::to_mig(t));
        } else
            s.diagnostics.error(DiagCode::bad_type_argument, sp, "type {} takes at most {} argument{}",
                                sql::to_mig(t), max_args, max_args == 1 ? "" : "s");
        args.resize(static_cast<std::size_t>(max_args));
    }
    if (!args.empty()) t.length = args[0];
    if (args.size() > 1) t.scale = args[1];
    switch (kind) {
        case sql::TypeKind::numeric:
            if (t.length && (*t.length < 1 || *t.length > 1000))
                s.diagnostics.error(DiagCode::bad_type_argument, sp,
                                    "numeric precision must be between 1 and 1000, not {}", *t.length);
            else if (t.scale && *t.scale > *t.length)
                s.diagnostics.error(DiagCode::bad_type_argument, sp,
                                    "numeric scale {} is larger than its precision {}", *t.scale,
                                    *t.length);
            break;
        case sql::TypeKind::varchar:
        case sql::TypeKind::char_:
            if (t.length && *t.length < 1)
                s.diagnostics.error(DiagCode::bad_type_argument, sp, "a string length must be at least 1");
            break;
        case sql::TypeKind::time:
        case sql::TypeKind::datetime:
        case sql::TypeKind::timestamp:
        case sql::TypeKind::timestamptz:
            if (t.length && *t.length > 6)
                s.diagnostics.error(DiagCode::bad_type_argument, sp,
                                    "fractional seconds precision must be between 0 and 6, not {}",
                                    *t.length);
            break;
        default: break;
    }
    s.type = t;
}

void header_item(ParseState& s, HeaderItem item, SourceSpan sp, const char* word) {
    auto& seen = s.seen[static_cast<std::size_t>(item)];
    std::vector<ast::Name> list = std::move(s.rev_list);
    s.rev_list.clear();
    bool none = std::exchange(s.down_none, false);
    std::optional<ast::StringValue> message;
    if (item == HeaderItem::message) message = s.pop_string();
    if (seen) {
        s.diagnostics.error(DiagCode::duplicate_header, sp, "'{}' is given twice", word)
            .note(*seen, "first given here");
        return;
    }
    seen = sp;
    ast::Header& h = s.migration.header;
    if (!h.span.valid()) h.span = sp;
    h.span.begin = std::min(h.span.begin, sp.begin);
    h.span.end = std::max(h.span.end, sp.end);
    switch (item) {
        case HeaderItem::revision: h.revision = std::move(list.at(0)); break;
        case HeaderItem::down_revision:
            h.has_down_revision = true;
            h.down_revision_span = sp;
            if (!none) h.down_revisions = std::move(list);
            break;
        case HeaderItem::branch_labels: h.branch_labels = std::move(list); break;
        case HeaderItem::depends_on: h.depends_on = std::move(list); break;
        case HeaderItem::message: h.message = std::move(message); break;
        case HeaderItem::transactional:
            h.transactional = s.transactional_value;
            h.transactional_span = sp;
            break;
    }
}

namespace {
struct KnownFunction {
    const char* name;
    sql::Function function;
    std::size_t min_args, max_args;
};
constexpr KnownFunction known_functions[] = {
    {"now", sql::Function::now, 0, 0},
    {"lower", sql::Function::lower, 1, 1},
    {"upper", sql::Function::upper, 1, 1},
    {"length", sql::Function::length, 1, 1},
    {"coalesce", sql::Function::coalesce, 1, 1000000},
    {"replace", sql::Function::replace, 3, 3},
    {"substr", sql::Function::substr, 2, 3},
    {"trim", sql::Function::trim, 1, 1},
    {"abs", sql::Function::abs, 1, 1},
    {"round", sql::Function::round, 1, 2},
    {"concat", sql::Function::concat, 1, 1000000},
};
}  // namespace

void finish_call(ParseState& s, std::uint32_t end) {
    ParseState::CallFrame frame = std::move(s.calls.back());
    s.calls.pop_back();
    std::vector<sql::ExprRef> args = s.take_exprs_from_mark();
    const std::string& text = s.file.text();
    while (end > frame.begin && text[end - 1] != ')') --end;
    SourceSpan sp = s.span(frame.begin, end);
    SourceSpan name_span = s.span(frame.begin, frame.begin + static_cast<std::uint32_t>(frame.name.size()));
    const KnownFunction* known = nullptr;
    for (const auto& f : known_functions)
        if (frame.name == f.name) known = &f;
    if (!known) {
        std::vector<std::string> names;
        for (const auto& f : known_functions) names.push_back(f.name);
        auto b = s.diagnostics.error(DiagCode::unknown_function, name_span,
                            "unknown function '{}'; the known functions are now(), current_date, "
                            "lower(), upper(), length(), coalesce(), replace(), substr(), trim(), "
                            "abs(), round() and concat()",
                            frame.name);
        if (auto close = did_you_mean(frame.name, names)) b.note(name_span, "did you mean {}()?", *close);
        detail::push_expr(s, sql::make_expr(sql::Literal{}, sp), 0);
        return;
    }
    if (args.size() < known->min_args || args.size() > known->max_args) {
        std::string want = known->min_args == known->max_args
                               ? fmt::format("{} argument{}", known->min_args, known->min_args == 1 ? "" : "s")
                               : fmt::format("at least {} argument", known->min_args);
        s.diagnostics.error(DiagCode::syntax, name_span, "{}() takes {}, not {}", frame.name, want,
                            args.size());
    }
    std::size_t below = detail::height(s, args);
    detail::push_expr(s, sql::make_expr(sql::Call{known->function, std::move(args)}, sp), below);
}

void negate(ParseState& s, SourceSpan sp) {
    sql::ExprRef e = s.pop_expr();
    sp.end = e->span.end;
    if (const auto* lit = std::get_if<sql::Literal>(&e->node);
        lit && (lit->kind == sql::LiteralKind::integer || lit->kind == sql::LiteralKind::decimal) &&
        !lit->text.empty() && lit->text[0] != '-') {
        detail::push_expr(s, sql::make_expr(sql::Literal{lit->kind, "-" + lit->text}, sp), 0);
        return;
    }
    std::size_t below = detail::height(s, e);
    detail::push_expr(s, sql::make_expr(sql::Unary{sql::UnaryOp::negate, std::move(e)}, sp), below);
}

void column_option(ParseState& s, ast::ColumnOptionKind kind, SourceSpan sp) {
    ast::ColumnOption o;
    o.kind = kind;
    o.span = sp;
    switch (kind) {
        case ast::ColumnOptionKind::default_:
        case ast::ColumnOptionKind::check: o.expr = s.pop_expr(); break;
        case ast::ColumnOptionKind::references:
            o.references = std::move(s.references);
            s.references.reset();
            break;
        case ast::ColumnOptionKind::comment: o.text = s.pop_string().text; break;
        default: break;
    }
    s.options.push_back(std::move(o));
}

void table_constraint(ParseState& s, ast::ConstraintKind kind, SourceSpan sp) {
    ast::TableConstraint c;
    c.kind = kind;
    c.span = sp;
    switch (kind) {
        case ast::ConstraintKind::check: c.check = s.pop_expr(); break;
        case ast::ConstraintKind::foreign_key:
            c.references = std::move(s.references);
            s.references.reset();
            c.columns = s.take_names_from_mark();
            break;
        default: c.columns = s.take_names_from_mark(); break;
    }
    c.name = std::move(s.constraint_name);
    s.constraint_name.reset();
    s.constraints.push_back(std::move(c));
}

void finish_alter_table(ParseState& s) {
    ast::Name table = s.pop_name();
    std::vector<ast::AlterAction> actions = std::move(s.actions);
    s.actions.clear();
    std::optional<ast::Name> rename = std::move(s.rename_to);
    s.rename_to.reset();
    SourceSpan rename_span = std::exchange(s.rename_span, SourceSpan{});
    if (rename) {
        if (!actions.empty())
            s.diagnostics.error(DiagCode::syntax, rename_span,
                                "'rename to' cannot be combined with other actions; write a "
                                "separate alter table statement");
        s.pending = ast::RenameTable{std::move(table), std::move(*rename)};
        return;
    }
    s.pending = ast::AlterTable{std::move(table), std::move(actions)};
}

void push_only(ParseState& s, SourceSpan sp) {
    ast::DialectSet set = std::exchange(s.dialect_list, 0u);
    if (!s.only_stack.empty() && s.only_stack.back() != ast::all_dialects) {
        ast::DialectSet outer = s.only_stack.back();
        if ((outer & set) == 0) {
            s.diagnostics.error(DiagCode::empty_dialect_set, sp,
                                "this only block names no dialect of the block around it");
            set = outer;
        } else {
            set &= outer;
        }
    }
    s.only_stack.push_back(set);
}

void index_body(ParseState& s) {
    ast::CreateIndex ix;
    ix.table = s.pop_name();
    if (std::exchange(s.has_index_name, false)) ix.name = s.pop_name();
    ix.concurrently = std::exchange(s.concurrently, false);
    ix.columns = std::move(s.index_columns);
    s.index_columns.clear();
    ix.where = std::exchange(s.where, nullptr);
    s.pending = std::move(ix);
}

void insert_into(ParseState& s) {
    ast::Insert ins;
    ins.query = std::exchange(s.insert_query, nullptr);
    ins.rows = std::move(s.rows);
    s.rows.clear();
    ins.columns = s.take_names_from_mark();
    ins.table = s.pop_name();
    for (const auto& row : ins.rows) {
        if (row.size() != ins.columns.size() && !row.empty()) {
            SourceSpan sp{row.front()->span.file, row.front()->span.begin, row.back()->span.end};
            s.diagnostics.error(DiagCode::data_mismatch, sp, "this row has {} value{} for {} column{}",
                                row.size(), row.size() == 1 ? "" : "s", ins.columns.size(),
                                ins.columns.size() == 1 ? "" : "s");
        }
    }
    s.pending = std::move(ins);
}

void finish_statement(ParseState& s, std::uint32_t begin) {
    if (!s.pending) return;  // `todo`: reported, and nothing to replay
    ast::Statement st{std::move(*s.pending), s.span(begin, s.last_semi + 1),
                      s.only_stack.empty() ? ast::all_dialects : s.only_stack.back()};
    s.pending.reset();
    s.target->push_back(std::move(st));
}

}  // namespace detail
}  // namespace retort::parse
