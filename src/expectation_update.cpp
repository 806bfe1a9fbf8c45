#include "src/expectation_update.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "src/expectation_rewrite.hpp"
#include "src/output_compare.hpp"
#include "src/raw_lines.hpp"

namespace snipcheck {
namespace {

using extractor::ExpectationKind;

constexpr std::size_t k_message_value_chars = 60;
constexpr std::size_t k_address_digits = 6;  // `0x7f3a2c` and longer read as an address

bool is_trailing_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Comments are read trimmed, so a value written there loses its edge blanks.
bool written_in_comment(ExpectationKind kind) {
    return kind == ExpectationKind::output_comment || kind == ExpectationKind::value_comment ||
           kind == ExpectationKind::arrow;
}

// What the snippet printed as it will be written: each line's trailing
// blanks and the blank lines at both ends dropped (the comparison ignores
// them too), each line's leading blanks too where a comment holds it.
// Empty with *why set when it cannot be written into a document.
std::string written_form(std::string_view actual, ExpectationKind kind, std::string* why) {
    if (!is_valid_utf8(actual)) {
        *why = "the output is not valid UTF-8";
        return {};
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= actual.size()) {
        std::size_t stop = actual.find('\n', start);
        stop = stop == std::string_view::npos ? actual.size() : stop;
        std::string_view line = actual.substr(start, stop - start);
        while (!line.empty() && is_trailing_blank(line.back())) {
            line.remove_suffix(1);
        }
        if (written_in_comment(kind)) {
            while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
                line.remove_prefix(1);
            }
        }
        for (char c : line) {
            const auto byte = static_cast<unsigned char>(c);
            if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
                *why = fmt::format("the output holds a control character (\\x{:02x}), which a document cannot show", byte);
                return {};
            }
        }
        lines.emplace_back(line);
        start = stop + 1;
    }
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    std::size_t first = 0;
    while (first < lines.size() && lines[first].empty()) {
        ++first;
    }
    if (first == lines.size()) {
        *why = "the snippet printed nothing for it; remove the expectation by hand if that is right";
        return {};
    }
    std::string value;
    for (std::size_t i = first; i < lines.size(); ++i) {
        value += i > first ? "\n" : "";
        value += lines[i];
    }
    return value;
}

// `0x7f3a2c1d90` (six hex digits or more, not inside a word), or empty.
std::string memory_address(std::string_view text) {
    for (std::size_t at = text.find("0x"); at != std::string_view::npos; at = text.find("0x", at + 1)) {
        if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) {
            continue;
        }
        std::size_t end = at + 2;
        while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) {
            ++end;
        }
        if (end - at - 2 >= k_address_digits) {
            return std::string(text.substr(at, end - at));
        }
    }
    return {};
}

// Did two runs print the same? Equal as the checker compares them (set and
// dict order, spacing) counts: the value written then holds for both. A
// wildcard or a masked address does not.
bool same_value(std::string_view first, std::string_view second) {
    if (first == second) {
        return true;
    }
    const CompareResult comparison = compare_output(first, second);
    return comparison.ok && (comparison.how == "exact" || comparison.how == "whitespace" || comparison.how == "value");
}

bool has_result_table(const RunOutput& run) {
    return std::any_of(run.statements.begin(), run.statements.end(),
                       [](const StatementOutput& statement) { return statement.table.has_value(); });
}

// Why a failed snippet's expectations are all left alone, or empty.
std::string snippet_refusal(const SnippetReport& item) {
    switch (item.verdict.status) {
    case Status::fail: break;
    case Status::error:
        return fmt::format("the snippet ended with an error ({}); a failed run is never written into a document",
                           item.verdict.message);
    case Status::timeout: return "the snippet timed out; a cut run is never written into a document";
    case Status::skip: return fmt::format("the snippet was skipped ({})", item.verdict.message);
    case Status::pass: return "the snippet passed";
    }
    if (item.run.stdout_cut_bytes > 0) {
        return fmt::format("the output was cut ({} bytes dropped); a cut output is never written", item.run.stdout_cut_bytes);
    }
    if (has_result_table(item.run)) {
        return "result tables are not rewritten yet; fix the table by hand";
    }
    return {};
}

// Why this failed expectation is left alone (empty when it is rewritten);
// fills edit->new_value otherwise.
std::string expectation_refusal(const SnippetReport& item, std::size_t index, const ExpectationResult& result,
                                PlannedEdit* edit) {
    if (index >= item.snippet.expectations.size()) {
        return "an expected error set by a directive is not rewritten";
    }
    const extractor::Expectation& written = item.snippet.expectations[index];
    // The checker judges the expectations in order; a copied snippet carries
    // its original's verdict, so only the value has to agree.
    if (written.expected != result.expected) {
        return "the verdict does not line up with the written expectations";
    }
    if (written.kind == ExpectationKind::raises) {
        return "an expected exception is not rewritten; fix it by hand";
    }
    if (written.kind == ExpectationKind::output_comment && written.expected.find('\n') != std::string::npos) {
        return "the expected output goes on over several comment lines, which --update does not rewrite; fix them "
               "by hand (or write one `# Output:` block, which it does)";
    }
    if (result.how == "not-run") {
        return "the statement did not run, so there is no value to write";
    }
    std::string why;
    std::string value = written_form(result.actual, written.kind, &why);
    if (!why.empty()) {
        return why;
    }
    if (std::string address = memory_address(value); !address.empty()) {
        return fmt::format("the output holds a memory address ({}), which changes from run to run; write the value "
                           "by hand (`...` matches any text)",
                           address);
    }
    const bool one_line_comment = written.kind == ExpectationKind::output_comment || written.kind == ExpectationKind::value_comment;
    if (one_line_comment && value.find('\n') != std::string::npos) {
        // Several lines go into an `# Output:` comment block below the
        // statement, where each line keeps its leading blanks.
        if (!written.remark.empty()) {
            return fmt::format("the snippet printed {} lines, which a one-line comment cannot hold, and its remark "
                               "would have no place in a block; write an `# Output:` comment block by hand",
                               std::count(value.begin(), value.end(), '\n') + 1);
        }
        value = written_form(result.actual, ExpectationKind::output_lines, &why);
        edit->to_comment_block = true;
    }
    if (!compare_output(value, result.actual).ok) {
        return "the value as it would be written does not match what was printed";
    }
    edit->line = written.line;
    edit->statement_line = written.statement_line;
    edit->kind = written.kind;
    edit->old_value = written.expected;
    edit->remark = written.remark;
    edit->new_value = std::move(value);
    edit->actual = result.actual;
    edit->snippet_id = item.snippet.id;
    edit->index = index;
    return {};
}

}  // namespace

UpdatePlan plan_expectation_updates(const std::vector<const SnippetReport*>& snippets) {
    UpdatePlan plan;
    for (const SnippetReport* item : snippets) {
        const std::vector<ExpectationResult>& results = item->verdict.expectations;
        if (std::all_of(results.begin(), results.end(), [](const ExpectationResult& result) { return result.ok; })) {
            continue;
        }
        const std::string refused = snippet_refusal(*item);
        for (std::size_t i = 0; i < results.size(); ++i) {
            if (results[i].ok) {
                continue;
            }
            PlannedEdit edit;
            const std::string reason = refused.empty() ? expectation_refusal(*item, i, results[i], &edit) : refused;
            if (!reason.empty()) {
                const int line = i < item->snippet.expectations.size() ? item->snippet.expectations[i].line : results[i].line;
                plan.refusals.push_back({line, reason});
            } else {
                plan.edits.push_back(std::move(edit));
            }
        }
    }
    return plan;
}

void confirm_with_second_run(UpdatePlan& plan, const std::vector<const SnippetReport*>& second_run) {
    std::map<std::string_view, const SnippetReport*> by_id;
    for (const SnippetReport* item : second_run) {
        by_id.emplace(item->snippet.id, item);
    }
    std::vector<PlannedEdit> confirmed;
    for (PlannedEdit& edit : plan.edits) {
        const auto it = by_id.find(edit.snippet_id);
        std::string reason;
        if (it == by_id.end()) {
            reason = "the second run did not judge this snippet, so the value is not confirmed";
        } else if (const SnippetReport& again = *it->second; again.verdict.status != Status::fail) {
            reason = fmt::format("the second run ended otherwise ({}: {}), so the value is not trusted",
                                 status_name(again.verdict.status), again.verdict.message);
        } else if (edit.index >= again.verdict.expectations.size() || again.run.stdout_cut_bytes > 0) {
            reason = "the second run did not print a value for it, so the value is not confirmed";
        } else if (const ExpectationResult& result = again.verdict.expectations[edit.index];
                   result.ok || !same_value(edit.actual, result.actual)) {
            reason = fmt::format("the snippet printed different values on two runs ({}, then {})",
                                 value_for_message(edit.actual), value_for_message(result.actual));
        }
        if (reason.empty()) {
            confirmed.push_back(std::move(edit));
        } else {
            plan.refusals.push_back({edit.line, std::move(reason)});
        }
    }
    plan.edits = std::move(confirmed);
}

DocumentUpdate update_document(const std::string& path, std::string_view bytes, const UpdatePlan& plan) {
    RewriteResult rewritten = rewrite_expectations(path, bytes, plan.edits);
    DocumentUpdate update;
    update.bytes = std::move(rewritten.bytes);
    update.edits = std::move(rewritten.applied);
    update.refusals = plan.refusals;
    update.refusals.insert(update.refusals.end(), rewritten.refusals.begin(), rewritten.refusals.end());
    std::stable_sort(update.refusals.begin(), update.refusals.end(),
                     [](const UpdateRefusal& a, const UpdateRefusal& b) { return a.line < b.line; });
    return update;
}

std::string value_for_message(std::string_view value) {
    std::string out;
    for (char c : value) {
        const bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (out.size() >= k_message_value_chars && starts_character) {
            out += "…";
            break;
        }
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    return out.empty() ? std::string("nothing") : out;
}

}  // namespace snipcheck
