#include "extractor/markdown_lexer.hpp"

#include <algorithm>
#include <optional>

#include "extractor/code_shape.hpp"
#include "extractor/language_detector.hpp"
#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

enum class Previous { start, blank, paragraph, heading, block_end, other };

// An info string that opens a block: one word (`python`, `js`), or a known
// language followed by attributes (`python title="x"`); not a sentence.
bool names_a_language(std::string_view info) {
    if (info.find(' ') == std::string_view::npos || info.front() == '{') {
        return true;
    }
    return is_known_language(info.substr(0, info.find(' ')));
}

std::string_view directive_text(std::string_view comment) {
    std::string_view text = trim(comment);
    if (text.substr(0, 10) != "snipcheck:") {
        return {};
    }
    return trim(text.substr(10));
}

class MarkdownLexer {
public:
    explicit MarkdownLexer(const Document& document) : m_lines(document.lines) {
        for (int i = 0; i < static_cast<int>(m_lines.size()); ++i) {
            if (auto fence = parse_fence(m_lines[i])) {
                m_fences.push_back({i, *fence});
            }
        }
    }

    LexedDocument run() {
        int i = skip_front_matter();
        const int count = static_cast<int>(m_lines.size());
        while (i < count) {
            i = scan_line(i);
        }
        flush_stray_directives();
        return std::move(m_result);
    }

private:
    struct IndexedFence {
        int index;
        FenceLine fence;
    };

    // The first fence below line i.
    std::vector<IndexedFence>::const_iterator fences_after(int i) const {
        return std::upper_bound(m_fences.begin(), m_fences.end(), i,
                                [](int index, const IndexedFence& f) { return index < f.index; });
    }

    // YAML front matter (`---` ... `---` at the top) is metadata, not text:
    // its last line must not become a setext heading.
    int skip_front_matter() {
        if (m_lines.empty() || trim(m_lines[0]) != "---") {
            return 0;
        }
        for (int i = 1; i < static_cast<int>(m_lines.size()) && i < 200; ++i) {
            std::string_view text = trim(m_lines[i]);
            if (text == "---" || text == "...") {
                m_fenced_until = i;
                return i + 1;
            }
        }
        return 0;
    }

    // Handles line i outside any block; returns the next line to look at.
    int scan_line(int i) {
        std::string_view line = m_lines[i];
        if (is_blank(line)) {
            m_previous = Previous::blank;
            return i + 1;
        }
        const int indent = indent_width(line);
        // Whether the line is a list item is asked up to three times below
        // (on most lines twice): answered once, when first asked.
        int item_column = 0;
        std::optional<bool> list_item_answer;
        const auto list_item = [&] {
            if (!list_item_answer) {
                list_item_answer = is_list_item(line, &item_column);
            }
            return *list_item_answer;
        };
        if (m_previous == Previous::blank && !list_item()) {
            while (!m_list_columns.empty() && m_list_columns.back() > indent) {
                m_list_columns.pop_back();
            }
        }
        if (trim(line).substr(0, 4) == "<!--") {
            return scan_html_comment(i);
        }
        auto fence = parse_fence(line);
        if (!fence && list_item() && item_column < static_cast<int>(line.size())) {
            // `- ```py` opens a fence inside the list item; its content is
            // indented to the item's content column.
            fence = parse_fence(line.substr(static_cast<std::size_t>(item_column)));
            if (fence) {
                fence->indent = item_column;
                m_list_columns.push_back(item_column);
            }
        }
        if (fence) {
            if (fence->info.empty()) {
                if (int start = orphan_region_start(i); start >= 0) {
                    emit_orphan(start, i);
                    return i + 1;
                }
            }
            return scan_fenced(i, *fence);
        }
        const int list_column = m_list_columns.empty() ? 0 : m_list_columns.back();
        const bool indented_code_position = indent >= list_column + 4;
        if (indented_code_position && m_previous != Previous::paragraph) {
            if (int next = scan_indented(i, list_column + 4, false); next > i) {
                return next;
            }
        } else if (indented_code_position && m_previous == Previous::paragraph &&
                   python_line_shape(line) == LineShape::strong && !list_item() &&
                   python_line_shape(m_lines[i - 1]) != LineShape::strong) {
            // Under a sentence, not under `if __name__ == "__main__":` (a
            // code paragraph Markdown shows as text, continued).
            // CommonMark reads this as part of the paragraph; the author meant code.
            if (int next = scan_indented(i, list_column + 4, true); next > i) {
                return next;
            }
        }
        if (int level = atx_heading_level(line); level > 0) {
            enter_heading(level, heading_text(line));
            m_previous = Previous::heading;
            m_list_columns.clear();
            return i + 1;
        }
        if (is_setext_underline(line) && m_previous == Previous::paragraph && i > 0 && !is_list_item(m_lines[i - 1])) {
            enter_heading(trim(line)[0] == '=' ? 1 : 2, trim(m_lines[i - 1]));
            m_previous = Previous::heading;
            return i + 1;
        }
        if (is_thematic_break(line)) {
            m_previous = Previous::other;
            m_gap_has_content = true;
            return i + 1;
        }
        if (is_output_label(line)) {
            m_output_label = true;
            m_previous = Previous::paragraph;
            return i + 1;
        }
        if (list_item()) {
            while (!m_list_columns.empty() && m_list_columns.back() > indent) {
                m_list_columns.pop_back();
            }
            m_list_columns.push_back(item_column);
        }
        if (std::string_view bold = bold_text(line); !bold.empty()) {
            m_question = std::string(bold);
            m_path.reset();
        }
        // Like a blockquote, a `>>>` prompt interrupts the paragraph before it.
        if (trim(line).substr(0, 4) == ">>> ") {
            return scan_session_paragraph(i);
        }
        m_previous = Previous::paragraph;
        m_gap_has_content = true;
        return i + 1;
    }

    int scan_html_comment(int i) {
        std::string text;
        int end = i;
        std::string_view first = trim(m_lines[i]).substr(4);
        std::size_t close = first.find("-->");
        if (close != std::string_view::npos) {
            text = std::string(first.substr(0, close));
        } else {
            text = std::string(first);
            for (end = i + 1; end < static_cast<int>(m_lines.size()); ++end) {
                std::size_t at = m_lines[end].find("-->");
                text += ' ';
                text += std::string(m_lines[end].substr(0, at));
                if (at != std::string_view::npos) {
                    break;
                }
            }
        }
        if (std::string_view directive = directive_text(text); !directive.empty() || trim(text) == "snipcheck:") {
            m_pending_directives.push_back({i + 1, std::string(directive)});
        } else {
            m_gap_has_content = true;
        }
        return std::min(end, static_cast<int>(m_lines.size()) - 1) + 1;
    }

    int scan_fenced(int open, const FenceLine& fence) {
        const int count = static_cast<int>(m_lines.size());
        // Only fence lines can close the block: visit those, not every line.
        for (auto it = fences_after(open); it != m_fences.end(); ++it) {
            const int j = it->index;
            const FenceLine& other = it->fence;
            if (other.marker != fence.marker || other.length < fence.length) {
                continue;
            }
            if (other.info.empty()) {
                emit_fenced(open, fence, open + 1, j - 1, j, {});
                return j + 1;
            }
            // "``` end of example" closes the block with words after the fence;
            // "```python" opens the next one.
            if (!names_a_language(other.info)) {
                emit_fenced(open, fence, open + 1, j - 1, j, {"text-after-closing-fence"});
                return j + 1;
            }
            // An opening fence inside an open block: the block was cut off.
            return recover_cut(open, fence, j, "fence-inside-block");
        }
        return recover_cut(open, fence, count, "unterminated-fence");
    }

    // Ends a block that its closing fence never ended, before any Markdown
    // the cut left inside it; scanning resumes after the code so headings in
    // the tail still count.
    int recover_cut(int open, const FenceLine& fence, int stop, const char* defect) {
        int last = stop - 1;
        bool trimmed_markdown = false;
        while (last > open) {
            std::string_view content = remove_indent(m_lines[last], fence.indent);
            if (is_blank(content)) {
                --last;
            } else if (trimmed_markdown && spliced_heading_column(content) != std::string_view::npos) {
                break;  // code with a heading spliced onto its end
            } else if (indent_width(content) == 0 && is_markdown_text(content)) {
                trimmed_markdown = true;
                --last;
            } else {
                break;
            }
        }
        std::vector<std::string> defects{defect};
        std::optional<std::size_t> splice;
        if (trimmed_markdown && last > open) {
            std::size_t column = spliced_heading_column(m_lines[last]);
            if (column != std::string_view::npos) {
                splice = column;
            }
            defects.emplace_back("cut-off");
        }
        emit_fenced(open, fence, open + 1, last, 0, std::move(defects), splice);
        if (splice) {
            std::string_view heading = m_lines[last].substr(*splice);
            const int level = atx_heading_level(heading);
            enter_heading(level > 0 ? level : 1, heading_text(heading));
        }
        m_previous = Previous::block_end;
        return std::max(last + 1, open + 1);
    }

    void emit_fenced(int open, const FenceLine& fence, int first, int last, int close_line,
                     std::vector<std::string> defects, std::optional<std::size_t> splice = std::nullopt) {
        Block block;
        block.form = BlockForm::fenced;
        block.first_line = first + 1;
        block.fence_line = open + 1;
        block.info = std::string(fence.info);
        block.end_marker_line = close_line > 0 ? close_line + 1 : 0;
        block.defects = std::move(defects);
        block.lines.reserve(static_cast<std::size_t>(std::max(0, last - first + 1)));
        for (int k = first; k <= last; ++k) {
            std::string_view content = remove_indent(m_lines[k], fence.indent);
            if (splice && k == last) {
                const std::size_t dropped = m_lines[k].size() - content.size();
                content = content.substr(0, *splice >= dropped ? *splice - dropped : 0);
            }
            block.lines.push_back(content);
        }
        trim_blank_edges(block);
        emit(std::move(block));
        m_previous = Previous::block_end;
    }

    // A bare fence with no block open, whose next fence opens another block,
    // closes a block that began before what we can see: the document started
    // inside it, or a heading was spliced into it. Returns the region's first
    // line, or -1 when the fence is an ordinary opener.
    int orphan_region_start(int i) {
        auto it = fences_after(i);
        if (it != m_fences.end() && it->fence.info.empty()) {
            return -1;
        }
        int j = i - 1;
        while (j > m_fenced_until) {
            std::string_view line = m_lines[j];
            if (parse_fence(line) || (indent_width(line) == 0 && is_markdown_text(line)) ||
                trim(line).substr(0, 4) == "<!--") {
                break;
            }
            --j;
        }
        int start = j + 1;
        while (start < i && is_blank(m_lines[start])) {
            ++start;
        }
        return start < i ? start : -1;
    }

    void emit_orphan(int start, int fence_index) {
        // Indented code found inside the region was part of this block.
        while (!m_result.blocks.empty() && m_result.blocks.back().form != BlockForm::fenced &&
               m_result.blocks.back().first_line > start) {
            m_result.blocks.pop_back();
        }
        Block block;
        block.form = BlockForm::fenced;
        block.first_line = start + 1;
        block.end_marker_line = fence_index + 1;
        // At the top the document began inside the block; further down a
        // heading or paragraph was spliced over the block's opening fence.
        block.defects.emplace_back(start == 0 ? "starts-inside-block" : "missing-opening-fence");
        for (int k = start; k < fence_index; ++k) {
            block.lines.push_back(m_lines[k]);
        }
        if (start == 0) {
            m_result.defects.emplace_back(1, "starts-inside-block");
        }
        trim_blank_edges(block);
        emit(std::move(block));
        m_previous = Previous::block_end;
    }

    // An indented block from line i, at `column` or deeper, through blank lines.
    // Returns i when the lines are prose indented for layout, not code.
    int scan_indented(int i, int column, bool after_paragraph) {
        const int count = static_cast<int>(m_lines.size());
        int last = i;
        for (int j = i; j < count; ++j) {
            if (is_blank(m_lines[j])) {
                continue;
            }
            if (indent_width(m_lines[j]) < column) {
                break;
            }
            last = j;
        }
        int prose_lines = 0;
        int code_lines = 0;
        for (int j = i; j <= last; ++j) {
            std::string_view content = remove_indent(m_lines[j], column);
            if (is_blank(content)) {
                continue;
            }
            if (looks_like_prose(content) || (is_list_item(content) && !is_shell_command(content))) {
                ++prose_lines;
            } else {
                ++code_lines;
            }
        }
        if (code_lines == 0 || prose_lines > code_lines) {
            return i;
        }
        Block block;
        block.form = BlockForm::indented;
        block.first_line = i + 1;
        if (after_paragraph) {
            block.defects.emplace_back("indented-after-paragraph");
        }
        block.lines.reserve(static_cast<std::size_t>(last - i + 1));
        for (int j = i; j <= last; ++j) {
            block.lines.push_back(remove_indent(m_lines[j], column));
        }
        trim_blank_edges(block);
        emit(std::move(block));
        m_previous = Previous::block_end;
        return last + 1;
    }

    // A `>>>` session written as a paragraph, outside any fence.
    int scan_session_paragraph(int i) {
        int last = i;
        while (last + 1 < static_cast<int>(m_lines.size()) && !is_blank(m_lines[last + 1])) {
            ++last;
        }
        Block block;
        block.form = BlockForm::unfenced;
        block.first_line = i + 1;
        const int indent = indent_width(m_lines[i]);
        for (int j = i; j <= last; ++j) {
            block.lines.push_back(remove_indent(m_lines[j], indent));
        }
        emit(std::move(block));
        m_previous = Previous::block_end;
        return last + 1;
    }

    // Drops blank first and last lines, and indentation every line shares
    // (a block indented as a whole would be an IndentationError in Python).
    static void trim_blank_edges(Block& block) {
        std::size_t leading = 0;
        while (leading < block.lines.size() && is_blank(block.lines[leading])) {
            ++leading;
        }
        block.lines.erase(block.lines.begin(), block.lines.begin() + static_cast<std::ptrdiff_t>(leading));
        block.first_line += static_cast<int>(leading);
        while (!block.lines.empty() && is_blank(block.lines.back())) {
            block.lines.pop_back();
        }
        int common = -1;
        for (std::string_view line : block.lines) {
            if (!is_blank(line)) {
                const int indent = indent_width(line);
                common = common < 0 ? indent : std::min(common, indent);
            }
        }
        if (common > 0) {
            for (std::string_view& line : block.lines) {
                line = remove_indent(line, common);
            }
        }
    }

    void emit(Block&& block) {
        const int end = std::max(block.end_marker_line, block.last_line());
        if (block.form == BlockForm::fenced) {
            m_fenced_until = std::max(m_fenced_until, end - 1);
        }
        if (block.lines.empty()) {
            m_gap_has_content = false;
            return;
        }
        block.heading = heading_path();
        block.directives = std::move(m_pending_directives);
        m_pending_directives.clear();
        block.follows_previous = m_has_block && !m_gap_has_content;
        block.after_output_label = block.follows_previous && m_output_label;
        m_result.blocks.push_back(std::move(block));
        m_has_block = true;
        m_gap_has_content = false;
        m_output_label = false;
    }

    void enter_heading(int level, std::string_view text) {
        while (!m_headings.empty() && m_headings.back().first >= level) {
            m_headings.pop_back();
        }
        m_headings.emplace_back(level, std::string(text));
        m_question.clear();
        m_path.reset();
        m_gap_has_content = true;
        flush_stray_directives();
    }

    // Built once per heading (or question) and shared by the blocks under it.
    const HeadingPath& heading_path() {
        if (!m_path) {
            std::vector<std::string> path;
            for (const auto& [level, text] : m_headings) {
                path.push_back(text);
            }
            if (!m_question.empty()) {
                path.push_back(m_question);
            }
            m_path = HeadingPath(std::move(path));
        }
        return *m_path;
    }

    void flush_stray_directives() {
        for (DirectiveComment& directive : m_pending_directives) {
            m_result.stray_directives.push_back(std::move(directive));
        }
        m_pending_directives.clear();
    }

    const std::vector<std::string_view>& m_lines;
    std::vector<IndexedFence> m_fences;
    LexedDocument m_result;
    std::vector<std::pair<int, std::string>> m_headings;
    std::string m_question;
    std::optional<HeadingPath> m_path;  // m_headings and m_question as a path; reset when they change
    std::vector<int> m_list_columns;
    std::vector<DirectiveComment> m_pending_directives;
    Previous m_previous = Previous::start;
    int m_fenced_until = -1;    // last line index that belongs to an emitted fenced block
    bool m_has_block = false;
    bool m_gap_has_content = false;
    bool m_output_label = false;
};

}  // namespace

LexedDocument lex_markdown(const Document& document) { return MarkdownLexer(document).run(); }

}  // namespace snipcheck::extractor
