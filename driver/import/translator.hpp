#pragma once
// Walks the body of an Alembic upgrade() or downgrade() and writes the
// .mig statements it means. What it cannot translate is an
// import_untranslatable error at the .py place and a `todo` statement.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/source/diagnostics.hpp"
#include "driver/import/columns.hpp"
#include "driver/import/value.hpp"

namespace retort::driver::import {

// Dialect bits of `only` blocks (dialect::Id's values).
inline constexpr unsigned only_postgresql = 1, only_sqlite = 2, only_mysql = 4;
inline constexpr unsigned all_dialects = only_postgresql | only_sqlite | only_mysql;

struct Emitted {
    std::string text;  // one .mig statement with its ';'; may hold newlines
    unsigned only = all_dialects;
    bool hand_work = false;
};

class Translator {
public:
    Translator(DiagnosticEngine& diagnostics, const Scope& module, ImportState& state)
        : diagnostics_(diagnostics), module_(module), state_(state) {}

    // Translates the function's body; take() hands over the statements.
    void translate(const py::FunctionDef& function);
    std::vector<Emitted> take() { return std::exchange(out_, {}); }
    // Enum types that the statements so far declared implicitly (with a table).
    const std::vector<std::string>& declared_enums() const { return declared_enums_; }
    // A downgrade drops the enum types its upgrade declared with a table, as
    // the round trip needs (Alembic leaves them on PostgreSQL: docs/import.md).
    void drop_enums_at_end(const std::vector<std::string>& names);
    std::size_t hand_work() const { return hand_work_; }

    // --- used by the op handlers (ops.cpp)
    void emit(std::string text, unsigned only);
    void refuse(const Problem& problem, unsigned only);
    void warn(SourceSpan span, const std::string& message);
    // Checks that `text` parses as one .mig statement; emits it, or refuses
    // with the parser's message at `origin`.
    void emit_checked(std::string text, SourceSpan origin, unsigned only);
    ImportState& state() { return state_; }
    void note_enum_declared(const std::string& name) { declared_enums_.push_back(name); }
    void note_enum_dropped(const std::string& name);

private:
    void body(const py::Body& body, Scope& scope, unsigned only, int depth);
    void statement(const py::Stmt& st, Scope& scope, unsigned only, int depth);  // then says state_.warnings
    void statement_node(const py::Stmt& st, Scope& scope, unsigned only, int depth);
    void call_statement(const Value& call, SourceSpan span, unsigned only);
    void if_statement(const py::Stmt& st, const py::If& s, Scope& scope, unsigned only, int depth);
    void with_statement(const py::Stmt& st, const py::With& s, Scope& scope, unsigned only, int depth);
    void for_statement(const py::Stmt& st, const py::For& s, Scope& scope, unsigned only, int depth);
    void assign(const py::Stmt& st, const py::Assign& s, Scope& scope, unsigned only);
    void inline_function(const Value& fn, const Value& call, SourceSpan span, Scope& scope, unsigned only, int depth);

    DiagnosticEngine& diagnostics_;
    const Scope& module_;
    ImportState& state_;
    std::vector<Emitted> out_;
    std::vector<std::string> declared_enums_;
    std::size_t hand_work_ = 0;
};

// The dialects for which a condition holds: `bind.dialect.name == 'postgresql'`,
// `!=`, `in (...)`, `not`, `and`, `or`, `str(bind.engine.url).startswith('sqlite')`,
// and literal truth. nullopt when the condition depends on anything else.
std::optional<unsigned> dialect_condition(const py::Expr& test, const Scope& scope);

// op.X(...) or batch_op.X(...) (batch_table set): emits its statements.
// Returns false when X is not an operation retort knows.
bool translate_op(Translator& t, const std::string& op, const Value& call, const std::string* batch_table,
                  unsigned only);

}  // namespace retort::driver::import
