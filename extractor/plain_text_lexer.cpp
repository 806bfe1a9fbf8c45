#include "extractor/plain_text_lexer.hpp"

#include <cctype>
#include <optional>

#include "extractor/code_shape.hpp"
#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

enum class ParagraphKind { prose, python, dockerfile, sql, shell, session };

bool ends_with_continuation(std::string_view line) {
    std::string_view text = trim(line);
    return !text.empty() && text.back() == '\\';
}

bool is_dockerfile_paragraph(const std::vector<std::string_view>& lines, int first, int last) {
    int instructions = 0;
    bool continued = false;
    for (int i = first; i <= last; ++i) {
        std::string_view text = trim(lines[i]);
        if (continued || text.substr(0, 1) == "#") {
            continued = ends_with_continuation(text);
            continue;
        }
        if (!is_dockerfile_instruction(text)) {
            return false;
        }
        ++instructions;
        continued = ends_with_continuation(text);
    }
    return instructions >= 2;
}

bool is_sql_paragraph(const std::vector<std::string_view>& lines, int first, int last) {
    if (!is_sql_statement_start(lines[first])) {
        return false;
    }
    for (int i = first; i <= last; ++i) {
        if (has_non_ascii_outside_quotes(lines[i])) {
            return false;
        }
    }
    std::string_view end = trim(lines[last]);
    return end.back() == ';' || last > first;
}

bool is_shell_paragraph(const std::vector<std::string_view>& lines, int first, int last) {
    for (int i = first; i <= last; ++i) {
        if (!is_shell_command(lines[i]) && !(i > first && ends_with_continuation(lines[i - 1]))) {
            return false;
        }
    }
    return true;
}

// Whether python_line_shape judges the line as the tokenizer reads it in a
// block: the whitespace trim() takes off it is whitespace the tokenizer
// skips (none at its end, no \r or \v before it).
bool trims_as_tokenizer_skips(std::string_view line) {
    const std::string_view text = trim(line);
    if (text.empty()) {
        return true;
    }
    const std::string_view leading = line.substr(0, static_cast<std::size_t>(text.data() - line.data()));
    return text.data() + text.size() == line.data() + line.size() && find_one_of(leading, "\r\v") == std::string_view::npos;
}

// The first line of the Python code that ends the paragraph, or -1: code
// starts unindented, every line has Python's shape, and one line is a
// statement only code has. Each shape judged is kept in `shapes` (by line
// index) where it stands alone, for the language detector.
int python_suffix_start(const std::vector<std::string_view>& lines, int first, int last,
                        std::vector<std::optional<LineShape>>& shapes) {
    int start = -1;
    bool strong = false;
    for (int i = last; i >= first; --i) {
        bool stands_alone = false;
        const LineShape shape = python_line_shape(lines[i], stands_alone);
        if (stands_alone && trims_as_tokenizer_skips(lines[i])) {
            shapes[static_cast<std::size_t>(i)] = shape;
        }
        if (shape == LineShape::not_code) {
            break;
        }
        strong = strong || shape == LineShape::strong;
        if (indent_width(lines[i]) == 0 && strong) {
            start = i;
        }
    }
    return start;
}

// "๐Ÿ PYTHON CORE FUNDAMENTALS", "DJANGO MIDDLEWARE, AUTH & ADMIN".
bool is_title(std::string_view line) {
    int upper = 0;
    int lower = 0;
    for (char c : line) {
        if (c >= 'A' && c <= 'Z') {
            ++upper;
        } else if (c >= 'a' && c <= 'z') {
            ++lower;
        }
    }
    return upper >= 4 && lower == 0;
}

// "7. What are generators? Why use them? ..." -> "7. What are generators?"
std::string_view question_of(std::string_view line) {
    std::string_view text = trim(line);
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
        ++digits;
    }
    if (digits == 0 || digits + 1 >= text.size() || text[digits] != '.' || text[digits + 1] != ' ') {
        return {};
    }
    std::size_t mark = text.find('?');
    if (mark != std::string_view::npos) {
        return text.substr(0, mark + 1);
    }
    // Cut long questions at 80 bytes, but never inside a UTF-8 character.
    std::size_t cut = std::min<std::size_t>(text.size(), 80);
    while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return text.substr(0, cut);
}

class PlainTextLexer {
public:
    explicit PlainTextLexer(const Document& document) : m_lines(document.lines) {
        m_result.python_shapes.resize(m_lines.size());
    }

    LexedDocument run() {
        const int count = static_cast<int>(m_lines.size());
        int i = 0;
        while (i < count) {
            if (is_blank(m_lines[i])) {
                m_result.python_shapes[static_cast<std::size_t>(i)] = LineShape::weak;  // as in any block
                ++i;
                continue;
            }
            int last = i;
            while (last + 1 < count && !is_blank(m_lines[last + 1])) {
                ++last;
            }
            scan_paragraph(i, last);
            i = last + 1;
        }
        for (DirectiveComment& directive : m_pending_directives) {
            m_result.stray_directives.push_back(std::move(directive));
        }
        return std::move(m_result);
    }

private:
    void scan_paragraph(int first, int last) {
        std::string_view head = trim(m_lines[first]);
        if (first == last && directive(first, head)) {
            return;
        }
        ParagraphKind kind = ParagraphKind::prose;
        int start = first;
        if (head.substr(0, 4) == ">>> ") {
            kind = ParagraphKind::session;
        } else if (is_dockerfile_paragraph(m_lines, first, last)) {
            kind = ParagraphKind::dockerfile;
        } else if (int suffix = python_suffix_start(m_lines, first, last, m_result.python_shapes); suffix >= 0) {
            kind = ParagraphKind::python;
            start = suffix;
        } else if (is_sql_paragraph(m_lines, first, last)) {
            kind = ParagraphKind::sql;
        } else if (is_shell_paragraph(m_lines, first, last)) {
            kind = ParagraphKind::shell;
        }
        if (kind == ParagraphKind::prose || start > first) {
            note_prose(first, kind == ParagraphKind::prose ? last : start - 1);
        }
        if (kind == ParagraphKind::prose) {
            return;
        }
        // Python split by blank lines (a class and its use) is one snippet.
        if (kind == ParagraphKind::python && start == first && m_last_kind == ParagraphKind::python && !m_gap_has_prose &&
            !m_result.blocks.empty()) {
            Block& previous = m_result.blocks.back();
            for (int i = previous.last_line(); i <= last; ++i) {
                previous.lines.push_back(m_lines[i]);
            }
            return;
        }
        Block block;
        block.form = BlockForm::unfenced;
        block.first_line = start + 1;
        for (int i = start; i <= last; ++i) {
            block.lines.push_back(m_lines[i]);
        }
        block.heading = heading_path();
        block.directives = std::move(m_pending_directives);
        m_pending_directives.clear();
        block.follows_previous = !m_result.blocks.empty() && !m_gap_has_prose;
        m_result.blocks.push_back(std::move(block));
        m_last_kind = kind;
        m_gap_has_prose = false;
    }

    bool directive(int index, std::string_view line) {
        std::string_view text = line;
        if (text.substr(0, 4) == "<!--" && text.size() >= 7 && text.substr(text.size() - 3) == "-->") {
            text = trim(text.substr(4, text.size() - 7));
        }
        if (text.substr(0, 10) != "snipcheck:") {
            return false;
        }
        m_pending_directives.push_back({index + 1, std::string(trim(text.substr(10)))});
        return true;
    }

    void note_prose(int first, int last) {
        m_gap_has_prose = true;
        m_last_kind = ParagraphKind::prose;
        for (int i = first; i <= last; ++i) {
            std::string_view text = trim(m_lines[i]);
            if (first == last && is_title(text)) {
                m_title = std::string(text);
                m_question.clear();
                m_path.reset();
            } else if (std::string_view question = question_of(text); !question.empty()) {
                m_question = std::string(question);
                m_path.reset();
            }
        }
    }

    // Built once per title (or question) and shared by the blocks under it.
    const HeadingPath& heading_path() {
        if (!m_path) {
            std::vector<std::string> path;
            if (!m_title.empty()) {
                path.push_back(m_title);
            }
            if (!m_question.empty()) {
                path.push_back(m_question);
            }
            m_path = HeadingPath(std::move(path));
        }
        return *m_path;
    }

    const std::vector<std::string_view>& m_lines;
    LexedDocument m_result;
    std::vector<DirectiveComment> m_pending_directives;
    std::string m_title;
    std::string m_question;
    std::optional<HeadingPath> m_path;  // m_title and m_question as a path; reset when they change
    ParagraphKind m_last_kind = ParagraphKind::prose;
    bool m_gap_has_prose = true;
};

}  // namespace

LexedDocument lex_plain_text(const Document& document) { return PlainTextLexer(document).run(); }

}  // namespace snipcheck::extractor
