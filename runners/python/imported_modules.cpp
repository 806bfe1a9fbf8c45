#include "runners/python/imported_modules.hpp"

#include <set>
#include <string_view>

namespace snipcheck::runners::python {
namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
}

std::string_view skip_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    return text;
}

// Reads a dotted name at the start of `text`; empty when there is none.
std::string_view dotted_name(std::string_view text) {
    std::size_t length = 0;
    while (length < text.size() && is_name_char(text[length])) {
        ++length;
    }
    return text.substr(0, length);
}

bool usable(std::string_view name) {
    return !name.empty() && name.front() != '.' && name.back() != '.' && !(name.front() >= '0' && name.front() <= '9');
}

}  // namespace

std::vector<std::string> imported_modules(const std::vector<const extractor::Snippet*>& snippets) {
    std::vector<std::string> modules;
    std::set<std::string, std::less<>> seen;
    const auto add = [&](std::string_view name) {
        if (usable(name) && seen.find(name) == seen.end()) {
            seen.emplace(name);
            modules.emplace_back(name);
        }
    };
    for (const extractor::Snippet* snippet : snippets) {
        std::string_view code = snippet->code;
        while (!code.empty()) {
            const std::size_t end = code.find('\n');
            std::string_view line = skip_spaces(code.substr(0, end));
            code = end == std::string_view::npos ? std::string_view() : code.substr(end + 1);
            if (line.substr(0, 5) == "from " || line.substr(0, 5) == "from\t") {
                std::string_view rest = skip_spaces(line.substr(5));
                const std::string_view name = dotted_name(rest);
                if (skip_spaces(rest.substr(name.size())).substr(0, 7) == "import ") {
                    add(name);
                }
            } else if (line.substr(0, 7) == "import " || line.substr(0, 7) == "import\t") {
                // import a, b.c as d
                std::string_view rest = line.substr(7);
                for (;;) {
                    rest = skip_spaces(rest);
                    const std::string_view name = dotted_name(rest);
                    if (name.empty()) {
                        break;
                    }
                    add(name);
                    const std::size_t comma = rest.find(',');
                    if (comma == std::string_view::npos) {
                        break;
                    }
                    rest.remove_prefix(comma + 1);
                }
            }
        }
    }
    return modules;
}

}  // namespace snipcheck::runners::python
