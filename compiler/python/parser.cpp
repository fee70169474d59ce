// Python file -> py::Module: the line pass (lines.cpp), each logical line
// parsed in place by the grammar (spans are offsets into the file), and the
// blocks built from the indentation.
#include "compiler/python/parser.hpp"

#include <string>

#include "compiler/python/actions.hpp"
#include "compiler/python/lines.hpp"
#include "compiler/source/utf8.hpp"

namespace retort::py {

namespace {

const char* keyword_of(HeaderKind k) {
    switch (k) {
        case HeaderKind::if_: return "if";
        case HeaderKind::elif: return "elif";
        case HeaderKind::else_: return "else";
        case HeaderKind::while_: return "while";
        case HeaderKind::for_: return "for";
        case HeaderKind::try_: return "try";
        case HeaderKind::except: return "except";
        case HeaderKind::finally: return "finally";
        case HeaderKind::with: return "with";
        case HeaderKind::def: return "def";
        case HeaderKind::class_: return "class";
        case HeaderKind::decorator: return "@";
    }
    return "?";
}

struct Parsed {
    std::vector<Stmt> stmts;  // simple statements, or the one-line body of a header
    std::optional<Header> header;
};

class Reader {
public:
    Reader(const SourceFile& file, DiagnosticEngine& diagnostics, std::vector<LogicalLine> lines)
        : file_(file), state_(file, diagnostics), lines_(std::move(lines)) {}

    Module read() {
        Module m;
        if (lines_.empty()) return m;
        if (lines_[0].indent != 0 || lines_[0].alt != 0)
            fail(lines_[0].begin, "unexpected indentation: the first statement of a file is not indented");
        m.body = block(0);
        if (i_ < lines_.size()) fail(lines_[i_].begin, "unindent does not match any outer indentation level");
        return m;
    }

private:
    [[noreturn]] void fail(std::uint32_t at, std::string message,
                           DiagCode code = DiagCode::python_syntax) const {
        throw SyntaxError{at, std::move(message), code};
    }

    Parsed parse_line(std::size_t k) {
        const LogicalLine& l = lines_[k];
        if (l.unclosed >= 0) {
            auto at = static_cast<std::uint32_t>(l.unclosed);
            fail(at, std::string("'") + file_.text()[at] + "' is never closed");
        }
        state_.clear_line();
        const char* base = file_.text().data();
        tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(base + l.begin, base + l.end,
                                                                     file_.display_name());
        tao::pegtl::parse<g::line, Action, Control>(in, state_);
        return Parsed{std::move(state_.stmts), std::move(state_.header)};
    }

    // <0, 0, >0 as a's indentation is less, equal or more than b's; an error
    // when that depends on the width of a tab.
    int compare(const LogicalLine& a, const LogicalLine& b) const {
        int c = a.indent < b.indent ? -1 : a.indent > b.indent ? 1 : 0;
        int d = a.alt < b.alt ? -1 : a.alt > b.alt ? 1 : 0;
        if (c != d)
            fail(a.begin,
                 "inconsistent use of tabs and spaces in indentation: indent with spaces only (or "
                 "with tabs only)");
        return c;
    }

    Body block(std::size_t depth) {
        const LogicalLine ref = lines_[i_];
        Body body;
        bool after_block = false;
        while (i_ < lines_.size()) {
            int c = compare(lines_[i_], ref);
            if (c < 0) break;
            if (c > 0) {
                fail(lines_[i_].begin, after_block
                                            ? "unindent does not match any outer indentation level"
                                            : "unexpected indentation: this line is indented more "
                                              "than the statement before it");
            }
            after_block = statement(body, ref, depth);
        }
        return body;
    }

    // The body of the header on line i_: its one-line body, or the
    // indented block after it. Moves past it.
    Body suite(Parsed& p, const LogicalLine& ref, std::size_t depth, bool& had_block) {
        const std::size_t header_line = i_;
        ++i_;
        had_block = false;
        if (!p.stmts.empty()) return std::move(p.stmts);
        const char* kw = keyword_of(p.header->kind);
        if (i_ >= lines_.size() || compare(lines_[i_], ref) <= 0) {
            std::uint32_t at = i_ < lines_.size() ? lines_[i_].begin
                                                  : static_cast<std::uint32_t>(file_.text().size());
            fail(at, fmt::format("expected an indented block after '{}' on line {}", kw,
                                 file_.line_col(lines_[header_line].begin).line));
        }
        if (depth + 1 >= max_block_depth)
            fail(lines_[i_].begin,
                 fmt::format("nested too deeply: more than {} levels of blocks", max_block_depth),
                 DiagCode::nesting_too_deep);
        had_block = true;
        return block(depth + 1);
    }

    static std::uint32_t end_of(const Body& b, std::uint32_t fallback) {
        return b.empty() ? fallback : b.back().span.end;
    }

    // The next line, when it is at ref's indentation and is a header of one
    // of `kinds`.
    std::optional<Parsed> clause(const LogicalLine& ref, std::initializer_list<HeaderKind> kinds) {
        if (i_ >= lines_.size() || compare(lines_[i_], ref) != 0) return std::nullopt;
        Parsed p = parse_line(i_);
        if (!p.header) return std::nullopt;
        for (HeaderKind k : kinds)
            if (p.header->kind == k) return p;
        return std::nullopt;
    }

    Body else_clause(const LogicalLine& ref, std::size_t depth, bool& had_block) {
        if (auto p = clause(ref, {HeaderKind::else_})) return suite(*p, ref, depth, had_block);
        return {};
    }

    void push(Body& body, std::uint32_t begin, std::uint32_t end, decltype(Stmt::node) node) {
        Stmt st;
        st.span = file_.span(begin, end < begin ? begin : end);
        st.node = std::move(node);
        body.push_back(std::move(st));
    }

    // One statement line (and the blocks it owns). Returns whether it ended
    // with an indented block.
    bool statement(Body& body, const LogicalLine& ref, std::size_t depth) {
        Parsed p = parse_line(i_);
        if (!p.header) {
            for (Stmt& s : p.stmts) body.push_back(std::move(s));
            ++i_;
            return false;
        }
        std::vector<ExprPtr> decorators;
        while (p.header->kind == HeaderKind::decorator) {
            decorators.push_back(std::move(p.header->test));
            ++i_;
            if (i_ >= lines_.size() || compare(lines_[i_], ref) != 0)
                fail(i_ < lines_.size() ? lines_[i_].begin : static_cast<std::uint32_t>(file_.text().size()),
                     "expected 'def' or 'class' after a decorator");
            p = parse_line(i_);
            if (!p.header || (p.header->kind != HeaderKind::decorator && p.header->kind != HeaderKind::def &&
                              p.header->kind != HeaderKind::class_))
                fail(lines_[i_].begin, "expected 'def' or 'class' after a decorator");
        }
        Header& h = *p.header;
        const std::uint32_t begin = h.begin;
        bool had_block = false;
        switch (h.kind) {
            case HeaderKind::elif:
            case HeaderKind::else_:
            case HeaderKind::except:
            case HeaderKind::finally:
                fail(h.begin, fmt::format("'{}' does not follow an 'if', 'for', 'while' or 'try' block "
                                          "at the same indentation",
                                          keyword_of(h.kind)));
            case HeaderKind::if_: {
                body.push_back(if_chain(p, ref, depth, had_block));
                return had_block;
            }
            case HeaderKind::for_: {
                ExprPtr target = std::move(h.target), iter = std::move(h.iter);
                bool async = h.is_async;
                Body b = suite(p, ref, depth, had_block);
                Body orelse = else_clause(ref, depth, had_block);
                std::uint32_t end = end_of(orelse, end_of(b, begin));
                if (async) {
                    for (Stmt& s : orelse) b.push_back(std::move(s));
                    push(body, begin, end, OtherStmt{"an async for statement", std::move(b)});
                } else {
                    push(body, begin, end, For{std::move(target), std::move(iter), std::move(b), std::move(orelse)});
                }
                return had_block;
            }
            case HeaderKind::while_: {
                Body b = suite(p, ref, depth, had_block);
                Body orelse = else_clause(ref, depth, had_block);
                std::uint32_t end = end_of(orelse, end_of(b, begin));
                for (Stmt& s : orelse) b.push_back(std::move(s));
                push(body, begin, end, OtherStmt{"a while statement", std::move(b)});
                return had_block;
            }
            case HeaderKind::try_: {
                Body b = suite(p, ref, depth, had_block);
                bool any = false, seen_else = false, seen_finally = false;
                while (auto c = clause(ref, {HeaderKind::except, HeaderKind::else_, HeaderKind::finally})) {
                    HeaderKind k = c->header->kind;
                    if (seen_finally || (seen_else && k != HeaderKind::finally) ||
                        (k == HeaderKind::else_ && !any))
                        fail(c->header->begin,
                             fmt::format("'{}' is out of place in this try statement", keyword_of(k)));
                    if (k == HeaderKind::except) any = true;
                    if (k == HeaderKind::else_) seen_else = true;
                    if (k == HeaderKind::finally) seen_finally = true;
                    Body part = suite(*c, ref, depth, had_block);
                    for (Stmt& s : part) b.push_back(std::move(s));
                }
                if (!any && !seen_finally)
                    fail(i_ < lines_.size() ? lines_[i_].begin : static_cast<std::uint32_t>(file_.text().size()),
                         "expected 'except' or 'finally' after the try block");
                push(body, begin, end_of(b, begin), OtherStmt{"a try statement", std::move(b)});
                return had_block;
            }
            case HeaderKind::with: {
                std::vector<WithItem> items = std::move(h.items);
                bool async = h.is_async;
                Body b = suite(p, ref, depth, had_block);
                std::uint32_t end = end_of(b, begin);
                if (async)
                    push(body, begin, end, OtherStmt{"an async with statement", std::move(b)});
                else
                    push(body, begin, end, With{std::move(items), std::move(b)});
                return had_block;
            }
            case HeaderKind::def: {
                FunctionDef f;
                f.name = std::move(h.name);
                f.params = std::move(h.params);
                f.decorators = std::move(decorators);
                bool async = h.is_async;
                f.body = suite(p, ref, depth, had_block);
                std::uint32_t end = end_of(f.body, begin);
                if (async)
                    push(body, begin, end, OtherStmt{"an async function", std::move(f.body)});
                else
                    push(body, begin, end, std::move(f));
                return had_block;
            }
            case HeaderKind::class_: {
                Body b = suite(p, ref, depth, had_block);
                push(body, begin, end_of(b, begin), OtherStmt{"a class definition", std::move(b)});
                return had_block;
            }
            case HeaderKind::decorator: break;
        }
        return had_block;
    }

    // if / elif / else: an elif is an If alone in orelse.
    Stmt if_chain(Parsed& p, const LogicalLine& ref, std::size_t depth, bool& had_block) {
        const std::uint32_t begin = p.header->begin;
        ExprPtr test = std::move(p.header->test);
        Body b = suite(p, ref, depth, had_block);
        Body orelse;
        if (auto c = clause(ref, {HeaderKind::elif, HeaderKind::else_})) {
            if (c->header->kind == HeaderKind::elif)
                orelse.push_back(if_chain(*c, ref, depth, had_block));
            else
                orelse = suite(*c, ref, depth, had_block);
        }
        Stmt st;
        st.span = file_.span(begin, end_of(orelse, end_of(b, begin)));
        st.node = If{std::move(test), std::move(b), std::move(orelse)};
        return st;
    }

    const SourceFile& file_;
    ParseState state_;
    std::vector<LogicalLine> lines_;
    std::size_t i_ = 0;
};

}  // namespace

std::optional<Module> parse_python(const SourceFile& file, DiagnosticEngine& diagnostics) {
    const std::string& text = file.text();
    if (text.size() >= 0xFFFFFFF0u) {
        diagnostics.error(DiagCode::file_unreadable, file.span(0, 0),
                          "the file is too large ({} bytes); Python files are limited to 4 GiB", text.size());
        return std::nullopt;
    }
    if (auto bad = first_invalid_utf8(text)) {
        auto at = static_cast<std::uint32_t>(*bad);
        diagnostics.error(DiagCode::invalid_utf8, file.span(at, at + 1),
                          "the file is not valid UTF-8: byte 0x{:02X} here does not start or "
                          "continue a character",
                          static_cast<unsigned>(static_cast<unsigned char>(text[at])));
        return std::nullopt;
    }
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        auto at = static_cast<std::uint32_t>(nul);
        diagnostics.error(DiagCode::nul_character, file.span(at, at + 1),
                          "a NUL character (byte 0) cannot appear in a Python file");
        return std::nullopt;
    }
    const std::uint32_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    try {
        Reader reader(file, diagnostics, logical_lines(text, start));
        return reader.read();
    } catch (const SyntaxError& e) {
        diagnostics.error(e.code, file.span(e.offset, e.offset), "{}", e.message);
        return std::nullopt;
    }
}

}  // namespace retort::py
