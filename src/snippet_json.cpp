#include "src/snippet_json.hpp"

namespace snipcheck {

using nlohmann::json;

json snippet_to_json(const extractor::Snippet& snippet) {
    json expectations = json::array();
    for (const extractor::Expectation& expectation : snippet.expectations) {
        json item = {{"line", expectation.line},
                     {"expected", expectation.expected},
                     {"kind", extractor::expectation_kind_name(expectation.kind)}};
        if (expectation.statement_line > 0) {
            item["statement_line"] = expectation.statement_line;
        }
        if (!expectation.remark.empty()) {
            item["remark"] = expectation.remark;
        }
        expectations.push_back(std::move(item));
    }
    json findings = json::array();
    for (const Finding& finding : snippet.findings) {
        findings.push_back({{"line", finding.line},
                            {"rule", finding.rule},
                            {"severity", severity_name(finding.severity)},
                            {"message", finding.message}});
    }
    json directives = json::object();
    const extractor::Directives& d = snippet.directives;
    if (d.skip) {
        directives["skip"] = d.skip_reason.empty() ? json(true) : json(d.skip_reason);
    }
    if (d.timeout_seconds) {
        directives["timeout"] = *d.timeout_seconds;
    }
    if (!d.session.empty()) {
        directives["session"] = d.session;
    }
    if (!d.expect_error.empty()) {
        directives["expect_error"] = d.expect_error;
    }
    if (!d.language.empty()) {
        directives["language"] = d.language;
    }
    json out = {
        {"id", snippet.id},
        {"file", snippet.file},
        {"start_line", snippet.start_line},
        {"end_line", snippet.end_line},
        {"language", snippet.language},
        {"form", extractor::form_name(snippet.form)},
        {"expectations", std::move(expectations)},
        {"findings", std::move(findings)},
        {"defects", snippet.defects},
        {"replayed", json::array()},
        {"stubs", json::array()},
        {"heading", snippet.heading},
        {"duplicate_of", snippet.duplicate_of.empty() ? json(nullptr) : json(snippet.duplicate_of)},
        {"directives", std::move(directives)},
        {"line_map", snippet.line_map},
        {"code", snippet.code},
    };
    if (!snippet.info.empty()) {
        out["info"] = snippet.info;
    }
    if (!snippet.dialect.empty()) {
        out["dialect"] = snippet.dialect;
    }
    if (!snippet.parent.empty()) {
        out["parent"] = snippet.parent;
    }
    if (!snippet.part_file.empty()) {
        out["part_file"] = snippet.part_file;
    }
    return out;
}

json document_to_json(const std::string& path, const extractor::Document& document,
                      const extractor::ExtractedDocument& extracted) {
    json defects = json::array();
    for (const extractor::DocumentDefect& defect : extracted.defects) {
        defects.push_back({{"line", defect.line}, {"defect", defect.code}, {"message", defect.message}});
    }
    return {{"file", path},
            {"format", extractor::format_name(document.format)},
            {"encoding", document.decoded.encoding},
            {"bom", document.decoded.had_bom},
            {"line_endings", extractor::line_ending_name(document.decoded.line_ending)},
            {"lines", document.line_count()},
            {"snippets", extracted.snippets.size()},
            {"defects", std::move(defects)}};
}

}  // namespace snipcheck
