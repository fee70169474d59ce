// Helpers of the Python grammar actions (actions.hpp).
#include "compiler/python/actions.hpp"

#include <algorithm>

namespace retort::py::detail {

namespace {

// A deep copy: the middle operand of a chained comparison a < b < c
// appears in both comparisons.
ExprPtr clone(const Expr& e);
std::vector<ExprPtr> clone_all(const std::vector<ExprPtr>& list) {
    std::vector<ExprPtr> out;
    out.reserve(list.size());
    for (const ExprPtr& x : list) out.push_back(x ? clone(*x) : nullptr);
    return out;
}
ExprPtr clone_opt(const ExprPtr& e) { return e ? clone(*e) : nullptr; }

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

ExprPtr clone(const Expr& e) {
    auto out = std::make_unique<Expr>();
    out->span = e.span;
    out->node = std::visit(
        overloaded{
            [](const Name& n) -> decltype(Expr::node) { return n; },
            [](const Str& n) -> decltype(Expr::node) { return n; },
            [](const Number& n) -> decltype(Expr::node) { return n; },
            [](const Constant& n) -> decltype(Expr::node) { return n; },
            [](const Unsupported& n) -> decltype(Expr::node) { return n; },
            [](const Attribute& n) -> decltype(Expr::node) {
                return Attribute{clone_opt(n.object), n.attr, n.attr_span};
            },
            [](const Call& n) -> decltype(Expr::node) {
                Call c{clone_opt(n.func), clone_all(n.args), {}};
                for (const Keyword& k : n.keywords) c.keywords.push_back(Keyword{k.name, clone_opt(k.value), k.span});
                return c;
            },
            [](const Starred& n) -> decltype(Expr::node) { return Starred{clone_opt(n.value)}; },
            [](const Subscript& n) -> decltype(Expr::node) {
                return Subscript{clone_opt(n.object), clone_opt(n.index)};
            },
            [](const Tuple& n) -> decltype(Expr::node) { return Tuple{clone_all(n.items)}; },
            [](const List& n) -> decltype(Expr::node) { return List{clone_all(n.items)}; },
            [](const Dict& n) -> decltype(Expr::node) { return Dict{clone_all(n.keys), clone_all(n.values)}; },
            [](const BinOp& n) -> decltype(Expr::node) {
                return BinOp{n.op, clone_opt(n.left), clone_opt(n.right)};
            },
            [](const UnaryOp& n) -> decltype(Expr::node) { return UnaryOp{n.op, clone_opt(n.operand)}; },
            [](const IfExp& n) -> decltype(Expr::node) {
                return IfExp{clone_opt(n.test), clone_opt(n.body), clone_opt(n.orelse)};
            },
        },
        e.node);
    return out;
}

[[noreturn]] void internal(ParseState& s) {
    throw SyntaxError{s.last_end, "internal error of the Python reader (operand stack)",
                      DiagCode::python_syntax};
}

}  // namespace

Mark pop_mark(ParseState& s) {
    if (s.marks.empty()) internal(s);
    Mark m = s.marks.back();
    s.marks.pop_back();
    return m;
}
Item pop_item(ParseState& s) {
    if (s.exprs.empty()) internal(s);
    Item i = std::move(s.exprs.back());
    s.exprs.pop_back();
    return i;
}
std::vector<Item> take_items(ParseState& s, std::size_t from) {
    if (from > s.exprs.size()) internal(s);
    std::vector<Item> out(std::make_move_iterator(s.exprs.begin() + static_cast<long>(from)),
                          std::make_move_iterator(s.exprs.end()));
    s.exprs.resize(from);
    return out;
}
NameTok pop_name(ParseState& s) {
    if (s.names.empty()) internal(s);
    NameTok n = std::move(s.names.back());
    s.names.pop_back();
    return n;
}
std::string pop_op(ParseState& s) {
    if (s.ops.empty()) internal(s);
    std::string o = std::move(s.ops.back());
    s.ops.pop_back();
    return o;
}

void push(ParseState& s, SourceSpan span, decltype(Expr::node) node, std::uint32_t below) {
    if (below >= max_height) {
        throw SyntaxError{span.begin,
                          "nested too deeply: this expression is more than " +
                              std::to_string(max_height) + " levels deep",
                          DiagCode::nesting_too_deep};
    }
    auto e = std::make_unique<Expr>();
    e->span = span;
    e->node = std::move(node);
    s.exprs.push_back(Item{std::move(e), below + 1});
}

std::uint32_t height(const std::vector<Item>& items) {
    std::uint32_t h = 0;
    for (const Item& i : items) h = std::max(h, i.height);
    return h;
}

void push_unsupported(ParseState& s, std::uint32_t begin, const char* what) {
    push(s, s.span(begin, s.last_end), Unsupported{what}, 0);
}

void push_binary(ParseState& s) {
    Item right = pop_item(s);
    Item left = pop_item(s);
    std::string op = pop_op(s);
    SourceSpan sp = s.span(left.expr->span.begin, right.expr->span.end);
    std::uint32_t below = std::max(left.height, right.height);
    push(s, sp, BinOp{std::move(op), std::move(left.expr), std::move(right.expr)}, below);
}

void push_unary(ParseState& s, std::string op, std::uint32_t begin) {
    Item operand = pop_item(s);
    std::uint32_t below = operand.height;
    SourceSpan sp = s.span(begin, operand.expr->span.end);
    push(s, sp, UnaryOp{std::move(op), std::move(operand.expr)}, below);
}

void push_sequence(ParseState& s, const Mark& m, bool list) {
    std::vector<Item> items = take_items(s, m.exprs);
    std::uint32_t below = height(items);
    std::vector<ExprPtr> exprs;
    exprs.reserve(items.size());
    for (Item& i : items) exprs.push_back(std::move(i.expr));
    SourceSpan sp = s.span(m.begin, s.last_end);
    if (list)
        push(s, sp, List{std::move(exprs)}, below);
    else
        push(s, sp, Tuple{std::move(exprs)}, below);
}

void push_dict(ParseState& s, const Mark& m) {
    std::vector<Item> items = take_items(s, m.exprs);  // key, value, key, value, ...
    Dict d;
    bool unpack = false;
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
        if (auto* u = std::get_if<Unsupported>(&items[i].expr->node); u && u->what == "**") unpack = true;
        d.keys.push_back(std::move(items[i].expr));
        d.values.push_back(std::move(items[i + 1].expr));
    }
    if (unpack) {
        push_unsupported(s, m.begin, "a dict with ** unpacking");
        return;
    }
    push(s, s.span(m.begin, s.last_end), std::move(d), height(items));
}

void compare_chain(ParseState& s, const Mark& m) {
    std::vector<Item> rights = take_items(s, m.exprs);
    Item left = pop_item(s);
    if (s.ops.size() < rights.size() || rights.empty()) internal(s);
    std::vector<std::string> ops(s.ops.end() - static_cast<long>(rights.size()), s.ops.end());
    s.ops.resize(s.ops.size() - rights.size());
    std::uint32_t below = std::max(left.height, height(rights));
    ExprPtr result;
    std::uint32_t h = below;
    ExprPtr lhs = std::move(left.expr);
    for (std::size_t i = 0; i < rights.size(); ++i) {
        ExprPtr rhs = std::move(rights[i].expr);
        ExprPtr next = i + 1 < rights.size() ? clone(*rhs) : nullptr;
        auto cmp = std::make_unique<Expr>();
        cmp->span = s.span(lhs->span.begin, rhs->span.end);
        cmp->node = BinOp{ops[i], std::move(lhs), std::move(rhs)};
        if (!result) {
            result = std::move(cmp);
        } else {
            auto both = std::make_unique<Expr>();
            both->span = s.span(result->span.begin, cmp->span.end);
            both->node = BinOp{"and", std::move(result), std::move(cmp)};
            result = std::move(both);
            ++h;
        }
        lhs = std::move(next);
    }
    if (h >= max_height) {
        throw SyntaxError{result->span.begin, "nested too deeply: this comparison chain is too long",
                          DiagCode::nesting_too_deep};
    }
    s.exprs.push_back(Item{std::move(result), h + 1});
}

void call(ParseState& s, const Mark& m) {
    std::vector<Item> args = take_items(s, m.exprs);
    std::vector<Keyword> keywords(std::make_move_iterator(s.keywords.begin() + static_cast<long>(m.keywords)),
                                  std::make_move_iterator(s.keywords.end()));
    s.keywords.resize(m.keywords);
    Item func = pop_item(s);
    std::uint32_t below = std::max(func.height, height(args));
    Call c;
    c.func = std::move(func.expr);
    for (Item& a : args) c.args.push_back(std::move(a.expr));
    c.keywords = std::move(keywords);
    // keyword values count toward the height too; they are bounded by the
    // grammar's nesting, so a call of calls is bounded as well
    SourceSpan sp = s.span(c.func->span.begin, s.last_end);
    push(s, sp, std::move(c), below);
}

void subscript(ParseState& s, const Mark& m) {
    std::vector<Item> items = take_items(s, m.exprs);
    if (items.empty()) internal(s);
    Item object = pop_item(s);
    std::uint32_t below = std::max(object.height, height(items) + 1);
    ExprPtr index;
    if (items.size() == 1 && !m.tuple) {
        index = std::move(items[0].expr);
    } else {
        auto t = std::make_unique<Expr>();
        t->span = s.span(items.front().expr->span.begin, items.back().expr->span.end);
        Tuple tuple;
        for (Item& i : items) tuple.items.push_back(std::move(i.expr));
        t->node = std::move(tuple);
        index = std::move(t);
    }
    SourceSpan sp = s.span(object.expr->span.begin, s.last_end);
    push(s, sp, Subscript{std::move(object.expr), std::move(index)}, below);
}

void push_stmt(ParseState& s, std::uint32_t begin, decltype(Stmt::node) node) {
    Stmt st;
    st.span = s.span(begin, s.last_end);
    st.node = std::move(node);
    s.stmts.push_back(std::move(st));
}

void discard_since(ParseState& s, const Mark& m) {
    if (s.exprs.size() > m.exprs) s.exprs.resize(m.exprs);
    if (s.keywords.size() > m.keywords) s.keywords.resize(m.keywords);
    if (s.names.size() > m.names) s.names.resize(m.names);
    if (s.params.size() > m.params) s.params.resize(m.params);
    if (s.ops.size() > m.ops) s.ops.resize(m.ops);
}

void other_stmt(ParseState& s, const char* what) {
    Mark m = pop_mark(s);
    discard_since(s, m);
    push_stmt(s, m.begin, OtherStmt{what, {}});
}

void set_header(ParseState& s, HeaderKind kind, std::uint32_t begin) {
    s.header.emplace();
    s.header->kind = kind;
    s.header->begin = begin;
}

}  // namespace retort::py::detail
