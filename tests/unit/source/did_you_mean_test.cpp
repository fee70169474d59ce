#include <catch2/catch.hpp>

#include "compiler/source/did_you_mean.hpp"

using namespace retort;

TEST_CASE("edit distance counts insertions, deletions, substitutions and adjacent swaps") {
    auto [a, b, want] = GENERATE(table<const char*, const char*, std::size_t>({
        {"fees", "fees", 0},
        {"fee", "fees", 1},
        {"due_dat", "due_date", 1},
        {"amout", "amount", 1},
        {"fee_stauts", "fee_status", 1},  // a swap is one edit
        {"ltrim", "trim", 1},
        {"int4", "int", 1},
        {"kitten", "sitting", 3},
        {"", "abc", 3},
    }));
    CHECK(edit_distance(a, b) == want);
    CHECK(edit_distance(b, a) == want);
}

TEST_CASE("did_you_mean takes the nearest candidate within 2 edits and a third of the name") {
    const std::vector<std::string> tables = {"students", "fees", "fee_items", "payments"};
    auto [name, want] = GENERATE(table<const char*, const char*>({
        {"fee", "fees"},
        {"studnets", "students"},
        {"paymnts", "payments"},
        {"fee_item", "fee_items"},
        {"xyz", ""},       // nothing near
        {"fe", ""},        // too short for a guess of 2 edits
        {"fees", ""},      // the name itself is no suggestion
        {"pupils", ""},
    }));
    auto got = did_you_mean(name, tables);
    CHECK(got.value_or("") == std::string(want));
}

TEST_CASE("did_you_mean breaks ties by candidate order") {
    CHECK(did_you_mean("abcd", {"abce", "abcf"}).value() == "abce");
    CHECK(did_you_mean("abcd", {"abcf", "abce"}).value() == "abcf");
}
