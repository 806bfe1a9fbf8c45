// pyflakes through the real sandbox and Debian's /usr/bin/python3, on
// snippets the extractor takes from small Markdown documents, so the lines
// checked are document lines.
#include "runners/python/python_lint.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/extractor.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;
using runners::python::lint_python;
using runners::python::LintDocument;
using runners::python::LintResult;
using runners::python::SnippetFindings;

namespace {

constexpr double k_timeout = 30;

// Extracted documents must outlive the LintDocuments that point into them.
struct Linted {
    std::vector<extractor::ExtractedDocument> extracted;
    LintResult result;
};

Linted lint_markdown(const std::vector<std::string>& markdowns, const std::string& python = "/usr/bin/python3") {
    Linted linted;
    for (std::size_t i = 0; i < markdowns.size(); ++i) {
        linted.extracted.push_back(
            extractor::extract(test::document_from_bytes("doc" + std::to_string(i) + ".md", markdowns[i])));
    }
    std::vector<LintDocument> documents;
    for (const extractor::ExtractedDocument& extracted : linted.extracted) {
        LintDocument& document = documents.emplace_back();
        for (const extractor::Snippet& snippet : extracted.snippets) {
            document.snippets.push_back(&snippet);
        }
    }
    linted.result = lint_python(documents, k_timeout, python);
    INFO(linted.result.error);
    REQUIRE(linted.result.error.empty());
    REQUIRE(linted.result.findings.size() == markdowns.size());
    for (std::size_t d = 0; d < markdowns.size(); ++d) {
        REQUIRE(linted.result.findings[d].size() == linted.extracted[d].snippets.size());
    }
    return linted;
}

// "line rule severity message", so a failed comparison shows everything.
std::vector<std::string> described(const std::vector<Finding>& findings) {
    std::vector<std::string> lines;
    for (const Finding& finding : findings) {
        lines.push_back(std::to_string(finding.line) + " " + finding.rule + " " + severity_name(finding.severity) +
                        " " + finding.message);
    }
    return lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("lint_python reports an undefined name at its document line") {
    const Linted linted = lint_markdown({
        "# Contact form\n"
        "\n"
        "The view sends the visitor on after a valid post:\n"
        "\n"
        "```python\n"
        "from django.shortcuts import render\n"
        "\n"
        "def contact(request):\n"
        "    if request.method == \"POST\":\n"
        "        return HttpResponseRedirect(\"/thanks/\")\n"
        "    return render(request, \"contact.html\")\n"
        "```\n"});
    CHECK(described(linted.result.findings[0][0]) ==
          Lines{"10 undefined-name error undefined name 'HttpResponseRedirect'"});
}

TEST_CASE("lint_python lets a snippet use what an earlier snippet of its document defined") {
    const std::string uses = "```python\nprint(total(prices))\n```\n";
    const Linted linted = lint_markdown({
        "Prices first:\n\n"
        "```python\nprices = {\"tea\": 2, \"cake\": 3}\n\ndef total(items):\n    return sum(items.values())\n```\n\n"
        "Then:\n\n" + uses,
        // The same snippet without the earlier one: the names are missing.
        uses});
    CHECK(described(linted.result.findings[0][0]).empty());
    CHECK(described(linted.result.findings[0][1]).empty());
    CHECK(described(linted.result.findings[1][0]) ==
          Lines{"2 undefined-name error undefined name 'total'", "2 undefined-name error undefined name 'prices'"});
}

TEST_CASE("lint_python finds an earlier name however the later snippet spells it: in a string, with a ligature") {
    // Each snippet is given only the earlier names its text holds; Python
    // reads the identifier "\xef\xac\x81le" (a ligature) as "file".
    const Linted linted = lint_markdown({
        "```python\nfile = open(\"notes.txt\")\nreport = 1\n```\n\n"
        "```python\n__all__ = [\"report\"]\nprint(\xef\xac\x81le.name)\n```\n\n"
        "```python\nprint(missing)\n```\n"});
    CHECK(described(linted.result.findings[0][1]).empty());
    CHECK(described(linted.result.findings[0][2]) == Lines{"12 undefined-name error undefined name 'missing'"});
}

TEST_CASE("lint_python knows earlier names written with combining marks and a middle dot") {
    // \xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 is a Devanagari
    // word with combining vowel signs; l\xc2\xb7l holds U+00B7. Both are one identifier each.
    const Linted linted = lint_markdown({
        "```python\n\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 = 1\n"
        "l\xc2\xb7l = 2\n```\n\n"
        "```python\nprint(\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 + "
        "l\xc2\xb7l)\n```\n"});
    CHECK(described(linted.result.findings[0][1]).empty());
}

TEST_CASE("lint_python survives a later snippet extending __all__, and keeps the other snippets' findings") {
    const Linted linted = lint_markdown({
        "```python\n__all__ = ['first']\nfirst = 1\n```\n\n"
        "```python\nimport os\n__all__ += ['second']\nsecond = 2\n```\n\n"
        "```python\nprint(undefined_here)\n```\n"});
    // Checked, not skipped: its own unused import is found.
    CHECK(described(linted.result.findings[0][1]) == Lines{"7 unused-import warning 'os' imported but unused"});
    CHECK(described(linted.result.findings[0][2]) == Lines{"13 undefined-name error undefined name 'undefined_here'"});
}

TEST_CASE("lint_python: a snippet pyflakes cannot check still gives its names to the later ones") {
    // 400 additions nest deeper than pyflakes walks.
    std::string sum = "1";
    for (int i = 0; i < 400; ++i) {
        sum += " + 1";
    }
    const Linted linted = lint_markdown({"```python\nvalue = " + sum + "\n```\n\n```python\nprint(value)\n```\n"});
    CHECK(described(linted.result.findings[0][0]).empty());
    CHECK(described(linted.result.findings[0][1]).empty());
}

TEST_CASE("lint_python reports a name that only a later snippet defines") {
    const Linted linted = lint_markdown({
        "```python\nprint(greeting)\n```\n\nLater:\n\n```python\ngreeting = \"hello\"\n```\n"});
    CHECK(described(linted.result.findings[0][0]) == Lines{"2 undefined-name error undefined name 'greeting'"});
    CHECK(described(linted.result.findings[0][1]).empty());
}

TEST_CASE("lint_python reports a name a function body uses that only a later snippet imports") {
    // One module would be fine for pyflakes; a document's examples are read top down.
    const Linted linted = lint_markdown({
        "```python\ndef done(request):\n    return HttpResponseRedirect(\"/\")\n```\n\n"
        "```python\nfrom django.http import HttpResponseRedirect\n```\n"});
    CHECK(described(linted.result.findings[0][0]) ==
          Lines{"3 undefined-name error undefined name 'HttpResponseRedirect'"});
}

TEST_CASE("lint_python gives no earlier names to a snippet marked isolated") {
    const Linted linted = lint_markdown({
        "```python\nlimit = 3\n```\n\n"
        "<!-- snipcheck: session=isolated -->\n```python\nprint(limit)\n```\n"});
    CHECK(described(linted.result.findings[0][1]) == Lines{"7 undefined-name error undefined name 'limit'"});
}

TEST_CASE("lint_python reports an unused import as a warning, unless a later snippet uses it") {
    const Linted linted = lint_markdown({
        "```python\nimport json\nimport os\n\nprint(\"ready\")\n```\n\n"
        "```python\nprint(os.getcwd())\n```\n"});
    CHECK(described(linted.result.findings[0][0]) == Lines{"2 unused-import warning 'json' imported but unused"});
    CHECK(described(linted.result.findings[0][1]).empty());
}

TEST_CASE("lint_python gives document lines in messages that name a line") {
    const Linted linted = lint_markdown({"Intro\n\n```python\nimport os\n\ndef os():\n    pass\n```\n"});
    CHECK(described(linted.result.findings[0][0]) ==
          Lines{"6 redefined-while-unused warning redefinition of unused 'os' from line 4"});
}

TEST_CASE("lint_python drops unused names in a doctest session") {
    const Linted linted = lint_markdown({"```python\n>>> import math\n>>> x = 2\n>>> x * 3\n6\n```\n"});
    REQUIRE(linted.extracted[0].snippets.size() == 1);
    REQUIRE(linted.extracted[0].snippets[0].form == extractor::SnippetForm::session);
    CHECK(described(linted.result.findings[0][0]).empty());
}

TEST_CASE("lint_python treats names after an earlier star import as pyflakes does") {
    const Linted linted = lint_markdown({"```python\nfrom math import *\n```\n\n```python\nprint(sqrt(2))\n```\n"});
    CHECK(described(linted.result.findings[0][0]) ==
          Lines{"2 import-star-used warning 'from math import *' used; unable to detect undefined names"});
    CHECK(described(linted.result.findings[0][1]) ==
          Lines{"6 import-star-usage warning 'sqrt' may be undefined, or defined from star imports: math"});
}

TEST_CASE("lint_python gives no finding and no error for a Python 2 print statement") {
    const Linted linted = lint_markdown({
        "```python\nname = 'py2'\nprint \"hello\", name\n```\n\n```python\nprint(undefined_after_py2)\n```\n"});
    CHECK(described(linted.result.findings[0][0]).empty());
    // The run went on: the next snippet is still checked.
    CHECK(described(linted.result.findings[0][1]) ==
          Lines{"7 undefined-name error undefined name 'undefined_after_py2'"});
}

TEST_CASE("lint_python checks a long session in one run") {
    // Each snippet uses the one before it; only the last uses a missing name.
    std::string markdown;
    constexpr int k_snippets = 200;
    for (int i = 0; i < k_snippets; ++i) {
        const std::string previous = i == 0 ? "0" : "value_" + std::to_string(i - 1);
        markdown += "Step " + std::to_string(i) + ":\n\n```python\nvalue_" + std::to_string(i) + " = " + previous +
                    " + 1\n```\n\n";
    }
    markdown += "```python\nprint(value_199, value_200)\n```\n";
    const Linted linted = lint_markdown({markdown});
    const std::vector<SnippetFindings>& findings = linted.result.findings[0];
    REQUIRE(findings.size() == k_snippets + 1);
    std::size_t reported = 0;
    for (const SnippetFindings& snippet : findings) {
        reported += snippet.size();
    }
    CHECK(reported == 1);
    CHECK(described(findings.back()) == Lines{"1202 undefined-name error undefined name 'value_200'"});
}

TEST_CASE("lint_python says when the interpreter does not exist") {
    const extractor::ExtractedDocument extracted =
        extractor::extract(test::document_from_bytes("doc.md", "```python\nprint(missing)\n```\n"));
    LintDocument document;
    document.snippets.push_back(&extracted.snippets.at(0));
    const LintResult result = lint_python({document}, k_timeout, "/nonexistent/bin/python3");
    CHECK(result.error == "/nonexistent/bin/python3 is not installed");
    CHECK(result.findings.empty());
}

TEST_CASE("lint_python lists the unused names of one import statement in the order of their messages") {
    // pyflakes yields them in set order, which changes from one process to the next.
    const Linted linted = lint_markdown({"```python\nimport sys, os, json, re, collections, itertools\n```\n"});
    CHECK(described(linted.result.findings[0][0]) == Lines{"2 unused-import warning 'collections' imported but unused",
                                                            "2 unused-import warning 'itertools' imported but unused",
                                                            "2 unused-import warning 'json' imported but unused",
                                                            "2 unused-import warning 'os' imported but unused",
                                                            "2 unused-import warning 're' imported but unused",
                                                            "2 unused-import warning 'sys' imported but unused"});
}

TEST_CASE("lint_python knows the builtins in every snippet, also after a snippet rebound one") {
    const Linted linted = lint_markdown({
        "```python\nprint(len([1]), __name__)\n```\n\n"
        "```python\nsorted = [3]\nprint(sorted)\n```\n\n"
        "```python\ndef show():\n    return len(sorted), max(sorted), undefined_here\n```\n"});
    CHECK(described(linted.result.findings[0][0]).empty());
    CHECK(described(linted.result.findings[0][1]).empty());
    CHECK(described(linted.result.findings[0][2]) == Lines{"12 undefined-name error undefined name 'undefined_here'"});
}

TEST_CASE("lint_python gives a document the same findings whatever documents are linted with it") {
    // A builtin one document uses must not count as used in the next.
    const std::string shadows = "```python\nfrom io import open\n\ndef input():\n    pass\n\ndef input():\n    pass\n```\n";
    const Linted alone = lint_markdown({shadows});
    const Linted after = lint_markdown({"```python\nprint(open('x'), input())\n```\n", shadows});
    CHECK(described(alone.result.findings[0][0]) ==
          Lines{"2 unused-import warning 'io.open' imported but unused",
                "7 redefined-while-unused warning redefinition of unused 'input' from line 4"});
    CHECK(described(after.result.findings[1][0]) == described(alone.result.findings[0][0]));
}

TEST_CASE("lint_python still reads typing helpers when a snippet imports them") {
    // The driver skips pyflakes' typing lookups in a snippet that never
    // writes "typing"; one that does gets them: the string given to cast()
    // is an annotation, so its name must exist.
    const Linted linted = lint_markdown({
        "```python\nfrom typing import cast\n\nvalue = cast(\"Missing\", 3)\n```\n\n"
        "```python\nimport typing as t\n\nother = t.cast(\"AlsoMissing\", 4)\n```\n\n"
        "```python\ndef cast(kind, value):\n    return value\n\nthird = cast(\"NotAName\", 5)\n```\n"});
    CHECK(described(linted.result.findings[0][0]) == Lines{"4 undefined-name error undefined name 'Missing'"});
    CHECK(described(linted.result.findings[0][1]) == Lines{"10 undefined-name error undefined name 'AlsoMissing'"});
    CHECK(described(linted.result.findings[0][2]).empty());
}

TEST_CASE("lint_python reports a __future__ import after the first statement, and none before it") {
    const Linted linted = lint_markdown({
        "```python\n\"\"\"Docstring.\"\"\"\nfrom __future__ import annotations\n\nx: int = 1\n```\n\n"
        "```python\nimport os\nfrom __future__ import annotations\n\nprint(os.sep)\n```\n"});
    CHECK(described(linted.result.findings[0][0]).empty());
    CHECK(described(linted.result.findings[0][1]) ==
          Lines{"10 late-future-import error from __future__ imports must occur at the beginning of the file"});
}

TEST_CASE("lint_python does not read doctest examples in a snippet's docstrings") {
    const Linted linted = lint_markdown({
        "```python\ndef double(x):\n    \"\"\"\n    >>> double(undefined_in_example)\n    \"\"\"\n    return 2 * x\n```\n"});
    CHECK(described(linted.result.findings[0][0]).empty());
}
