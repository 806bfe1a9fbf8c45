#include "src/cache_keys.hpp"

#include <fmt/format.h>

#include "src/sha256.hpp"

namespace snipcheck {
namespace {

// "name LENGTH:value\n": no value can pass for another field.
void add_field(std::string& material, std::string_view name, std::string_view value) {
    material += fmt::format("{} {}:", name, value.size());
    material += value;
    material += '\n';
}

std::string relative_line(int line, int start_line) {
    return line > 0 ? std::to_string(line - start_line) : "none";
}

}  // namespace

std::string snippet_key_material(const extractor::Snippet& snippet, double default_timeout_seconds) {
    std::string material;
    add_field(material, "language", snippet.language);
    add_field(material, "dialect", snippet.dialect);
    add_field(material, "form", extractor::form_name(snippet.form));
    add_field(material, "id", snippet.id);
    add_field(material, "parent", snippet.parent);
    add_field(material, "code", snippet.code);
    std::string lines;
    for (int line : snippet.line_map) {
        lines += std::to_string(line - snippet.start_line) + ",";
    }
    add_field(material, "line_map", lines);
    add_field(material, "end_line", std::to_string(snippet.end_line - snippet.start_line));
    for (const extractor::Expectation& expectation : snippet.expectations) {
        add_field(material, "expectation",
                  fmt::format("{} {} {}", relative_line(expectation.line, snippet.start_line),
                              relative_line(expectation.statement_line, snippet.start_line),
                              extractor::expectation_kind_name(expectation.kind)));
        add_field(material, "expected", expectation.expected);
        add_field(material, "remark", expectation.remark);
    }
    const extractor::Directives& directives = snippet.directives;
    add_field(material, "skip", directives.skip ? "yes: " + directives.skip_reason : "no");
    add_field(material, "timeout", fmt::format("{:.17g}", directives.timeout_seconds.value_or(default_timeout_seconds)));
    add_field(material, "session", directives.session);
    add_field(material, "expect_error", directives.expect_error);
    add_field(material, "language_directive", directives.language);
    return material;
}

LaneKeys lane_keys(std::string_view context, const std::vector<const extractor::Snippet*>& lane,
                   double default_timeout_seconds, LaneReach reach) {
    // Each link hashes the previous one, so a key stands for its whole prefix
    // while hashing every snippet only once.
    std::string chain = Sha256().update("lane\n").update(context).hex_digest();
    std::vector<std::string> links;
    int previous_start = 0;
    for (std::size_t i = 0; i < lane.size(); ++i) {
        const extractor::Snippet& snippet = *lane[i];
        std::string link = chain;
        add_field(link, "gap", i == 0 ? "first" : std::to_string(snippet.start_line - previous_start));
        link += snippet_key_material(snippet, default_timeout_seconds);
        chain = sha256_hex(link);
        links.push_back(chain);
        previous_start = snippet.start_line;
    }
    LaneKeys keys;
    keys.whole = sha256_hex("whole lane\n" + chain);
    for (std::size_t i = 0; i < links.size(); ++i) {
        keys.snippets.push_back(reach == LaneReach::earlier ? sha256_hex("snippet\n" + links[i])
                                                            : sha256_hex(fmt::format("snippet {} of\n{}", i, keys.whole)));
    }
    return keys;
}

std::string alone_key(std::string_view context, const extractor::Snippet& snippet, double default_timeout_seconds) {
    return Sha256()
        .update("alone\n")
        .update(context)
        .update("\n")
        .update(snippet_key_material(snippet, default_timeout_seconds))
        .hex_digest();
}

}  // namespace snipcheck
