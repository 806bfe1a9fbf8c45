#include "src/report_targets.hpp"

#include <array>
#include <optional>
#include <utility>

#include <fmt/format.h>

namespace snipcheck {
namespace {

constexpr std::array<ReportFormat, 6> k_formats = {ReportFormat::term,  ReportFormat::json,   ReportFormat::junit,
                                                   ReportFormat::sarif, ReportFormat::github, ReportFormat::html};
constexpr std::string_view k_main_output = "-";

std::optional<ReportFormat> format_named(std::string_view name) {
    for (const ReportFormat format : k_formats) {
        if (name == report_format_name(format)) {
            return format;
        }
    }
    return std::nullopt;
}

// One item of the list as written: a format and its path ("" for none, "-"
// for standard output or --output).
struct Requested {
    ReportFormat format = ReportFormat::term;
    std::string path;
};

Expected<std::vector<Requested>, std::string> parse_spec(std::string_view spec) {
    std::vector<Requested> items;
    while (true) {
        const std::size_t comma = spec.find(',');
        const std::string_view item = spec.substr(0, comma);
        const std::size_t equals = item.find('=');
        const std::string_view name = item.substr(0, equals);
        const std::optional<ReportFormat> format = format_named(name);
        if (item.empty()) {
            return unexpected(std::string("--format: an empty item in the list (write term,json)"));
        }
        if (!format) {
            return unexpected(fmt::format("--format: unknown format '{}' (known: term, json, junit, sarif, github, html)",
                                          name));
        }
        Requested requested{*format, {}};
        if (equals != std::string_view::npos) {
            requested.path = std::string(item.substr(equals + 1));
            if (requested.path.empty()) {
                return unexpected(fmt::format("--format: {}= needs a file name (or - for standard output)", name));
            }
        }
        items.push_back(std::move(requested));
        if (comma == std::string_view::npos) {
            break;
        }
        spec.remove_prefix(comma + 1);
    }
    return items;
}

std::string place_name(const std::string& path) {
    return path.empty() ? std::string("standard output") : path;
}

// Two reports in one place (a file, or standard output but for github's
// annotations beside the term report) is a usage error naming both.
std::string conflict(const std::vector<ReportTarget>& targets) {
    for (std::size_t i = 0; i < targets.size(); ++i) {
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            const ReportTarget& a = targets[i];
            const ReportTarget& b = targets[j];
            if (a.path != b.path) {
                continue;
            }
            const bool one_is_github = (a.format == ReportFormat::github) != (b.format == ReportFormat::github);
            if (a.path.empty() && one_is_github) {
                const ReportTarget& other = a.format == ReportFormat::github ? b : a;
                if (other.format == ReportFormat::term) {
                    continue;  // annotations beside the term report: the runner takes them out of the log
                }
                return fmt::format("--format: github annotations go to standard output, where the {} report would "
                                   "go too; write it to a file ({}=PATH, or --output FILE)",
                                   report_format_name(other.format), report_format_name(other.format));
            }
            return fmt::format("--format: {} and {} both go to {}; give one of them its own file ({}=PATH)",
                               report_format_name(a.format), report_format_name(b.format), place_name(a.path),
                               report_format_name(b.format));
        }
    }
    return {};
}

}  // namespace

const char* report_format_name(ReportFormat format) {
    switch (format) {
    case ReportFormat::term: return "term";
    case ReportFormat::json: return "json";
    case ReportFormat::junit: return "junit";
    case ReportFormat::sarif: return "sarif";
    case ReportFormat::github: return "github";
    case ReportFormat::html: return "html";
    }
    return "term";
}

const char* report_format_extension(ReportFormat format) {
    switch (format) {
    case ReportFormat::term: return "txt";
    case ReportFormat::json: return "json";
    case ReportFormat::junit: return "xml";
    case ReportFormat::sarif: return "sarif";
    case ReportFormat::github: return "github.txt";
    case ReportFormat::html: return "html";
    }
    return "txt";
}

Expected<std::vector<ReportTarget>, std::string> plan_reports(std::string_view spec, const std::string& output,
                                                              bool github_actions) {
    std::vector<Requested> requested;
    if (spec.empty()) {
        requested.push_back({ReportFormat::term, {}});
        if (github_actions) {
            requested.push_back({ReportFormat::github, {}});
        }
    } else {
        auto parsed = parse_spec(spec);
        if (!parsed) {
            return unexpected(parsed.error());
        }
        requested = std::move(parsed.value());
    }
    // The main output (standard output, or --output) goes to the report given
    // `-`, else to the first one without a path.
    const auto takes_main = [](const Requested& item) {
        return item.format != ReportFormat::github && (item.path.empty() || item.path == k_main_output);
    };
    std::optional<std::size_t> main;
    for (std::size_t i = 0; i < requested.size(); ++i) {
        if (takes_main(requested[i]) && requested[i].path == k_main_output) {
            main = i;
            break;
        }
    }
    for (std::size_t i = 0; i < requested.size() && !main; ++i) {
        if (takes_main(requested[i])) {
            main = i;
        }
    }
    if (!output.empty() && !main) {
        return unexpected(fmt::format("--output {}: every format in --format names its own file", output));
    }
    std::vector<ReportTarget> targets;
    for (std::size_t i = 0; i < requested.size(); ++i) {
        const Requested& item = requested[i];
        ReportTarget target{item.format, {}, false};
        if (item.format == ReportFormat::github) {
            target.path = item.path == k_main_output ? std::string() : item.path;
        } else if (main && i == *main) {
            target.path = output;
        } else if (item.path == k_main_output) {
            target.path = output;  // a second `-`: reported as a conflict below
        } else if (item.path.empty()) {
            target.path = fmt::format("snipcheck-report.{}", report_format_extension(item.format));
            target.announce = true;
        } else {
            target.path = item.path;
        }
        targets.push_back(std::move(target));
    }
    if (std::string reason = conflict(targets); !reason.empty()) {
        return unexpected(std::move(reason));
    }
    return targets;
}

}  // namespace snipcheck
