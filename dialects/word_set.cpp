#include "dialects/word_set.hpp"

#include <algorithm>

namespace retort::dialects {

std::size_t WordSet::hash(std::string_view word) {
    std::size_t h = 14695981039346656037ull;  // FNV-1a
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}

WordSet::WordSet(std::initializer_list<std::string_view> words) {
    std::size_t capacity = 16;
    while (capacity < words.size() * 4) capacity *= 2;  // at most a quarter full
    slots_.resize(capacity);
    mask_ = capacity - 1;
    for (std::string_view word : words) {
        if (word.empty() || contains(word)) continue;
        std::size_t i = hash(word) & mask_;
        while (!slots_[i].empty()) i = (i + 1) & mask_;
        slots_[i] = std::string(word);
        longest_ = std::max(longest_, word.size());
        ++size_;
    }
}

bool WordSet::contains(std::string_view word) const {
    if (word.empty() || word.size() > longest_) return false;
    for (std::size_t i = hash(word) & mask_;; i = (i + 1) & mask_) {
        if (slots_[i].empty()) return false;
        if (slots_[i] == word) return true;
    }
}

}  // namespace retort::dialects
