#pragma once
// A small JSON value for the --format json output of the commands: objects
// keep their keys in the order they were added, so the output is the same
// on every run (docs/cli.md, "Machine-readable output").
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace retort::driver::json {

class Value {
public:
    enum class Kind { null, boolean, number, string, array, object };

    Value() = default;
    static Value boolean(bool b);
    static Value number(std::int64_t n);
    static Value string(std::string_view s);
    static Value array();
    static Value object();
    static Value strings(const std::vector<std::string>& items);

    // Appends to an array.
    Value& push(Value item);
    // Appends a key to an object (keys are not checked for repeats).
    Value& set(std::string key, Value item);

    // Two-space indentation, one member per line, a final newline.
    std::string dump() const;

private:
    void dump_to(std::string& out, int depth) const;

    Kind kind_ = Kind::null;
    bool boolean_ = false;
    std::int64_t number_ = 0;
    std::string string_;
    std::vector<std::string> keys_;  // objects: keys_[i] names items_[i]
    std::vector<Value> items_;
};

// `s` as a JSON string literal, quotes included; bytes that are not UTF-8
// become U+FFFD.
std::string quote(std::string_view s);

}  // namespace retort::driver::json
