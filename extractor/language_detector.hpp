#pragma once
// Gives a snippet its language: from the fence's info string when that is
// trustworthy, from the content otherwise, and from the content when the tag
// is plainly wrong (an HAProxy configuration tagged python).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/code_shape.hpp"
#include "extractor/python_tokens.hpp"

namespace snipcheck::extractor {

struct LanguageGuess {
    std::string language;      // "python", "sql", "text" ...
    std::string dialect;       // sql only: "mysql", "postgresql", "sqlite" from the tag
    bool tag_overruled = false;  // the info string named another language
    bool tokens_of_lines = false;  // the tokens lent to detect_language are those of all the lines
};

// The language an info string names ("py" -> python, "Dockerfile" ->
// dockerfile, "python title=\"x\"" -> python, "{.python}" -> python), or ""
// for no tag. Unknown tags are returned lower-cased.
std::string language_from_tag(std::string_view info, std::string* dialect = nullptr);

// The language code looks like, or "text" when nothing fits.
std::string language_from_content(const std::vector<std::string_view>& lines);

// `tokens`, when given, is a buffer to tokenize the lines into if the
// detector needs their Python tokens; tokens_of_lines then says whether it
// holds the tokens of all of them (a long block is judged on its start).
// `known_shapes`, when it has a shape for each line the detector samples
// (a plain-text lexer judged them), spares judging them again.
LanguageGuess detect_language(std::string_view info, const std::vector<std::string_view>& lines,
                              std::vector<PyToken>* tokens = nullptr,
                              std::span<const std::optional<LineShape>> known_shapes = {});

// The share of a block's first lines that read as Python, from the block's
// tokens (so a block tagged python is tokenized once); sets the number of
// lines judged. detect_language overrules a python tag only below 0.5.
double python_tag_fit(const std::vector<std::string_view>& lines, const std::vector<PyToken>& tokens, int* meaningful);

// A word that names a programming or data language, as info strings do
// (`python`, `py`, `rust`, `yml`); "end", "example" do not.
bool is_known_language(std::string_view word);

// Info strings that mark a block as program output, not code.
bool is_output_tag(std::string_view language);

}  // namespace snipcheck::extractor
