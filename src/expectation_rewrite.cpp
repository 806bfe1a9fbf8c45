#include "src/expectation_rewrite.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "extractor/document.hpp"
#include "extractor/extractor.hpp"
#include "extractor/text_decoder.hpp"
#include "src/expectation_locate.hpp"
#include "src/raw_lines.hpp"
#include "src/utf16_transcode.hpp"

namespace snipcheck {
namespace {

using extractor::ExpectationKind;

// What the extractor reads in a document, enough to tell that an edit
// changed the value it meant to change and nothing else.
struct ReadExpectation {
    std::size_t snippet = 0;
    int line = 0;
    int statement_line = 0;
    ExpectationKind kind = ExpectationKind::output_comment;
    std::string expected;
    std::string remark;
    bool operator==(const ReadExpectation&) const = default;
};

struct ReadSnippet {
    int start_line = 0;
    std::string language;
    extractor::SnippetForm form = extractor::SnippetForm::fenced;
    bool operator==(const ReadSnippet&) const = default;
};

struct Reading {
    std::vector<ReadSnippet> snippets;
    std::vector<ReadExpectation> expectations;
};

Expected<Reading, std::string> read_document(const std::string& path, std::string_view bytes) {
    auto decoded = extractor::decode_text(bytes);
    if (!decoded) {
        return unexpected(decoded.error());
    }
    const extractor::Document document = extractor::make_document(path, std::move(*decoded));
    const extractor::ExtractedDocument extracted = extractor::extract(document);
    Reading reading;
    for (std::size_t s = 0; s < extracted.snippets.size(); ++s) {
        const extractor::Snippet& snippet = extracted.snippets[s];
        reading.snippets.push_back({snippet.start_line, snippet.language, snippet.form});
        for (const extractor::Expectation& expectation : snippet.expectations) {
            reading.expectations.push_back({s, expectation.line, expectation.statement_line, expectation.kind,
                                            expectation.expected, expectation.remark});
        }
    }
    return reading;
}

struct Candidate {
    const PlannedEdit* edit = nullptr;
    LineReplacement replacement;
};

// A line before the replacements -> the same line after them (replacements
// sorted by line; lines inside one are not asked for).
int moved_line(int line, const std::vector<const Candidate*>& candidates) {
    int moved = line;
    for (const Candidate* candidate : candidates) {
        const LineReplacement& r = candidate->replacement;
        if (r.first + r.count <= line) {
            moved += static_cast<int>(r.lines.size()) - r.count;
        }
    }
    return line > 0 ? moved : line;
}

std::string apply_replacements(const RawLines& raw, const std::vector<const Candidate*>& candidates) {
    std::string out(raw.bom);
    const int total = static_cast<int>(raw.lines.size());
    const auto copy_through = [&](int from, int to) {  // lines [from, to), 1-based
        for (int n = from; n < to && n <= total; ++n) {
            const RawLine& line = raw.lines[static_cast<std::size_t>(n - 1)];
            out += line.text;
            out += line.end;
        }
    };
    int next = 1;
    for (const Candidate* candidate : candidates) {
        copy_through(next, candidate->replacement.first);
        for (const std::string& line : candidate->replacement.lines) {
            out += line;
        }
        next = candidate->replacement.first + candidate->replacement.count;
    }
    copy_through(next, total + 1);
    return out;
}

// The original reading moved through the replacements, each edited
// expectation holding its new value: what the edited document must read as.
Reading reading_after(const Reading& before, const std::vector<const Candidate*>& candidates) {
    Reading want = before;
    for (ReadSnippet& snippet : want.snippets) {
        snippet.start_line = moved_line(snippet.start_line, candidates);
    }
    for (ReadExpectation& expectation : want.expectations) {
        bool to_block = false;
        for (const Candidate* candidate : candidates) {
            const PlannedEdit& edit = *candidate->edit;
            if (expectation.line == edit.line && expectation.kind == edit.kind && expectation.expected == edit.old_value) {
                expectation.expected = edit.new_value;
                to_block = edit.to_comment_block;
            }
        }
        expectation.line = moved_line(expectation.line, candidates);
        expectation.statement_line = moved_line(expectation.statement_line, candidates);
        if (to_block) {  // the `# Output:` line right below the statement
            expectation.kind = ExpectationKind::output_lines;
            expectation.line += 1;
        }
    }
    return want;
}

// Empty when the document with these replacements reads as it should: the
// same snippets and expectations, the edited ones holding their new values.
std::string check_reading(const std::string& path, const RawLines& raw, const Reading& before,
                          const std::vector<const Candidate*>& candidates) {
    auto after = read_document(path, apply_replacements(raw, candidates));
    if (!after) {
        return "written in, the document could not be read back (" + after.error() + ")";
    }
    const Reading want = reading_after(before, candidates);
    if (after->snippets != want.snippets || after->expectations.size() != want.expectations.size()) {
        return "written in, the value would not read back as the same expectation (a fence, a prompt, a label or "
               "prose in it would change how the document reads); fix it by hand";
    }
    for (std::size_t i = 0; i < want.expectations.size(); ++i) {
        const ReadExpectation& wanted = want.expectations[i];
        const ReadExpectation& got = after->expectations[i];
        if (!(got == wanted)) {
            if (got.line == wanted.line && got.kind == wanted.kind && got.remark == wanted.remark) {
                return fmt::format("written in, the value would read back as {}, not as printed",
                                   value_for_message(got.expected));
            }
            return "written in, the new value would not read back as the same expectation; fix it by hand";
        }
    }
    return {};
}

bool overlaps(const LineReplacement& a, const LineReplacement& b) {
    return a.first < b.first + b.count && b.first < a.first + a.count;
}

}  // namespace

RewriteResult rewrite_expectations(const std::string& path, std::string_view bytes, const std::vector<PlannedEdit>& edits) {
    RewriteResult result;
    result.bytes = std::string(bytes);
    if (edits.empty()) {
        return result;
    }
    const auto refuse_all = [&](const std::string& reason) {
        for (const PlannedEdit& edit : edits) {
            result.refusals.push_back({edit.line, reason});
        }
        return result;
    };
    auto decoded = extractor::decode_text(bytes);
    if (!decoded) {
        return refuse_all("the document is not text (" + decoded.error() + ")");
    }
    if (decoded->encoding == "utf-16le" || decoded->encoding == "utf-16be") {
        // Rewritten as UTF-8, unit for unit, then turned back.
        const Utf16Order order = decoded->encoding == "utf-16le" ? Utf16Order::little : Utf16Order::big;
        const std::optional<std::string> utf8 = utf16_to_utf8(bytes, order);
        if (!utf8) {
            return refuse_all("the document's UTF-16 is not well-formed (an unpaired surrogate, a NUL or an odd "
                              "length), so it is not rewritten");
        }
        RewriteResult inner = rewrite_expectations(path, *utf8, edits);
        inner.bytes = inner.applied.empty() ? std::string(bytes) : utf8_to_utf16(inner.bytes, order);
        return inner;
    }
    const RawLines raw = split_raw_lines(bytes);
    const auto before = read_document(path, bytes);
    if (!before) {
        return refuse_all(before.error());
    }
    std::vector<const PlannedEdit*> ordered;
    for (const PlannedEdit& edit : edits) {
        ordered.push_back(&edit);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const PlannedEdit* a, const PlannedEdit* b) { return a->line < b->line; });

    // Found exactly, on valid UTF-8 lines, apart from every other edit.
    std::vector<Candidate> candidates;
    for (const PlannedEdit* edit : ordered) {
        auto located = locate_replacement(raw, *edit);
        if (!located) {
            result.refusals.push_back({edit->line, located.error()});
            continue;
        }
        std::string reason;
        for (int n = located->first; n < located->first + located->count && reason.empty(); ++n) {
            if (!is_valid_utf8(raw.lines[static_cast<std::size_t>(n - 1)].text)) {
                reason = fmt::format("line {} is not valid UTF-8; it is not rewritten", n);
            }
        }
        bool repeated = false;
        for (const Candidate& other : candidates) {
            if (reason.empty() && overlaps(other.replacement, *located)) {
                const PlannedEdit& same = *other.edit;
                // The same edit twice (two snippets read the same lines): once is enough.
                repeated = same.line == edit->line && same.kind == edit->kind && same.old_value == edit->old_value &&
                           same.new_value == edit->new_value;
                reason = fmt::format("the expectation at line {} is rewritten on the same lines", same.line);
            }
        }
        if (repeated) {
            continue;
        }
        if (!reason.empty()) {
            result.refusals.push_back({edit->line, reason});
            continue;
        }
        candidates.push_back({edit, std::move(*located)});
    }

    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.replacement.first < b.replacement.first;
    });

    // Each edit alone must read back; then all of them together.
    std::vector<const Candidate*> verified;
    for (const Candidate& candidate : candidates) {
        if (std::string reason = check_reading(path, raw, *before, {&candidate}); !reason.empty()) {
            result.refusals.push_back({candidate.edit->line, reason});
        } else {
            verified.push_back(&candidate);
        }
    }
    if (!verified.empty()) {
        if (std::string reason = check_reading(path, raw, *before, verified); !reason.empty()) {
            for (const Candidate* candidate : verified) {
                result.refusals.push_back({candidate->edit->line, "together with the other edits: " + reason});
            }
        } else {
            result.bytes = apply_replacements(raw, verified);
            for (const Candidate* candidate : verified) {
                result.applied.push_back({candidate->edit->line, candidate->edit->old_value, candidate->edit->new_value});
            }
        }
    }
    std::stable_sort(result.refusals.begin(), result.refusals.end(),
                     [](const UpdateRefusal& a, const UpdateRefusal& b) { return a.line < b.line; });
    return result;
}

}  // namespace snipcheck
