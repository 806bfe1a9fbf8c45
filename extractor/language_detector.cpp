#include "extractor/language_detector.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "extractor/code_shape.hpp"
#include "extractor/line_classifier.hpp"
#include "extractor/python_tokens.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::extractor {

// Compared as views: std::string == "literal" measures the literal with
// strlen on every call (languages are compared on every snippet).
using namespace std::string_view_literals;

namespace {

bool is_yaml_line(std::string_view text) {
    if (text.starts_with("- ") || text == "-" || text == "---") {
        return true;
    }
    std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return false;
    }
    std::string_view key = text.substr(0, colon);
    if (key.front() == '"' || key.front() == '\'') {
        key = key.substr(1, key.size() >= 2 ? key.size() - 2 : 0);
    }
    for (char c : key) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '/')) {
            return false;
        }
    }
    return colon + 1 == text.size() || text[colon + 1] == ' ';
}

bool is_nginx_line(std::string_view text) {
    if (text == "}" || text.ends_with("{") || text.ends_with(";")) {
        return text.find('(') == std::string_view::npos || text.starts_with("location") || text.starts_with("if");
    }
    return false;
}

bool is_javascript_line(std::string_view text) {
    static constexpr std::array<std::string_view, 14> k_starts = {
        "const ", "let ", "var ", "function ", "import ", "export ", "return ", "if (", "for (", "} else",
        "console.", "document.", "window.", "async function"};
    for (std::string_view start : k_starts) {
        if (text.starts_with(start)) {
            return true;
        }
    }
    return text.starts_with("//") || text.find("=>") != std::string_view::npos || text.ends_with(";") ||
           text == "}" || text == "});" || text == "};";
}

bool is_haproxy_line(std::string_view text, int indent) {
    static constexpr std::array<std::string_view, 5> k_sections = {"global", "defaults", "frontend", "backend", "listen"};
    if (indent == 0) {
        for (std::string_view section : k_sections) {
            if (text == section || text.starts_with(std::string(section) + " ")) {
                return true;
            }
        }
        return false;
    }
    return find_one_of(text, "=;{}()") == std::string_view::npos;
}

// Enough lines to tell a language; judging all of a long block costs time
// and changes nothing.
constexpr std::size_t k_sample_lines = 40;

// How well the lines fit each language: the share of meaningful lines that
// have that language's shape (comments and blank lines do not count).
// Measured lazily, one language at a time, on a sample of the block: most
// blocks are settled by the first language asked about.
class Fit {
public:
    // The sample is the first k_sample_lines lines of `all_lines`, which
    // must outlive the Fit. `lent_tokens`: where to tokenize the lines when
    // the Python measure needs it, so a caller can keep the tokens (or null).
    // `known_shapes`: the lines' Python shapes where a lexer judged them.
    explicit Fit(const std::vector<std::string_view>& all_lines, std::vector<PyToken>* lent_tokens = nullptr,
                 std::span<const std::optional<LineShape>> known_shapes = {})
        : m_lines(all_lines), m_sample_size(std::min(all_lines.size(), k_sample_lines)), m_lent_tokens(lent_tokens),
          m_known_shapes(known_shapes) {
        for (std::size_t i = 0; i < m_sample_size; ++i) {
            std::string_view text = trim(all_lines[i]);
            const bool comment = !text.empty() && (text[0] == '#' || text.starts_with("//") || text.starts_with("--")) &&
                                 !text.starts_with("#!");
            if (!text.empty() && !comment) {
                m_meaningful[m_meaningful_count++] = static_cast<std::uint8_t>(i);
            }
        }
    }

    int lines() const { return static_cast<int>(m_meaningful_count); }

    // Whether the lent tokens are now those of all the lines.
    bool lent_tokens_of_all_lines() const { return m_lent_tokens_of_all_lines; }

    double python() {
        if (m_python < 0) {
            thread_local std::vector<LineShape> shapes;
            // Shapes a lexer judged need no tokens here; a caller that
            // wants the tokens then makes them itself.
            if (!known_sample_shapes(shapes)) {
                thread_local std::vector<std::string_view> sample_copy;
                thread_local std::vector<PyToken> own_tokens;
                std::vector<PyToken>& tokens = m_lent_tokens != nullptr ? *m_lent_tokens : own_tokens;
                // The tokenizer takes a vector: the lines themselves when the
                // sample is all of them, else a copy of the sample.
                const std::vector<std::string_view>* sample = &m_lines;
                if (m_sample_size < m_lines.size()) {
                    sample_copy.assign(m_lines.begin(), m_lines.begin() + static_cast<std::ptrdiff_t>(m_sample_size));
                    sample = &sample_copy;
                }
                tokenize_python(*sample, tokens);
                m_lent_tokens_of_all_lines = m_lent_tokens != nullptr && sample == &m_lines;
                python_block_shapes(*sample, tokens, m_sample_size, shapes);
            }
            m_python_strong = 0;
            m_python = share([&](std::string_view, std::size_t index) {
                m_python_strong += shapes[index] == LineShape::strong ? 1 : 0;
                return shapes[index] != LineShape::not_code;
            });
        }
        return m_python;
    }
    int python_strong() {
        python();
        return m_python_strong;
    }
    double dockerfile() {
        bool continued = false;
        return share([&](std::string_view text, std::size_t) {
            const bool fits = is_dockerfile_instruction(text) || continued;
            continued = text.ends_with("\\");
            return fits;
        });
    }
    double sql() {
        int seen = 0;
        return share([&](std::string_view text, std::size_t) {
            const bool fits = is_sql_statement_start(text) ||
                              (seen > 0 && (std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
                                            !looks_like_prose(text)));
            seen += fits ? 1 : 0;
            return fits;
        });
    }
    double shell() { return share([](std::string_view text, std::size_t) { return is_shell_command(text); }); }
    double yaml() { return share([](std::string_view text, std::size_t) { return is_yaml_line(text); }); }
    double nginx() { return share([](std::string_view text, std::size_t) { return is_nginx_line(text); }); }
    double javascript() { return share([](std::string_view text, std::size_t) { return is_javascript_line(text); }); }
    double ini() {
        return share([](std::string_view text, std::size_t) {
            return (text.starts_with("[") && text.ends_with("]")) ||
                   (text.find('=') != std::string_view::npos && text.find('(') == std::string_view::npos);
        });
    }
    double haproxy() {
        return share([this](std::string_view text, std::size_t index) { return is_haproxy_line(text, indent_width(m_lines[index])); });
    }
    double html() {
        return share([](std::string_view text, std::size_t) {
            return text.starts_with("<") || text.starts_with("{%") || text.starts_with("{{");
        });
    }
    double env() {
        return share([](std::string_view text, std::size_t) {
            const std::size_t eq = text.find('=');
            return eq != std::string_view::npos && eq > 0 && text.find(' ') > eq && std::isupper(static_cast<unsigned char>(text[0]));
        });
    }

private:
    // The sample's shapes from m_known_shapes into `shapes`, when it has
    // one for every line of the sample.
    bool known_sample_shapes(std::vector<LineShape>& shapes) const {
        if (m_known_shapes.size() < m_sample_size) {
            return false;
        }
        const auto known = m_known_shapes.first(m_sample_size);
        if (!std::all_of(known.begin(), known.end(), [](const std::optional<LineShape>& shape) { return shape.has_value(); })) {
            return false;
        }
        shapes.resize(m_sample_size);
        std::transform(known.begin(), known.end(), shapes.begin(), [](const std::optional<LineShape>& shape) { return *shape; });
        return true;
    }

    template <typename Fits>
    double share(Fits fits) {
        if (m_meaningful_count == 0) {
            return 0;
        }
        int count = 0;
        for (std::size_t k = 0; k < m_meaningful_count; ++k) {
            const std::size_t index = m_meaningful[k];
            count += fits(trim(m_lines[index]), index) ? 1 : 0;
        }
        return static_cast<double>(count) / static_cast<double>(m_meaningful_count);
    }

    const std::vector<std::string_view>& m_lines;
    std::size_t m_sample_size;
    std::vector<PyToken>* m_lent_tokens;
    std::span<const std::optional<LineShape>> m_known_shapes;
    bool m_lent_tokens_of_all_lines = false;
    // Indexes of the sample's lines that are neither blank nor comments.
    std::array<std::uint8_t, k_sample_lines> m_meaningful{};
    std::size_t m_meaningful_count = 0;
    double m_python = -1;
    int m_python_strong = 0;
};

std::string_view first_code_text(const std::vector<std::string_view>& lines) {
    for (std::string_view line : lines) {
        std::string_view text = trim(line);
        if (!text.empty() && text[0] != '#' && !text.starts_with("//")) {
            return text;
        }
    }
    return {};
}

// Valid JSON as a whole (a real parser, not a guess); small blocks only.
bool is_json(const std::vector<std::string_view>& lines) {
    std::string text;
    for (std::string_view line : lines) {
        text += line;
        text += '\n';
        if (text.size() > (1u << 20)) {
            return false;
        }
    }
    return nlohmann::json::accept(text);
}

std::string classify(const std::vector<std::string_view>& lines, Fit& fit) {
    if (fit.lines() == 0) {
        return "text";
    }
    const std::string_view first = first_code_text(lines);
    if ((first.starts_with("{") || first.starts_with("[")) && is_json(lines)) {
        return "json";
    }
    if ((first.starts_with("FROM ") || first.starts_with("ARG ")) && fit.dockerfile() >= 0.8) {
        return "dockerfile";
    }
    if ((first.starts_with("global") || first.starts_with("defaults") || first.starts_with("frontend") ||
         first.starts_with("backend") || first.starts_with("listen")) && fit.lines() >= 3 && fit.haproxy() >= 0.8) {
        return "haproxy";
    }
    if (is_sql_statement_start(first) && fit.sql() >= 0.8) {
        return "sql";
    }
    if (fit.python() >= 0.9 && fit.python_strong() > 0 && fit.python_strong() * 4 >= fit.lines()) {
        return "python";
    }
    if (fit.shell() >= 0.6) {
        return "bash";
    }
    if (fit.lines() >= 2 && fit.nginx() >= 0.8) {
        return "nginx";
    }
    if (fit.html() >= 0.5) {
        return "html";
    }
    if (fit.javascript() >= 0.7 && fit.python() < 0.9) {
        return "javascript";
    }
    if (fit.env() >= 0.9) {
        return "env";
    }
    if (fit.lines() >= 2 && fit.yaml() >= 0.8) {
        return "yaml";
    }
    if (first.starts_with("[") && fit.ini() >= 0.8) {
        return "ini";
    }
    if (fit.python() >= 0.8 && fit.python_strong() > 0) {
        return "python";
    }
    return "text";
}

// How well the content fits the language its tag names; 1 for languages we
// cannot judge, so their tags are trusted.
double tag_fit(const std::string& language, Fit& fit) {
    if (language == "python"sv) return fit.python();
    if (language == "dockerfile"sv) return fit.dockerfile();
    if (language == "sql"sv) return fit.sql();
    if (language == "nginx"sv) return fit.nginx();
    if (language == "javascript"sv) return fit.javascript();
    return 1.0;
}

}  // namespace

namespace {

// Info-string words and the language (and SQL dialect) each names, looked up
// by a scan over lower-cased words: every block asks, several times.
struct TagAlias {
    std::string_view tag;
    std::string_view language;
    std::string_view dialect;  // empty: the tag says nothing about the dialect
};

constexpr TagAlias k_tag_aliases[] = {
    {"py", "python", ""}, {"python", "python", ""}, {"python3", "python", ""}, {"py3", "python", ""},
    {"pycon", "python", ""}, {"ipython", "python", ""}, {"python-repl", "python", ""}, {"pyrepl", "python", ""},
    {"sh", "bash", ""}, {"bash", "bash", ""}, {"shell", "bash", ""}, {"zsh", "bash", ""}, {"console", "bash", ""},
    {"shell-session", "bash", ""}, {"terminal", "bash", ""}, {"cmd", "bash", ""},
    {"sql", "sql", ""}, {"mysql", "sql", "mysql"}, {"mariadb", "sql", "mysql"}, {"postgresql", "sql", "postgresql"},
    {"postgres", "sql", "postgresql"}, {"psql", "sql", "postgresql"}, {"pgsql", "sql", "postgresql"},
    {"plpgsql", "sql", "postgresql"}, {"sqlite", "sql", "sqlite"}, {"sqlite3", "sql", "sqlite"},
    {"tsql", "sql", "tsql"}, {"mssql", "sql", "tsql"},
    {"dockerfile", "dockerfile", ""}, {"docker", "dockerfile", ""},
    {"yaml", "yaml", ""}, {"yml", "yaml", ""},
    {"json", "json", ""}, {"jsonc", "json", ""}, {"json5", "json", ""},
    {"js", "javascript", ""}, {"javascript", "javascript", ""}, {"node", "javascript", ""}, {"jsx", "javascript", ""},
    {"mjs", "javascript", ""},
    {"ts", "typescript", ""}, {"typescript", "typescript", ""}, {"tsx", "typescript", ""},
    {"ini", "ini", ""}, {"cfg", "ini", ""}, {"conf", "ini", ""}, {"dosini", "ini", ""},
    {"html", "html", ""}, {"htm", "html", ""}, {"xhtml", "html", ""}, {"htmldjango", "html", ""}, {"django", "html", ""},
    {"jinja", "html", ""}, {"jinja2", "html", ""}, {"j2", "html", ""},
    {"text", "text", ""}, {"txt", "text", ""}, {"plaintext", "text", ""}, {"plain", "text", ""}, {"none", "text", ""},
    {"output", "text", ""}, {"out", "text", ""}, {"stdout", "text", ""}, {"result", "text", ""},
    {"env", "env", ""}, {"dotenv", "env", ""},
};

// No alias is longer; a longer word is compared as it is, lower-cased.
constexpr std::size_t k_longest_alias = 16;

}  // namespace

std::string language_from_tag(std::string_view info, std::string* dialect) {
    std::string_view word = trim(info);
    if (word.starts_with("{")) {
        word.remove_prefix(1);
        while (!word.empty() && (word.front() == '.' || word.front() == ' ')) {
            word.remove_prefix(1);
        }
    }
    std::size_t end = find_one_of(word, " \t{},;:=");
    word = word.substr(0, end);
    if (word.starts_with("language-")) {
        word.remove_prefix(9);
    }
    if (word.empty()) {
        return "";
    }
    if (word.size() > k_longest_alias) {
        return lower(word);
    }
    char buffer[k_longest_alias];
    for (std::size_t i = 0; i < word.size(); ++i) {
        buffer[i] = ascii_lower(word[i]);
    }
    const std::string_view tag(buffer, word.size());
    for (const TagAlias& alias : k_tag_aliases) {
        if (alias.tag == tag) {
            if (dialect != nullptr && !alias.dialect.empty()) {
                *dialect = alias.dialect;
            }
            return std::string(alias.language);
        }
    }
    return std::string(tag);
}

std::string language_from_content(const std::vector<std::string_view>& lines) {
    Fit fit(lines);
    return classify(lines, fit);
}

double python_tag_fit(const std::vector<std::string_view>& lines, const std::vector<PyToken>& tokens, int* meaningful) {
    // A plainly wrong tag shows in the first lines; a long block need not be
    // read to the end, and one whose first lines read as Python, one of them
    // a statement only Python has (import, def, assignment ...), is Python.
    constexpr std::size_t k_quick_lines = 3;
    constexpr std::size_t k_tag_sample_lines = 16;
    thread_local std::vector<LineShape> shapes;  // reused: every block tagged python is judged
    if (lines.size() > k_quick_lines) {
        python_block_shapes(lines, tokens, k_quick_lines, shapes);
        const std::vector<LineShape>& first = shapes;
        const bool none_foreign = std::none_of(first.begin(), first.end(), [](LineShape shape) { return shape == LineShape::not_code; });
        const bool one_strong = std::any_of(first.begin(), first.end(), [](LineShape shape) { return shape == LineShape::strong; });
        if (none_foreign && one_strong) {
            *meaningful = static_cast<int>(k_quick_lines);
            return 1.0;
        }
    }
    python_block_shapes(lines, tokens, k_tag_sample_lines, shapes);
    int counted = 0;
    int fitting = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        std::string_view text = trim(lines[i]);
        if (text.empty() || (text[0] == '#' && !text.starts_with("#!"))) {
            continue;
        }
        ++counted;
        fitting += shapes[i] != LineShape::not_code ? 1 : 0;
    }
    *meaningful = counted;
    return counted == 0 ? 1.0 : static_cast<double>(fitting) / counted;
}

LanguageGuess detect_language(std::string_view info, const std::vector<std::string_view>& lines,
                              std::vector<PyToken>* tokens, std::span<const std::optional<LineShape>> known_shapes) {
    LanguageGuess guess;
    guess.language = language_from_tag(info, &guess.dialect);
    Fit fit(lines, tokens, known_shapes);
    if (guess.language.empty()) {
        guess.language = classify(lines, fit);
        guess.tokens_of_lines = fit.lent_tokens_of_all_lines();
        return guess;
    }
    // A tag is plainly wrong when its language cannot read most lines and
    // another language reads nearly all of them. A one- or two-line block is
    // overruled only when the tag reads none of it and it is shell commands
    // (`docker run ...` tagged js).
    const double tag_share = fit.lines() >= 1 ? tag_fit(guess.language, fit) : 1.0;
    if ((fit.lines() >= 3 && tag_share < 0.5) || (fit.lines() >= 1 && tag_share == 0.0)) {
        std::string content = classify(lines, fit);
        const bool short_block = fit.lines() < 3;
        if (content != "text" && content != guess.language && (!short_block || content == "bash")) {
            guess.language = content;
            guess.dialect.clear();
            guess.tag_overruled = true;
        }
    }
    guess.tokens_of_lines = fit.lent_tokens_of_all_lines();
    return guess;
}

bool is_known_language(std::string_view word) {
    static constexpr std::string_view k_names[] = {
        "python", "sql", "bash", "dockerfile", "yaml", "json", "javascript", "typescript", "ini", "html", "text",
        "env", "nginx", "haproxy", "toml", "xml", "css", "scss", "c", "cpp", "c++", "java", "go", "rust", "ruby",
        "php", "kotlin", "swift", "scala", "r", "perl", "lua", "haskell", "csharp", "cs", "diff", "markdown", "md",
        "makefile", "make", "powershell", "ps1", "graphql", "proto", "terraform", "hcl", "console", "pycon"};
    const std::string tag = lower(word);
    const std::string language = language_from_tag(tag);
    if (language != tag) {
        return true;  // an alias we map (py, yml, js, mysql ...)
    }
    for (std::string_view name : k_names) {
        if (tag == name) {
            return true;
        }
    }
    return false;
}

bool is_output_tag(std::string_view info) {
    // The tags language_from_tag reads as "text", and `console` transcripts.
    return language_from_tag(info) == "text"sv || equals_lower(trim(info).substr(0, trim(info).find(' ')), "console");
}

}  // namespace snipcheck::extractor
