#include "extractor/extractor.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>

#include <fmt/format.h>

#include "extractor/code_shape.hpp"
#include "extractor/directive_parser.hpp"
#include "extractor/doctest_session.hpp"
#include "extractor/embedded_sql.hpp"
#include "extractor/file_parts.hpp"
#include "extractor/huge_pages.hpp"
#include "extractor/language_detector.hpp"
#include "extractor/line_classifier.hpp"
#include "extractor/markdown_lexer.hpp"
#include "extractor/plain_text_lexer.hpp"
#include "extractor/python_expectations.hpp"
#include "extractor/python_tokens.hpp"
#include "extractor/snippet_id.hpp"
#include "extractor/sql_transcript.hpp"
#include "extractor/text_search.hpp"

namespace snipcheck::extractor {

// Compared as views: std::string == "literal" measures the literal with
// strlen on every call (languages are compared on every snippet).
using namespace std::string_view_literals;

namespace {

std::string join_lines(const std::vector<std::string_view>& lines) {
    std::size_t size = 0;
    for (std::string_view line : lines) {
        size += line.size() + 1;
    }
    std::string code;
    code.reserve(size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            code += '\n';
        }
        code += lines[i];
    }
    return code;
}

bool is_error_tag(std::string_view info) {
    const std::string tag = language_from_tag(info);
    return tag == "error"sv || tag == "traceback"sv || tag == "pytb"sv || tag == "stderr"sv;
}

bool runs_with_output(const std::string& language) {
    return language == "python"sv || language == "bash"sv || language == "sql"sv || language == "javascript"sv;
}

// An output block: right after a code block (only blank lines or an
// "Output:" label between), tagged as output or an error, or holding no code.
bool is_output_block(const Block& block, const Snippet& previous) {
    if (!block.follows_previous || !runs_with_output(previous.language) || previous.form == SnippetForm::session ||
        is_doctest_session(block.lines) || is_sql_transcript(block.lines)) {
        return false;
    }
    // After a transcript, a block that starts at a prompt is the next
    // transcript (`$ python -m venv env`, then `(env) $ pip --version`); after
    // a script it may show the script being run, with its output.
    const auto first = std::find_if(block.lines.begin(), block.lines.end(), [](std::string_view line) { return !is_blank(line); });
    const std::string_view previous_start = trim(std::string_view(previous.code).substr(0, previous.code.find('\n')));
    if (first != block.lines.end() && shell_prompt_length(trim(*first)) > 0 && !block.after_output_label &&
        shell_prompt_length(previous_start) > 0) {
        return false;
    }
    if (is_output_tag(block.info) || is_error_tag(block.info) || block.after_output_label) {
        return true;
    }
    if (previous.language == "sql"sv && trim(block.info).empty() && looks_like_result_table(block.lines)) {
        return true;
    }
    return trim(block.info).empty() && language_from_content(block.lines) == "text";
}

Expectation output_block_expectation(const Block& block) {
    Expectation expectation;
    expectation.line = block.first_line;
    expectation.kind = ExpectationKind::output_block;
    // A traceback (or a block tagged `error`) expects the snippet to raise.
    const bool traceback = !block.lines.empty() && trim(block.lines.front()).substr(0, 9) == "Traceback";
    if (traceback || is_error_tag(block.info)) {
        std::string exception = traceback_exception(block.lines);
        if (!exception.empty()) {
            expectation.kind = ExpectationKind::raises;
            expectation.expected = std::move(exception);
            return expectation;
        }
    }
    const bool console = trim(block.info).substr(0, 7) == "console";
    bool first = true;
    for (std::string_view line : block.lines) {
        if (console && shell_prompt_length(line) > 0) {
            continue;  // the command that was typed, not its output
        }
        if (!first) {
            expectation.expected += '\n';
        }
        expectation.expected += line;
        first = false;
    }
    return expectation;
}

// Whether m_tokens already holds the tokens of the code being finished.
enum class Tokens { stale, ready };

// Findings about directives written before a block are reported once, on
// its first snippet, though the directives apply to every part of it.
enum class BlockFindings { record, drop };

// Whether a block's lines may hold `# snipcheck:` directives: most blocks
// are known to hold none from one search of their text.
enum class CodeDirectives { none, maybe };

CodeDirectives code_directives_in(const Document& document, const std::vector<std::string_view>& lines) {
    const std::optional<std::string_view> text = document.text_of(lines);
    return !text || mentions_snipcheck(*text) ? CodeDirectives::maybe : CodeDirectives::none;
}

// Directives written before the block apply to all of it, and so do those
// on its lines `whole_block` (code lines of no part); those in its code only
// to the lines [first, end) they are in.
void apply_directives(const Block& block, const std::vector<std::size_t>& whole_block, std::size_t first,
                      std::size_t end, BlockFindings block_findings, CodeDirectives in_code, Snippet& snippet) {
    std::vector<Finding> dropped;
    std::vector<Finding>& findings = block_findings == BlockFindings::record ? snippet.findings : dropped;
    for (const DirectiveComment& directive : block.directives) {
        apply_directive(directive.text, directive.line, snippet.directives, findings);
    }
    for (std::size_t i : whole_block) {
        apply_directive(code_directive_text(block.lines[i]), block.first_line + static_cast<int>(i),
                        snippet.directives, findings);
    }
    for (std::size_t i = first; i < end && in_code == CodeDirectives::maybe; ++i) {
        if (std::string_view text = code_directive_text(block.lines[i]); !text.empty()) {
            apply_directive(text, block.first_line + static_cast<int>(i), snippet.directives, snippet.findings);
        }
    }
}

// A block that may hold several files: not a session, read as Python or
// tagged python, and not given another language by a directive.
bool may_hold_files(const Block& block, const Snippet& snippet) {
    if (snippet.form == SnippetForm::session) {
        return false;
    }
    if (!snippet.directives.language.empty()) {
        return snippet.language == "python"sv;
    }
    return snippet.language == "python"sv || language_from_tag(block.info) == "python";
}

// A block of code then a `>>>` session showing it at work becomes two
// blocks, the code and the session, as a reader runs them.
void split_sessions_after_code(const Document& document, std::deque<Block>& blocks) {
    // Where each block that holds code then a session is split (block, line).
    std::vector<std::pair<std::size_t, std::size_t>> splits;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const std::vector<std::string_view>& lines = blocks[b].lines;
        // Most blocks hold no prompt at all: that is the cheap question,
        // asked of the block's text at once where it can be.
        const std::optional<std::string_view> text = document.text_of(lines);
        if (text ? !contains_text(*text, ">>>")
                 : std::none_of(lines.begin(), lines.end(), [](std::string_view line) { return contains_text(line, ">>>"); })) {
            continue;
        }
        const std::string tag = language_from_tag(blocks[b].info);
        if (const std::size_t at = tag.empty() || tag == "python"sv ? session_after_code(lines) : 0; at > 0) {
            splits.emplace_back(b, at);
        }
    }
    if (splits.empty()) {
        return;
    }
    std::deque<Block> out;
    auto next = splits.begin();
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        Block& code = out.emplace_back(std::move(blocks[b]));
        if (next == splits.end() || next->first != b) {
            continue;
        }
        const std::size_t at = (next++)->second;
        Block session;
        session.form = code.form;
        session.info = code.info;
        session.heading = code.heading;
        session.first_line = code.first_line + static_cast<int>(at);
        session.lines.assign(code.lines.begin() + static_cast<std::ptrdiff_t>(at), code.lines.end());
        session.follows_previous = true;
        session.end_marker_line = code.end_marker_line;
        code.lines.resize(at);
        while (!code.lines.empty() && is_blank(code.lines.back())) {
            code.lines.pop_back();
        }
        code.end_marker_line = 0;
        out.push_back(std::move(session));
    }
    blocks = std::move(out);
}

class Extractor {
public:
    Extractor(const Document& document, const Directives& defaults)
        : m_document(document), m_defaults(defaults), m_path(document.path) {}

    ExtractedDocument run() {
        LexedDocument lexed = m_document.format == DocumentFormat::markdown ? lex_markdown(m_document) : lex_plain_text(m_document);
        // A block gives one snippet, or more (file parts, embedded SQL): a
        // reservation that falls short moves every snippet, so it is
        // generous; pages never written cost no memory.
        reserve_large(m_result.snippets, 2 * lexed.blocks.size() + 16);
        m_code_hashes.reserve(m_result.snippets.capacity());
        m_python_shapes = lexed.python_shapes;
        split_sessions_after_code(m_document, lexed.blocks);
        int last_block_snippet = -1;
        // Each block is released (pop_front) once done with: the snippets of
        // a long document reuse its memory instead of touching fresh pages.
        for (; !lexed.blocks.empty(); lexed.blocks.pop_front()) {
            Block& block = lexed.blocks.front();
            if (last_block_snippet >= 0 && is_output_block(block, m_result.snippets[last_block_snippet])) {
                m_result.snippets[last_block_snippet].expectations.push_back(output_block_expectation(block));
            } else {
                // A block that yields no code (a session of prompts only) leaves
                // nothing for the next block to be the output of.
                last_block_snippet = add_block(block);
            }
        }
        // Only the blocks asked for the lexer's line shapes.
        m_python_shapes = {};
        lexed.python_shapes = std::vector<std::optional<LineShape>>();
        guess_orphan_languages();
        assign_ids(m_result.snippets, m_code_hashes);
        for (auto [snippet, parent] : m_parents) {
            m_result.snippets[snippet].parent = m_result.snippets[parent].id;
        }
        record_document_defects(lexed);
        for (const DirectiveComment& stray : lexed.stray_directives) {
            m_result.diagnostics.push_back({m_document.path, stray.line, Severity::warning,
                                            "snipcheck directive is followed by no code block; it applies to nothing"});
        }
        for (const Snippet& snippet : m_result.snippets) {
            for (const Finding& finding : snippet.findings) {
                m_result.diagnostics.push_back({m_document.path, finding.line, finding.severity, finding.message});
            }
        }
        std::stable_sort(m_result.diagnostics.begin(), m_result.diagnostics.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
        return std::move(m_result);
    }

private:
    // Takes the block's heading by move: it is copied nowhere else.
    // Returns the index of the block's (last) snippet, which an output block
    // after it belongs to, or -1 when the block became no snippet.
    int add_block(Block& block) {
        bool tokenized = false;  // m_tokens holds this block's tokens
        // m_tokens holds the tokens of block.lines because the detector
        // tokenized them (good for the code while it is those lines).
        bool detector_tokenized = false;
        // Built where it stays (a Snippet is large: moving each in showed in
        // profiles); taken out again when the block gives no snippet or
        // several. Nothing below adds snippets before finish_snippet.
        const int index = static_cast<int>(m_result.snippets.size());
        Snippet& snippet = m_result.snippets.emplace_back();
        snippet.file = m_path;
        snippet.info = block.info;
        snippet.heading = std::move(block.heading);
        snippet.defects = std::move(block.defects);
        snippet.directives = m_defaults;
        apply_directives(block, {}, 0, block.lines.size(), BlockFindings::record,
                         code_directives_in(m_document, block.lines), snippet);

        // The code is the block's lines, or for a session (and SQL with its
        // result tables) the lines left once prompts and output are taken out.
        std::vector<std::string_view> rewritten;
        const std::vector<std::string_view>* code_lines = &block.lines;
        if (is_doctest_session(block.lines)) {
            DoctestSession session = parse_doctest_session(block.lines, block.first_line);
            snippet.form = SnippetForm::session;
            snippet.language = "python";
            rewritten = std::move(session.code);
            code_lines = &rewritten;
            snippet.line_map = std::move(session.line_map);
            snippet.example_lines = std::move(session.example_lines);
            snippet.expectations = std::move(session.expectations);
        } else if (is_sql_transcript(block.lines)) {
            SqlTranscript transcript = parse_sql_transcript(block.lines, block.first_line);
            snippet.form = SnippetForm::session;
            snippet.language = "sql";
            snippet.dialect = std::move(transcript.dialect);
            rewritten = std::move(transcript.code);
            code_lines = &rewritten;
            snippet.line_map = std::move(transcript.line_map);
            snippet.expectations = std::move(transcript.expectations);
        } else {
            snippet.form = block.form == BlockForm::fenced     ? SnippetForm::fenced
                           : block.form == BlockForm::indented ? SnippetForm::indented
                                                               : SnippetForm::unfenced;
            snippet.line_map.reserve(block.lines.size());
            for (std::size_t i = 0; i < block.lines.size(); ++i) {
                snippet.line_map.push_back(block.first_line + static_cast<int>(i));
            }
            // Most blocks are tagged python and are Python: confirm that from
            // the tokens the expectations need anyway, and skip the detector.
            int judged = 0;
            if (language_from_tag(block.info) == "python") {
                tokenize_python(*code_lines, m_tokens);
                tokenized = true;
            }
            if (tokenized && (python_tag_fit(*code_lines, m_tokens, &judged) >= 0.5 || judged < 3)) {
                snippet.language = "python";
            } else {
                // m_tokens is lent to the detector only when it holds nothing
                // this block still needs.
                LanguageGuess guess = detect_language(block.info, block.lines, tokenized ? nullptr : &m_tokens,
                                                      lexer_shapes_of(block));
                detector_tokenized = guess.tokens_of_lines;
                snippet.language = std::move(guess.language);
                snippet.dialect = std::move(guess.dialect);
                if (guess.tag_overruled) {
                    snippet.defects.emplace_back("wrong-language-tag");
                }
            }
            if (snippet.language == "sql"sv) {
                if (SqlTranscript split = split_sql_and_results(block.lines, block.first_line); !split.code.empty()) {
                    rewritten = std::move(split.code);
                    code_lines = &rewritten;
                    snippet.line_map = std::move(split.line_map);
                    snippet.expectations = std::move(split.expectations);
                }
            }
        }
        if (!snippet.directives.language.empty()) {
            snippet.language = language_from_tag(snippet.directives.language, &snippet.dialect);
        }
        if (snippet.line_map.empty()) {
            m_result.snippets.pop_back();
            return -1;
        }
        if (may_hold_files(block, snippet)) {
            FileParts files = split_file_parts(block.lines, snippet.language == "python"sv);
            if (files.split) {
                const Snippet whole = std::move(snippet);
                m_result.snippets.pop_back();
                return add_file_parts(block, whole, files);
            }
            if (files.parts.size() == 1) {
                snippet.part_file = std::move(files.parts.front().file);
            }
        }
        const bool tokens_ready = tokenized || (detector_tokenized && code_lines == &block.lines);
        return finish_snippet(index, *code_lines, tokens_ready ? Tokens::ready : Tokens::stale, &block);
    }

    // One snippet per file of a mixed block, each in its file's language,
    // with the block's heading, form, defects and directives. Returns the
    // index of the last one.
    int add_file_parts(const Block& block, const Snippet& whole, const FileParts& files) {
        // A directive comment in no part (`# snipcheck: skip` above the
        // first file name) is about the whole block.
        std::vector<std::size_t> loose_directives;
        for (std::size_t i = 0; i < block.lines.size(); ++i) {
            const bool in_part = std::any_of(files.parts.begin(), files.parts.end(),
                                             [i](const FilePart& part) { return part.first <= i && i < part.end; });
            if (!in_part && !code_directive_text(block.lines[i]).empty()) {
                loose_directives.push_back(i);
            }
        }
        int last = -1;
        for (std::size_t p = 0; p < files.parts.size(); ++p) {
            const FilePart& part = files.parts[p];
            const int index = static_cast<int>(m_result.snippets.size());
            Snippet& snippet = m_result.snippets.emplace_back();
            snippet.file = whole.file;
            snippet.info = whole.info;
            snippet.heading = whole.heading;
            snippet.form = whole.form;
            snippet.part_file = part.file;
            // The tag named the block's language, and python is right for a
            // block of files; each part's language comes from its file name.
            for (const std::string& defect : whole.defects) {
                if (defect != "wrong-language-tag") {
                    snippet.defects.push_back(defect);
                }
            }
            snippet.directives = m_defaults;
            apply_directives(block, loose_directives, part.first, part.end,
                             p == 0 ? BlockFindings::record : BlockFindings::drop, CodeDirectives::maybe, snippet);
            const std::vector<std::string_view> code_lines(block.lines.begin() + static_cast<std::ptrdiff_t>(part.first),
                                                           block.lines.begin() + static_cast<std::ptrdiff_t>(part.end));
            snippet.language = part.language;
            if (snippet.language.empty() && whole.language == "python"sv) {
                snippet.language = "python";
            } else if (snippet.language.empty()) {
                // Code before the first file of a block that as a whole did
                // not read as Python: judge it on its own.
                LanguageGuess guess = detect_language(block.info, code_lines);
                snippet.language = std::move(guess.language);
                snippet.dialect = std::move(guess.dialect);
                if (guess.tag_overruled) {
                    snippet.defects.emplace_back("wrong-language-tag");
                }
            }
            if (!snippet.directives.language.empty()) {
                snippet.language = language_from_tag(snippet.directives.language, &snippet.dialect);
            }
            snippet.line_map.reserve(part.end - part.first);
            for (std::size_t i = part.first; i < part.end; ++i) {
                snippet.line_map.push_back(block.first_line + static_cast<int>(i));
            }
            last = finish_snippet(index, code_lines, Tokens::stale, nullptr);
        }
        return last;
    }

    // Code, lines, and for Python the expectations and embedded SQL of the
    // last snippet, at `index`; the embedded SQL follows it. `block`: the
    // SQL block a Markdown result table may follow, or nullptr for a part of
    // a block. Returns the snippet's index.
    int finish_snippet(int index, const std::vector<std::string_view>& code_lines, Tokens tokens, const Block* block) {
        Snippet& snippet = m_result.snippets[static_cast<std::size_t>(index)];
        snippet.code = join_lines(code_lines);
        record_code_hash(index);
        snippet.start_line = snippet.line_map.front();
        snippet.end_line = snippet.line_map.back();

        std::vector<EmbeddedSql> embedded;
        if (snippet.language == "python"sv) {
            if (tokens == Tokens::stale) {
                tokenize_python(code_lines, m_tokens);
            }
            if (snippet.form != SnippetForm::session) {
                snippet.expectations = parse_python_expectations(code_lines, snippet.line_map, m_tokens);
            }
            embedded = find_embedded_sql(code_lines, snippet.line_map, m_tokens);
        }
        // A Markdown table right after a SQL block is the result it shows.
        if (block != nullptr && snippet.language == "sql"sv && snippet.form != SnippetForm::session &&
            m_document.format == DocumentFormat::markdown) {
            const int after = (block->end_marker_line > 0 ? block->end_marker_line : block->last_line()) + 1;
            const bool after_query = last_statement_returns_rows(snippet.code);
            if (Expectation table = pipe_table_after(m_document.lines, after, after_query); !table.expected.empty()) {
                snippet.expectations.push_back(std::move(table));
            }
        }
        // Adding the embedded snippets may move `snippet`: it is not used after.
        for (EmbeddedSql& sql : embedded) {
            add_embedded(index, std::move(sql));
        }
        return index;
    }

    // The Python shapes the plain-text lexer gave the block's lines, when
    // they are the document's lines as they are (not dedented); empty
    // otherwise.
    std::span<const std::optional<LineShape>> lexer_shapes_of(const Block& block) const {
        const std::size_t first = static_cast<std::size_t>(std::max(block.first_line - 1, 0));
        if (block.lines.empty() || first + block.lines.size() > m_python_shapes.size()) {
            return {};
        }
        for (std::size_t i = 0; i < block.lines.size(); ++i) {
            const std::string_view line = m_document.lines[first + i];
            if (block.lines[i].data() != line.data() || block.lines[i].size() != line.size()) {
                return {};
            }
        }
        return m_python_shapes.subspan(first, block.lines.size());
    }

    // A fragment whose opening fence (and so its tag) was lost, and whose
    // content alone says nothing (`# comments`, a lone `]`), most likely is
    // in the language the document's tagged blocks mostly use.
    void guess_orphan_languages() {
        std::map<std::string, int> tagged;
        for (const Snippet& snippet : m_result.snippets) {
            if (!snippet.info.empty() && snippet.language != "text"sv) {
                ++tagged[snippet.language];
            }
        }
        const auto dominant = std::max_element(tagged.begin(), tagged.end(),
                                               [](const auto& a, const auto& b) { return a.second < b.second; });
        if (dominant == tagged.end()) {
            return;
        }
        for (Snippet& snippet : m_result.snippets) {
            const bool orphan = std::find_if(snippet.defects.begin(), snippet.defects.end(), [](const std::string& d) {
                                    return d == "starts-inside-block" || d == "missing-opening-fence";
                                }) != snippet.defects.end();
            if (orphan && snippet.language == "text"sv && snippet.info.empty()) {
                snippet.language = dominant->first;
                record_code_hash(static_cast<int>(&snippet - m_result.snippets.data()));
            }
        }
    }

    // Hashes the code of the snippet at `index` for its id now, while the
    // code is in the cache; called again when its language changes.
    void record_code_hash(int index) {
        const auto at = static_cast<std::size_t>(index);
        if (m_code_hashes.size() <= at) {
            m_code_hashes.resize(at + 1);
        }
        m_code_hashes[at] = code_hash(m_result.snippets[at].language, m_result.snippets[at].code);
    }

    void add_embedded(int parent_index, EmbeddedSql sql) {
        if (sql.line_map.empty()) {
            return;
        }
        // Built where it stays, as add_block does; the parent is looked up
        // after, as adding may move the snippets.
        m_parents.emplace_back(static_cast<int>(m_result.snippets.size()), parent_index);
        Snippet& snippet = m_result.snippets.emplace_back();
        const Snippet& parent = m_result.snippets[parent_index];
        snippet.file = parent.file;
        snippet.form = SnippetForm::embedded;
        snippet.language = "sql";
        snippet.heading = parent.heading;
        snippet.directives = parent.directives;
        snippet.directives.language.clear();
        snippet.code = std::move(sql.sql);
        record_code_hash(static_cast<int>(m_result.snippets.size()) - 1);
        snippet.line_map = std::move(sql.line_map);
        snippet.start_line = snippet.line_map.front();
        snippet.end_line = snippet.line_map.back();
        if (sql.interpolated) {
            snippet.defects.emplace_back("interpolated-sql");
        }
    }

    void record_document_defects(const LexedDocument& lexed) {
        for (const auto& [line, code] : lexed.defects) {
            m_result.defects.push_back({line, code, code == "starts-inside-block"
                                                        ? "starts-inside-block: the document starts inside a code block (its opening fence is missing)"
                                                        : code});
        }
        for (const EncodingDefect& defect : m_document.decoded.defects) {
            m_result.defects.push_back({defect.line, defect.code, defect.message});
        }
        if (!m_document.decoded.defects.empty()) {
            mark_encoding_defects();
        }
        std::stable_sort(m_result.defects.begin(), m_result.defects.end(),
                         [](const DocumentDefect& a, const DocumentDefect& b) { return a.line < b.line; });
    }

    // Each snippet gets the codes of the encoding defects on its lines.
    void mark_encoding_defects() {
        // Snippets by first line, so each encoding defect finds its snippets
        // without a scan of all of them (a mis-encoded file has thousands).
        std::vector<int> by_start(m_result.snippets.size());
        for (std::size_t i = 0; i < by_start.size(); ++i) {
            by_start[i] = static_cast<int>(i);
        }
        std::stable_sort(by_start.begin(), by_start.end(), [this](int a, int b) {
            return m_result.snippets[a].start_line < m_result.snippets[b].start_line;
        });
        int longest = 0;
        for (const Snippet& snippet : m_result.snippets) {
            longest = std::max(longest, snippet.end_line - snippet.start_line);
        }
        for (const EncodingDefect& defect : m_document.decoded.defects) {
            auto it = std::lower_bound(by_start.begin(), by_start.end(), defect.line - longest,
                                       [this](int index, int line) { return m_result.snippets[index].start_line < line; });
            for (; it != by_start.end() && m_result.snippets[*it].start_line <= defect.line; ++it) {
                Snippet& snippet = m_result.snippets[*it];
                if (defect.line <= snippet.end_line &&
                    std::find(snippet.defects.begin(), snippet.defects.end(), defect.code) == snippet.defects.end()) {
                    snippet.defects.push_back(defect.code);
                }
            }
        }
    }

    const Document& m_document;
    const Directives& m_defaults;
    const SharedPath m_path;  // the document's, for each of its snippets
    ExtractedDocument m_result;
    std::vector<PyToken> m_tokens;  // the current block's tokens; its memory is reused across blocks
    std::span<const std::optional<LineShape>> m_python_shapes;  // LexedDocument::python_shapes, while run() lasts
    std::vector<std::pair<int, int>> m_parents;  // embedded snippet index -> parent index
    std::vector<std::uint64_t> m_code_hashes;     // code_hash of each finished snippet, by index
};

}  // namespace

ExtractedDocument extract(const Document& document, const Directives& defaults) {
    return Extractor(document, defaults).run();
}

const char* form_name(SnippetForm form) {
    switch (form) {
    case SnippetForm::fenced: return "fenced";
    case SnippetForm::indented: return "indented";
    case SnippetForm::unfenced: return "unfenced";
    case SnippetForm::session: return "session";
    case SnippetForm::embedded: return "embedded";
    }
    return "fenced";
}

const char* expectation_kind_name(ExpectationKind kind) {
    switch (kind) {
    case ExpectationKind::output_comment: return "output-comment";
    case ExpectationKind::value_comment: return "value-comment";
    case ExpectationKind::output_lines: return "output-lines";
    case ExpectationKind::arrow: return "arrow";
    case ExpectationKind::doctest: return "doctest";
    case ExpectationKind::output_block: return "output-block";
    case ExpectationKind::raises: return "raises";
    }
    return "output-comment";
}

}  // namespace snipcheck::extractor
