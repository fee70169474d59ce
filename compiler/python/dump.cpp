#include "compiler/python/dump.hpp"

#include <fmt/format.h>

namespace retort::py {

namespace {

template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

class Dumper {
public:
    explicit Dumper(const SourceFile* file) : file_(file) {}
    std::string out;

    std::string at(const SourceSpan& span) const {
        if (!file_ || !span.valid()) return "";
        LineCol lc = file_->line_col(span.begin);
        return fmt::format("@{}:{}", lc.line, lc.column);
    }

    void quoted(const std::string& v) {
        out += '\'';
        for (unsigned char c : v) {
            if (c == '\\') out += "\\\\";
            else if (c == '\'') out += "\\'";
            else if (c == '\n') out += "\\n";
            else if (c == '\t') out += "\\t";
            else if (c == '\r') out += "\\r";
            else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
            else out += static_cast<char>(c);
        }
        out += '\'';
    }

    void expr(const ExprPtr& e) {
        if (!e) {
            out += "<null>";
            return;
        }
        expr(*e);
    }
    void list(const std::vector<ExprPtr>& items) {
        for (const ExprPtr& i : items) {
            out += ' ';
            expr(i);
        }
    }

    void expr(const Expr& e) {
        const std::string a = at(e.span);
        std::visit(overloaded{
                       [&](const Name& n) { out += n.id + a; },
                       [&](const Str& n) {
                           if (n.bytes) out += 'b';
                           quoted(n.value);
                           out += a;
                       },
                       [&](const Number& n) { out += (n.integer ? "" : "float:") + n.text + a; },
                       [&](const Constant& n) {
                           switch (n.kind) {
                               case ConstantKind::none: out += "None"; break;
                               case ConstantKind::true_: out += "True"; break;
                               case ConstantKind::false_: out += "False"; break;
                               case ConstantKind::ellipsis: out += "..."; break;
                           }
                           out += a;
                       },
                       [&](const Attribute& n) {
                           out += "(." + a + ' ';
                           expr(n.object);
                           out += ' ' + n.attr + at(n.attr_span) + ')';
                       },
                       [&](const Call& n) {
                           out += "(call" + a + ' ';
                           expr(n.func);
                           list(n.args);
                           for (const Keyword& k : n.keywords) {
                               out += " (kw" + at(k.span) + ' ' + (k.name.empty() ? "**" : k.name) + ' ';
                               expr(k.value);
                               out += ')';
                           }
                           out += ')';
                       },
                       [&](const Starred& n) {
                           out += "(*" + a + ' ';
                           expr(n.value);
                           out += ')';
                       },
                       [&](const Subscript& n) {
                           out += "([]" + a + ' ';
                           expr(n.object);
                           out += ' ';
                           expr(n.index);
                           out += ')';
                       },
                       [&](const Tuple& n) {
                           out += "(tuple" + a;
                           list(n.items);
                           out += ')';
                       },
                       [&](const List& n) {
                           out += "(list" + a;
                           list(n.items);
                           out += ')';
                       },
                       [&](const Dict& n) {
                           out += "(dict" + a;
                           for (std::size_t i = 0; i < n.keys.size() && i < n.values.size(); ++i) {
                               out += " (";
                               expr(n.keys[i]);
                               out += ' ';
                               expr(n.values[i]);
                               out += ')';
                           }
                           out += ')';
                       },
                       [&](const BinOp& n) {
                           out += '(' + n.op + a + ' ';
                           expr(n.left);
                           out += ' ';
                           expr(n.right);
                           out += ')';
                       },
                       [&](const UnaryOp& n) {
                           out += "(unary" + a + ' ' + n.op + ' ';
                           expr(n.operand);
                           out += ')';
                       },
                       [&](const IfExp& n) {
                           out += "(ifexp" + a + ' ';
                           expr(n.test);
                           out += ' ';
                           expr(n.body);
                           out += ' ';
                           expr(n.orelse);
                           out += ')';
                       },
                       [&](const Unsupported& n) { out += "(unsupported" + a + " \"" + n.what + "\")"; },
                   },
                   e.node);
    }

    void body(const char* head, const Body& b) {
        out += " (";
        out += head;
        for (const Stmt& s : b) {
            out += ' ';
            stmt(s);
        }
        out += ')';
    }

    void stmt(const Stmt& s) {
        const std::string a = at(s.span);
        std::visit(overloaded{
                       [&](const ExprStmt& n) {
                           out += "(expr" + a + ' ';
                           expr(n.value);
                           out += ')';
                       },
                       [&](const Assign& n) {
                           out += "(assign" + a;
                           list(n.targets);
                           if (n.value) {
                               out += " = ";
                               expr(n.value);
                           }
                           out += ')';
                       },
                       [&](const AugAssign& n) {
                           out += '(' + n.op + '=' + a + ' ';
                           expr(n.target);
                           out += ' ';
                           expr(n.value);
                           out += ')';
                       },
                       [&](const Import& n) {
                           out += n.from ? "(from" + a + ' ' + n.module : "(import" + a;
                           for (const Alias& al : n.names) {
                               out += " (alias" + at(al.span) + ' ' + al.name;
                               if (!al.asname.empty()) out += " as " + al.asname;
                               out += ')';
                           }
                           out += ')';
                       },
                       [&](const FunctionDef& n) {
                           out += "(def" + a + ' ' + n.name + " (params";
                           for (const Param& p : n.params) {
                               out += ' ';
                               if (p.default_value) {
                                   out += '(' + p.name + at(p.span) + ' ';
                                   expr(p.default_value);
                                   out += ')';
                               } else {
                                   out += p.name + at(p.span);
                               }
                           }
                           out += ')';
                           if (!n.decorators.empty()) {
                               out += " (decorators";
                               list(n.decorators);
                               out += ')';
                           }
                           body("body", n.body);
                           out += ')';
                       },
                       [&](const If& n) {
                           out += "(if" + a + ' ';
                           expr(n.test);
                           body("body", n.body);
                           if (!n.orelse.empty()) body("else", n.orelse);
                           out += ')';
                       },
                       [&](const With& n) {
                           out += "(with" + a;
                           for (const WithItem& w : n.items) {
                               out += " (item ";
                               expr(w.context);
                               if (w.target) {
                                   out += " as ";
                                   expr(w.target);
                               }
                               out += ')';
                           }
                           body("body", n.body);
                           out += ')';
                       },
                       [&](const For& n) {
                           out += "(for" + a + ' ';
                           expr(n.target);
                           out += ' ';
                           expr(n.iter);
                           body("body", n.body);
                           if (!n.orelse.empty()) body("else", n.orelse);
                           out += ')';
                       },
                       [&](const Return& n) {
                           out += "(return" + a;
                           if (n.value) {
                               out += ' ';
                               expr(n.value);
                           }
                           out += ')';
                       },
                       [&](const Pass&) { out += "(pass" + a + ')'; },
                       [&](const OtherStmt& n) {
                           out += "(other" + a + " \"" + n.what + '"';
                           if (!n.body.empty()) body("body", n.body);
                           out += ')';
                       },
                   },
                   s.node);
    }

private:
    const SourceFile* file_;
};

}  // namespace

std::string dump(const Module& module, const SourceFile* file) {
    Dumper d(file);
    d.out = "(module";
    for (const Stmt& s : module.body) {
        d.out += ' ';
        d.stmt(s);
    }
    d.out += ')';
    return d.out;
}

std::string dump(const Expr& expr, const SourceFile* file) {
    Dumper d(file);
    d.expr(expr);
    return d.out;
}

}  // namespace retort::py
