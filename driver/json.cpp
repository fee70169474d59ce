#include "driver/json.hpp"

#include <fmt/format.h>

namespace retort::driver::json {

Value Value::boolean(bool b) {
    Value v;
    v.kind_ = Kind::boolean;
    v.boolean_ = b;
    return v;
}

Value Value::number(std::int64_t n) {
    Value v;
    v.kind_ = Kind::number;
    v.number_ = n;
    return v;
}

Value Value::string(std::string_view s) {
    Value v;
    v.kind_ = Kind::string;
    v.string_ = s;
    return v;
}

Value Value::array() {
    Value v;
    v.kind_ = Kind::array;
    return v;
}

Value Value::object() {
    Value v;
    v.kind_ = Kind::object;
    return v;
}

Value Value::strings(const std::vector<std::string>& items) {
    Value v = array();
    for (const std::string& s : items) v.push(string(s));
    return v;
}

Value& Value::push(Value item) {
    items_.push_back(std::move(item));
    return *this;
}

Value& Value::set(std::string key, Value item) {
    keys_.push_back(std::move(key));
    items_.push_back(std::move(item));
    return *this;
}

namespace {

// The length of the UTF-8 sequence starting at s[i], or 0 if it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            std::size_t n = utf8_sequence(s, i);
            if (n == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out.append(s.substr(i, n));
                i += n;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7f)
                    out += fmt::format("\\u{:04x}", c);
                else
                    out += static_cast<char>(c);
        }
        ++i;
    }
    return out + "\"";
}

void Value::dump_to(std::string& out, int depth) const {
    const std::string inner(2 * (depth + 1), ' ');
    switch (kind_) {
        case Kind::null: out += "null"; return;
        case Kind::boolean: out += boolean_ ? "true" : "false"; return;
        case Kind::number: out += fmt::format("{}", number_); return;
        case Kind::string: out += quote(string_); return;
        case Kind::array:
        case Kind::object: break;
    }
    const bool object = kind_ == Kind::object;
    if (items_.empty()) {
        out += object ? "{}" : "[]";
        return;
    }
    out += object ? "{\n" : "[\n";
    for (std::size_t i = 0; i < items_.size(); ++i) {
        out += inner;
        if (object) out += quote(keys_[i]) + ": ";
        items_[i].dump_to(out, depth + 1);
        out += i + 1 < items_.size() ? ",\n" : "\n";
    }
    out += std::string(2 * depth, ' ') + (object ? "}" : "]");
}

std::string Value::dump() const {
    std::string out;
    dump_to(out, 0);
    return out + "\n";
}

}  // namespace retort::driver::json
