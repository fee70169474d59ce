#include "driver/revision_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace retort::driver {

std::string slug(const std::string& message) {
    std::string out;
    for (unsigned char c : message) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '_') out += '_';
        if (out.size() >= 40) break;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

bool valid_revision_id(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

std::string mig_message_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "''";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out + "'";
}

std::string revision_file_name(const std::string& tmpl, const std::string& rev, const std::string& message,
                               const std::tm& when) {
    const std::pair<const char*, std::string> fields[] = {
        {"{year}", fmt::format("{:04}", when.tm_year + 1900)}, {"{month}", fmt::format("{:02}", when.tm_mon + 1)},
        {"{day}", fmt::format("{:02}", when.tm_mday)},         {"{hour}", fmt::format("{:02}", when.tm_hour)},
        {"{minute}", fmt::format("{:02}", when.tm_min)},       {"{second}", fmt::format("{:02}", when.tm_sec)},
        {"{rev}", rev},                                        {"{slug}", slug(message)}};
    std::string out = tmpl;
    for (const auto& [key, value] : fields)
        for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
            out.replace(at, std::string(key).size(), value);
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out + ".mig";
}

std::string render_header(const RevisionHeader& r) {
    auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
        return out;
    };
    std::string out = "revision " + r.id + ";\n";
    if (r.down.empty()) out += "down_revision none;\n";
    else if (r.down.size() == 1) out += "down_revision " + r.down.front() + ";\n";
    else out += "down_revision (" + join(r.down) + ");\n";
    if (!r.labels.empty()) out += "branch_labels " + join(r.labels) + ";\n";
    if (!r.depends.empty()) out += "depends_on " + join(r.depends) + ";\n";
    if (!r.message.empty()) out += "message " + mig_message_literal(r.message) + ";\n";
    return out;
}

}  // namespace retort::driver
