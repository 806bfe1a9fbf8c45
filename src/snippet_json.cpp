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
        {"heading", snippet.heading.strings()},
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

namespace {

// A string member that is empty is left out.
void string_if_set(JsonWriter& out, std::string_view name, const std::string& value) {
    if (!value.empty()) {
        out.key(name);
        out.string(value);
    }
}

void write_strings(JsonWriter& out, const std::vector<std::string>& items) {
    out.begin_array();
    for (const std::string& item : items) {
        out.string(item);
    }
    out.end_array();
}

void write_expectation(JsonWriter& out, const extractor::Expectation& expectation) {
    out.begin_object();
    out.key("expected");
    out.string(expectation.expected);
    out.key("kind");
    out.string(extractor::expectation_kind_name(expectation.kind));
    out.key("line");
    out.integer(expectation.line);
    string_if_set(out, "remark", expectation.remark);
    if (expectation.statement_line > 0) {
        out.key("statement_line");
        out.integer(expectation.statement_line);
    }
    out.end_object();
}

void write_finding(JsonWriter& out, const Finding& finding) {
    out.begin_object();
    out.key("line");
    out.integer(finding.line);
    out.key("message");
    out.string(finding.message);
    out.key("rule");
    out.string(finding.rule);
    out.key("severity");
    out.string(severity_name(finding.severity));
    out.end_object();
}

void write_directives(JsonWriter& out, const extractor::Directives& d) {
    out.begin_object();
    string_if_set(out, "expect_error", d.expect_error);
    string_if_set(out, "language", d.language);
    string_if_set(out, "session", d.session);
    if (d.skip) {
        out.key("skip");
        if (d.skip_reason.empty()) {
            out.boolean(true);
        } else {
            out.string(d.skip_reason);
        }
    }
    if (d.timeout_seconds) {
        out.key("timeout");
        out.floating_point(*d.timeout_seconds);
    }
    out.end_object();
}

}  // namespace

void write_snippet_json(JsonWriter& out, const extractor::Snippet& snippet) {
    out.begin_object();
    out.key("code");
    out.string(snippet.code);
    out.key("defects");
    write_strings(out, snippet.defects);
    string_if_set(out, "dialect", snippet.dialect);
    out.key("directives");
    write_directives(out, snippet.directives);
    out.key("duplicate_of");
    if (snippet.duplicate_of.empty()) {
        out.null();
    } else {
        out.string(snippet.duplicate_of);
    }
    out.key("end_line");
    out.integer(snippet.end_line);
    out.key("expectations");
    out.begin_array();
    for (const extractor::Expectation& expectation : snippet.expectations) {
        write_expectation(out, expectation);
    }
    out.end_array();
    out.key("file");
    out.string(snippet.file);
    out.key("findings");
    out.begin_array();
    for (const Finding& finding : snippet.findings) {
        write_finding(out, finding);
    }
    out.end_array();
    out.key("form");
    out.string(extractor::form_name(snippet.form));
    out.key("heading");
    write_strings(out, snippet.heading.strings());
    out.key("id");
    out.string(snippet.id);
    string_if_set(out, "info", snippet.info);
    out.key("language");
    out.string(snippet.language);
    out.key("line_map");
    out.begin_array();
    for (int line : snippet.line_map) {
        out.integer(line);
    }
    out.end_array();
    string_if_set(out, "parent", snippet.parent);
    string_if_set(out, "part_file", snippet.part_file);
    out.key("replayed");
    out.begin_array();
    out.end_array();
    out.key("start_line");
    out.integer(snippet.start_line);
    out.key("stubs");
    out.begin_array();
    out.end_array();
    out.end_object();
}

void write_document_json(JsonWriter& out, const std::string& path, const extractor::Document& document,
                         const extractor::ExtractedDocument& extracted) {
    out.begin_object();
    out.key("bom");
    out.boolean(document.decoded.had_bom);
    out.key("defects");
    out.begin_array();
    for (const extractor::DocumentDefect& defect : extracted.defects) {
        out.begin_object();
        out.key("defect");
        out.string(defect.code);
        out.key("line");
        out.integer(defect.line);
        out.key("message");
        out.string(defect.message);
        out.end_object();
    }
    out.end_array();
    out.key("encoding");
    out.string(document.decoded.encoding);
    out.key("file");
    out.string(path);
    out.key("format");
    out.string(extractor::format_name(document.format));
    out.key("line_endings");
    out.string(extractor::line_ending_name(document.decoded.line_ending));
    out.key("lines");
    out.integer(document.line_count());
    out.key("snippets");
    out.integer(static_cast<std::int64_t>(extracted.snippets.size()));
    out.end_object();
}

}  // namespace snipcheck
