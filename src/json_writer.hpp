#pragma once
// JSON text written as it is produced, laid out exactly as nlohmann's
// dump(2, ' ', false, error_handler_t::replace) lays out the same value, for
// output too large to build as a tree first (`list` of a document with a
// quarter of a million snippets). nlohmann sorts object keys: callers write
// keys in byte order, and the writer does not check.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

class JsonWriter {
public:
    // Appends to `out`. `depth`: the nesting level the first value is at, so
    // a value written apart can be spliced into a larger one (see rendered).
    explicit JsonWriter(std::string& out, int depth = 0) : m_out(out), m_base_depth(depth) {}

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    // The next member's key; its value follows.
    void key(std::string_view name);

    void string(std::string_view text);
    void integer(std::int64_t value);
    // As nlohmann prints a double: the shortest form that reads back, `30.0`.
    void floating_point(double value);
    void boolean(bool value);
    void null();
    // A value another JsonWriter wrote, started at this writer's current depth.
    void rendered(std::string_view json);
    // Stands for such a value without copying it: returns the offset in
    // the text where the caller puts it when writing the text out.
    std::size_t rendered_elsewhere();

    // The same string as a JSON string literal, with quotes; invalid UTF-8
    // replaced by U+FFFD as nlohmann's error_handler_t::replace does.
    static void append_quoted(std::string& out, std::string_view text);

private:
    struct Level {
        bool object = false;
        int members = 0;
    };
    // Separator and indentation before a value (in an array) or a key.
    void next_item();
    void open_level(char bracket, bool object);
    void close_level(char bracket);
    void indent(std::size_t depth);
    // "\n" (after a first item ",\n") and the indentation of `depth`, in one append.
    void new_line(bool comma, std::size_t depth);

    std::string& m_out;
    int m_base_depth;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

}  // namespace snipcheck
