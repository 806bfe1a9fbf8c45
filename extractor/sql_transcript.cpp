#include "extractor/sql_transcript.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

struct Prompt {
    std::string_view first;         // "mysql> "
    std::string_view continuation;  // "    -> "
    std::string_view dialect;
};

// psql's prompt carries the database name: "postgres=# ", "shop=> ", "shop-# ".
constexpr Prompt k_prompts[] = {
    {"mysql> ", "-> ", "mysql"},
    {"MariaDB [", "-> ", "mysql"},  // "MariaDB [db]> "
    {"sqlite> ", "...> ", "sqlite"},
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || is_ascii_digit(c); }

// psql's prompt: a database name, then `=#`/`=>` on a statement's first line
// or `-#`, `'#`, `"#`, `(#` (and the same with `>`) on the lines that go on,
// then a space. Checked at the start of every block: a hand-written scan,
// not a regex.
std::size_t psql_prompt_length(std::string_view line, bool continuation) {
    if (line.empty() || !is_word_start(line[0])) {
        return 0;
    }
    std::size_t i = 1;
    while (i < line.size() && is_word_char(line[i])) {
        ++i;
    }
    if (i + 2 >= line.size()) {
        return 0;
    }
    const char state = line[i];
    const bool state_fits = continuation ? (state == '-' || state == '\'' || state == '"' || state == '(') : state == '=';
    if (!state_fits || (line[i + 1] != '#' && line[i + 1] != '>') || line[i + 2] != ' ') {
        return 0;
    }
    return i + 3;
}

// Length of the first-line prompt at the start of `line`, 0 when none.
std::size_t prompt_length(std::string_view line, std::string* dialect) {
    for (const Prompt& prompt : k_prompts) {
        if (line.substr(0, prompt.first.size()) == prompt.first) {
            std::size_t length = prompt.first.size();
            if (prompt.first == "MariaDB [") {
                const std::size_t end = line.find("]> ");
                if (end == std::string_view::npos) {
                    continue;
                }
                length = end + 3;
            }
            if (dialect != nullptr) {
                *dialect = prompt.dialect;
            }
            return length;
        }
    }
    if (const std::size_t length = psql_prompt_length(line, false); length > 0) {
        if (dialect != nullptr) {
            *dialect = "postgresql";
        }
        return length;
    }
    return 0;
}

std::size_t continuation_length(std::string_view line) {
    const std::string_view text = trim(line);
    for (std::string_view mark : {std::string_view("-> "), std::string_view("...> ")}) {
        if (text.substr(0, mark.size()) == mark || text == trim(mark)) {
            return line.find(trim(mark)) + std::min(mark.size(), text.size());
        }
    }
    return psql_prompt_length(line, true);
}

bool ends_statement(std::string_view code) {
    const std::string_view text = trim(code);
    return !text.empty() && (text.back() == ';' || text.substr(text.size() - std::min<std::size_t>(2, text.size())) == "\\G");
}

}  // namespace

namespace {

// looks_like_result_table over any run of lines: the first two non-blank
// ones decide.
bool starts_result_table(std::span<const std::string_view> lines) {
    std::array<std::string_view, 2> text;
    std::size_t found = 0;
    for (std::string_view line : lines) {
        if (!trim(line).empty()) {
            text[found++] = trim(line);
        }
        if (found == 2) {
            break;
        }
    }
    if (found == 0) {
        return false;
    }
    const auto rule = [](std::string_view line, std::string_view allowed) {
        return line.size() >= 3 && line.find_first_not_of(allowed) == std::string_view::npos &&
               line.find('-') != std::string_view::npos;
    };
    if (text[0].substr(0, 9) == "Empty set") {
        return true;
    }
    if (text[0].substr(0, 2) == "+-" && rule(text[0], "+-")) {
        return true;
    }
    if (found == 2 && rule(text[1], "|-:+ ") && text[0].find('|') != std::string_view::npos) {
        return true;
    }
    return false;
}

}  // namespace

bool looks_like_result_table(const std::vector<std::string_view>& lines) { return starts_result_table(lines); }

bool last_statement_returns_rows(std::string_view code) {
    std::string_view text = trim(code);
    while (!text.empty() && (text.back() == ';' || std::isspace(static_cast<unsigned char>(text.back())))) {
        text.remove_suffix(1);
    }
    const std::size_t semicolon = text.rfind(';');
    std::string_view last = semicolon == std::string_view::npos ? text : text.substr(semicolon + 1);
    // Skip leading comment lines.
    while (true) {
        last = trim(last);
        if (last.starts_with("--")) {
            const std::size_t end = last.find('\n');
            last = end == std::string_view::npos ? std::string_view{} : last.substr(end + 1);
        } else {
            break;
        }
    }
    std::string word;
    for (char c : last) {
        if (!std::isalpha(static_cast<unsigned char>(c))) {
            break;
        }
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return word == "SELECT" || word == "WITH" || word == "VALUES" || word == "SHOW" || word == "PRAGMA" ||
           word == "EXPLAIN" || word == "DESCRIBE" || word == "DESC" || word == "TABLE";
}

Expectation pipe_table_after(const std::vector<std::string_view>& document_lines, int line, bool after_query) {
    Expectation expectation;
    expectation.kind = ExpectationKind::output_block;
    auto index = static_cast<std::size_t>(std::max(1, line) - 1);
    bool labelled = false;
    while (index < document_lines.size()) {
        const std::string_view text = trim(document_lines[index]);
        if (text.empty()) {
            ++index;
        } else if (!labelled && (text == "Output:" || text == "Result:" || text == "**Output:**" || text == "**Result:**")) {
            labelled = true;
            ++index;
        } else {
            break;
        }
    }
    if (!labelled && !after_query) {
        return expectation;
    }
    std::vector<std::string_view> table;
    for (std::size_t i = index; i < document_lines.size() && trim(document_lines[i]).substr(0, 1) == "|"; ++i) {
        table.push_back(document_lines[i]);
    }
    if (table.size() < 2 || !looks_like_result_table(table)) {
        return expectation;
    }
    expectation.line = static_cast<int>(index) + 1;
    for (std::size_t i = 0; i < table.size(); ++i) {
        expectation.expected += std::string(table[i]) + (i + 1 < table.size() ? "\n" : "");
    }
    return expectation;
}

namespace {

// "12 rows" / "1 row" at text[i...]: the end of the match, or npos.
std::size_t skip_row_count(std::string_view text, std::size_t i) {
    const std::size_t digits = i;
    while (i < text.size() && is_ascii_digit(text[i])) {
        ++i;
    }
    if (i == digits || text.substr(i, 4) != " row") {
        return std::string_view::npos;
    }
    i += 4;
    return i < text.size() && text[i] == 's' ? i + 1 : i;
}

// A client's footer under a result table: "3 rows in set ...", "Empty set
// ...", "(3 rows)", "Query OK ...", alone on its line.
bool is_table_footer(std::string_view text) {
    if (text.find_first_of("\n\r") != std::string_view::npos) {
        return false;
    }
    if (text.starts_with("Empty set") || text.starts_with("Query OK")) {
        return true;
    }
    if (text.starts_with('(')) {
        const std::size_t end = skip_row_count(text, 1);
        return end != std::string_view::npos && end < text.size() && text[end] == ')';
    }
    const std::size_t end = skip_row_count(text, 0);
    return end != std::string_view::npos && text.substr(end, 7) == " in set";
}

bool is_table_line(std::string_view line) {
    const std::string_view text = trim(line);
    return !text.empty() && (text[0] == '+' || text[0] == '|' || is_table_footer(text));
}

}  // namespace

SqlTranscript split_sql_and_results(const std::vector<std::string_view>& lines, int first_line) {
    // Most SQL blocks show no table at all: answer them without a copy of their lines.
    if (std::none_of(lines.begin(), lines.end(), is_table_line)) {
        return {};
    }
    SqlTranscript result;
    bool found = false;
    int statement_line = 0;  // first line of the statement being read, 0 between statements
    int last_statement = 0;  // first line of the last complete statement
    std::size_t i = 0;
    while (i < lines.size()) {
        const std::string_view text = trim(lines[i]);
        if (statement_line == 0 && last_statement > 0 && is_table_line(lines[i]) &&
            starts_result_table(std::span(lines).subspan(i))) {
            Expectation expectation;
            expectation.kind = ExpectationKind::doctest;
            expectation.line = first_line + static_cast<int>(i);
            expectation.statement_line = last_statement;
            std::size_t end = i;
            while (end < lines.size() && is_table_line(lines[end])) {
                expectation.expected += std::string(lines[end]) + "\n";
                ++end;
            }
            expectation.expected.pop_back();
            result.expectations.push_back(std::move(expectation));
            found = true;
            i = end;
            continue;
        }
        const bool comment = text.starts_with("--") || text.starts_with("/*") || text.starts_with("*") || text.starts_with("#");
        if (!text.empty() && statement_line == 0 && !comment) {
            statement_line = first_line + static_cast<int>(i);
        }
        result.code.push_back(lines[i]);
        result.line_map.push_back(first_line + static_cast<int>(i));
        if (!text.empty() && text.back() == ';' && statement_line > 0) {
            last_statement = statement_line;
            statement_line = 0;
        }
        ++i;
    }
    if (!found) {
        return {};
    }
    return result;
}

bool is_sql_transcript(const std::vector<std::string_view>& lines) {
    for (std::string_view line : lines) {
        if (!trim(line).empty()) {
            return prompt_length(trim(line), nullptr) > 0;
        }
    }
    return false;
}

SqlTranscript parse_sql_transcript(const std::vector<std::string_view>& lines, int first_line) {
    SqlTranscript transcript;
    std::size_t i = 0;
    while (i < lines.size()) {
        std::string_view line = trim(lines[i]);
        const std::size_t prompt = prompt_length(line, &transcript.dialect);
        if (prompt == 0) {
            ++i;
            continue;
        }
        const int statement_line = first_line + static_cast<int>(i);
        std::string_view code = line.substr(prompt);
        // A client command (psql's \dt, sqlite3's .mode) is not SQL; its
        // output is skipped with it.
        if (!code.empty() && (code[0] == '\\' || code[0] == '.')) {
            ++i;
            while (i < lines.size() && prompt_length(trim(lines[i]), nullptr) == 0) {
                ++i;
            }
            continue;
        }
        transcript.code.push_back(code);
        transcript.line_map.push_back(statement_line);
        ++i;
        bool done = ends_statement(code);
        while (!done && i < lines.size()) {
            const std::size_t more = continuation_length(lines[i]);
            if (more == 0) {
                break;
            }
            code = lines[i].substr(std::min(more, lines[i].size()));
            transcript.code.push_back(code);
            transcript.line_map.push_back(first_line + static_cast<int>(i));
            done = ends_statement(code);
            ++i;
        }
        // The output: up to the next prompt; blank lines around it dropped.
        const std::size_t output_start = i;
        while (i < lines.size() && prompt_length(trim(lines[i]), nullptr) == 0) {
            ++i;
        }
        std::size_t begin = output_start;
        std::size_t end = i;
        while (begin < end && trim(lines[begin]).empty()) {
            ++begin;
        }
        while (end > begin && trim(lines[end - 1]).empty()) {
            --end;
        }
        if (begin == end) {
            continue;
        }
        Expectation expectation;
        expectation.line = first_line + static_cast<int>(begin);
        expectation.statement_line = statement_line;
        expectation.kind = ExpectationKind::doctest;
        for (std::size_t k = begin; k < end; ++k) {
            expectation.expected += std::string(lines[k]) + (k + 1 < end ? "\n" : "");
        }
        // "ERROR 1146 (42S02): Table ..." : the client reports an error.
        const std::string_view first_output = trim(lines[begin]);
        if (first_output.starts_with("ERROR ") || first_output.starts_with("ERROR:") ||
            first_output.starts_with("Parse error") || first_output.starts_with("Runtime error") ||
            first_output.starts_with("Error: ")) {
            expectation.kind = ExpectationKind::raises;
            expectation.expected = "SQLError";
        }
        // "Query OK, 1 row affected" says nothing a table could check.
        if (trim(lines[begin]).substr(0, 8) == "Query OK" && end - begin <= 2) {
            continue;
        }
        transcript.expectations.push_back(std::move(expectation));
    }
    return transcript;
}

}  // namespace snipcheck::extractor
