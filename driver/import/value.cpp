#include "driver/import/value.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <array>
#include <utility>

namespace retort::driver::import {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

Value make(ValueKind kind, SourceSpan span, std::string text = {}) {
    Value v;
    v.kind = kind;
    v.span = span;
    v.text = std::move(text);
    return v;
}

std::shared_ptr<Value> share(Value v) { return std::make_shared<Value>(std::move(v)); }

// The connection's engine: `bind.dialect.name`, `bind.engine.name`.
bool is_engine_of_bind(const Value& v) {
    return v.kind == ValueKind::member && v.receiver && v.receiver->is(ValueKind::bind) &&
           (v.text == "dialect" || v.text == "engine");
}

Value attribute(const py::Expr& e, const py::Attribute& a, const Scope& scope) {
    Value object = evaluate(*a.object, scope);
    if (object.is(ValueKind::path)) return make(ValueKind::path, e.span, canonical_path(object.text + "." + a.attr));
    if (object.is(ValueKind::opaque)) return object;
    if (a.attr == "name" && is_engine_of_bind(object)) return make(ValueKind::dialect_name, e.span);
    Value m = make(ValueKind::member, e.span, a.attr);
    m.receiver = share(std::move(object));
    return m;
}

bool is_bind_source(const std::string& path) {
    static constexpr std::array<std::string_view, 3> sources = {"alembic.op.get_bind", "alembic.context.get_context",
                                                                "alembic.context.get_bind"};
    for (std::string_view s : sources)
        if (path == s) return true;
    return false;
}

// A helper of the same file whose body is `return <expr>` (after an optional
// docstring): evaluated with its parameters bound.
Value call_function(const Value& fn, const Value& call, const Scope& scope) {
    const py::FunctionDef& def = *fn.def;
    const py::Return* ret = nullptr;
    for (const py::Stmt& st : def.body) {
        if (const auto* r = std::get_if<py::Return>(&st.node)) {
            ret = r;
            break;
        }
        const auto* doc = std::get_if<py::ExprStmt>(&st.node);
        if (!doc || !std::holds_alternative<py::Str>(doc->value->node)) return opaque(call.span, "a call of " + def.name);
    }
    if (!ret || !ret->value) return opaque(call.span, "a call of " + def.name);
    Scope local(&scope);
    for (std::size_t i = 0; i < def.params.size(); ++i) {
        const py::Param& p = def.params[i];
        if (const Value* given = call.arg(i, p.name)) local.set(p.name, *given);
        else if (p.default_value) local.set(p.name, evaluate(*p.default_value, scope));
        else return opaque(call.span, "a call of " + def.name + " without its argument " + p.name);
    }
    Value out = evaluate(*ret->value, local);
    return out;
}

Value call(const py::Expr& e, const py::Call& c, const Scope& scope) {
    Value fn = evaluate(*c.func, scope);
    Value v = make(ValueKind::call, e.span);
    // *NAMES and **OPTIONS over a literal tuple, list or dict are spread
    // out, as Python does; anything else stays an opaque argument.
    for (const py::ExprPtr& a : c.args) {
        if (const auto* star = std::get_if<py::Starred>(&a->node)) {
            Value spread = evaluate(*star->value, scope);
            if (spread.is(ValueKind::list)) {
                for (Value& item : spread.items) v.items.push_back(std::move(item));
                continue;
            }
        }
        v.items.push_back(evaluate(*a, scope));
    }
    for (const py::Keyword& k : c.keywords) {
        Value value = evaluate(*k.value, scope);
        if (k.name.empty() && value.is(ValueKind::dict)) {
            bool names = std::all_of(value.items.begin(), value.items.end(),
                                     [](const Value& key) { return key.is(ValueKind::string); });
            if (names) {
                for (std::size_t i = 0; i < value.items.size(); ++i)
                    v.keywords.push_back({value.items[i].text, share(value.values[i])});
                continue;
            }
        }
        v.keywords.push_back({k.name, share(std::move(value))});
    }
    switch (fn.kind) {
    case ValueKind::path:
        if (is_bind_source(fn.text)) return make(ValueKind::bind, e.span);
        // list(x), tuple(x), reversed(x) of a literal tuple or list.
        if ((fn.text == "builtins.list" || fn.text == "builtins.tuple" || fn.text == "builtins.reversed") &&
            v.items.size() == 1 && v.keywords.empty() && v.items[0].is(ValueKind::list)) {
            Value out = v.items[0];
            if (fn.text == "builtins.reversed") std::reverse(out.items.begin(), out.items.end());
            return out;
        }
        if (fn.text == "builtins.str" && v.items.size() == 1 && v.items[0].is(ValueKind::member) &&
            v.items[0].text == "url" && v.items[0].receiver && is_engine_of_bind(*v.items[0].receiver))
            return make(ValueKind::database_url, e.span);
        v.text = fn.text;
        return v;
    case ValueKind::member:
        v.text = "." + fn.text;
        v.receiver = fn.receiver;
        return v;
    case ValueKind::function: return call_function(fn, v, scope);
    case ValueKind::opaque: return fn;
    default: return opaque(e.span, "a call of " + describe(fn));
    }
}

Value subscript(const py::Expr& e, const py::Subscript& s, const Scope& scope) {
    Value object = evaluate(*s.object, scope);
    Value index = evaluate(*s.index, scope);
    if (object.is(ValueKind::list) && index.is(ValueKind::number)) {
        long i = std::stol(index.text);
        if (i < 0) i += static_cast<long>(object.items.size());
        if (i >= 0 && static_cast<std::size_t>(i) < object.items.size()) return object.items[static_cast<std::size_t>(i)];
    }
    if (object.is(ValueKind::dict) && index.is(ValueKind::string))
        for (std::size_t i = 0; i < object.items.size(); ++i)
            if (object.items[i].is(ValueKind::string) && object.items[i].text == index.text) return object.values[i];
    return opaque(e.span, "an index into " + describe(object));
}

Value binop(const py::Expr& e, const py::BinOp& b, const Scope& scope) {
    Value l = evaluate(*b.left, scope);
    Value r = evaluate(*b.right, scope);
    if (b.op == "+" && l.kind == r.kind && (l.is(ValueKind::string) || l.is(ValueKind::list))) {
        Value out = make(l.kind, e.span, l.text + r.text);
        out.items = l.items;
        out.items.insert(out.items.end(), r.items.begin(), r.items.end());
        return out;
    }
    if (b.op == "and" || b.op == "or") {
        std::optional<bool> lt = truth(l);
        if (lt) return (b.op == "and") == *lt ? r : l;
    }
    if ((b.op == "==" || b.op == "!=") && l.kind == r.kind &&
        (l.is(ValueKind::string) || l.is(ValueKind::number) || l.is(ValueKind::none) || l.is(ValueKind::boolean))) {
        Value out = make(ValueKind::boolean, e.span);
        out.flag = (l.text == r.text && l.flag == r.flag) == (b.op == "==");
        return out;
    }
    return opaque(e.span, fmt::format("an expression with `{}`", b.op));
}

}  // namespace

const Value* Value::keyword(const std::string& name) const {
    for (const Keyword& k : keywords)
        if (k.name == name) return k.value.get();
    return nullptr;
}

const Value* Value::arg(std::size_t i, const std::string& name) const {
    if (i < items.size()) return &items[i];
    return keyword(name);
}

Value opaque(SourceSpan span, std::string what) { return make(ValueKind::opaque, span, std::move(what)); }

const Value* Scope::find(const std::string& name) const {
    for (const Scope* s = this; s; s = s->parent_) {
        auto it = s->names_.find(name);
        if (it != s->names_.end()) return &it->second;
    }
    return nullptr;
}

std::string canonical_path(const std::string& path) {
    static const std::pair<std::string_view, std::string_view> folds[] = {
        {"sqlalchemy.sql.sqltypes.", "sqlalchemy."},
        {"sqlalchemy.types.", "sqlalchemy."},
        {"sqlalchemy.sql.expression.", "sqlalchemy."},
        {"sqlalchemy.sql.schema.", "sqlalchemy."},
        {"sqlalchemy.schema.", "sqlalchemy."},
        {"sqlalchemy.sql.functions.", "sqlalchemy.func."},
        {"sqlalchemy.sql.", "sqlalchemy."},
        {"sqlalchemy.dialects.postgresql.", "postgresql."},
        {"sqlalchemy.dialects.mysql.", "mysql."},
        {"sqlalchemy.dialects.sqlite.", "sqlite."},
        {"sqlmodel.sql.sqltypes.", "sqlmodel."},
    };
    for (const auto& [from, to] : folds)
        if (starts_with(path, from)) return std::string(to) + path.substr(from.size());
    if (starts_with(path, "sqlmodel.") && path.find('.', 9) == std::string::npos && path != "sqlmodel.AutoString" &&
        path != "sqlmodel.GUID")
        return "sqlalchemy." + path.substr(9);  // sqlmodel re-exports SQLAlchemy's names
    return path;
}

void bind_import(const py::Import& import, Scope& scope) {
    for (const py::Alias& a : import.names) {
        if (a.name == "*") continue;
        SourceSpan span = a.span;
        if (import.from) {
            std::string local = a.asname.empty() ? a.name : a.asname;
            scope.set(local, make(ValueKind::path, span, canonical_path(import.module + "." + a.name)));
        } else if (!a.asname.empty()) {
            scope.set(a.asname, make(ValueKind::path, span, canonical_path(a.name)));
        } else {
            std::string top = a.name.substr(0, a.name.find('.'));
            scope.set(top, make(ValueKind::path, span, top));
        }
    }
}

Value evaluate(const py::Expr& e, const Scope& scope) {
    return std::visit(
        [&](const auto& n) -> Value {
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, py::Name>) {
                if (const Value* v = scope.find(n.id)) {
                    Value out = *v;
                    if (!out.is(ValueKind::path)) out.span = e.span;
                    return out;
                }
                static constexpr std::array<std::string_view, 9> builtins = {"str",  "int",   "float",    "len", "dict",
                                                                             "list", "tuple", "reversed", "print"};
                for (std::string_view b : builtins)
                    if (n.id == b) return make(ValueKind::path, e.span, "builtins." + n.id);
                return opaque(e.span, "the name " + n.id + ", which is not defined in this file");
            } else if constexpr (std::is_same_v<N, py::Str>) {
                return make(ValueKind::string, e.span, n.value);
            } else if constexpr (std::is_same_v<N, py::Number>) {
                return make(ValueKind::number, e.span, n.text);
            } else if constexpr (std::is_same_v<N, py::Constant>) {
                if (n.kind == py::ConstantKind::none) return make(ValueKind::none, e.span, "None");
                if (n.kind == py::ConstantKind::ellipsis) return opaque(e.span, "...");
                Value b = make(ValueKind::boolean, e.span, n.kind == py::ConstantKind::true_ ? "True" : "False");
                b.flag = n.kind == py::ConstantKind::true_;
                return b;
            } else if constexpr (std::is_same_v<N, py::Attribute>) {
                return attribute(e, n, scope);
            } else if constexpr (std::is_same_v<N, py::Call>) {
                return call(e, n, scope);
            } else if constexpr (std::is_same_v<N, py::Subscript>) {
                return subscript(e, n, scope);
            } else if constexpr (std::is_same_v<N, py::Tuple> || std::is_same_v<N, py::List>) {
                Value v = make(ValueKind::list, e.span);
                for (const py::ExprPtr& item : n.items) v.items.push_back(evaluate(*item, scope));
                return v;
            } else if constexpr (std::is_same_v<N, py::Dict>) {
                Value v = make(ValueKind::dict, e.span);
                for (std::size_t i = 0; i < n.keys.size(); ++i) {
                    if (!n.keys[i]) return opaque(e.span, "a dict with ** in it");
                    v.items.push_back(evaluate(*n.keys[i], scope));
                    v.values.push_back(evaluate(*n.values[i], scope));
                }
                return v;
            } else if constexpr (std::is_same_v<N, py::BinOp>) {
                return binop(e, n, scope);
            } else if constexpr (std::is_same_v<N, py::UnaryOp>) {
                Value operand = evaluate(*n.operand, scope);
                if (n.op == "-" && operand.is(ValueKind::number))
                    return make(ValueKind::number, e.span,
                                operand.text[0] == '-' ? operand.text.substr(1) : "-" + operand.text);
                if (n.op == "not")
                    if (std::optional<bool> t = truth(operand)) {
                        Value b = make(ValueKind::boolean, e.span, *t ? "False" : "True");
                        b.flag = !*t;
                        return b;
                    }
                return opaque(e.span, "an expression with `" + n.op + "`");
            } else if constexpr (std::is_same_v<N, py::IfExp>) {
                if (std::optional<bool> t = truth(evaluate(*n.test, scope)))
                    return evaluate(*(*t ? n.body : n.orelse), scope);
                return opaque(e.span, "a conditional expression");
            } else if constexpr (std::is_same_v<N, py::Starred>) {
                return opaque(e.span, "a *argument");
            } else {
                static_assert(std::is_same_v<N, py::Unsupported>);
                return opaque(e.span, n.what);
            }
        },
        e.node);
}

std::optional<bool> truth(const Value& v) {
    switch (v.kind) {
    case ValueKind::none: return false;
    case ValueKind::boolean: return v.flag;
    case ValueKind::string: return !v.text.empty();
    case ValueKind::number: return v.text.find_first_not_of("0.-+eE") != std::string::npos;
    case ValueKind::list:
    case ValueKind::dict: return !v.items.empty();
    default: return std::nullopt;
    }
}

std::string describe(const Value& v) {
    switch (v.kind) {
    case ValueKind::none: return "None";
    case ValueKind::boolean: return v.flag ? "True" : "False";
    case ValueKind::number: return v.text;
    case ValueKind::string: return "'" + v.text + "'";
    case ValueKind::list: return "[...]";
    case ValueKind::dict: return "{...}";
    case ValueKind::path: return v.text;
    case ValueKind::call: return (v.receiver ? describe(*v.receiver) : "") + v.text + "(...)";
    case ValueKind::member: return (v.receiver ? describe(*v.receiver) : "") + "." + v.text;
    case ValueKind::bind: return "op.get_bind()";
    case ValueKind::function: return v.text;
    case ValueKind::dialect_name: return "the engine's name";
    case ValueKind::database_url: return "the database URL";
    case ValueKind::opaque: return v.text;
    }
    return v.text;
}

}  // namespace retort::driver::import
