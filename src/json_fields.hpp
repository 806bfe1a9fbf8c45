#pragma once
// Reading fields of a JSON value someone else wrote (a saved report) without
// trusting it: each accessor checks the type and falls back instead of
// throwing, so a malformed field never crashes a reader.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace snipcheck {

// The member `key` of `object`, or nullptr when `object` is no object or lacks it.
inline const nlohmann::json* json_member(const nlohmann::json& object, std::string_view key) {
    if (!object.is_object()) {
        return nullptr;
    }
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// A string member, or `fallback` when absent or of another type.
inline std::string json_string(const nlohmann::json& object, std::string_view key, std::string fallback = {}) {
    const nlohmann::json* value = json_member(object, key);
    return value != nullptr && value->is_string() ? value->get<std::string>() : fallback;
}

// A whole-number member clamped to int, or `fallback`.
inline int json_int(const nlohmann::json& object, std::string_view key, int fallback = 0) {
    const nlohmann::json* value = json_member(object, key);
    if (value == nullptr || !value->is_number_integer()) {
        return fallback;
    }
    const std::int64_t number = value->is_number_unsigned()
                                    ? static_cast<std::int64_t>(std::min<std::uint64_t>(
                                          value->get<std::uint64_t>(), std::numeric_limits<std::int64_t>::max()))
                                    : value->get<std::int64_t>();
    if (number > std::numeric_limits<int>::max()) {
        return std::numeric_limits<int>::max();
    }
    if (number < std::numeric_limits<int>::min()) {
        return std::numeric_limits<int>::min();
    }
    return static_cast<int>(number);
}

// A number member, or `fallback`.
inline double json_number(const nlohmann::json& object, std::string_view key, double fallback = 0) {
    const nlohmann::json* value = json_member(object, key);
    return value != nullptr && value->is_number() ? value->get<double>() : fallback;
}

// The strings of an array member; other elements and other types are skipped.
inline std::vector<std::string> json_strings(const nlohmann::json& object, std::string_view key) {
    std::vector<std::string> strings;
    const nlohmann::json* value = json_member(object, key);
    if (value != nullptr && value->is_array()) {
        for (const nlohmann::json& item : *value) {
            if (item.is_string()) {
                strings.push_back(item.get<std::string>());
            }
        }
    }
    return strings;
}

// The elements of an array member, or an empty array.
inline const nlohmann::json& json_array(const nlohmann::json& object, std::string_view key) {
    static const nlohmann::json k_empty = nlohmann::json::array();
    const nlohmann::json* value = json_member(object, key);
    return value != nullptr && value->is_array() ? *value : k_empty;
}

}  // namespace snipcheck
