#include "src/config_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "src/config_reader.hpp"

namespace snipcheck {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_config_name = "snipcheck.toml";
constexpr std::string_view k_pyproject_name = "pyproject.toml";
constexpr std::string_view k_pyproject_table = "[tool.snipcheck]";

enum class TableRequired { yes, no };

ConfigErrors one_error(const std::string& path, std::string message) {
    return {Diagnostic{path, 0, Severity::error, std::move(message)}};
}

bool is_pyproject(const std::string& path) { return fs::path(path).filename() == k_pyproject_name; }

// A pyproject.toml without [tool.snipcheck] is nullopt unless the table is
// required (a file named with --config must configure snipcheck).
Expected<std::optional<ConfigFile>, ConfigErrors> parse_file_text(std::string_view text, const std::string& path,
                                                                  const std::string& folder, TableRequired required) {
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& error) {
        const toml::source_position where = error.source().begin;
        return unexpected(ConfigErrors{{path, static_cast<int>(where.line), Severity::error,
                                        std::string(error.description()), static_cast<int>(where.column)}});
    }
    ConfigFile config;
    config.path = path;
    config.folder = folder;
    const toml::table* table = &root;
    std::string_view table_name;
    if (is_pyproject(path)) {
        const toml::node* node = root.at_path("tool.snipcheck").node();
        if (node == nullptr) {
            if (required == TableRequired::no) {
                return std::optional<ConfigFile>();
            }
            return unexpected(one_error(path, fmt::format("no {} table: snipcheck reads its settings from there", k_pyproject_table)));
        }
        table = node->as_table();
        if (table == nullptr) {
            const toml::source_position where = node->source().begin;
            return unexpected(ConfigErrors{{path, static_cast<int>(where.line), Severity::error,
                                            "'tool.snipcheck' must be a table ([tool.snipcheck])",
                                            static_cast<int>(where.column)}});
        }
        table_name = k_pyproject_table;
    }
    ConfigErrors errors = read_config_table(*table, table_name, config);
    if (!errors.empty()) {
        return unexpected(std::move(errors));
    }
    return std::optional<ConfigFile>(std::move(config));
}

Expected<std::string, ConfigErrors> read_text(const fs::path& file, const std::string& shown) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return unexpected(one_error(shown, fmt::format("cannot read the configuration file: {}", std::strerror(errno))));
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        return unexpected(one_error(shown, "cannot read the configuration file"));
    }
    return text.str();
}

Expected<std::optional<ConfigFile>, ConfigErrors> read_file(const fs::path& file, const std::string& shown,
                                                            TableRequired required) {
    auto text = read_text(file, shown);
    if (!text) {
        return unexpected(text.error());
    }
    // Not every project's pyproject.toml is valid TOML, and one that never
    // names snipcheck is none of snipcheck's business.
    if (required == TableRequired::no && text->find("snipcheck") == std::string::npos) {
        return std::optional<ConfigFile>();
    }
    std::error_code error;
    const fs::path absolute = fs::absolute(file, error).lexically_normal();
    return parse_file_text(*text, shown, absolute.parent_path().string(), required);
}

bool is_file(const fs::path& path) {
    std::error_code error;
    return fs::is_regular_file(path, error);
}

}  // namespace

Expected<ConfigFile, ConfigErrors> parse_config(std::string_view text, const std::string& path,
                                               const std::string& folder) {
    auto config = parse_file_text(text, path, folder, TableRequired::yes);
    if (!config) {
        return unexpected(config.error());
    }
    return std::move(**config);
}

Expected<ConfigFile, ConfigErrors> read_config(const std::string& path) {
    if (!is_file(path)) {
        return unexpected(one_error(path, "no such configuration file"));
    }
    auto config = read_file(path, path, TableRequired::yes);
    if (!config) {
        return unexpected(config.error());
    }
    return std::move(**config);
}

Expected<std::optional<ConfigFile>, ConfigErrors> find_config(const std::string& start_folder) {
    std::error_code error;
    fs::path folder = fs::absolute(start_folder, error).lexically_normal();
    if (error) {
        return unexpected(one_error(start_folder, fmt::format("cannot search for {}: {}", k_config_name, error.message())));
    }
    if (!folder.has_filename() && folder.has_parent_path() && folder != folder.root_path()) {
        folder = folder.parent_path();  // "/a/b/" names the folder "/a/b"
    }
    // Messages name the file from where the search began: "../" per folder climbed.
    fs::path upward;
    while (true) {
        if (const fs::path config = folder / k_config_name; is_file(config)) {
            auto found = read_file(config, (upward / k_config_name).string(), TableRequired::yes);
            if (!found) {
                return unexpected(found.error());
            }
            return found;
        }
        if (const fs::path pyproject = folder / k_pyproject_name; is_file(pyproject)) {
            auto found = read_file(pyproject, (upward / k_pyproject_name).string(), TableRequired::no);
            if (!found || found->has_value()) {
                return found;
            }
        }
        // The top of a repository is as far as a project's settings reach.
        if (fs::exists(folder / ".git", error) || !folder.has_parent_path() || folder.parent_path() == folder) {
            return std::optional<ConfigFile>();
        }
        folder = folder.parent_path();
        upward /= "..";
    }
}

Expected<std::optional<ConfigFile>, ConfigErrors> load_config(const ConfigChoice& choice) {
    switch (choice.search) {
    case ConfigSearch::none: return std::optional<ConfigFile>();
    case ConfigSearch::given: {
        auto config = read_config(choice.path);
        if (!config) {
            return unexpected(config.error());
        }
        return std::optional<ConfigFile>(std::move(*config));
    }
    case ConfigSearch::nearest: break;
    }
    return find_config(".");
}

}  // namespace snipcheck
