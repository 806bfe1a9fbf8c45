#pragma once
// The run report as SARIF 2.1.0, for code scanning (GitHub's among them):
// one result per snippet that failed, errored or timed out, at the line that
// shows it, and one per lint finding; passes and skips produce none.

#include <string>

#include <nlohmann/json.hpp>

#include "src/snippet_report.hpp"

namespace snipcheck {

// The sarifLog object; never throws for any RunReport. Strings come from
// documents and may hold invalid UTF-8: dump with error_handler_t::replace.
nlohmann::json run_report_to_sarif(const RunReport& report);

// The log as text, indented by 2, invalid UTF-8 replaced, with a final newline.
std::string dump_run_report_sarif(const RunReport& report);

}  // namespace snipcheck
