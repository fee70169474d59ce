#pragma once
// SHA-256 (FIPS 180-4), for the audit header of scripts (docs/scripts.md):
// feed bytes in pieces, then take the lower-case hex digest.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace retort {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest of everything fed so far, as 64 lower-case hex digits.
    // Ends the hash: feed nothing after it.
    std::string hex();

private:
    void block(const unsigned char* p);

    std::array<std::uint32_t, 8> h_;
    unsigned char buffer_[64];
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes fed
};

}  // namespace retort
