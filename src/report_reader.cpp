#include "src/report_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "src/diagnostic.hpp"
#include "src/json_fields.hpp"

namespace snipcheck {
namespace {

using nlohmann::json;

constexpr int k_schema = 1;

std::string error_line(const std::string& path, int line, const std::string& message) {
    return format_diagnostic({path, line, Severity::error, message});
}

std::string too_large(const std::string& path, std::size_t max_bytes) {
    const std::string limit =
        max_bytes >= (1u << 20) ? fmt::format("{} MiB", max_bytes >> 20) : fmt::format("{} bytes", max_bytes);
    return error_line(path, 0, fmt::format("report too large (the limit is {})", limit));
}

// The first line of what nlohmann says, without its "[json.exception...]"
// tag and "parse error at line L, column C: " (the line leads the message).
std::string parse_error_detail(const char* what) {
    std::string detail = what;
    if (const std::size_t tag_end = detail.find("] "); detail.rfind("[json.exception", 0) == 0 &&
                                                         tag_end != std::string::npos) {
        detail.erase(0, tag_end + 2);
    }
    if (const std::size_t column = detail.find("column "); column != std::string::npos) {
        if (const std::size_t colon = detail.find(": ", column); colon != std::string::npos) {
            detail.erase(0, colon + 2);
        }
    }
    return detail;
}

int line_of_byte(std::string_view text, std::size_t byte) {
    const std::size_t end = std::min(byte, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

// Reads a ComparedSnippet (a report's snippet, or a baseline's removed one);
// an empty string when it is one, else why not.
std::string read_outcome(const json& object, ComparedSnippet& outcome) {
    if (!object.is_object()) {
        return "is not an object";
    }
    outcome.id = json_string(object, "id");
    outcome.file = json_string(object, "file");
    if (outcome.id.empty()) {
        return "has no \"id\"";
    }
    if (outcome.file.empty()) {
        return "has no \"file\"";
    }
    const json* line = json_member(object, "start_line");
    if (line == nullptr || !line->is_number_integer()) {
        return "has no \"start_line\" number";
    }
    outcome.start_line = json_int(object, "start_line");
    const json* status = json_member(object, "status");
    if (status == nullptr || !status->is_string()) {
        return "has no \"status\"";
    }
    const auto known = status_from_name(status->get<std::string>());
    if (!known) {
        return fmt::format("has status '{}', not one of pass, fail, error, timeout, skip", status->get<std::string>());
    }
    outcome.status = *known;
    outcome.message = json_string(object, "message");
    return {};
}

// The snippet's `change` and `baseline_status`, when present.
std::string read_change(const json& object, std::optional<SnippetChange>& change) {
    const json* word = json_member(object, "change");
    if (word == nullptr || word->is_null()) {
        return {};
    }
    const auto known = word->is_string() ? change_from_name(word->get<std::string>()) : std::nullopt;
    if (!known) {
        return fmt::format("has change {}, not one of same, new, regressed, fixed", word->dump());
    }
    change = SnippetChange{*known, std::nullopt, 0};
    if (const json* was = json_member(object, "baseline_status"); was != nullptr && was->is_string()) {
        change->was = status_from_name(was->get<std::string>());
    }
    return {};
}

std::string read_baseline(const json& object, BaselineReport& baseline) {
    if (!object.is_object()) {
        return "its \"baseline\" is not an object";
    }
    baseline.file = json_string(object, "file");
    const json& removed = json_array(object, "removed");
    for (std::size_t i = 0; i < removed.size(); ++i) {
        ComparedSnippet outcome;
        if (std::string why = read_outcome(removed[i], outcome); !why.empty()) {
            return fmt::format("removed snippet {} of its \"baseline\" {}", i + 1, why);
        }
        baseline.removed.push_back(std::move(outcome));
    }
    baseline.new_errors = json_strings(object, "new_errors");
    return {};
}

std::string read_shard(const json& object, ShardPart& shard) {
    shard.spec.index = json_int(object, "index");
    shard.spec.count = json_int(object, "count");
    if (shard.spec.count < 1 || shard.spec.index < 1 || shard.spec.index > shard.spec.count) {
        return "its \"shard\" has no valid index and count";
    }
    shard.all_documents = static_cast<std::size_t>(std::max(0, json_int(object, "all_documents")));
    for (const json& document : json_array(object, "documents")) {
        const int order = json_int(document, "order", -1);
        const std::string file = json_string(document, "file");
        if (order < 0 || file.empty()) {
            return "a document of its \"shard\" has no file or order";
        }
        shard.documents.push_back({file, static_cast<std::size_t>(order),
                                   static_cast<std::size_t>(std::max(0, json_int(document, "snippets")))});
    }
    return {};
}

// A `snipcheck list --format json` report: the same schema, no verdicts.
bool is_list_report(const json& root) {
    const json& snippets = json_array(root, "snippets");
    return json_member(root, "documents") != nullptr &&
           (snippets.empty() || json_member(snippets.front(), "status") == nullptr);
}

}  // namespace

Expected<SavedReport, std::string> parse_report(std::string_view text, const std::string& path) {
    const auto not_a_report = [&](int line, const std::string& why) {
        return unexpected(error_line(path, line, "not a snipcheck report (" + why + ")"));
    };
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return not_a_report(0, "the file is empty");
    }
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& error) {
        const auto* parse_error = dynamic_cast<const json::parse_error*>(&error);
        const int line = parse_error != nullptr ? line_of_byte(text, parse_error->byte) : 0;
        return not_a_report(line, "invalid JSON: " + parse_error_detail(error.what()));
    }
    if (!root.is_object()) {
        return not_a_report(0, fmt::format("the top level is {}, not an object", root.type_name()));
    }
    const json* schema = json_member(root, "schema");
    if (schema == nullptr) {
        return not_a_report(0, "no \"schema\" field");
    }
    if (!schema->is_number_integer()) {
        return not_a_report(0, "\"schema\" is not a whole number");
    }
    if (json_int(root, "schema") != k_schema) {
        return unexpected(error_line(path, 0, fmt::format("schema {} is not supported (this snipcheck reads schema {})",
                                                          schema->dump(), k_schema)));
    }
    if (const json* tool = json_member(root, "tool"); tool != nullptr && json_string(*tool, "name") != "snipcheck") {
        return not_a_report(0, "its \"tool\" is not snipcheck");
    }
    const auto snippets_at = root.find("snippets");
    if (snippets_at == root.end() || !snippets_at->is_array()) {
        return not_a_report(0, "no \"snippets\" list");
    }
    if (is_list_report(root)) {
        return unexpected(error_line(path, 0, "this is a `snipcheck list` report, without verdicts; "
                                              "compare and merge the output of `snipcheck run --format json`"));
    }
    SavedReport report;
    report.path = path;
    json& snippets = *snippets_at;
    for (std::size_t i = 0; i < snippets.size(); ++i) {
        json& fields = snippets[i];
        SavedSnippet snippet;
        std::string why = read_outcome(fields, snippet.outcome);
        if (why.empty()) {
            why = read_change(fields, snippet.change);
        }
        if (!why.empty()) {
            return not_a_report(0, fmt::format("snippet {} {}", i + 1, why));
        }
        snippet.fields = std::move(fields);
        report.snippets.push_back(std::move(snippet));
    }
    report.errors = json_strings(root, "errors");
    if (const json* sandbox = json_member(root, "sandbox")) {
        report.sandbox.protections = json_strings(*sandbox, "protections");
        report.sandbox.missing = json_strings(*sandbox, "missing");
    }
    report.python = json_string(root, "python");
    if (const json* summary = json_member(root, "summary")) {
        report.seconds = json_number(*summary, "seconds");
    }
    if (const json* baseline = json_member(root, "baseline"); baseline != nullptr && !baseline->is_null()) {
        report.baseline.emplace();
        if (std::string why = read_baseline(*baseline, *report.baseline); !why.empty()) {
            return not_a_report(0, why);
        }
    }
    if (const json* shard = json_member(root, "shard"); shard != nullptr && !shard->is_null()) {
        report.shard.emplace();
        if (std::string why = read_shard(*shard, *report.shard); !why.empty()) {
            return not_a_report(0, why);
        }
    }
    return report;
}

Expected<SavedReport, std::string> read_report(const std::string& path, std::size_t max_bytes) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (path != "-" && fs::is_directory(path, error)) {
        return unexpected(error_line(path, 0, "is a folder, not a report"));
    }
    if (path != "-" && fs::is_regular_file(path, error) && fs::file_size(path, error) > max_bytes && !error) {
        return unexpected(too_large(path, max_bytes));
    }
    std::ifstream file;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            return unexpected(error_line(path, 0, fmt::format("cannot read: {}", std::strerror(errno))));
        }
    }
    std::istream& in = path == "-" ? std::cin : file;
    // Read in chunks rather than trusting the size: a pipe has none.
    std::string text;
    std::string chunk(1 << 16, '\0');
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) {
            return unexpected(too_large(path, max_bytes));
        }
    }
    if (in.bad()) {
        return unexpected(error_line(path, 0, "cannot read: a read error"));
    }
    return parse_report(text, path);
}

ReportOutcomes outcomes_of(const SavedReport& report) {
    ReportOutcomes outcomes;
    for (const SavedSnippet& snippet : report.snippets) {
        outcomes.snippets.push_back(snippet.outcome);
    }
    outcomes.errors = report.errors;
    return outcomes;
}

}  // namespace snipcheck
