#pragma once
// UTF-8 helpers shared by every phase.
#include <cstddef>
#include <string_view>

namespace retort {

// The number of code points in `text`: the bytes that do not continue a
// sequence (for valid UTF-8; any other byte counts as one).
inline std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace retort
