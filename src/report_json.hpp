#pragma once
// The machine-readable run report: DESIGN.md "JSON report, schema 1", a
// contract other tools read. Fields may be added here; none may change meaning.

#include <string>

#include <nlohmann/json.hpp>

#include "src/snippet_report.hpp"

namespace snipcheck {

// The whole report as a JSON value; never throws for any RunReport. Its
// strings are copied from documents and snippet output, so they may hold
// invalid UTF-8: dump it with nlohmann::json::error_handler_t::replace (as
// dump_run_report_json does), or dump() throws type_error 316.
nlohmann::json run_report_to_json(const RunReport& report);

// A baseline's snippet as a regression report lists it: file, id,
// start_line, status, message.
nlohmann::json compared_snippet_to_json(const ComparedSnippet& snippet);

// The report as text, indented by 2, invalid UTF-8 replaced by U+FFFD, with
// a final newline.
std::string dump_run_report_json(const RunReport& report);

}  // namespace snipcheck
