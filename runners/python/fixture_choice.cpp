#include "runners/python/fixture_choice.hpp"

#include <algorithm>
#include <regex>
#include <set>
#include <string_view>

#include "runners/python/debian_packages.hpp"
#include "runners/python/imported_modules.hpp"

namespace snipcheck::runners::python {
namespace {

// Packages whose import means the snippet is framework code.
const std::set<std::string, std::less<>> k_django_tops = {"django", "rest_framework", "celery", "django_filters"};
// Packages whose import means the snippet talks to a Redis server.
const std::set<std::string, std::less<>> k_redis_tops = {"redis", "django_redis", "channels_redis"};
// Words in code (settings: CACHES, CELERY_BROKER_URL, CHANNEL_LAYERS) that name a Redis server.
constexpr std::string_view k_redis_words[] = {"redis://", "rediss://", "django_redis", "channels_redis",
                                              "backends.redis"};

std::string_view top_of(std::string_view module) { return module.substr(0, module.find('.')); }

void add(std::vector<std::string>& names, std::string name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
    }
}

// An INSTALLED_APPS entry or path comment names the reader's project unless
// it is Django itself or a library Debian packages.
bool is_own_package(const std::string& name) {
    return !name.empty() && !k_django_tops.count(name) && debian_package_for_module(name).empty() &&
           name.rfind("django", 0) != 0;
}

// 'blog', "shop.apps.ShopConfig" inside an INSTALLED_APPS list.
void installed_app_names(const std::string& code, std::vector<std::string>& names) {
    const std::size_t at = code.find("INSTALLED_APPS");
    if (at == std::string::npos) {
        return;
    }
    const std::size_t open = code.find_first_of("[(", at);
    const std::size_t close = open == std::string::npos ? open : code.find_first_of("])", open);
    if (close == std::string::npos) {
        return;
    }
    static const std::regex entry(R"(['"]([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z0-9_.]*)?['"])");
    const std::string list = code.substr(open, close - open);
    for (std::sregex_iterator it(list.begin(), list.end(), entry), end; it != end; ++it) {
        if (is_own_package((*it)[1])) {
            add(names, (*it)[1]);
        }
    }
}

// `# blog/models.py`, `# File: shop/views.py`.
void path_comment_names(const std::string& code, std::vector<std::string>& names) {
    if (code.find(".py") == std::string::npos) {
        return;  // most snippets name no file: spare them the regex
    }
    static const std::regex comment(R"((?:^|\n)\s*#\s*(?:[Ff]ile:\s*)?([A-Za-z_][A-Za-z0-9_]*)/[A-Za-z0-9_/]*\.py\b)");
    for (std::sregex_iterator it(code.begin(), code.end(), comment), end; it != end; ++it) {
        const std::string name = (*it)[1];
        if (name != "templates" && name != "static" && is_own_package(name)) {
            add(names, name);
        }
    }
}

bool names_redis(const std::string& code) {
    return std::any_of(std::begin(k_redis_words), std::end(k_redis_words),
                       [&](std::string_view word) { return code.find(word) != std::string::npos; });
}

}  // namespace

FixtureChoice choose_fixtures(const std::vector<const extractor::Snippet*>& snippets) {
    FixtureChoice choice;
    bool django = false;
    bool redis = false;
    for (const std::string& module : imported_modules(snippets)) {
        django = django || k_django_tops.count(top_of(module)) > 0;
        redis = redis || k_redis_tops.count(top_of(module)) > 0;
    }
    for (const extractor::Snippet* snippet : snippets) {
        django = django || snippet->language == "django-template";
        redis = redis || (snippet->language == "python" && names_redis(snippet->code));
        installed_app_names(snippet->code, choice.project_names);
        path_comment_names(snippet->code, choice.project_names);
    }
    if (django) {
        choice.fixtures.emplace_back("django");
    }
    if (redis) {
        choice.fixtures.emplace_back("redis");
    }
    return choice;
}

}  // namespace snipcheck::runners::python
