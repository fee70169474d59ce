#pragma once
// The back-end interface. A dialect turns plan steps (never the AST) into SQL
// statements. The base class holds the shared rendering; each dialect
// overrides what differs and states its differences as data first (the
// descriptor of compiler/dialect, the type and function tables, reserved
// words), code second.
//
// Hook names follow the plan step names: plan::RenameColumn <-> rename_column.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/descriptor.hpp"
#include "compiler/plan/step.hpp"
#include "compiler/schema/model.hpp"
#include "compiler/source/diagnostics.hpp"

namespace retort::dialects {

// Where the script writer must put a statement.
enum class Placement {
    in_transaction,       // the normal case
    outside_transaction,  // e.g. CREATE INDEX CONCURRENTLY; the writer closes and reopens the block
    script_prologue,      // once, before the first BEGIN (deduplicated), e.g. PRAGMA foreign_keys=OFF
    script_epilogue,      // once, after the last COMMIT (deduplicated)
};

struct Statement {
    std::string sql;       // without the trailing ';'; may span lines
    Placement placement = Placement::in_transaction;
    bool comment = false;  // sql is comment text: printed as `-- ` lines, no ';'
    // `-- ` lines printed directly above the statement (upgrade --annotate's
    // lint findings); empty: none.
    std::string annotation = {};
};

using Output = std::vector<Statement>;

// Settings from retort.yaml that change the output.
struct Options {
    std::string version_table = "alembic_version";
    std::string version_table_schema;   // empty: none
    std::string postgresql_json = "jsonb";
    std::string postgresql_autoincrement = "identity";  // identity | serial
    std::string sqlite_autoincrement = "autoincrement"; // autoincrement | rowid
    std::string sqlite_json = "text";                   // text | json
    std::string mysql_engine = "InnoDB";
    std::string mysql_charset;          // empty: the database's (not written)
    std::string mysql_collation;        // empty: the database's, or the charset's default
    std::string mysql_flavor = "mysql"; // mysql | mariadb
    std::string postgresql_lock_timeout;       // empty: not set
    std::string postgresql_statement_timeout;  // empty: not set
    long mysql_lock_wait_timeout = 0;          // seconds; 0: not set
};

// What a hook sees besides its step.
struct Context {
    const schema::Schema& state;  // the schema after the step
    SourceSpan span;              // the statement the step came from
    DiagnosticEngine& diagnostics;
    Output& out;

    void emit(std::string sql, Placement placement = Placement::in_transaction) {
        out.push_back(Statement{std::move(sql), placement, false});
    }
    void comment(std::string text) { out.push_back(Statement{std::move(text), Placement::in_transaction, true}); }
};

class Dialect {
public:
    Dialect(const dialect::Descriptor& descriptor, Options options)
        : descriptor_(descriptor), options_(std::move(options)) {}
    virtual ~Dialect() = default;

    // The facts about the engine: name, name limit, capabilities.
    const dialect::Descriptor& descriptor() const { return descriptor_; }
    const Options& options() const { return options_; }

    // Renders one step; dispatches to the hooks below. Unsupported cases are
    // diagnostics at ctx.span, never invalid SQL.
    void render(const plan::Step& step, Context& ctx) const;

    // --- hooks, one per plan step
    virtual void create_table(const plan::CreateTable&, Context&) const = 0;
    virtual void drop_table(const plan::DropTable&, Context&) const = 0;
    virtual void rename_table(const plan::RenameTable&, Context&) const = 0;
    virtual void comment_on_table(const plan::CommentOnTable&, Context&) const = 0;
    virtual void comment_on_column(const plan::CommentOnColumn&, Context&) const = 0;
    virtual void alter_table(const plan::AlterTable&, Context&) const = 0;
    virtual void create_index(const plan::CreateIndex&, Context&) const = 0;
    virtual void drop_index(const plan::DropIndex&, Context&) const = 0;
    virtual void create_enum(const plan::CreateEnum&, Context&) const = 0;
    virtual void drop_enum(const plan::DropEnum&, Context&) const = 0;
    virtual void add_enum_value(const plan::AddEnumValue&, Context&) const = 0;
    virtual void rename_enum_value(const plan::RenameEnumValue&, Context&) const = 0;
    virtual void drop_enum_value(const plan::DropEnumValue&, Context&) const = 0;
    virtual void insert(const plan::Insert&, Context&) const = 0;
    virtual void update(const plan::Update&, Context&) const = 0;
    virtual void delete_(const plan::Delete&, Context&) const = 0;
    virtual void execute(const plan::Execute&, Context&) const = 0;

    // --- the version table (language.md §6)
    virtual std::string create_version_table() const = 0;  // with IF NOT EXISTS
    virtual std::string insert_version(std::string_view to) const = 0;
    virtual std::string update_version(std::string_view from, std::string_view to) const = 0;
    virtual std::string delete_version(std::string_view from) const = 0;

    // --- the guard (docs/scripts.md): statements that stop the script unless
    // the version table holds exactly `rows` (sorted ids; empty: base, when
    // the table may also be missing), leaving aside rows of `other_branches`
    // (revisions the script neither starts from, runs, nor descends from or
    // leads to). Placement::script_prologue statements go before the first
    // BEGIN, the others open the first block.
    virtual Output guard(const std::vector<std::string>& rows,
                         const std::vector<std::string>& other_branches) const = 0;
    // True when the guard reads the version table only after the script's
    // CREATE TABLE IF NOT EXISTS of it (the guard cannot see a missing table).
    virtual bool guard_after_version_table() const { return true; }

    // --- session settings from retort.yaml (timeouts): in_transaction
    // statements follow every BEGIN; script_prologue ones come once at the top
    virtual Output settings() const { return {}; }

    // --- lines at the top of every script (after the writer's own header)
    virtual std::vector<std::string> script_notes() const { return {}; }

protected:
    const dialect::Descriptor& descriptor_;
    Options options_;
};

// The back end of a dialect or server named in compiler/dialect (dialect::find_target);
// nullptr for any other name.
std::unique_ptr<Dialect> make_dialect(std::string_view name, const Options& options);

}  // namespace retort::dialects
