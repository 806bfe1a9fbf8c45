#include "extractor/language_detector.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace snipcheck::extractor;

using Lines = std::vector<std::string_view>;

TEST_CASE("tags name their language", "[language_detector]") {
    CHECK(language_from_tag("py") == "python");
    CHECK(language_from_tag("python3") == "python");
    CHECK(language_from_tag("Dockerfile") == "dockerfile");
    CHECK(language_from_tag("yml") == "yaml");
    CHECK(language_from_tag("{.python}") == "python");
    CHECK(language_from_tag("python title=\"x\"") == "python");
    CHECK(language_from_tag("") == "");
    CHECK(language_from_tag("   ") == "");
}

TEST_CASE("an unknown tag is kept lower-cased", "[language_detector]") {
    CHECK(language_from_tag("Haskell") == "haskell");
    CHECK(language_from_tag("COBOL") == "cobol");
}

TEST_CASE("an SQL dialect tag gives sql and the dialect", "[language_detector]") {
    std::string dialect;
    CHECK(language_from_tag("mysql", &dialect) == "sql");
    CHECK(dialect == "mysql");
    dialect.clear();
    CHECK(language_from_tag("postgresql", &dialect) == "sql");
    CHECK(dialect == "postgresql");
    dialect.clear();
    CHECK(language_from_tag("sql", &dialect) == "sql");
    CHECK(dialect.empty());

    const LanguageGuess guess = detect_language("mysql", Lines{"SELECT id FROM users;"});
    CHECK(guess.language == "sql");
    CHECK(guess.dialect == "mysql");
    CHECK_FALSE(guess.tag_overruled);
}

TEST_CASE("content gives the language when there is no tag", "[language_detector]") {
    CHECK(language_from_content(Lines{"def add(a, b):", "    return a + b", "", "print(add(1, 2))"}) == "python");
    CHECK(language_from_content(Lines{"FROM python:3.11", "WORKDIR /app", "COPY . .",
                                      "RUN pip install -r requirements.txt", "CMD [\"python\", \"app.py\"]"}) ==
          "dockerfile");
    CHECK(language_from_content(Lines{"SELECT id, name", "FROM users", "WHERE active = 1;"}) == "sql");
    CHECK(language_from_content(Lines{"{", "  \"name\": \"snipcheck\",", "  \"version\": 1", "}"}) == "json");
    CHECK(language_from_content(Lines{"version: \"3.8\"", "services:", "  web:", "    image: nginx:latest",
                                      "    ports:", "      - \"80:80\""}) == "yaml");
    CHECK(language_from_content(Lines{"server {", "    listen 80;", "    server_name example.com;", "    location / {",
                                      "        proxy_pass http://127.0.0.1:8000;", "    }", "}"}) == "nginx");
    CHECK(language_from_content(Lines{"pip install django", "django-admin startproject mysite", "cd mysite",
                                      "python manage.py runserver"}) == "bash");
    CHECK(language_from_content(Lines{"const total = items.reduce((a, b) => a + b, 0);", "console.log(total);"}) ==
          "javascript");
}

// Django settings are Python; the braces must not make them nginx.
TEST_CASE("a settings dict assignment over several lines is python", "[language_detector]") {
    CHECK(language_from_content(Lines{"CACHES = {", "    \"default\": {",
                                      "        \"BACKEND\": \"django.core.cache.backends.locmem.LocMemCache\",",
                                      "    }", "}"}) == "python");
}

TEST_CASE("content that fits no language is text", "[language_detector]") {
    CHECK(language_from_content(Lines{"This is a sentence about the example above.", "And another one follows it."}) ==
          "text");
    CHECK(language_from_content(Lines{}) == "text");
    CHECK(language_from_content(Lines{"", "# only a comment"}) == "text");
}

TEST_CASE("detect_language trusts a tag that fits the content", "[language_detector]") {
    const LanguageGuess guess = detect_language("python", Lines{"x = 1", "y = 2", "print(x + y)"});
    CHECK(guess.language == "python");
    CHECK_FALSE(guess.tag_overruled);

    const LanguageGuess untagged = detect_language("", Lines{"SELECT 1;"});
    CHECK(untagged.language == "sql");
    CHECK_FALSE(untagged.tag_overruled);
}

TEST_CASE("an HAProxy configuration tagged python is haproxy with the tag overruled", "[language_detector]") {
    const LanguageGuess guess =
        detect_language("python", Lines{"global", "    maxconn 4096", "", "defaults", "    mode http",
                                        "    timeout connect 5s", "", "frontend web", "    bind *:80",
                                        "    default_backend app"});
    CHECK(guess.language == "haproxy");
    CHECK(guess.tag_overruled);
    CHECK(guess.dialect.empty());
}

TEST_CASE("output tags are recognised", "[language_detector]") {
    CHECK(is_output_tag("output"));
    CHECK(is_output_tag("text"));
    CHECK(is_output_tag("console"));
    CHECK(is_output_tag("Output"));
    CHECK_FALSE(is_output_tag("python"));
    CHECK_FALSE(is_output_tag(""));
}

TEST_CASE("a one-line shell command tagged js is shell, but a short snippet of the tag's language stays", "[language_detector]") {
    const LanguageGuess docker = detect_language("js", Lines{"docker exec -it web bash"});
    CHECK(docker.language == "bash");
    CHECK(docker.tag_overruled);
    const LanguageGuess js = detect_language("js", Lines{"console.log(total);"});
    CHECK(js.language == "javascript");
    CHECK_FALSE(js.tag_overruled);
    const LanguageGuess python = detect_language("python", Lines{"print(x)"});
    CHECK(python.language == "python");
}

TEST_CASE("detect_language leaves the Python tokens of all the lines in a lent buffer", "[language_detector]") {
    const Lines python = {"def add(a, b):", "    return a + b", "", "print(add(1, 2))  # 3"};
    std::vector<PyToken> tokens;
    const LanguageGuess guess = detect_language("", python, &tokens);
    CHECK(guess.language == "python");
    REQUIRE(guess.tokens_of_lines);
    const std::vector<PyToken> expected = tokenize_python(python);
    REQUIRE(tokens.size() == expected.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        CHECK(tokens[i].text == expected[i].text);
        CHECK(tokens[i].line == expected[i].line);
    }
    // Judged on its first lines only, a long block's tokens are not all there.
    std::vector<std::string> numbered;
    for (int i = 0; i < 60; ++i) {
        numbered.push_back("x" + std::to_string(i) + " = " + std::to_string(i));
    }
    const Lines long_block(numbered.begin(), numbered.end());
    CHECK(detect_language("", long_block, &tokens).language == "python");
    CHECK_FALSE(detect_language("", long_block, &tokens).tokens_of_lines);
    // SQL is settled before Python is measured; nothing lent, nothing said.
    CHECK_FALSE(detect_language("", Lines{"SELECT 1;", "SELECT 2;"}, &tokens).tokens_of_lines);
    CHECK_FALSE(detect_language("", python).tokens_of_lines);
}

TEST_CASE("detect_language takes the line shapes a lexer judged, and judges itself where one is missing", "[language_detector]") {
    const Lines lines{"x = 1", "y = 2", "print(x + y)"};
    // Shapes that say the lines are no Python: taken as given.
    const std::vector<std::optional<LineShape>> foreign(3, LineShape::not_code);
    CHECK(detect_language("", lines, nullptr, foreign).language != "python");
    // One missing: the detector judges all of them itself.
    std::vector<std::optional<LineShape>> partial(3, LineShape::not_code);
    partial[1].reset();
    CHECK(detect_language("", lines, nullptr, partial).language == "python");
    const std::vector<std::optional<LineShape>> judged(3, LineShape::strong);
    std::vector<PyToken> tokens;
    const LanguageGuess guess = detect_language("", lines, &tokens, judged);
    CHECK(guess.language == "python");
    CHECK_FALSE(guess.tokens_of_lines);  // no tokens were needed
}
