#include "src/config_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "src/closest_name.hpp"
#include "src/report_targets.hpp"

namespace snipcheck {
namespace {

namespace fs = std::filesystem;

constexpr double k_max_timeout_seconds = 86400;  // as --timeout
constexpr std::int64_t k_max_jobs = 256;         // as --jobs

constexpr std::int64_t k_max_cache_mb = std::int64_t{1} << 20;  // a TiB

constexpr std::array<std::string_view, 11> k_top_keys = {"include",  "exclude",  "timeout",   "jobs",
                                                         "format",   "sql-engine", "python",  "fixtures",
                                                         "overrides", "allow-fail", "cache-max-mb"};
constexpr std::array<std::string_view, 5> k_override_keys = {"paths", "timeout", "skip", "session", "language"};
constexpr std::array<std::string_view, 2> k_fixture_keys = {"django", "redis"};

// "a string", "an integer" ...: what a value is, for "not ..." messages.
const char* a_type(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
    }
    return "nothing";
}

std::string joined(std::span<const std::string_view> names) {
    std::string out;
    for (std::string_view name : names) {
        out += out.empty() ? "" : ", ";
        out += name;
    }
    return out;
}

// A snippet id as the reports print it: twelve hex digits, and `-N` for the
// Nth copy of the same code.
bool is_snippet_id(std::string_view text) {
    const std::size_t dash = text.find('-');
    const std::string_view hash = text.substr(0, dash);
    if (hash.size() != 12 || !std::all_of(hash.begin(), hash.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        })) {
        return false;
    }
    const std::string_view copy = dash == std::string_view::npos ? std::string_view() : text.substr(dash + 1);
    return dash == std::string_view::npos ||
           (!copy.empty() && std::all_of(copy.begin(), copy.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

class ConfigReader {
public:
    ConfigReader(std::string_view table_name, ConfigFile& config) : m_table_name(table_name), m_config(config) {}

    ConfigErrors read(const toml::table& table) {
        for (auto&& [key, node] : table) {
            read_top_level(key, node);
        }
        // toml++ keeps keys sorted by name; a reader wants them by place.
        std::stable_sort(m_errors.begin(), m_errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
        return std::move(m_errors);
    }

private:
    static ConfigPosition position(const toml::node& node) {
        return {static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
    }

    void error_at(const toml::source_region& where, std::string message) {
        m_errors.push_back({m_config.path, static_cast<int>(where.begin.line), Severity::error, std::move(message),
                            static_cast<int>(where.begin.column)});
    }

    void wrong_type(const toml::node& node, std::string_view key, std::string_view what) {
        error_at(node.source(), fmt::format("'{}' is {}, not {}", key, what, a_type(node)));
    }

    // An unknown key, with the known key it most likely misspells.
    void unknown_key(const toml::key& key, std::string_view table, std::span<const std::string_view> known) {
        std::string message = fmt::format("unknown key '{}'", key.str());
        if (!table.empty()) {
            message += fmt::format(" in {}", table);
        }
        if (std::string close = closest_name(key.str(), known); !close.empty()) {
            message += fmt::format(" (did you mean '{}'?)", close);
        } else {
            message += fmt::format(" (known: {})", joined(known));
        }
        error_at(key.source(), std::move(message));
    }

    void read_top_level(const toml::key& key, const toml::node& node) {
        const std::string_view name = key.str();
        if (name == "include") {
            read_globs(name, node, m_config.include);
            m_config.include_position = position(node);
        } else if (name == "exclude") {
            read_globs(name, node, m_config.exclude);
        } else if (name == "timeout") {
            read_timeout(node, m_config.timeout_seconds);
        } else if (name == "jobs") {
            read_jobs(node);
        } else if (name == "format") {
            read_format(node);
        } else if (name == "sql-engine") {
            read_sql_engine(node);
        } else if (name == "python") {
            read_python(node);
        } else if (name == "fixtures") {
            read_fixtures(node);
        } else if (name == "overrides") {
            read_overrides(node);
        } else if (name == "allow-fail") {
            read_allow_fail(node);
        } else if (name == "cache-max-mb") {
            read_cache_max_mb(node);
        } else {
            unknown_key(key, m_table_name, k_top_keys);
        }
    }

    // A string value, or nullptr after saying what was expected.
    const std::string* string_value(const toml::node& node, std::string_view key, std::string_view what) {
        if (const auto* text = node.as_string()) {
            return &text->get();
        }
        wrong_type(node, key, what);
        return nullptr;
    }

    void read_globs(std::string_view key, const toml::node& node, std::vector<GlobPattern>& into) {
        const toml::array* items = node.as_array();
        if (items == nullptr) {
            wrong_type(node, key, "a list of globs ([\"docs/**/*.md\"])");
            return;
        }
        for (const toml::node& item : *items) {
            if (auto glob = read_glob(key, item)) {
                into.push_back(std::move(*glob));
            }
        }
    }

    std::optional<GlobPattern> read_glob(std::string_view key, const toml::node& item) {
        const std::string* text = string_value(item, key, "a list of globs, each a string");
        if (text == nullptr) {
            return std::nullopt;
        }
        auto glob = GlobPattern::parse(*text);
        if (!glob) {
            error_at(item.source(), fmt::format("bad glob '{}' in '{}': {}", *text, key, glob.error()));
            return std::nullopt;
        }
        return std::move(*glob);
    }

    void read_timeout(const toml::node& node, std::optional<double>& into) {
        double seconds = 0;
        if (const auto* whole = node.as_integer()) {
            seconds = static_cast<double>(whole->get());
        } else if (const auto* real = node.as_floating_point()) {
            seconds = real->get();
        } else {
            wrong_type(node, "timeout", "a number of seconds");
            return;
        }
        if (!std::isfinite(seconds) || seconds <= 0 || seconds > k_max_timeout_seconds) {
            error_at(node.source(), fmt::format("'timeout' is a number of seconds above 0 and at most {}, not {}",
                                                k_max_timeout_seconds, seconds));
            return;
        }
        into = seconds;
    }

    void read_cache_max_mb(const toml::node& node) {
        const std::string what = fmt::format("a whole number of MiB from 1 to {}", k_max_cache_mb);
        const auto* megabytes = node.as_integer();
        if (megabytes == nullptr) {
            wrong_type(node, "cache-max-mb", what);
            return;
        }
        if (megabytes->get() < 1 || megabytes->get() > k_max_cache_mb) {
            error_at(node.source(), fmt::format("'cache-max-mb' is {}, not {}", what, megabytes->get()));
            return;
        }
        m_config.cache_max_bytes = static_cast<std::uintmax_t>(megabytes->get()) << 20;
    }

    void read_jobs(const toml::node& node) {
        const auto* jobs = node.as_integer();
        if (jobs == nullptr) {
            wrong_type(node, "jobs", fmt::format("a whole number from 1 to {}", k_max_jobs));
            return;
        }
        if (jobs->get() < 1 || jobs->get() > k_max_jobs) {
            error_at(node.source(), fmt::format("'jobs' is a whole number from 1 to {}, not {}", k_max_jobs, jobs->get()));
            return;
        }
        m_config.jobs = static_cast<int>(jobs->get());
    }

    // The --format list; its report files, like every path here, are
    // relative to the configuration file's folder.
    void read_format(const toml::node& node) {
        const std::string* text =
            string_value(node, "format", "a list of reports as --format takes it (\"term\", \"term,json=report.json\")");
        if (text == nullptr) {
            return;
        }
        if (auto planned = plan_reports(*text, {}, false); !planned) {
            std::string reason = planned.error();
            if (reason.rfind("--format: ", 0) == 0) {
                reason.erase(0, 10);
            }
            error_at(node.source(), fmt::format("'format': {}", reason));
            return;
        }
        std::string spec;
        std::string_view rest = *text;
        while (true) {
            const std::size_t comma = rest.find(',');
            const std::string_view item = rest.substr(0, comma);
            const std::size_t equals = item.find('=');
            spec += spec.empty() ? "" : ",";
            if (equals == std::string_view::npos || item.substr(equals + 1) == "-" ||
                fs::path(item.substr(equals + 1)).is_absolute()) {
                spec += item;
            } else {
                spec += std::string(item.substr(0, equals + 1)) +
                        (fs::path(m_config.folder) / item.substr(equals + 1)).lexically_normal().string();
            }
            if (comma == std::string_view::npos) {
                break;
            }
            rest.remove_prefix(comma + 1);
        }
        m_config.format = std::move(spec);
    }

    void read_sql_engine(const toml::node& node) {
        using runners::sql::SqlEngine;
        const std::string* text = string_value(node, "sql-engine", "a string: sqlite, mariadb, postgres or auto");
        if (text == nullptr) {
            return;
        }
        if (*text == "sqlite") {
            m_config.sql_engine = SqlEngine::sqlite;
        } else if (*text == "mariadb" || *text == "mysql") {
            m_config.sql_engine = SqlEngine::mariadb;
        } else if (*text == "postgres" || *text == "postgresql") {
            m_config.sql_engine = SqlEngine::postgres;
        } else if (*text == "auto") {
            m_config.sql_engine = SqlEngine::auto_select;
        } else {
            error_at(node.source(), fmt::format("'sql-engine' is sqlite, mariadb, postgres or auto, not '{}'", *text));
        }
    }

    // Relative to the configuration file's folder, like every path in it.
    void read_python(const toml::node& node) {
        const std::string* text = string_value(node, "python", "the path of a Python interpreter, as a string");
        if (text == nullptr) {
            return;
        }
        if (text->empty()) {
            error_at(node.source(), "'python' is the path of a Python interpreter, not an empty string");
            return;
        }
        const fs::path python(*text);
        m_config.python = (python.is_absolute() ? python : fs::path(m_config.folder) / python).lexically_normal().string();
        m_config.python_position = position(node);
    }

    void read_fixtures(const toml::node& node) {
        const toml::table* fixtures = node.as_table();
        if (fixtures == nullptr) {
            wrong_type(node, "fixtures", "a table ([fixtures] django = \"auto\")");
            return;
        }
        for (auto&& [key, value] : *fixtures) {
            if (key.str() == "django") {
                read_fixture_switch(value, "django", m_config.fixtures.django);
            } else if (key.str() == "redis") {
                read_fixture_switch(value, "redis", m_config.fixtures.redis);
            } else {
                unknown_key(key, "[fixtures]", k_fixture_keys);
            }
        }
    }

    // "auto", "on" or "off"; true and false read as "on" and "off".
    void read_fixture_switch(const toml::node& node, std::string_view key, FixtureSwitch& into) {
        if (const auto* flag = node.as_boolean()) {
            into = flag->get() ? FixtureSwitch::on : FixtureSwitch::off;
            return;
        }
        const std::string* text = string_value(node, key, "\"auto\", \"on\" or \"off\"");
        if (text == nullptr) {
            return;
        }
        if (*text == "auto") {
            into = FixtureSwitch::auto_detect;
        } else if (*text == "on") {
            into = FixtureSwitch::on;
        } else if (*text == "off") {
            into = FixtureSwitch::off;
        } else {
            error_at(node.source(), fmt::format("'{}' is \"auto\", \"on\" or \"off\", not '{}'", key, *text));
        }
    }

    void read_overrides(const toml::node& node) {
        const toml::array* tables = node.as_array();
        if (tables == nullptr) {
            wrong_type(node, "overrides", "an array of tables ([[overrides]] with paths = [...])");
            return;
        }
        for (const toml::node& table : *tables) {
            if (const toml::table* rule = table.as_table()) {
                read_override(*rule);
            } else {
                error_at(table.source(), fmt::format("each 'overrides' entry is a table ([[overrides]] with paths = "
                                                     "[...]), not {}",
                                                     a_type(table)));
            }
        }
    }

    void read_override(const toml::table& table) {
        PathOverride rule;
        bool has_paths = false;
        for (auto&& [key, value] : table) {
            const std::string_view name = key.str();
            if (name == "paths") {
                has_paths = true;
                read_globs("paths", value, rule.paths);
            } else if (name == "timeout") {
                read_timeout(value, rule.timeout_seconds);
            } else if (name == "skip") {
                read_skip(value, rule);
            } else if (name == "session") {
                read_session(value, rule);
            } else if (name == "language") {
                const std::string* language = string_value(value, "language", "a language name, as a string");
                if (language != nullptr && language->empty()) {
                    error_at(value.source(), "'language' needs a language name, e.g. \"python\"");
                } else if (language != nullptr) {
                    rule.language = *language;
                }
            } else {
                unknown_key(key, "[[overrides]]", k_override_keys);
            }
        }
        if (!has_paths) {
            error_at(table.source(), "an [[overrides]] table needs 'paths', the globs of the documents it applies to");
            return;
        }
        m_config.rules.overrides.push_back(std::move(rule));
    }

    void read_skip(const toml::node& node, PathOverride& rule) {
        if (const auto* flag = node.as_boolean()) {
            rule.skip = flag->get();
        } else if (const auto* reason = node.as_string()) {
            rule.skip = true;
            rule.skip_reason = reason->get();
        } else {
            wrong_type(node, "skip", "true, false or a reason (a string)");
        }
    }

    void read_session(const toml::node& node, PathOverride& rule) {
        const std::string* session = string_value(node, "session", "\"isolated\", \"document\" or \"auto\"");
        if (session == nullptr) {
            return;
        }
        if (*session != "isolated" && *session != "document" && *session != "auto") {
            error_at(node.source(), fmt::format("'session' is \"isolated\", \"document\" or \"auto\", not '{}'", *session));
            return;
        }
        rule.session = *session;
    }

    // Each entry is a snippet id, `path:line`, or a glob of documents.
    void read_allow_fail(const toml::node& node) {
        const toml::array* items = node.as_array();
        if (items == nullptr) {
            wrong_type(node, "allow-fail", "a list of snippet ids, \"path:line\" or globs");
            return;
        }
        for (const toml::node& item : *items) {
            const std::string* text = string_value(item, "allow-fail", "a list of snippet ids, \"path:line\" or globs, each a string");
            if (text == nullptr) {
                continue;
            }
            AllowFailEntry entry;
            entry.written = *text;
            std::string_view paths = *text;
            if (is_snippet_id(*text)) {
                entry.id = *text;
                m_config.rules.allow_fail.push_back(std::move(entry));
                continue;
            }
            if (const std::size_t colon = paths.rfind(':'); colon != std::string_view::npos && colon + 1 < paths.size() &&
                std::all_of(paths.begin() + static_cast<std::ptrdiff_t>(colon) + 1, paths.end(),
                            [](char c) { return c >= '0' && c <= '9'; })) {
                const std::string_view digits = paths.substr(colon + 1);
                entry.line = digits.size() > 9 ? 0 : std::stoi(std::string(digits));
                if (entry.line < 1) {
                    error_at(item.source(), fmt::format("bad line in allow-fail entry '{}': lines start at 1", *text));
                    continue;
                }
                paths = paths.substr(0, colon);
            }
            auto glob = GlobPattern::parse(paths);
            if (!glob) {
                error_at(item.source(), fmt::format("bad glob '{}' in 'allow-fail': {}", paths, glob.error()));
                continue;
            }
            entry.paths = std::move(*glob);
            m_config.rules.allow_fail.push_back(std::move(entry));
        }
    }

    std::string_view m_table_name;
    ConfigFile& m_config;
    ConfigErrors m_errors;
};

}  // namespace

ConfigErrors read_config_table(const toml::table& table, std::string_view table_name, ConfigFile& config) {
    config.rules.base_folder = config.folder;
    return ConfigReader(table_name, config).read(table);
}

}  // namespace snipcheck
