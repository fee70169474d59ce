// SHA-256 against the FIPS 180-4 / NIST test vectors, whole and fed in pieces.
#include <catch2/catch.hpp>

#include "compiler/source/sha256.hpp"

TEST_CASE("sha256 known vectors", "[sha256]") {
    struct Row {
        std::string input, digest;
    };
    auto r = GENERATE(values<Row>({
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    }));
    CAPTURE(r.input.size());
    retort::Sha256 whole;
    whole.update(r.input);
    CHECK(whole.hex() == r.digest);
    retort::Sha256 pieces;  // 1, 2, 3... bytes at a time, across block edges
    std::size_t at = 0;
    for (std::size_t n = 1; at < r.input.size(); ++n) {
        pieces.update(std::string_view(r.input).substr(at, n));
        at += n;
    }
    CHECK(pieces.hex() == r.digest);
}
