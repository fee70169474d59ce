#include "driver/import/translator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compiler/parse/parser.hpp"
#include "driver/import/mig_text.hpp"

namespace retort::driver::import {

namespace {

constexpr int max_depth = 16;  // helpers calling helpers

std::optional<unsigned> dialects_named(const std::string& name) {
    if (name == "postgresql" || name == "postgres") return only_postgresql;
    if (name == "mysql" || name == "mariadb") return only_mysql;
    if (name == "sqlite") return only_sqlite;
    return 0u;  // an engine retort does not target: the branch is for none of ours
}

std::optional<unsigned> url_prefix(const std::string& prefix) {
    unsigned out = 0;
    for (auto [scheme, bit] : {std::pair<const char*, unsigned>{"postgresql", only_postgresql},
                               {"postgres", only_postgresql}, {"mysql", only_mysql}, {"mariadb", only_mysql},
                               {"sqlite", only_sqlite}})
        if (std::string(scheme).compare(0, prefix.size(), prefix) == 0 ||
            prefix.compare(0, std::string(scheme).size(), scheme) == 0)
            out |= bit;
    return out;
}

std::optional<unsigned> names_in(const Value& list) {
    unsigned out = 0;
    for (const Value& item : list.items) {
        if (!item.is(ValueKind::string)) return std::nullopt;
        out |= *dialects_named(item.text);
    }
    return out;
}

}  // namespace

std::optional<unsigned> dialect_condition(const py::Expr& test, const Scope& scope) {
    if (const auto* b = std::get_if<py::BinOp>(&test.node)) {
        if (b->op == "and" || b->op == "or") {
            auto l = dialect_condition(*b->left, scope);
            auto r = dialect_condition(*b->right, scope);
            if (!l || !r) return std::nullopt;
            return b->op == "and" ? (*l & *r) : (*l | *r);
        }
        Value l = evaluate(*b->left, scope);
        Value r = evaluate(*b->right, scope);
        if (r.is(ValueKind::dialect_name)) std::swap(l, r);
        if (l.is(ValueKind::dialect_name)) {
            std::optional<unsigned> set;
            if ((b->op == "==" || b->op == "!=") && r.is(ValueKind::string)) set = dialects_named(r.text);
            if ((b->op == "in" || b->op == "not in") && r.is(ValueKind::list)) set = names_in(r);
            if (!set) return std::nullopt;
            return (b->op == "==" || b->op == "in") ? *set : (all_dialects & ~*set);
        }
    }
    if (const auto* u = std::get_if<py::UnaryOp>(&test.node); u && u->op == "not") {
        auto inner = dialect_condition(*u->operand, scope);
        if (!inner) return std::nullopt;
        return all_dialects & ~*inner;
    }
    Value v = evaluate(test, scope);
    if (v.is_call_of(".startswith") && v.receiver && v.receiver->is(ValueKind::database_url) && v.items.size() == 1 &&
        v.items[0].is(ValueKind::string))
        return url_prefix(v.items[0].text);
    if (std::optional<bool> t = truth(v)) return *t ? all_dialects : 0u;
    return std::nullopt;
}

void Translator::translate(const py::FunctionDef& function) {
    Scope local(&module_);
    body(function.body, local, all_dialects, 0);
}

void Translator::emit(std::string text, unsigned only) { out_.push_back(Emitted{std::move(text), only, false}); }

void Translator::refuse(const Problem& problem, unsigned only) {
    const SourceFile& file = diagnostics_.sources().file(problem.span.file);
    LineCol at = file.line_col(problem.span.begin);
    std::string what = problem.unknown_type ? problem.what : problem.what + " cannot be translated";
    auto d = diagnostics_.error(problem.unknown_type ? DiagCode::import_unknown_type : DiagCode::import_untranslatable,
                                problem.span, "{}", what);
    if (!problem.instead.empty()) d.note({}, "{}", problem.instead);
    std::string todo = fmt::format("{}:{}:{}: {}", file.display_name(), at.line, at.column, what);
    if (!problem.instead.empty()) todo += "; " + problem.instead;
    out_.push_back(Emitted{"todo " + mig_string(todo) + ";", only, true});
    ++hand_work_;
}

void Translator::warn(SourceSpan span, const std::string& message) {
    diagnostics_.warning(DiagCode::import_untranslatable, span, "{}", message);
}

void Translator::emit_checked(std::string text, SourceSpan origin, unsigned only) {
    std::string plain = text;  // without the writer's indent marks (mig_writer.cpp)
    std::erase(plain, '\x01');
    SourceManager scratch;
    const SourceFile& file = scratch.add("import-check.mig", "import-check.mig",
                                         "revision check;\ndown_revision none;\nupgrade {\n" + plain + "\n}\n");
    DiagnosticEngine diagnostics(scratch);
    auto parsed = parse::parse_migration(file, diagnostics);
    if (!parsed || diagnostics.has_errors()) {
        std::string why = diagnostics.diagnostics().empty() ? "it does not parse" : diagnostics.diagnostics()[0].message;
        refuse(Problem{origin, fmt::format("the statement `{}` ({})", plain, why),
                       "write the SQL in retort's expression language (docs/language.md)"},
               only);
        return;
    }
    emit(std::move(text), only);
}

void Translator::note_enum_dropped(const std::string& name) {
    std::erase(declared_enums_, name);
    state_.enums.erase(name);
}

void Translator::drop_enums_at_end(const std::vector<std::string>& names) {
    for (const std::string& n : names)
        if (state_.enums.count(n)) {
            emit("drop type " + mig_name(n) + ";", all_dialects);
            state_.enums.erase(n);
        }
}

void Translator::body(const py::Body& b, Scope& scope, unsigned only, int depth) {
    for (const py::Stmt& st : b) statement(st, scope, only, depth);
}

void Translator::statement(const py::Stmt& st, Scope& scope, unsigned only, int depth) {
    statement_node(st, scope, only, depth);
    for (const Warning& w : state_.warnings) warn(w.span, w.message);
    state_.warnings.clear();
}

void Translator::statement_node(const py::Stmt& st, Scope& scope, unsigned only, int depth) {
    std::visit(
        [&](const auto& s) {
            using S = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<S, py::ExprStmt>) {
                if (std::holds_alternative<py::Str>(s.value->node)) return;  // a docstring
                if (const auto* c = std::get_if<py::Call>(&s.value->node)) {
                    Value fn = evaluate(*c->func, scope);
                    if (fn.is(ValueKind::function)) {  // a helper of this file: its statements run here
                        Value args;
                        args.kind = ValueKind::call;
                        for (const py::ExprPtr& a : c->args) args.items.push_back(evaluate(*a, scope));
                        for (const py::Keyword& k : c->keywords)
                            args.keywords.push_back({k.name, std::make_shared<Value>(evaluate(*k.value, scope))});
                        inline_function(fn, args, st.span, scope, only, depth);
                        return;
                    }
                }
                Value v = evaluate(*s.value, scope);
                call_statement(v, st.span, only);
            } else if constexpr (std::is_same_v<S, py::Assign>) {
                assign(st, s, scope, only);
            } else if constexpr (std::is_same_v<S, py::Import>) {
                bind_import(s, scope);
            } else if constexpr (std::is_same_v<S, py::FunctionDef>) {
                Value fn;
                fn.kind = ValueKind::function;
                fn.text = s.name;
                fn.def = &s;
                fn.span = st.span;
                scope.set(s.name, fn);
            } else if constexpr (std::is_same_v<S, py::If>) {
                if_statement(st, s, scope, only, depth);
            } else if constexpr (std::is_same_v<S, py::With>) {
                with_statement(st, s, scope, only, depth);
            } else if constexpr (std::is_same_v<S, py::For>) {
                for_statement(st, s, scope, only, depth);
            } else if constexpr (std::is_same_v<S, py::Pass>) {
            } else if constexpr (std::is_same_v<S, py::Return>) {
                if (s.value) refuse(Problem{st.span, "a return with a value in a migration function"}, only);
            } else if constexpr (std::is_same_v<S, py::AugAssign>) {
                refuse(Problem{st.span, "an augmented assignment (`" + s.op + "=`)",
                               "retort follows constants, not variables that change"},
                       only);
            } else {
                static_assert(std::is_same_v<S, py::OtherStmt>);
                refuse(Problem{st.span, s.what, "write the statements it stands for"}, only);
            }
        },
        st.node);
}

void Translator::assign(const py::Stmt& st, const py::Assign& s, Scope& scope, unsigned only) {
    if (!s.value) return;  // a bare annotation
    Value v = evaluate(*s.value, scope);
    // An operation whose result is kept: `t = op.create_table(...)` runs it.
    bool runs = (v.is(ValueKind::call) && v.text.rfind("alembic.op.", 0) == 0 && v.text != "alembic.op.f" &&
                 v.text != "alembic.op.get_bind" && v.text != "alembic.op.inline_literal");
    if (runs) call_statement(v, st.span, only);
    if (v.is_call_of(".execute") && v.receiver && v.receiver->is(ValueKind::bind)) {
        Value first = v.items.empty() ? Value{} : v.items[0];
        const std::string& sql = first.is(ValueKind::string) ? first.text
                                 : (first.is_call_of("sqlalchemy.text") && !first.items.empty()) ? first.items[0].text
                                                                                                  : first.text;
        std::size_t word = sql.find_first_not_of(" \t\r\n(");
        bool select = word != std::string::npos && sql.size() - word >= 6 &&
                      std::equal(sql.begin() + static_cast<long>(word), sql.begin() + static_cast<long>(word) + 6,
                                 "select", [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
        if (!select) call_statement(v, st.span, only);
        v = opaque(v.span, "a query result (conn.execute(...))");
    }
    for (const py::ExprPtr& target : s.targets) {
        if (const auto* n = std::get_if<py::Name>(&target->node)) scope.set(n->id, v);
        else if (const auto* t = std::get_if<py::Tuple>(&target->node)) {
            for (std::size_t i = 0; i < t->items.size(); ++i)
                if (const auto* item = std::get_if<py::Name>(&t->items[i]->node))
                    scope.set(item->id, v.is(ValueKind::list) && i < v.items.size()
                                            ? v.items[i]
                                            : opaque(target->span, "a part of " + describe(v)));
        } else {
            refuse(Problem{target->span, "an assignment to " + describe(evaluate(*target, scope))}, only);
        }
    }
}

void Translator::call_statement(const Value& v, SourceSpan span, unsigned only) {
    static const std::string op_prefix = "alembic.op.";
    if (v.is(ValueKind::call) && v.text.rfind(op_prefix, 0) == 0) {
        std::string op = v.text.substr(op_prefix.size());
        if (op == "get_bind" || op == "f" || op == "inline_literal") return;
        if (!translate_op(*this, op, v, nullptr, only))
            refuse(Problem{span, fmt::format("op.{}(...)", op), "docs/import.md lists the operations retort translates"},
                   only);
        return;
    }
    if (v.is(ValueKind::call) && v.receiver && v.receiver->is_call_of("alembic.op.batch_alter_table")) {
        const Value* table = v.receiver->arg(0, "table_name");
        if (!table || !table->is(ValueKind::string)) {
            refuse(Problem{span, "a batch_alter_table whose table is not a name"}, only);
            return;
        }
        if (!translate_op(*this, v.text.substr(1), v, &table->text, only))
            refuse(Problem{span, fmt::format("batch_op{}(...)", v.text),
                           "docs/import.md lists the operations retort translates"},
                   only);
        return;
    }
    if (v.is(ValueKind::call) && v.receiver && v.receiver->is(ValueKind::bind) && v.text == ".execute") {
        translate_op(*this, "execute", v, nullptr, only);
        return;
    }
    if (v.is(ValueKind::call) && (v.text == ".create" || v.text == ".drop") && v.receiver) {
        if (translate_op(*this, v.text == ".create" ? "create_enum" : "drop_enum", v, nullptr, only)) return;
    }
    if (v.is(ValueKind::function)) return;  // a bare name
    if (v.is(ValueKind::call) && v.text == "builtins.print") return;
    if (v.is(ValueKind::opaque)) {
        refuse(Problem{span, v.text, "write what it does as .mig statements"}, only);
        return;
    }
    std::string what = describe(v);
    std::string instead = "retort does not run Python: write what it does as .mig statements";
    if (v.text.find("orm") != std::string::npos || (v.receiver && describe(*v.receiver).find("orm") != std::string::npos))
        instead = "an ORM session runs Python against the data: write the change as insert, update or delete "
                  "statements (insert ... select for copies)";
    else if (v.is(ValueKind::call) && v.text.rfind("sqlalchemy.", 0) != 0 && v.text.rfind("alembic.", 0) != 0 &&
             !v.text.empty() && v.text[0] != '.')
        instead = "a helper imported from the application is not read: write what it does as .mig statements";
    refuse(Problem{span, "the call " + what, instead}, only);
}

void Translator::inline_function(const Value& fn, const Value& call, SourceSpan span, Scope& scope, unsigned only,
                                 int depth) {
    if (depth >= max_depth) {
        refuse(Problem{span, "helpers that call each other more than 16 deep"}, only);
        return;
    }
    const py::FunctionDef& def = *fn.def;
    Scope local(&scope);
    for (std::size_t i = 0; i < def.params.size(); ++i) {
        const py::Param& p = def.params[i];
        if (const Value* given = call.arg(i, p.name)) local.set(p.name, *given);
        else if (p.default_value) local.set(p.name, evaluate(*p.default_value, scope));
        else {
            refuse(Problem{span, fmt::format("a call of {} without its argument {}", def.name, p.name)}, only);
            return;
        }
    }
    body(def.body, local, only, depth + 1);
}

void Translator::if_statement(const py::Stmt& st, const py::If& s, Scope& scope, unsigned only, int depth) {
    std::optional<unsigned> when = dialect_condition(*s.test, scope);
    if (!when) {
        refuse(Problem{s.test->span, "an `if` that depends on " + describe(evaluate(*s.test, scope)),
                       "retort translates `if` on the engine's name (bind.dialect.name == '...'); logic that depends "
                       "on the data is written as SQL (update ... where, insert ... select)"},
               only);
        (void)st;
        return;
    }
    if (only & *when) body(s.body, scope, only & *when, depth);
    if (only & ~*when & all_dialects) body(s.orelse, scope, only & ~*when & all_dialects, depth);
}

void Translator::with_statement(const py::Stmt& st, const py::With& s, Scope& scope, unsigned only, int depth) {
    Scope inner(&scope);
    for (const py::WithItem& item : s.items) {
        Value ctx = evaluate(*item.context, scope);
        if (ctx.is_call_of(".autocommit_block")) {
            warn(item.context->span, "autocommit_block: its statements are imported in place, inside the revision's "
                                     "transaction; write `transactional false;` in the header if they must run outside it");
            continue;
        }
        if (!ctx.is_call_of("alembic.op.batch_alter_table")) {
            refuse(Problem{item.context->span, "a `with` over " + describe(ctx),
                           "retort translates `with op.batch_alter_table(...)`; an ORM session or a connection "
                           "block is written as SQL statements"},
                   only);
            return;
        }
        if (const Value* schema = ctx.keyword("schema"); schema && !schema->is(ValueKind::none)) {
            refuse(Problem{schema->span, "a table in another schema (schema=...)"}, only);
            return;
        }
        if (item.target)
            if (const auto* n = std::get_if<py::Name>(&item.target->node)) inner.set(n->id, ctx);
    }
    (void)st;
    body(s.body, inner, only, depth);
}

void Translator::for_statement(const py::Stmt& st, const py::For& s, Scope& scope, unsigned only, int depth) {
    Value iter = evaluate(*s.iter, scope);
    if (!iter.is(ValueKind::list)) {
        std::string what = describe(iter);
        bool query = what.find("execute") != std::string::npos || what.find("fetch") != std::string::npos ||
                     what.find("query") != std::string::npos;
        refuse(Problem{st.span, query ? "a loop over query results (" + what + ")" : "a loop over " + what,
                       query ? "write the change the loop makes as one statement: update ... where, or insert ... "
                               "select"
                             : "retort unrolls loops over literal lists only"},
               only);
        return;
    }
    for (const Value& item : iter.items) {
        Scope inner(&scope);
        if (const auto* n = std::get_if<py::Name>(&s.target->node)) inner.set(n->id, item);
        else if (const auto* t = std::get_if<py::Tuple>(&s.target->node)) {
            for (std::size_t i = 0; i < t->items.size(); ++i)
                if (const auto* name = std::get_if<py::Name>(&t->items[i]->node))
                    inner.set(name->id, i < item.items.size() ? item.items[i] : opaque(item.span, "a missing item"));
        }
        body(s.body, inner, only, depth);
    }
}

}  // namespace retort::driver::import
