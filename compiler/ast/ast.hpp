#pragma once
// The AST of one .mig file (language.md §2-§4). Every node carries a
// byte-offset SourceSpan. Identifiers are already folded (plain names to
// lower case, quoted names kept as written, "" undoubled).
//
// ast::Statement holds a std::variant: adding a statement kind breaks every
// std::visit until each phase handles it. That is the point.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/dialect/descriptor.hpp"
#include "compiler/sql/expr.hpp"
#include "compiler/sql/type.hpp"

namespace retort::ast {

struct Name {
    std::string text;
    SourceSpan span;
    bool quoted = false;  // written as "..." in the source
};

struct StringValue {
    std::string text;  // decoded bytes
    SourceSpan span;
};

// Dialects named in `only ...` and `execute <dialect> ...`.
using DialectId = dialect::Id;
using DialectSet = unsigned;  // bit set of DialectId; 0 means every dialect
inline constexpr DialectSet all_dialects = 0;
inline bool includes(DialectSet set, DialectId d) {
    return set == all_dialects || (set & static_cast<unsigned>(d)) != 0;
}

// ---------------------------------------------------------------- header

struct Header {
    std::optional<Name> revision;                   // required; checked by the parser
    bool has_down_revision = false;                 // `down_revision` present at all
    std::vector<Name> down_revisions;               // empty for `none`
    SourceSpan down_revision_span;
    std::vector<Name> branch_labels;
    std::vector<Name> depends_on;                   // revisions or labels (`billing@head` kept whole)
    std::optional<StringValue> message;
    bool transactional = true;
    SourceSpan transactional_span;
    SourceSpan span;                                // all of the header
};

// ---------------------------------------------------------------- pieces

using sql::FkAction;

struct References {
    Name table;
    std::vector<Name> columns;  // may be empty: the target's primary key
    std::optional<FkAction> on_delete, on_update;
    SourceSpan span;
};

enum class ColumnOptionKind {
    null, not_null, primary_key, autoincrement, unique, default_, references, check, comment
};

struct ColumnOption {
    ColumnOptionKind kind;
    SourceSpan span;
    sql::ExprRef expr;                    // default_, check
    std::optional<References> references; // references
    std::string text;                     // comment
};

struct ColumnDef {
    Name name;
    sql::Type type;
    SourceSpan type_span;
    std::vector<ColumnOption> options;  // in source order
    SourceSpan span;
};

enum class ConstraintKind { primary_key, unique, check, foreign_key };

struct TableConstraint {
    std::optional<Name> name;       // `constraint <name>`; else named by convention
    ConstraintKind kind;
    std::vector<Name> columns;      // primary_key, unique, foreign_key
    sql::ExprRef check;             // check
    std::optional<References> references;  // foreign_key
    SourceSpan span;
};

struct IndexColumn {
    Name column;
    bool descending = false;
};

// ---------------------------------------------------------------- tables

struct CreateTable {
    Name table;
    bool if_not_exists = false;
    std::vector<ColumnDef> columns;
    std::vector<TableConstraint> constraints;
};

struct DropTable {
    Name table;
    bool if_exists = false;
};

struct RenameTable {
    Name from, to;
};

struct CommentOnTable {
    Name table;
    std::optional<StringValue> comment;  // `is null` removes it
};

struct CommentOnColumn {
    Name table, column;
    std::optional<StringValue> comment;
};

// One action of `alter table`; applied in order.
struct AddColumn { ColumnDef column; };
struct DropColumn { Name column; };
struct RenameColumn { Name from, to; };
struct AlterColumnType { Name column; sql::Type type; SourceSpan type_span; };
struct SetNotNull { Name column; };
struct DropNotNull { Name column; };
struct SetDefault { Name column; sql::ExprRef value; };
struct DropDefault { Name column; };
struct SetAutoincrement { Name column; };
struct DropAutoincrement { Name column; };
struct AddConstraint { TableConstraint constraint; };  // also `add primary key (...)`
// `drop constraint NAME`, or a form that names no constraint and is resolved
// through the schema model: `drop primary key`, `drop foreign key (cols)`,
// `drop unique (cols)`. For those, `kind` is set and `name` is empty text
// whose span covers the form.
struct DropConstraint {
    Name name;
    std::optional<ConstraintKind> kind;
    std::vector<Name> columns;  // foreign key, unique
};

struct AlterAction {
    std::variant<AddColumn, DropColumn, RenameColumn, AlterColumnType, SetNotNull, DropNotNull,
                 SetDefault, DropDefault, SetAutoincrement, DropAutoincrement, AddConstraint, DropConstraint>
        node;
    SourceSpan span;
};

struct AlterTable {
    Name table;
    std::vector<AlterAction> actions;
};

// ---------------------------------------------------------------- indexes

struct CreateIndex {
    std::optional<Name> name;  // else named by convention
    Name table;
    bool unique = false;
    bool concurrently = false;
    std::vector<IndexColumn> columns;
    sql::ExprRef where;        // partial index predicate, may be null
};

struct DropIndex {
    Name name;
    bool concurrently = false;
    bool if_exists = false;
};

// ---------------------------------------------------------------- enums

struct CreateEnum {
    Name name;
    std::vector<StringValue> values;
};

enum class EnumPlace { last, before, after };

struct AddEnumValue {
    Name type;
    StringValue value;
    EnumPlace place = EnumPlace::last;
    StringValue anchor;  // the value it goes before or after (not for last)
};

struct RenameEnumValue {
    Name type;
    StringValue from, to;
};

struct DropEnumValue {
    Name type;
    StringValue value;
};

struct DropEnum {
    Name name;
    bool if_exists = false;
};

// ---------------------------------------------------------------- data

struct Insert {
    Name table;
    std::vector<Name> columns;
    std::vector<std::vector<sql::ExprRef>> rows;  // insert ... values; empty with a query
    sql::SelectRef query;                         // insert ... select; else null
};

struct Assignment {
    Name column;
    sql::ExprRef value;
};

struct Update {
    Name table;
    std::vector<Assignment> assignments;
    sql::ExprRef where;  // may be null
};

struct Delete {
    Name table;
    sql::ExprRef where;  // may be null
};

struct Execute {
    DialectSet dialects = all_dialects;  // `execute postgresql $$...$$`
    StringValue sql;                     // verbatim
};

// ---------------------------------------------------------------- statements

struct Statement {
    std::variant<CreateTable, DropTable, RenameTable, CommentOnTable, CommentOnColumn, AlterTable,
                 CreateIndex, DropIndex, CreateEnum, AddEnumValue, RenameEnumValue, DropEnumValue,
                 DropEnum, Insert, Update, Delete, Execute>
        node;
    SourceSpan span;                     // from the first keyword to the ';'
    DialectSet only = all_dialects;      // from enclosing `only ... { }` blocks (intersected)
};

enum class DowngradeKind { none, block, auto_ };

struct Migration {
    FileId file = no_file;
    Header header;
    std::vector<Statement> upgrade;
    SourceSpan upgrade_span;
    DowngradeKind downgrade_kind = DowngradeKind::none;
    std::vector<Statement> downgrade;
    SourceSpan downgrade_span;
};

// A deterministic, indented text form of the AST, for tests.
std::string dump(const Migration& migration);

}  // namespace retort::ast
