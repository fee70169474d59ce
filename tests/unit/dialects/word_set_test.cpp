#include <catch2/catch.hpp>

#include "dialects/mysql/mysql_dialect.hpp"
#include "dialects/word_set.hpp"

using retort::dialects::WordSet;

TEST_CASE("WordSet holds exactly its words") {
    const WordSet words{"select", "from", "current_timestamp", "a", "from"};
    CHECK(words.size() == 4);  // the repeated word counts once
    struct Row {
        const char* word;
        bool in;
    };
    const Row rows[] = {
        {"select", true},   {"from", true},      {"current_timestamp", true}, {"a", true},
        {"", false},        {"selec", false},    {"selects", false},          {"SELECT", false},
        {"b", false},       {"current_timestamps", false}, {"fro", false},    {"current_time", false},
    };
    for (const Row& row : rows) {
        INFO(row.word);
        CHECK(words.contains(row.word) == row.in);
        CHECK(words.count(row.word) == (row.in ? 1u : 0u));
    }
}

TEST_CASE("WordSet finds words in a large list and nothing else") {
    // MySQL's list (several hundred words) fills many slots, so lookups
    // probe past collisions.
    const WordSet& words = retort::dialects::mysql_reserved_words();
    REQUIRE(words.size() > 200);
    const WordSet probe{"select", "table", "key", "interval", "window"};
    for (const char* w : {"select", "table", "key", "interval", "window"}) {
        INFO(w);
        CHECK(words.contains(w));
        CHECK(probe.contains(w));
        CHECK_FALSE(words.contains(std::string(w) + "zz"));
    }
    CHECK_FALSE(words.contains("t1_reading"));
    CHECK_FALSE(words.contains("c972_region"));
}
