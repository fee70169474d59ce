#pragma once
// A fixed set of words (a dialect's reserved words), looked up once per
// identifier written: an open-addressing hash table built once, so a lookup
// is one hash of the name and usually one comparison.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace retort::dialects {

class WordSet {
public:
    WordSet(std::initializer_list<std::string_view> words);

    bool contains(std::string_view word) const;
    std::size_t count(std::string_view word) const { return contains(word) ? 1 : 0; }
    std::size_t size() const { return size_; }

private:
    static std::size_t hash(std::string_view word);

    std::vector<std::string> slots_;  // empty string: a free slot (no word is empty)
    std::size_t mask_ = 0;
    std::size_t longest_ = 0;
    std::size_t size_ = 0;
};

}  // namespace retort::dialects
