#include "runners/sql/sql_statements.hpp"

#include <cctype>
#include <regex>

namespace snipcheck::runners::sql {
namespace {

bool is_blank_or_comment(std::string_view text, SqlSyntax syntax) {
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (text.substr(i, 2) == "--" || (syntax == SqlSyntax::mysql && c == '#')) {
            const std::size_t end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end;
        } else if (text.substr(i, 2) == "/*") {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            return false;
        }
    }
    return true;
}

// Offset of the first character that is neither blank nor in a comment.
std::size_t skip_blanks_and_comments(std::string_view text, SqlSyntax syntax) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (std::isspace(static_cast<unsigned char>(text[i]))) {
            ++i;
        } else if (text.substr(i, 2) == "--" || (syntax == SqlSyntax::mysql && text[i] == '#')) {
            const std::size_t end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end;
        } else if (text.substr(i, 2) == "/*") {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

std::string upper_word_at(std::string_view text, std::size_t i) {
    std::string word;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_')) {
        word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
        ++i;
    }
    return word;
}

bool word_start(std::string_view text, std::size_t i) {
    return i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_');
}

// "$$" or "$tag$" when a dollar quote opens at `i`; empty otherwise ($1 is a parameter).
std::string_view dollar_tag(std::string_view text, std::size_t i) {
    if (text[i] != '$' || (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_'))) {
        return {};
    }
    std::size_t j = i + 1;
    while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) || text[j] == '_')) {
        ++j;
    }
    return j < text.size() && text[j] == '$' ? text.substr(i, j - i + 1) : std::string_view{};
}

// Walks SQL text, calling `visit(i)` for every character outside quotes and
// comments. Returns nothing; the visitor keeps its own state.
template <typename Visit>
void walk_code(std::string_view text, Visit visit, SqlSyntax syntax = SqlSyntax::standard) {
    const bool mysql = syntax == SqlSyntax::mysql;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\'' || c == '"' || c == '`') {
            std::size_t j = i + 1;
            while (j < text.size()) {
                if (text[j] == c) {
                    if (j + 1 < text.size() && text[j + 1] == c) {
                        j += 2;  // a doubled quote is one quote character
                        continue;
                    }
                    break;
                }
                if (mysql && text[j] == '\\' && c == '\'') {
                    ++j;  // MySQL's backslash escapes
                }
                ++j;
            }
            i = std::min(j + 1, text.size());
        } else if (text.substr(i, 2) == "--" || (mysql && c == '#')) {
            const std::size_t end = text.find('\n', i);
            i = end == std::string_view::npos ? text.size() : end;
        } else if (text.substr(i, 2) == "/*") {
            const std::size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else if (const std::string_view tag = mysql ? std::string_view{} : dollar_tag(text, i); !tag.empty()) {
            // PostgreSQL's $$ ... $$ (or $body$ ... $body$) function bodies.
            const std::size_t end = text.find(tag, i + tag.size());
            i = end == std::string_view::npos ? text.size() : end + tag.size();
        } else {
            const std::size_t next = visit(i);
            i = next > i ? next : i + 1;
        }
    }
}

int line_at(std::string_view code, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < code.size(); ++i) {
        line += code[i] == '\n' ? 1 : 0;
    }
    return line;
}

}  // namespace

std::vector<SqlStatement> split_sql_statements(std::string_view code, SqlSyntax syntax) {
    std::vector<SqlStatement> statements;
    std::size_t start = 0;
    std::string delimiter = ";";
    int block_depth = 0;  // BEGIN ... END of a trigger body holds semicolons
    bool in_trigger = false;
    const auto finish = [&](std::size_t end) {
        std::string_view text = code.substr(start, end - start);
        if (!is_blank_or_comment(text, syntax)) {
            std::size_t lead = skip_blanks_and_comments(text, syntax);
            std::size_t trail = text.size();
            while (trail > lead && std::isspace(static_cast<unsigned char>(text[trail - 1]))) {
                --trail;
            }
            statements.push_back({std::string(text.substr(lead, trail - lead)), line_at(code, start + lead),
                                  line_at(code, start + trail - (trail > lead ? 1 : 0))});
        }
        start = std::min(code.size(), end + delimiter.size());
        in_trigger = false;
        block_depth = 0;
    };
    walk_code(code, [&](std::size_t i) -> std::size_t {
        const char c = code[i];
        // The mysql client's `DELIMITER //` on a line of its own.
        if (syntax == SqlSyntax::mysql && (i == 0 || code[i - 1] == '\n') && (c == 'D' || c == 'd') &&
            upper_word_at(code, i) == "DELIMITER") {
            const std::size_t line_end = std::min(code.find('\n', i), code.size());
            const std::string_view rest = code.substr(i + 9, line_end - i - 9);
            const std::size_t first = rest.find_first_not_of(" \t");
            if (first != std::string_view::npos) {
                finish(i > 0 ? i - 1 : 0);
                delimiter = std::string(rest.substr(first, rest.find_first_of(" \t\r", first) - first));
                start = std::min(code.size(), line_end + 1);
                return line_end;
            }
        }
        if (std::isalpha(static_cast<unsigned char>(c)) && word_start(code, i)) {
            const std::string word = upper_word_at(code, i);
            if (word == "TRIGGER" || word == "FUNCTION" || word == "PROCEDURE") {
                in_trigger = true;
            } else if (in_trigger && (word == "BEGIN" || word == "CASE")) {
                ++block_depth;
            } else if (in_trigger && word == "END" && block_depth > 0) {
                // END IF / END LOOP / END WHILE / END REPEAT close what never
                // counted; END CASE closes a CASE (counted above), once.
                std::size_t next = i + word.size();
                while (next < code.size() && (code[next] == ' ' || code[next] == '\t')) {
                    ++next;
                }
                const std::string closes = upper_word_at(code, next);
                if (closes == "IF" || closes == "LOOP" || closes == "WHILE" || closes == "REPEAT") {
                    return next + closes.size();
                }
                --block_depth;
                if (closes == "CASE") {
                    return next + closes.size();
                }
            }
            return i + word.size();
        }
        // A DELIMITER of its own says where statements end, bodies or not.
        if ((block_depth == 0 || delimiter != ";") && code.compare(i, delimiter.size(), delimiter) == 0) {
            finish(i);
            return i + delimiter.size();
        }
        return i + 1;
    }, syntax);
    if (start < code.size()) {
        finish(code.size());
    }
    return statements;
}

std::string quote_identifier(std::string_view name, char quote) {
    std::string quoted(1, quote);
    for (char c : name) {
        quoted += c;
        if (c == quote) {
            quoted += quote;
        }
    }
    return quoted + quote;
}

std::string sqlite_placeholders(std::string_view statement) {
    std::string out;
    std::size_t copied = 0;
    walk_code(statement, [&](std::size_t i) -> std::size_t {
        if (statement[i] != '%' || i + 1 >= statement.size()) {
            return i + 1;
        }
        out.append(statement.substr(copied, i - copied));
        const char next = statement[i + 1];
        std::size_t end = i + 1;
        if (next == 's') {
            out += '?';
            end = i + 2;
        } else if (next == '%') {
            out += '%';
            end = i + 2;
        } else if (next == '(') {
            const std::size_t close = statement.find(')', i);
            if (close != std::string_view::npos && close + 1 < statement.size() && statement[close + 1] == 's') {
                out += ':';
                out.append(statement.substr(i + 2, close - i - 2));
                end = close + 2;
            } else {
                out += '%';
            }
        } else {
            out += '%';
        }
        copied = end;
        return end;
    });
    out.append(statement.substr(std::min(copied, statement.size())));
    return out;
}

std::string dialect_marks(std::string_view code) {
    // Marks are looked for outside quotes only; the code is short, so one
    // pass that blanks quoted text and comments keeps the patterns simple.
    std::string bare(code.size(), ' ');
    bool hash_comment = false;
    walk_code(code, [&](std::size_t i) -> std::size_t {
        if (code[i] == '#' && (i == 0 || code[i - 1] == '\n' || code[i - 1] == ' ')) {
            hash_comment = true;
        }
        bare[i] = code[i];
        return i + 1;
    });
    if (hash_comment) {
        return "mysql";
    }
    static const std::regex mysql(
        R"(\bAUTO_INCREMENT\b|\bENGINE\s*=|\bUNSIGNED\b|\bZEROFILL\b|\bSHOW\s+(TABLES|DATABASES|CREATE|COLUMNS|INDEX)\b|\bDESCRIBE\b|\bLIMIT\s+\d+\s*,\s*\d+|\bON\s+DUPLICATE\s+KEY\b|\bUSE\s+\w+\s*$|\bSTRAIGHT_JOIN\b|\bIFNULL\b.*\bDATE_FORMAT\b|\bDATE_FORMAT\s*\(|\bCURDATE\s*\(|\bNOW\s*\(|\bDATE_SUB\s*\(|\bDATE_ADD\s*\(|\bINTERVAL\s+\d+\s+(DAY|MONTH|YEAR|HOUR|MINUTE|SECOND|WEEK)\b|\bCONCAT_WS\s*\(|\b(LEFT|RIGHT)\s*\()",
        std::regex::icase | std::regex::multiline);
    static const std::regex postgres(
        R"(\b(BIG)?SERIAL\b|::\s*\w+|\bILIKE\b|\bRETURNING\b.*\bINSERT\b|\bDISTINCT\s+ON\b|\bGENERATED\s+(ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b|\bJSONB\b|\bTIMESTAMPTZ\b|\bCREATE\s+EXTENSION\b|\bLANGUAGE\s+plpgsql\b|\$\$|\bTO_CHAR\s*\(|\bDATE_TRUNC\s*\()",
        std::regex::icase);
    if (std::regex_search(bare, mysql)) {
        return "mysql";
    }
    if (std::regex_search(bare, postgres)) {
        return "postgresql";
    }
    return {};
}

}  // namespace snipcheck::runners::sql
