// Rewriting failed expectations in a document's bytes: each way an
// expectation is written, what is kept byte for byte, and every refusal.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "extractor/document.hpp"
#include "extractor/extractor.hpp"
#include "extractor/text_decoder.hpp"
#include "src/expectation_update.hpp"

namespace {

using snipcheck::DocumentUpdate;
using snipcheck::ExpectationResult;
using snipcheck::SnippetReport;
using snipcheck::Status;
using snipcheck::UpdatePlan;

// Lines joined with `end`, each line ended (the last one too).
std::string lines(const std::vector<std::string>& texts, const std::string& end = "\n") {
    std::string out;
    for (const std::string& text : texts) {
        out += text + end;
    }
    return out;
}

// The snippets of `bytes`, judged as if each expectation written on a line
// of `printed` had printed that value instead (the others held).
std::vector<SnippetReport> judged(const std::string& path, const std::string& bytes, const std::map<int, std::string>& printed,
                                  Status status = Status::fail) {
    auto decoded = snipcheck::extractor::decode_text(bytes);
    REQUIRE(decoded.has_value());
    const auto document = snipcheck::extractor::make_document(path, std::move(*decoded));
    auto extracted = snipcheck::extractor::extract(document);
    std::vector<SnippetReport> reports;
    for (auto& snippet : extracted.snippets) {
        SnippetReport report;
        report.verdict.status = Status::pass;
        for (const auto& expectation : snippet.expectations) {
            ExpectationResult result;
            result.line = expectation.line;
            result.expected = expectation.expected;
            result.actual = expectation.expected;
            result.ok = true;
            if (auto it = printed.find(expectation.line); it != printed.end()) {
                result.actual = it->second;
                result.ok = false;
                report.verdict.status = status;
            }
            report.verdict.expectations.push_back(result);
        }
        report.snippet = std::move(snippet);
        reports.push_back(std::move(report));
    }
    return reports;
}

std::vector<const SnippetReport*> pointers(const std::vector<SnippetReport>& reports) {
    std::vector<const SnippetReport*> out;
    for (const SnippetReport& report : reports) {
        out.push_back(&report);
    }
    return out;
}

DocumentUpdate update(const std::string& bytes, const std::map<int, std::string>& printed, const std::string& path = "doc.md") {
    const std::vector<SnippetReport> reports = judged(path, bytes, printed);
    return snipcheck::update_document(path, bytes, snipcheck::plan_expectation_updates(pointers(reports)));
}

// The one refusal's reason, failing the test when there is not exactly one.
std::string only_refusal(const DocumentUpdate& result) {
    REQUIRE(result.refusals.size() == 1);
    return result.refusals.front().reason;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("an # Output: comment gets the printed value and keeps its remark", "[expectation_update]") {
    const std::string before = lines({"```python", "print(min_cost([1, 4]))  # Output: 11 (minimum cost)", "```"});
    const DocumentUpdate result = update(before, {{2, "12"}});
    CHECK(result.bytes == lines({"```python", "print(min_cost([1, 4]))  # Output: 12 (minimum cost)", "```"}));
    REQUIRE(result.edits.size() == 1);
    CHECK(result.edits[0].line == 2);
    CHECK(result.edits[0].old_value == "11");
    CHECK(result.edits[0].new_value == "12");
    CHECK(result.refusals.empty());
}

TEST_CASE("the label's spelling and the blanks around the value are kept", "[expectation_update]") {
    const std::string before = lines({"```python", "x = 11", "print(x)   #   OUTPUT:   11   ", "```"});
    CHECK(update(before, {{3, "7"}}).bytes == lines({"```python", "x = 11", "print(x)   #   OUTPUT:   7   ", "```"}));
}

TEST_CASE("a bare value after print is rewritten where it stands, not where the same text appears in code",
          "[expectation_update]") {
    const std::string before = lines({"```python", "print(len('3 # 3'))  # 3", "```"});
    CHECK(update(before, {{2, "5"}}).bytes == lines({"```python", "print(len('3 # 3'))  # 5", "```"}));
}

TEST_CASE("#>, # => and # -> keep their marker", "[expectation_update]") {
    const std::string before = lines({"```python", "print(3)  #> 4", "print([1, 2])  # => [2, 1]", "print(1 + 1)  # -> 3", "```"});
    const DocumentUpdate result = update(before, {{2, "3"}, {3, "[1, 2]"}, {4, "2"}});
    CHECK(result.bytes == lines({"```python", "print(3)  #> 3", "print([1, 2])  # => [1, 2]", "print(1 + 1)  # -> 2", "```"}));
    CHECK(result.edits.size() == 3);
}

TEST_CASE("#> lines grow and shrink with the output", "[expectation_update]") {
    const std::string two = lines({"```python", "    print('a\\nb')", "    #> a", "    #> x", "```"});
    SECTION("growing") {
        const DocumentUpdate result = update(two, {{3, "a\nb\nc"}});
        CHECK(result.bytes == lines({"```python", "    print('a\\nb')", "    #> a", "    #> b", "    #> c", "```"}));
    }
    SECTION("shrinking") {
        CHECK(update(two, {{3, "z"}}).bytes == lines({"```python", "    print('a\\nb')", "    #> z", "```"}));
    }
}

TEST_CASE("an # Output: comment block grows and shrinks", "[expectation_update]") {
    const std::string before = lines({"```python", "for i in range(3):", "    print(i)", "# Output:", "# 0", "# 1", "```", "after"});
    SECTION("growing") {
        const DocumentUpdate result = update(before, {{4, "0\n1\n2"}});
        CHECK(result.bytes ==
              lines({"```python", "for i in range(3):", "    print(i)", "# Output:", "# 0", "# 1", "# 2", "```", "after"}));
        REQUIRE(result.edits.size() == 1);
        CHECK(result.edits[0].line == 4);
    }
    SECTION("shrinking, a blank line inside written as a bare #") {
        CHECK(update(before, {{4, "0\n\n5"}}).bytes ==
              lines({"```python", "for i in range(3):", "    print(i)", "# Output:", "# 0", "#", "# 5", "```", "after"}));
        CHECK(update(before, {{4, "9"}}).bytes ==
              lines({"```python", "for i in range(3):", "    print(i)", "# Output:", "# 9", "```", "after"}));
    }
}

TEST_CASE("doctest output keeps the session's indentation and writes <BLANKLINE>", "[expectation_update]") {
    const std::string before = lines({"1. A list item:", "", "   ```python", "   >>> 2 * 21", "   41", "   >>> print('p')",
                                      "   p", "   ```"});
    const DocumentUpdate result = update(before, {{5, "42"}, {7, "p\n\nq"}});
    CHECK(result.bytes == lines({"1. A list item:", "", "   ```python", "   >>> 2 * 21", "   42", "   >>> print('p')", "   p",
                                 "   <BLANKLINE>", "   q", "   ```"}));
    CHECK(result.edits.size() == 2);
}

TEST_CASE("doctest output written as comments stays comments", "[expectation_update]") {
    const std::string before = lines({"```python", ">>> 2 * 21", "# 41", "```"});
    CHECK(update(before, {{3, "42"}}).bytes == lines({"```python", ">>> 2 * 21", "# 42", "```"}));
}

TEST_CASE("an output block keeps its fence and info string, only its body changes", "[expectation_update]") {
    const std::string before =
        lines({"```python", "for w in 'ab':", "    print(w)", "```", "", "~~~~text  {.out}", "a", "b", "c", "~~~~", "tail"});
    SECTION("shrinking") {
        CHECK(update(before, {{7, "a\nb"}}).bytes ==
              lines({"```python", "for w in 'ab':", "    print(w)", "```", "", "~~~~text  {.out}", "a", "b", "~~~~", "tail"}));
    }
    SECTION("growing") {
        CHECK(update(before, {{7, "a\nb\nc\nd"}}).bytes == lines({"```python", "for w in 'ab':", "    print(w)", "```", "",
                                                               "~~~~text  {.out}", "a", "b", "c", "d", "~~~~", "tail"}));
    }
}

TEST_CASE("an indented output block keeps its indentation", "[expectation_update]") {
    const std::string before = lines({"- item", "", "  ```python", "  print('a')", "  ```", "", "  ```output", "  b", "  ```"});
    CHECK(update(before, {{8, "a"}}).bytes ==
          lines({"- item", "", "  ```python", "  print('a')", "  ```", "", "  ```output", "  a", "  ```"}));
}

TEST_CASE("a console output block keeps its command line", "[expectation_update]") {
    const std::string before = lines({"```bash", "echo hi", "```", "", "```console", "$ sh demo.sh", "ho", "```"});
    CHECK(update(before, {{6, "hi"}}).bytes == lines({"```bash", "echo hi", "```", "", "```console", "$ sh demo.sh", "hi", "```"}));
}

TEST_CASE("CRLF line endings and the BOM are kept, also on new lines", "[expectation_update]") {
    const std::string bom = "\xEF\xBB\xBF";
    const std::string before =
        bom + lines({"```python", "print(5)  # Output: 4 (four)", "for i in range(2):", "    print(i)", "# Output:", "# 7", "```"}, "\r\n");
    const DocumentUpdate result = update(before, {{2, "5"}, {5, "0\n1"}});
    CHECK(result.bytes == bom + lines({"```python", "print(5)  # Output: 5 (four)", "for i in range(2):", "    print(i)",
                                       "# Output:", "# 0", "# 1", "```"},
                                      "\r\n"));
    CHECK(result.refusals.empty());
}

TEST_CASE("each line keeps its own ending in a mixed document, and a last line without one stays so",
          "[expectation_update]") {
    const std::string before = "```python\r\nprint(1)  # Output: 2\nprint(3)  # 4\r\n```";
    CHECK(update(before, {{2, "1"}, {3, "3"}}).bytes == "```python\r\nprint(1)  # Output: 1\nprint(3)  # 3\r\n```");
}

TEST_CASE("an indented code block with a tab keeps its bytes", "[expectation_update]") {
    const std::string before = lines({"Text.", "", "\tprint(1)  # Output: 2", "", "More."});
    CHECK(update(before, {{3, "1"}}).bytes == lines({"Text.", "", "\tprint(1)  # Output: 1", "", "More."}));
}

TEST_CASE("only failed expectations of failed snippets are touched", "[expectation_update]") {
    const std::string before = lines({"```python", "print(1)  # Output: 1", "print(2)  # Output: 3", "```"});
    const std::vector<SnippetReport> reports = judged("doc.md", before, {{3, "2"}}, Status::error);
    const DocumentUpdate result =
        snipcheck::update_document("doc.md", before, snipcheck::plan_expectation_updates(pointers(reports)));
    CHECK(result.bytes == before);
    CHECK(result.edits.empty());
    CHECK(contains(only_refusal(result), "ended with an error"));
}

TEST_CASE("refusals say why, and leave the bytes alone", "[expectation_update]") {
    const std::string print_line = "print(f())  # Output: 1";
    const std::string before = lines({"```python", print_line, "```"});
    const auto refused = [&](const std::string& printed) {
        const DocumentUpdate result = update(before, {{2, printed}});
        CHECK(result.bytes == before);
        CHECK(result.edits.empty());
        return only_refusal(result);
    };
    CHECK(contains(refused("<Foo object at 0x7f3a2c1d90>"), "memory address (0x7f3a2c1d90)"));
    CHECK(contains(refused(""), "printed nothing"));
    CHECK(contains(refused("bell\x07"), "control character"));
    CHECK(contains(refused("\xff\xfe"), "not valid UTF-8"));
    // Read back, "2 (Two things)" would be the value 2 and a remark.
    CHECK(contains(refused("2 (Two things)"), "read back"));
}

TEST_CASE("a bare comment that would turn into prose is not written", "[expectation_update]") {
    const std::string before = lines({"```python", "print(s)  # 'yes'", "```"});
    const DocumentUpdate result = update(before, {{2, "Works fine"}});
    CHECK(result.bytes == before);
    CHECK(contains(only_refusal(result), "read back"));
}

TEST_CASE("an output that would close the fence of its block is not written", "[expectation_update]") {
    const std::string before = lines({"```python", "print('x')", "```", "", "```output", "y", "```"});
    const DocumentUpdate result = update(before, {{6, "x\n```"}});
    CHECK(result.bytes == before);
    const std::string reason = only_refusal(result);
    INFO(reason);
    CHECK(contains(reason, "would read back as x, not as printed"));
}

TEST_CASE("a value not found where the extractor saw it is refused, never guessed", "[expectation_update]") {
    const std::string judged_bytes = lines({"```python", "print(1)  # Output: 2", "```"});
    const std::vector<SnippetReport> reports = judged("doc.md", judged_bytes, {{2, "1"}});
    const UpdatePlan plan = snipcheck::plan_expectation_updates(pointers(reports));
    const std::string other_bytes = lines({"```python", "print(1)  # Output: 22", "```"});
    const DocumentUpdate result = snipcheck::update_document("doc.md", other_bytes, plan);
    CHECK(result.bytes == other_bytes);
    CHECK(contains(only_refusal(result), "was not found"));
}

TEST_CASE("a line that is not valid UTF-8 is not rewritten", "[expectation_update]") {
    const std::string before = lines({"```python", "print('\xe9')  # Output: 2", "```"});
    const DocumentUpdate result = update(before, {{2, "1"}});
    CHECK(result.bytes == before);
    CHECK(contains(only_refusal(result), "not valid UTF-8"));
}

namespace {

// `text` (ASCII) as UTF-16 little-endian with its BOM.
std::string utf16le(const std::string& text) {
    std::string out = "\xFF\xFE";
    for (char c : text) {
        out += c;
        out += '\0';
    }
    return out;
}

}  // namespace

TEST_CASE("a UTF-16 document stays UTF-16, line endings and all", "[expectation_update]") {
    const std::string before = utf16le(lines({"```python", "print(1)  # Output: 2", "for i in range(2):", "    print(i)",
                                              "# Output:", "# 5", "```"},
                                             "\r\n"));
    const DocumentUpdate result = update(before, {{2, "1"}, {5, "0\n1"}});
    CHECK(result.bytes == utf16le(lines({"```python", "print(1)  # Output: 1", "for i in range(2):", "    print(i)",
                                         "# Output:", "# 0", "# 1", "```"},
                                        "\r\n")));
    CHECK(result.refusals.empty());
}

TEST_CASE("a UTF-16 document with an unpaired surrogate is not rewritten", "[expectation_update]") {
    const std::string before = utf16le(lines({"```python", "print(1)  # Output: 2", "```", "x"})) + std::string("\x00\xD8", 2);
    const std::vector<SnippetReport> reports = judged("doc.md", before, {{2, "1"}});
    const DocumentUpdate result =
        snipcheck::update_document("doc.md", before, snipcheck::plan_expectation_updates(pointers(reports)));
    CHECK(result.bytes == before);
    CHECK(contains(only_refusal(result), "UTF-16 is not well-formed"));
}

TEST_CASE("expected exceptions and cut outputs are not rewritten", "[expectation_update]") {
    SECTION("raises") {
        const std::string before = lines({"```python", "int('x')  # raises KeyError", "```"});
        CHECK(contains(only_refusal(update(before, {{2, "ValueError"}})), "expected exception"));
    }
    SECTION("cut") {
        const std::string before = lines({"```python", "print(1)  # Output: 2", "```"});
        std::vector<SnippetReport> reports = judged("doc.md", before, {{2, "1"}});
        reports[0].run.stdout_cut_bytes = 10;
        const DocumentUpdate result =
            snipcheck::update_document("doc.md", before, snipcheck::plan_expectation_updates(pointers(reports)));
        CHECK(result.bytes == before);
        CHECK(contains(only_refusal(result), "cut"));
    }
}

TEST_CASE("a value printed differently by the second run is not written", "[expectation_update]") {
    const std::string before = lines({"```python", "print(random())  # Output: 0.5", "print(1)  # Output: 2", "```"});
    const std::vector<SnippetReport> first = judged("doc.md", before, {{2, "0.25"}, {3, "1"}});
    const std::vector<SnippetReport> second = judged("doc.md", before, {{2, "0.75"}, {3, "1"}});
    UpdatePlan plan = snipcheck::plan_expectation_updates(pointers(first));
    REQUIRE(plan.edits.size() == 2);
    snipcheck::confirm_with_second_run(plan, pointers(second));
    const DocumentUpdate result = snipcheck::update_document("doc.md", before, plan);
    CHECK(result.bytes == lines({"```python", "print(random())  # Output: 0.5", "print(1)  # Output: 1", "```"}));
    CHECK(contains(only_refusal(result), "printed different values on two runs (0.25, then 0.75)"));
    CHECK(result.refusals[0].line == 2);
}

TEST_CASE("a value that held on the second run is not written either", "[expectation_update]") {
    const std::string before = lines({"```python", "print(coin())  # Output: heads", "```"});
    const std::vector<SnippetReport> first = judged("doc.md", before, {{2, "tails"}});
    const std::vector<SnippetReport> second = judged("doc.md", before, {});
    UpdatePlan plan = snipcheck::plan_expectation_updates(pointers(first));
    snipcheck::confirm_with_second_run(plan, pointers(second));
    CHECK(plan.edits.empty());
    REQUIRE(plan.refusals.size() == 1);
    CHECK(contains(plan.refusals[0].reason, "the second run ended otherwise (pass"));
}

TEST_CASE("two copies of a snippet are both rewritten", "[expectation_update]") {
    const std::string block = lines({"```python", "print(1)  # Output: 2", "```"});
    const std::string before = block + "\n" + block;
    const DocumentUpdate result = update(before, {{2, "1"}, {6, "1"}});
    const std::string fixed = lines({"```python", "print(1)  # Output: 1", "```"});
    CHECK(result.bytes == fixed + "\n" + fixed);
    CHECK(result.edits.size() == 2);
}

TEST_CASE("messages show a value on one line", "[expectation_update]") {
    CHECK(snipcheck::value_for_message("11") == "11");
    CHECK(snipcheck::value_for_message("a\nb") == "a\\nb");
    CHECK(snipcheck::value_for_message("") == "nothing");
    CHECK(snipcheck::value_for_message(std::string(100, 'x')).size() < 70);
}

TEST_CASE("a set printed in another order by the second run is the same value", "[expectation_update]") {
    const std::string before = lines({"```python", "print(letters)  # Output: {'a'}", "```"});
    const std::vector<SnippetReport> first = judged("doc.md", before, {{2, "{'b', 'a'}"}});
    const std::vector<SnippetReport> second = judged("doc.md", before, {{2, "{'a', 'b'}"}});
    UpdatePlan plan = snipcheck::plan_expectation_updates(pointers(first));
    snipcheck::confirm_with_second_run(plan, pointers(second));
    CHECK(plan.refusals.empty());
    CHECK(snipcheck::update_document("doc.md", before, plan).bytes ==
          lines({"```python", "print(letters)  # Output: {'b', 'a'}", "```"}));
}

TEST_CASE("a # => value spread over lines by its brackets shrinks to one line", "[expectation_update]") {
    const std::string before = lines({"```python", "print({'a': [1, 2]})", "# => {'a': [1,", "# =>        3]}", "```"});
    const DocumentUpdate result = update(before, {{3, "{'a': [1, 2]}"}});
    CHECK(result.bytes == lines({"```python", "print({'a': [1, 2]})", "# => {'a': [1, 2]}", "```"}));
    REQUIRE(result.edits.size() == 1);
    CHECK(result.edits[0].old_value == "{'a': [1,\n3]}");
}

TEST_CASE("an indented # Output: block keeps its indentation", "[expectation_update]") {
    const std::string before = lines({"```python", "def show():", "    print('a')", "    print('b')", "    # Output:",
                                      "    #   a", "show()", "```"});
    // The extractor reads "  a" (one blank after # dropped); the new lines follow the first line's spacing.
    const DocumentUpdate result = update(before, {{5, "a\nb"}});
    CHECK(result.bytes == lines({"```python", "def show():", "    print('a')", "    print('b')", "    # Output:", "    # a",
                                 "    # b", "show()", "```"}));
}

TEST_CASE("a skipped snippet's expectations are not touched", "[expectation_update]") {
    const std::string before = lines({"```python", "import django", "print(1)  # Output: 2", "```"});
    const std::vector<SnippetReport> reports = judged("doc.md", before, {{3, "1"}}, Status::skip);
    const DocumentUpdate result =
        snipcheck::update_document("doc.md", before, snipcheck::plan_expectation_updates(pointers(reports)));
    CHECK(result.bytes == before);
    CHECK(contains(only_refusal(result), "was skipped"));
}

TEST_CASE("a one-line comment that cannot hold the output becomes an # Output: block below its statement",
          "[expectation_update]") {
    const std::string before = lines({"```python", "def show():", "    print('a')", "", "show()  # Output: a",
                                      "if ready:", "    print(rows)  # [1]", "print('end')  # Output: end", "```"});
    const DocumentUpdate result = update(before, {{5, "a\n  b\n\nc"}, {7, "[1,\n 2]"}});
    INFO(result.bytes);
    CHECK(result.bytes == lines({"```python", "def show():", "    print('a')", "", "show()", "# Output:", "# a",
                                 "#   b", "#", "# c", "if ready:", "    print(rows)", "    # Output:", "    # [1,",
                                 "    #  2]", "print('end')  # Output: end", "```"}));
    CHECK(result.refusals.empty());
    REQUIRE(result.edits.size() == 2);
    CHECK(result.edits[0].line == 5);
    CHECK(result.edits[0].new_value == "a\n  b\n\nc");
}

TEST_CASE("a one-line comment becomes a block only where one can stand", "[expectation_update]") {
    const auto refused = [](const std::vector<std::string>& code, int line) {
        std::vector<std::string> all = {"```python"};
        all.insert(all.end(), code.begin(), code.end());
        all.push_back("```");
        const std::string before = lines(all);
        const DocumentUpdate result = update(before, {{line, "a\nb"}});
        CHECK(result.bytes == before);
        CHECK(result.edits.empty());
        return only_refusal(result);
    };
    // A remark would have nowhere to go.
    CHECK(contains(refused({"print(f())  # Output: 1 (one)"}, 2), "its remark would have no place in a block"));
    // The statement goes on after the comment's line.
    CHECK(contains(refused({"print(f(),  # Output: 1", "      2)"}, 2), "goes on past the comment's line"));
    CHECK(contains(refused({"total = [f(  # Output: 1", "]"}, 2), "goes on past"));
    // A comment line right below would be read into the block.
    CHECK(contains(refused({"print(f())  # Output: 1", "# more about it"}, 2), "read back"));
}

TEST_CASE("an # Output: value that goes on over several comments is refused, not half rewritten",
          "[expectation_update]") {
    for (const std::string& before : {lines({"```python", "for x in range(2):", "    print(x + 1)", "# Output: 0",
                                             "# Output: 1", "```"}),
                                      lines({"```python", "print('a\\nb')  # Output: x", "               #         y",
                                             "```"})}) {
        INFO(before);
        const int line = before.find("for x") != std::string::npos ? 4 : 2;
        const DocumentUpdate result = update(before, {{line, "1\n2"}});
        CHECK(result.bytes == before);
        CHECK(contains(only_refusal(result), "goes on over several comment lines"));
    }
}
