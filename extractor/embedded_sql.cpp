#include "extractor/embedded_sql.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "extractor/code_shape.hpp"
#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

bool is_sql_call(std::string_view name) {
    return name == "execute" || name == "executemany" || name == "executescript" || name == "raw";
}

// The prefix letters before a literal's quote ("rb", "f", "").
std::string_view literal_prefix(std::string_view text) {
    return text.substr(0, text.find_first_of("'\""));
}

// Appends the text of the (possibly multi-line) string token to `out`,
// recording the document line of each line it adds.
void append_literal(const std::vector<std::string_view>& lines, const std::vector<int>& line_map, const PyToken& token,
                    EmbeddedSql& out) {
    std::string_view first = lines[token.line].substr(token.column);
    const std::size_t quote_at = first.find_first_of("'\"");
    if (quote_at == std::string_view::npos) {
        return;
    }
    const char quote = first[quote_at];
    const bool triple = first.size() >= quote_at + 3 && first[quote_at + 1] == quote && first[quote_at + 2] == quote;
    const std::size_t width = triple ? 3 : 1;
    const auto doc_line = [&](int index) { return index < static_cast<int>(line_map.size()) ? line_map[index] : 0; };
    for (int l = token.line; l <= token.end_line && l < static_cast<int>(lines.size()); ++l) {
        std::string_view piece = lines[l];
        std::size_t begin = l == token.line ? token.column + quote_at + width : 0;
        std::size_t end = l == token.end_line ? static_cast<std::size_t>(token.end_column) - width : piece.size();
        if (begin > piece.size() || end < begin || end > piece.size()) {
            begin = std::min(begin, piece.size());
            end = std::max(begin, std::min(end, piece.size()));
        }
        piece = piece.substr(begin, end - begin);
        if (!triple && !piece.empty() && piece.back() == '\\') {
            piece.remove_suffix(1);  // a backslash continuation joins lines
        }
        // The text right after opening triple quotes is usually empty: start at the next line.
        if (l == token.line && triple && is_blank(piece) && token.end_line > token.line) {
            continue;
        }
        // Python joins adjacent literals with nothing between; a new line
        // keeps the line map honest and means the same to SQL.
        if (!out.sql.empty() && (out.line_map.empty() || out.line_map.back() != doc_line(l))) {
            out.sql += '\n';
        }
        out.sql += piece;
        if (out.line_map.empty() || out.line_map.back() != doc_line(l)) {
            out.line_map.push_back(doc_line(l));
        }
    }
}

// Takes the text by value: most literals have no common indent and are
// returned as they are, without a copy.
std::string dedent(std::string text) {
    std::size_t common = std::string::npos;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!is_blank(line)) {
            common = std::min(common, line.find_first_not_of(" \t"));
        }
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    if (common == 0 || common == std::string::npos) {
        return text;
    }
    std::string out;
    start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? std::string::npos : end - start);
        out += line.size() >= common ? line.substr(common) : std::string_view{};
        if (end == std::string::npos) {
            break;
        }
        out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace

std::vector<EmbeddedSql> find_embedded_sql(const std::vector<std::string_view>& lines, const std::vector<int>& line_map,
                                           const std::vector<PyToken>& tokens) {
    std::vector<EmbeddedSql> found;
    // (name, index of the string token bound to it), latest last. A map
    // allocated a node per string assignment; lookups are rare (execute(name)).
    // Reused across snippets: most bind a string, and each allocation showed.
    thread_local std::vector<std::pair<std::string_view, std::size_t>> bound;
    bound.clear();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const PyToken& token = tokens[i];
        // `sql = "SELECT ..."` remembered for a later execute(sql).
        if (token.kind == PyTokenKind::name && token.starts_line && i + 2 < tokens.size() &&
            tokens[i + 1].kind == PyTokenKind::op && tokens[i + 1].text == "=" && tokens[i + 2].kind == PyTokenKind::string) {
            bound.emplace_back(token.text, i + 2);
        }
        if (token.kind != PyTokenKind::name || !is_sql_call(token.text) || i + 2 >= tokens.size() ||
            tokens[i + 1].text != "(") {
            continue;
        }
        std::size_t arg = i + 2;
        while (arg < tokens.size() && tokens[arg].kind == PyTokenKind::comment) {
            ++arg;
        }
        if (arg >= tokens.size()) {
            break;
        }
        if (tokens[arg].kind == PyTokenKind::name) {
            const std::string_view name = tokens[arg].text;
            auto it = std::find_if(bound.rbegin(), bound.rend(), [name](const auto& entry) { return entry.first == name; });
            if (it == bound.rend() || arg + 1 >= tokens.size() || (tokens[arg + 1].text != "," && tokens[arg + 1].text != ")")) {
                continue;
            }
            arg = it->second;
        }
        EmbeddedSql sql;
        while (arg < tokens.size() && tokens[arg].kind == PyTokenKind::string) {
            std::string_view prefix = literal_prefix(tokens[arg].text);
            if (prefix.find_first_of("fF") != std::string_view::npos) {
                sql.interpolated = true;
            }
            if (prefix.find_first_of("bB") != std::string_view::npos) {
                break;
            }
            append_literal(lines, line_map, tokens[arg], sql);
            ++arg;
        }
        sql.sql = dedent(std::move(sql.sql));
        std::string_view text = trim(sql.sql);
        if (!text.empty() && is_sql_statement_start(text)) {
            // Lines of the literal before the SQL starts are not part of it.
            while (!sql.sql.empty() && sql.sql.front() == '\n') {
                sql.sql.erase(0, 1);
                sql.line_map.erase(sql.line_map.begin());
            }
            while (!sql.sql.empty() && std::isspace(static_cast<unsigned char>(sql.sql.back()))) {
                if (sql.sql.back() == '\n' && sql.line_map.size() > 1) {
                    sql.line_map.pop_back();
                }
                sql.sql.pop_back();
            }
            found.push_back(std::move(sql));
        }
    }
    return found;
}

}  // namespace snipcheck::extractor
