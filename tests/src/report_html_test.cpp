#include "src/report_html.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "src/report_html_assets.hpp"
#include "src/sha256.hpp"
#include "tests/src/report_fixtures.hpp"

using namespace snipcheck;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const std::size_t start = text.find(open);
    REQUIRE(start != std::string::npos);
    const std::size_t end = text.find(close, start + open.size());
    REQUIRE(end != std::string::npos);
    return text.substr(start + open.size(), end - start - open.size());
}

// The opening tag of the element with this id.
std::string tag_with_id(const std::string& page, const std::string& id) {
    const std::size_t at = page.find("id=\"" + id + "\"");
    REQUIRE(at != std::string::npos);
    const std::size_t start = page.rfind('<', at);
    return page.substr(start, page.find('>', at) - start + 1);
}

}  // namespace

TEST_CASE("the page shows the totals as numbers and as a picture", "[report_html]") {
    const std::string page = run_report_to_html(test::mixed_report());
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("3 of 6 snippets need attention") != std::string::npos);
    CHECK(page.find("id=\"total-pass\">2<") != std::string::npos);
    CHECK(page.find("id=\"total-fail\">1<") != std::string::npos);
    CHECK(page.find("id=\"total-error\">1<") != std::string::npos);
    CHECK(page.find("id=\"total-timeout\">1<") != std::string::npos);
    CHECK(page.find("id=\"total-skip\">1<") != std::string::npos);
    CHECK(page.find("id=\"total-all\">6<") != std::string::npos);
    // One bar part per status with a count, together exactly as wide as the bar.
    const std::string svg = between(page, "<svg", "</svg>");
    CHECK(count_of(svg, "<rect") == 5);
    CHECK(svg.find("class=\"fill-pass\" x=\"0\" y=\"0\" width=\"333\"") != std::string::npos);
    CHECK(svg.find("class=\"fill-skip\" x=\"833\" y=\"0\" width=\"167\"") != std::string::npos);
    CHECK(svg.find("<title>2 pass</title>") != std::string::npos);
}

TEST_CASE("every document and snippet is on the page, passes and skips collapsed", "[report_html]") {
    const std::string page = run_report_to_html(test::mixed_report());
    CHECK(count_of(page, "<section class=\"document\"") == 2);
    CHECK(count_of(page, "<details class=\"snippet") == 6);
    CHECK(tag_with_id(page, "d0-id3").find(" open") == std::string::npos);
    CHECK(tag_with_id(page, "d0-id12").find(" open") != std::string::npos);
    CHECK(tag_with_id(page, "d1-id5").find(" open") != std::string::npos);
    CHECK(tag_with_id(page, "d1-id40").find(" open") != std::string::npos);
    CHECK(tag_with_id(page, "d1-id50").find(" open") == std::string::npos);
    // The code with document line numbers; the failing expectation's line marked.
    CHECK(page.find("<span class=\"row bad\"><span class=\"ln\">14</span>print(a + b)</span>") != std::string::npos);
    CHECK(page.find("<span class=\"ln\">12</span>a = 1") != std::string::npos);
    // Expected, actual and the diff.
    CHECK(page.find("<td>14</td><td><pre>11</pre></td><td><pre>12</pre></td><td class=\"not-ok\">does not hold</td>") !=
          std::string::npos);
    CHECK(page.find("<span class=\"del\">- 11\n</span><span class=\"add\">+ 12\n</span>") != std::string::npos);
    // The exception, the findings, the replay linked to its snippet.
    CHECK(page.find("line 6: ValueError: bad value") != std::string::npos);
    CHECK(page.find("line 61: warning: Double quote to prevent globbing [SC2086]") != std::string::npos);
    CHECK(page.find("replayed first: <a href=\"#d0-id3\">line 3 (id3)</a>") != std::string::npos);
    CHECK(page.find("<summary>stdout (3 bytes)</summary><pre>12\n</pre>") != std::string::npos);
}

TEST_CASE("what needs attention is listed first, linked to its snippet", "[report_html]") {
    const std::string page = run_report_to_html(test::mixed_report());
    const std::string index = between(page, "<section class=\"attention\">", "</section>");
    CHECK(index.find("<h2>Needs attention (3)</h2>") != std::string::npos);
    CHECK(index.find("<a href=\"#d0-id12\">docs/a.md:12</a> 1 of 1 expectation did not hold") != std::string::npos);
    CHECK(index.find("<a href=\"#d1-id5\">docs/b.md:5</a>") != std::string::npos);
    CHECK(index.find("<a href=\"#d1-id40\">docs/b.md:40</a>") != std::string::npos);
    CHECK(index.find("id3") == std::string::npos);  // passes are not listed
    RunReport clean;
    clean.snippets.push_back(test::report_item("docs/a.md", 3, Status::pass, "held"));
    CHECK(run_report_to_html(clean).find("class=\"attention\"") == std::string::npos);
}

TEST_CASE("hostile snippet code and messages are shown as text, never markup", "[report_html]") {
    const std::string page = run_report_to_html(test::hostile_report());
    // Only the page's own script element; no image element at all.
    CHECK(count_of(page, "<script") == 1);
    CHECK(count_of(page, "</script") == 1);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;"
                    "&amp;amp;&#39;") != std::string::npos);
    // In attributes too: the element id made from the snippet id.
    CHECK(page.find("id=\"d0-id&lt;&quot;3&quot;&gt;\"") != std::string::npos);
    CHECK(page.find("<span class=\"ln\">3</span>print(&#39;&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("invalid UTF-8 and control bytes become U+FFFD", "[report_html]") {
    RunReport report = test::mixed_report();
    report.snippets[0].snippet.code = std::string("x = '\xFF\x01\x7F'\n");
    report.snippets[0].snippet.line_map = {3};
    const std::string page = run_report_to_html(report);
    CHECK(page.find("x = &#39;\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&#39;") != std::string::npos);
}

TEST_CASE("the Content-Security-Policy allows exactly the page's style and script", "[report_html]") {
    const std::string page = run_report_to_html(test::mixed_report());
    const std::string policy = between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
    CHECK(policy.find("default-src 'none'") != std::string::npos);
    CHECK(between(page, "<style>", "</style>") == k_report_css);
    CHECK(between(page, "<script>", "</script>") == k_report_script);
    CHECK(policy.find("style-src 'sha256-" + sha256_base64(k_report_css) + "'") != std::string::npos);
    CHECK(policy.find("script-src 'sha256-" + sha256_base64(k_report_script) + "'") != std::string::npos);
    // Nothing is fetched: no external reference in the page.
    CHECK(page.find("src=\"http") == std::string::npos);
    CHECK(page.find("href=\"http") == std::string::npos);
    CHECK(page.find("@import") == std::string::npos);
    CHECK(page.find("url(") == std::string::npos);
}

TEST_CASE("filters are hidden until the script shows them", "[report_html]") {
    const std::string page = run_report_to_html(test::mixed_report());
    CHECK(tag_with_id(page, "filters") == "<nav id=\"filters\" hidden>");
    CHECK(page.find("data-count-of=\"fail\"></span>") != std::string::npos);
}

TEST_CASE("5,000 snippets make a page in well under a second, passes collapsed", "[report_html]") {
    RunReport report;
    for (int i = 0; i < 5000; ++i) {
        SnippetReport item = test::report_item("docs/doc" + std::to_string(i / 50) + ".md", 3 + (i % 50) * 10,
                                               i % 100 == 0 ? Status::fail : Status::pass, "checked");
        report.snippets.push_back(std::move(item));
    }
    const auto began = std::chrono::steady_clock::now();
    const std::string page = run_report_to_html(report);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK(seconds < 1.0);
    CHECK(count_of(page, "<details class=\"snippet") == 5000);
    CHECK(count_of(page, "<details class=\"snippet status-fail\" data-status=\"fail\" id=\"") == 50);
    CHECK(count_of(page, " open>") == 50);
    CHECK(count_of(page, "<section class=\"document\"") == 100);
    CHECK(page.size() < 5000 * 2000);
}

TEST_CASE("a failure the configuration allows is marked, collapsed and left out of what needs attention",
          "[report_html]") {
    RunReport report = test::mixed_report();
    for (SnippetReport& item : report.snippets) {
        item.allowed_to_fail = item.snippet.start_line == 12;  // the fail in docs/a.md
    }
    const std::string page = run_report_to_html(report);
    const std::string tag = tag_with_id(page, "d0-id12");
    CHECK(tag.find(" open") == std::string::npos);
    CHECK(tag.find("data-status=\"fail\" data-allowed=\"true\"") != std::string::npos);
    CHECK(page.find("<span class=\"badge bg-fail\">fail</span><span class=\"badge bg-allowed\"") != std::string::npos);
    CHECK(page.find("2 of 6 snippets need attention (1 more allowed to fail)") != std::string::npos);
    CHECK(page.find("id=\"total-fail\">1<") != std::string::npos);  // its status is still counted as it is
    const std::string index = between(page, "<section class=\"attention\">", "</section>");
    CHECK(index.find("<h2>Needs attention (2)</h2>") != std::string::npos);
    CHECK(index.find("d0-id12") == std::string::npos);
    CHECK(tag_with_id(page, "d1-id5").find(" open") != std::string::npos);

    for (SnippetReport& item : report.snippets) {
        item.allowed_to_fail = item.verdict.status != Status::pass && item.verdict.status != Status::skip;
    }
    const std::string all_allowed = run_report_to_html(report);
    CHECK(all_allowed.find("<span class=\"verdict-pass\">no snippet of 6 needs attention (3 more allowed to fail)") !=
          std::string::npos);
    CHECK(all_allowed.find("class=\"attention\"") == std::string::npos);
}
