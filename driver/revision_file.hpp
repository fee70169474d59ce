#pragma once
// The text and the file name of a new .mig revision: shared by `retort
// revision`/`merge` and by `retort import alembic`.
#include <ctime>
#include <string>
#include <vector>

namespace retort::driver {

struct RevisionHeader {
    std::string id;
    std::vector<std::string> down;     // empty: a root (down_revision none)
    std::vector<std::string> labels;
    std::vector<std::string> depends;
    std::string message;
};

// Lower case letters and digits, runs of anything else as one '_', at most 40 characters.
std::string slug(const std::string& message);

// 1 or more letters, digits or '_'.
bool valid_revision_id(const std::string& s);

// A .mig string literal: quotes doubled; newlines become spaces (a message is one line).
std::string mig_message_literal(const std::string& text);

// file_template (config.md) filled in with `when` (UTC), the id and the message's slug, plus ".mig".
std::string revision_file_name(const std::string& tmpl, const std::string& rev, const std::string& message,
                               const std::tm& when);

// The header statements, one per line, ending with a newline.
std::string render_header(const RevisionHeader& r);

}  // namespace retort::driver
