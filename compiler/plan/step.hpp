#pragma once
// Dialect-neutral plan steps. Replay turns each AST statement into one step
// (an `alter table` into one AlterTable step with its actions), carrying the
// full before/after state of what it touches, so that a dialect needs no
// hints: MySQL restates a whole column from AlterColumn::to, SQLite rebuilds
// a table from AlterTable::before/after, `downgrade auto` inverts a step.
//
// Tables are held as schema::TableRef, shared with the schema state: `before`
// is the table as the state held it, `after` the one the step published.
// Neither is ever null.
//
// Step kind and dialect hook share a name: plan::RenameColumn <->
// Dialect::rename_column.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/schema/model.hpp"

namespace retort::plan {

// ------------------------------------------------------------ tables

struct CreateTable {
    schema::TableRef table;  // as created (its indexes are empty: those come as CreateIndex)
    bool if_not_exists = false;
};

struct DropTable {
    schema::TableRef table;  // as it was, with its indexes (only the name for a missing `if exists` table)
    bool if_exists = false;
};

struct RenameTable {
    schema::TableRef before, after;
};

struct CommentOnTable {
    schema::TableRef before, after;
};

struct CommentOnColumn {
    schema::TableRef before, after;
    std::string column;
};

// ------------------------------------------------------------ alter table actions

struct AddColumn {
    schema::Column column;
};

struct DropColumn {
    schema::Column column;  // as it was
};

struct RenameColumn {
    schema::Column from, to;  // equal but for the name
};

// A change of type, nullability or default: from/to are the whole column.
struct AlterColumn {
    schema::Column from, to;
};

struct AddConstraint {
    schema::Constraint constraint;
};

struct DropConstraint {
    schema::Constraint constraint;  // as it was
};

struct AlterAction {
    std::variant<AddColumn, DropColumn, RenameColumn, AlterColumn, AddConstraint, DropConstraint> node;
    SourceSpan span;
};

// The actions of one `alter table`, in order. `before` is the table before
// the first action, `after` after the last.
struct AlterTable {
    schema::TableRef before, after;
    std::vector<AlterAction> actions;
};

// ------------------------------------------------------------ indexes

struct CreateIndex {
    schema::Index index;
    schema::TableRef table;  // the table after the index was added
    bool concurrently = false;
    schema::TableRef before = {};  // the table before (null: `table` without the index)
};

struct DropIndex {
    schema::Index index;     // as it was
    schema::TableRef table;  // the table after the index was dropped (empty for a missing `if exists` index)
    bool concurrently = false;
    bool if_exists = false;
    schema::TableRef before = {};  // the table before (null: `table` with the index)
};

// ------------------------------------------------------------ enum types

// Tables whose columns use an enum type, as they are after the step (a type
// change is a change of the enum's values; the column definitions do not move).
using EnumUsers = std::vector<schema::TableRef>;

struct CreateEnum {
    schema::EnumType type;
};

struct DropEnum {
    schema::EnumType type;  // as it was
};

struct AddEnumValue {
    schema::EnumType before, after;
    std::string value;
    EnumUsers users;
};

struct RenameEnumValue {
    schema::EnumType before, after;
    std::string from, to;
    EnumUsers users;
};

struct DropEnumValue {
    schema::EnumType before, after;
    std::string value;
    EnumUsers users;
};

// ------------------------------------------------------------ data

struct Insert {
    schema::TableRef table;
    std::vector<std::string> columns;
    std::vector<std::vector<sql::ExprRef>> rows;  // empty when `query` is set
    sql::SelectRef query = nullptr;               // insert ... select
};

struct Assignment {
    std::string column;
    sql::ExprRef value;
};

struct Update {
    schema::TableRef table;
    std::vector<Assignment> assignments;
    sql::ExprRef where;  // may be null
};

struct Delete {
    schema::TableRef table;
    sql::ExprRef where;  // may be null
};

struct Execute {
    std::string sql;  // verbatim
};

// ------------------------------------------------------------ the step

struct Step {
    std::variant<CreateTable, DropTable, RenameTable, CommentOnTable, CommentOnColumn, AlterTable,
                 CreateIndex, DropIndex, CreateEnum, DropEnum, AddEnumValue, RenameEnumValue,
                 DropEnumValue, Insert, Update, Delete, Execute>
        node;
    SourceSpan span;  // the statement it came from
};

}  // namespace retort::plan
