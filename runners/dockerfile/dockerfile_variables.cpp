#include "runners/dockerfile/dockerfile_variables.hpp"

#include <cctype>

#include "runners/dockerfile/dockerfile_words.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Docker's word processing (its shell lexer's ProcessWord): one pass over a
// word, quotes and escapes handled, `$` expanded unless `m_variables` is null.
class Expander {
public:
    Expander(std::string_view text, const Variables* variables, char escape, Expansion& out)
        : m_text(text), m_variables(variables), m_escape(escape), m_out(out) {}

    // Processes up to an unquoted `stop` (not consumed), or to the end.
    std::string until(char stop) {
        std::string result;
        while (m_pos < m_text.size() && m_text[m_pos] != stop) {
            const char c = m_text[m_pos++];
            if (c == '\'') {
                single_quoted(result);
            } else if (c == '"') {
                double_quoted(result);
            } else if (c == m_escape) {
                if (m_pos < m_text.size()) {
                    result += m_text[m_pos++];
                }
            } else if (c == '$') {
                dollar(result);
            } else {
                result += c;
            }
        }
        return result;
    }

    bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
    void skip() { ++m_pos; }

private:
    void fail(std::string message) {
        if (m_out.error.empty()) {
            m_out.error = std::move(message);
        }
    }

    void single_quoted(std::string& result) {
        const std::size_t close = m_text.find('\'', m_pos);
        if (close == std::string_view::npos) {
            fail("unclosed single quote");
            result += m_text.substr(m_pos);
            m_pos = m_text.size();
            return;
        }
        result += m_text.substr(m_pos, close - m_pos);
        m_pos = close + 1;
    }

    void double_quoted(std::string& result) {
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            const char c = m_text[m_pos++];
            if (c == m_escape && m_pos < m_text.size() &&
                (m_text[m_pos] == '"' || m_text[m_pos] == '$' || m_text[m_pos] == m_escape)) {
                result += m_text[m_pos++];
            } else if (c == '$') {
                dollar(result);
            } else {
                result += c;
            }
        }
        if (m_pos >= m_text.size()) {
            fail("unclosed double quote");
        }
        ++m_pos;
    }

    const std::string* lookup(const std::string& name) const {
        const auto found = m_variables->find(name);
        return found == m_variables->end() ? nullptr : &found->second;
    }

    void dollar(std::string& result) {
        const std::size_t start = m_pos - 1;
        if (m_variables == nullptr) {
            result += '$';
            return;
        }
        if (at('{')) {
            ++m_pos;
            braced(result, start);
            return;
        }
        const std::size_t name_start = m_pos;
        while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) {
            ++m_pos;
        }
        if (m_pos == name_start) {
            result += '$';  // a lone $ is itself
            return;
        }
        const std::string name(m_text.substr(name_start, m_pos - name_start));
        if (const std::string* value = lookup(name)) {
            result += *value;
        } else {
            m_out.unresolved.push_back(name);
        }
    }

    void braced(std::string& result, std::size_t start) {
        const std::size_t name_start = m_pos;
        while (m_pos < m_text.size() && is_name_char(m_text[m_pos])) {
            ++m_pos;
        }
        const std::string name(m_text.substr(name_start, m_pos - name_start));
        const std::string* value = lookup(name);
        if (at('}')) {
            ++m_pos;
            if (value != nullptr) {
                result += *value;
            } else {
                m_out.unresolved.push_back(name);
            }
            return;
        }
        if (m_pos >= m_text.size()) {
            fail("missing } in " + std::string(m_text.substr(start)));
            return;
        }
        const bool colon = at(':');
        m_pos += colon ? 1 : 0;
        const char modifier = m_pos < m_text.size() ? m_text[m_pos] : '\0';
        if (name.empty() || (modifier != '-' && modifier != '+' && modifier != '?')) {
            fail("unsupported or malformed substitution " + std::string(m_text.substr(start, m_pos - start + 1)));
            const std::size_t close = m_text.find('}', m_pos);
            m_pos = close == std::string_view::npos ? m_text.size() : close + 1;
            return;
        }
        ++m_pos;
        const std::string word = until('}');
        if (!at('}')) {
            fail("missing } in " + std::string(m_text.substr(start)));
        }
        ++m_pos;
        // With a colon an empty value counts as unset.
        const bool set = value != nullptr && (!colon || !value->empty());
        if (modifier == '-') {
            result += set ? *value : word;
        } else if (modifier == '+') {
            result += set ? word : std::string();
        } else if (set) {
            result += *value;
        } else {
            fail(word.empty() ? name + " is not set" : name + ": " + word);
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    const Variables* m_variables;
    char m_escape;
    Expansion& m_out;
};

}  // namespace

Expansion expand_variables(std::string_view word, const Variables& variables, char escape) {
    Expansion expansion;
    Expander expander(word, &variables, escape, expansion);
    expansion.text = expander.until('\0');
    return expansion;
}

std::string unquote(std::string_view word, char escape) {
    Expansion ignored;
    return Expander(word, nullptr, escape, ignored).until('\0');
}

std::vector<Assignment> assignments(const Instruction& instruction) {
    std::vector<Assignment> result;
    const std::string& keyword = instruction.keyword;
    if (keyword != "ARG" && keyword != "ENV" && keyword != "LABEL") {
        return result;
    }
    if (keyword != "ARG" && !instruction.words.empty() && instruction.words[0].find('=') == std::string::npos) {
        const std::vector<std::string> parts = split_blank_separated(instruction.arguments);
        if (parts.size() >= 2) {
            const std::string_view rest = std::string_view(instruction.arguments).substr(parts[0].size());
            result.push_back({parts[0], std::string(trim_blanks(rest))});
        }
        return result;
    }
    for (const std::string& word : instruction.words) {
        const std::size_t equals = word.find('=');
        if (equals == 0) {
            continue;
        }
        if (equals == std::string::npos) {
            if (keyword == "ARG") {
                result.push_back({word, std::nullopt});
            }
            continue;
        }
        result.push_back({word.substr(0, equals), word.substr(equals + 1)});
    }
    return result;
}

Variables global_arguments(const ParsedDockerfile& parsed) {
    Variables globals;
    for (const Instruction& instruction : parsed.instructions) {
        if (instruction.keyword == "FROM") {
            break;
        }
        for (const Assignment& assignment : assignments(instruction)) {
            if (instruction.keyword != "ARG") {
                continue;
            }
            if (assignment.value) {
                globals[assignment.name] = expand_variables(*assignment.value, globals, parsed.escape).text;
            } else {
                globals.erase(assignment.name);
            }
        }
    }
    return globals;
}

}  // namespace snipcheck::runners::dockerfile
