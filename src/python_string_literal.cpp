#include "src/python_string_literal.hpp"

#include <cstdint>

#include "extractor/text_decoder.hpp"

namespace snipcheck {
namespace {

// A code point as UTF-8, or one byte of a bytes literal.
bool emit(std::uint32_t code, bool bytes, std::string* out) {
    if (bytes) {
        *out += static_cast<char>(code & 0xFF);
        return true;
    }
    if (code > 0x10FFFF) {
        return false;
    }
    extractor::append_utf8(*out, code);
    return true;
}

bool read_code(LiteralCursor& cursor, int length, bool bytes, std::string* out) {
    std::uint32_t code = 0;
    for (int i = 0; i < length; ++i) {
        const int v = hex_value(cursor.peek());
        if (v < 0) {
            return false;
        }
        code = code * 16 + static_cast<std::uint32_t>(v);
        ++cursor.pos;
    }
    return emit(code, bytes, out);
}

// At a backslash: decodes one escape into *out.
bool read_escape(LiteralCursor& cursor, bool bytes, std::string* out) {
    ++cursor.pos;
    if (cursor.at_end()) {
        return false;
    }
    const char c = cursor.peek();
    ++cursor.pos;
    switch (c) {
    case '\n': return true;  // line continuation
    case '\\': *out += '\\'; return true;
    case '\'': *out += '\''; return true;
    case '"': *out += '"'; return true;
    case 'a': *out += '\a'; return true;
    case 'b': *out += '\b'; return true;
    case 'f': *out += '\f'; return true;
    case 'n': *out += '\n'; return true;
    case 'r': *out += '\r'; return true;
    case 't': *out += '\t'; return true;
    case 'v': *out += '\v'; return true;
    case 'x': return read_code(cursor, 2, bytes, out);
    case 'u':
    case 'U':
        if (bytes) {
            break;
        }
        return read_code(cursor, c == 'u' ? 4 : 8, false, out);
    default: break;
    }
    if (c >= '0' && c <= '7') {
        std::uint32_t code = static_cast<std::uint32_t>(c - '0');
        for (int i = 0; i < 2 && cursor.peek() >= '0' && cursor.peek() <= '7'; ++i) {
            code = code * 8 + static_cast<std::uint32_t>(cursor.peek() - '0');
            ++cursor.pos;
        }
        return emit(code, bytes, out);
    }
    // Unknown escapes (and \N{...}) stay as written, as Python keeps them.
    *out += '\\';
    *out += c;
    return true;
}

}  // namespace

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::optional<std::string> read_string_literal(LiteralCursor& cursor, bool raw, bool bytes) {
    const char quote = cursor.peek();
    const bool triple = cursor.peek(1) == quote && cursor.peek(2) == quote;
    cursor.pos += triple ? 3 : 1;
    std::string out;
    while (!cursor.at_end()) {
        const char c = cursor.peek();
        if (c == quote && (!triple || (cursor.peek(1) == quote && cursor.peek(2) == quote))) {
            cursor.pos += triple ? 3 : 1;
            return out;
        }
        if ((c == '\n' || c == '\r') && !triple) {
            return std::nullopt;
        }
        if (bytes && static_cast<unsigned char>(c) >= 0x80) {
            return std::nullopt;  // bytes literals hold ASCII only
        }
        if (c == '\\') {
            if (raw) {
                // A raw string keeps the backslash, yet `\'` still does not end it.
                out += c;
                ++cursor.pos;
                if (!cursor.at_end()) {
                    out += cursor.peek();
                    ++cursor.pos;
                }
                continue;
            }
            if (!read_escape(cursor, bytes, &out)) {
                return std::nullopt;
            }
            continue;
        }
        out += c;
        ++cursor.pos;
    }
    return std::nullopt;
}

}  // namespace snipcheck
