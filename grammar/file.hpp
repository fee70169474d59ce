#pragma once
// One .mig file (language.md §2-§3): header statements in any order, an
// upgrade block, and optionally a downgrade block or `downgrade auto;`.
#include "grammar/statements.hpp"

namespace retort::grammar {

// ------------------------------------------------------------ header

struct revision_id : rev_id {};
struct revision_stmt : seq<kw_revision, must<revision_id>, must<semi>> {};

struct down_none : kw_none {};
struct down_id : rev_id {};
struct down_list_paren : seq<lparen, must<down_id>, star<comma, must<down_id>>, must<rparen>> {};
struct down_list_plain : seq<down_id, star<comma, must<down_id>>> {};
struct down_value : sor<down_none, down_list_paren, down_list_plain> {};
struct down_revision_stmt : seq<kw_down_revision, must<down_value>, must<semi>> {};

struct label_id : rev_id {};
struct branch_labels_stmt
    : seq<kw_branch_labels, must<label_id>, star<comma, must<label_id>>, must<semi>> {};

struct depends_id : rev_ref {};
struct depends_on_stmt
    : seq<kw_depends_on, must<depends_id>, star<comma, must<depends_id>>, must<semi>> {};

struct message_text : seq<string_literal> {};
struct message_stmt : seq<kw_message, must<message_text>, must<semi>> {};

struct transactional_true : kw_true_ {};
struct transactional_false : kw_false_ {};
struct transactional_value : sor<transactional_true, transactional_false> {};
struct transactional_stmt : seq<kw_transactional, must<transactional_value>, must<semi>> {};

struct header_stmt
    : sor<revision_stmt, down_revision_stmt, branch_labels_stmt, depends_on_stmt, message_stmt,
          transactional_stmt> {};

// ------------------------------------------------------------ body

struct upgrade_kw : kw_upgrade {};
struct downgrade_kw : kw_downgrade {};
struct block_end : rbrace {};
struct block : seq<lbrace, star<statement>, must<block_end>> {};
struct upgrade_section : seq<upgrade_kw, must<block>> {};
// Its own rules, so that a missing ';' is reported at the end of `auto`,
// not at whatever follows the blank lines after it.
struct downgrade_auto_word : kw_auto_ {};
struct auto_semi : semi {};
struct downgrade_auto : seq<downgrade_auto_word, must<auto_semi>> {};
struct downgrade_block : seq<block> {};
struct downgrade_body : sor<downgrade_auto, downgrade_block> {};
struct downgrade_section : seq<downgrade_kw, must<downgrade_body>> {};

struct byte_order_mark : string<char(0xEF), char(0xBB), char(0xBF)> {};
struct end_of_file : eof {};
struct file
    : seq<opt<byte_order_mark>, skip, star<header_stmt>, must<upgrade_section>,
          opt<downgrade_section>, must<end_of_file>> {};

}  // namespace retort::grammar
