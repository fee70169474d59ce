#pragma once
// "did you mean" for a misspelt name: the candidate nearest to it by edit
// distance (insertions, deletions, substitutions and swaps of two adjacent
// characters each count 1), if that distance is at most 2 and small next to
// the name (at most a third of its length, at least 1). Ties go to the
// earlier candidate, so the answer depends only on the candidates' order.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace retort {

inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

inline std::optional<std::string> did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    if (name.size() > 64) return std::nullopt;  // names are short; keep the table small
    const std::size_t limit = std::min<std::size_t>(2, std::max<std::size_t>(1, name.size() / 3));
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& c : candidates) {
        if (c == name || c.size() > 64) continue;
        std::size_t distance = edit_distance(name, c);
        if (distance < best_distance) {
            best_distance = distance;
            best = c;
        }
    }
    return best;
}

}  // namespace retort
