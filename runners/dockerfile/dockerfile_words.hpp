#pragma once
// The word-level reading Docker does inside one (continuation-joined)
// instruction line: flags, JSON arrays, quote-aware words, heredoc markers.
// Shared by the parser and the lint rules.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::runners::dockerfile {

// Blanks between words: space, tab, \v, \f, \r.
bool is_blank(char c);

// `text` without leading and trailing blanks.
std::string_view trim_blanks(std::string_view text);

// Words separated by blanks (FROM, EXPOSE, shell-form COPY and ADD).
std::vector<std::string> split_blank_separated(std::string_view text);

// Words as Docker splits ENV, LABEL and ARG: quotes group and are kept, the
// escape character keeps the next character with it.
std::vector<std::string> split_words_keeping_quotes(std::string_view text, char escape);

// Removes quotes and escapes from a word, as Docker does after splitting
// (`"a b"` -> `a b`, `\"` -> `"`); no variable expansion.
std::string unquote(std::string_view word, char escape);

struct LeadingFlags {
    std::vector<std::string> flags;  // "--from=build", quotes removed
    std::size_t rest = 0;            // offset in the text where the arguments begin
};

// The `--name[=value]` words at the start of `text`; a bare `--` ends them.
LeadingFlags extract_flags(std::string_view text);

enum class JsonArrayStatus { not_json, not_strings, strings };

struct JsonArray {
    JsonArrayStatus status = JsonArrayStatus::not_json;
    std::vector<std::string> values;  // when status is strings
};

// Reads `text` as a JSON array of strings. not_json when it does not start
// with '[' or does not parse (Docker then takes the shell form); not_strings
// for a valid array holding something else (Docker refuses that).
JsonArray parse_json_array(std::string_view text);

struct HeredocMarker {
    std::string name;     // quotes removed
    bool chomp = false;   // <<-
    bool expand = true;   // false when any part of the delimiter was quoted
};

// The heredoc markers among the words of an instruction line, in order:
// words of the form `<<EOF`, `<<-EOF`, `<<"EOF"`, `2<<EOF`.
std::vector<HeredocMarker> heredoc_markers(std::string_view line);

}  // namespace snipcheck::runners::dockerfile
