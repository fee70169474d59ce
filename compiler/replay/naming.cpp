#include "compiler/replay/naming.hpp"

namespace retort::replay {

namespace {
std::string joined(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& c : columns) {
        if (!out.empty()) out += '_';
        out += c;
    }
    return out;
}
std::string cat(std::string_view prefix, std::string_view table) {
    std::string out(prefix);
    out += table;
    return out;
}
}  // namespace

std::string primary_key_name(std::string_view table) { return cat("pk_", table); }

std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::string_view ref_table) {
    return cat("fk_", table) + "_" + joined(columns) + "_" + std::string(ref_table);
}

std::string unique_name(std::string_view table, const std::vector<std::string>& columns) {
    return cat("uq_", table) + "_" + joined(columns);
}

std::string column_check_name(std::string_view table, std::string_view column) {
    return cat("ck_", table) + "_" + std::string(column);
}

std::string table_check_name(std::string_view table, int n) {
    return cat("ck_", table) + "_" + std::to_string(n);
}

std::string index_name(std::string_view table, const std::vector<std::string>& columns) {
    return cat("ix_", table) + "_" + joined(columns);
}

}  // namespace retort::replay
