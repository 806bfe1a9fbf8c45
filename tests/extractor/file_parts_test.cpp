#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/extractor.hpp"
#include "extractor/file_parts.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;
using extractor::file_path_comment;
using extractor::Snippet;

namespace {

std::vector<Snippet> snippets_of(const std::string& markdown) {
    return extractor::extract(test::document_from_bytes("doc.md", markdown)).snippets;
}

}  // namespace

TEST_CASE("file_path_comment: names of files in the forms documents write them", "[file_parts]") {
    CHECK(file_path_comment("# models.py", false) == "models.py");
    CHECK(file_path_comment("# myapp/models.py", false) == "myapp/models.py");
    CHECK(file_path_comment("# File: views.py", false) == "views.py");
    CHECK(file_path_comment("# views.py (View - Controller logic)", false) == "views.py");
    CHECK(file_path_comment("# templates/articles/list.html", false) == "templates/articles/list.html");
    CHECK(file_path_comment("# .env", false) == ".env");
    CHECK(file_path_comment("# .env file", false) == ".env");
    CHECK(file_path_comment("# .gitignore", false) == ".gitignore");
    CHECK(file_path_comment("# requirements.txt", false) == "requirements.txt");
    CHECK(file_path_comment("# docker-compose.yml", false) == "docker-compose.yml");
    CHECK(file_path_comment("# Dockerfile", false) == "Dockerfile");
    CHECK(file_path_comment("# Procfile", false) == "Procfile");
    CHECK(file_path_comment("# .coveragerc", false) == ".coveragerc");
    CHECK(file_path_comment("#\turls.py  ", false) == "urls.py");
    CHECK(file_path_comment("# urls.py - the routes", false) == "urls.py");
    CHECK(file_path_comment("# --- celery.py ---", false) == "celery.py");
    CHECK(file_path_comment("<!-- templates/x.html -->", true) == "templates/x.html");
    CHECK(file_path_comment("{# templates/x.html #}", true) == "templates/x.html");
}

TEST_CASE("file_path_comment: plain comments and code name no file", "[file_parts]") {
    CHECK(file_path_comment("# In views", false).empty());
    CHECK(file_path_comment("# Use only() to fetch", false).empty());
    CHECK(file_path_comment("# Generated SQL:", false).empty());
    CHECK(file_path_comment("# In views.py we add a view", false).empty());
    CHECK(file_path_comment("# settings.DEBUG", false).empty());
    CHECK(file_path_comment("# e.g.", false).empty());
    CHECK(file_path_comment("# response.json()", false).empty());
    CHECK(file_path_comment("#> models.py", false).empty());
    CHECK(file_path_comment("#!/usr/bin/env python", false).empty());
    CHECK(file_path_comment("    # models.py", false).empty());  // not at column 0: inside code
    CHECK(file_path_comment("#   models.py", false).empty());    // indented: an entry of a listing
    CHECK(file_path_comment("models.py", false).empty());
    // HTML and template comments start a file only where a part can start.
    CHECK(file_path_comment("<!-- templates/x.html -->", false).empty());
    CHECK(file_path_comment("{# templates/x.html #}", false).empty());
    CHECK(file_path_comment("{# Loop over the articles #}", true).empty());
}

TEST_CASE("language_of_file: by extension, name and template content", "[file_parts]") {
    const std::vector<std::string_view> none;
    const std::vector<std::string_view> tagged = {"{% if user %}hi{% endif %}"};
    CHECK(extractor::language_of_file("myapp/models.py", none) == "python");
    CHECK(extractor::language_of_file("templates/base.html", none) == "django-template");
    CHECK(extractor::language_of_file("emails/welcome.txt", tagged) == "django-template");
    CHECK(extractor::language_of_file("static/index.html", none) == "html");
    CHECK(extractor::language_of_file(".env", none) == "dotenv");
    CHECK(extractor::language_of_file(".env.example", none) == "dotenv");
    CHECK(extractor::language_of_file("docker-compose.yml", none) == "yaml");
    CHECK(extractor::language_of_file("package.json", none) == "json");
    CHECK(extractor::language_of_file("Dockerfile", none) == "dockerfile");
    CHECK(extractor::language_of_file("deploy.sh", none) == "bash");
    CHECK(extractor::language_of_file("setup.cfg", none) == "ini");
    CHECK(extractor::language_of_file("pyproject.toml", none) == "toml");
    CHECK(extractor::language_of_file("requirements.txt", none) == "text");
    CHECK(extractor::language_of_file(".gitignore", none) == "text");
    CHECK(extractor::language_of_file(".coveragerc", none) == "ini");
}

TEST_CASE("A block of several files is split at its file-path comments", "[file_parts]") {
    const std::vector<Snippet> snippets = snippets_of(
        "Intro.\n"                                  // 1
        "\n"                                        // 2
        "```python\n"                               // 3
        "# models.py\n"                             // 4
        "class Book:\n"                             // 5
        "    title = 'x'\n"                         // 6
        "\n"                                        // 7
        "# views.py\n"                              // 8
        "def show(book):\n"                         // 9
        "    return book.title\n"                   // 10
        "\n"                                        // 11
        "# templates/books/show.html\n"             // 12
        "<h1>{{ book.title }}</h1>\n"               // 13
        "\n"                                        // 14
        "# .env\n"                                  // 15
        "DEBUG=1\n"                                 // 16
        "```\n");
    REQUIRE(snippets.size() == 4);

    CHECK(snippets[0].language == "python");
    CHECK(snippets[0].part_file == "models.py");
    CHECK(snippets[0].line_map == test::line_range(4, 3));  // the file-path comment stays on a Python part
    CHECK(snippets[0].code == "# models.py\nclass Book:\n    title = 'x'");

    CHECK(snippets[1].language == "python");
    CHECK(snippets[1].part_file == "views.py");
    CHECK(snippets[1].start_line == 8);
    CHECK(snippets[1].end_line == 10);

    CHECK(snippets[2].language == "django-template");
    CHECK(snippets[2].part_file == "templates/books/show.html");
    CHECK(snippets[2].code == "<h1>{{ book.title }}</h1>");  // the comment line is not template code
    CHECK(snippets[2].line_map == std::vector<int>{13});

    CHECK(snippets[3].language == "dotenv");
    CHECK(snippets[3].part_file == ".env");
    CHECK(snippets[3].code == "DEBUG=1");
    CHECK(snippets[3].line_map == std::vector<int>{16});

    for (const Snippet& snippet : snippets) {
        CHECK(snippet.form == extractor::SnippetForm::fenced);
        CHECK(snippet.info == "python");
        CHECK(snippet.defects.empty());
    }
    CHECK(snippets[0].id != snippets[1].id);
}

TEST_CASE("Plain comments do not split a block and name no file", "[file_parts]") {
    const Snippet snippet = test::only_snippet(
        "```python\n# In views\n# Use only() to fetch\nnames = ['a']\n# Generated SQL:\nprint(len(names))  # Output: 1\n```\n");
    CHECK(snippet.language == "python");
    CHECK(snippet.part_file.empty());
    CHECK(snippet.line_map == test::line_range(2, 5));
    REQUIRE(snippet.expectations.size() == 1);
}

TEST_CASE("A block that is one Python file stays one snippet and keeps its file name", "[file_parts]") {
    const std::string block = "```python\n# settings.py\nDEBUG = False\nprint(DEBUG)  # Output: False\n```\n";
    const Snippet snippet = test::only_snippet(block);
    CHECK(snippet.language == "python");
    CHECK(snippet.part_file == "settings.py");
    CHECK(snippet.code == "# settings.py\nDEBUG = False\nprint(DEBUG)  # Output: False");
    CHECK(snippet.line_map == test::line_range(2, 3));
    REQUIRE(snippet.expectations.size() == 1);
    CHECK(snippet.expectations[0].line == 4);
}

TEST_CASE("A Python block that is one .env file becomes a dotenv snippet", "[file_parts]") {
    // The comment before the file name is a remark, not a part of its own.
    const Snippet snippet = test::only_snippet("```python\n# Keep these out of git!\n# .env file\nSECRET_KEY=abc\nDEBUG=0\n```\n");
    CHECK(snippet.language == "dotenv");
    CHECK(snippet.part_file == ".env");
    CHECK(snippet.code == "SECRET_KEY=abc\nDEBUG=0");
    CHECK(snippet.line_map == test::line_range(4, 2));
}

TEST_CASE("Expectations of a Python part are parsed at their document lines", "[file_parts]") {
    const std::vector<Snippet> snippets = snippets_of(
        "```python\n"                              // 1
        "# helpers.py\n"                           // 2
        "def double(n):\n"                         // 3
        "    return 2 * n\n"                       // 4
        "\n"                                       // 5
        "# main.py\n"                              // 6
        "print(double(2))  # Output: 4\n"          // 7
        "print(double(5))\n"                       // 8
        "# Output:\n"                              // 9
        "# 10\n"                                   // 10
        "```\n");
    REQUIRE(snippets.size() == 2);
    CHECK(snippets[0].expectations.empty());
    REQUIRE(snippets[1].expectations.size() == 2);
    CHECK(snippets[1].expectations[0].line == 7);
    CHECK(snippets[1].expectations[0].statement_line == 7);
    CHECK(snippets[1].expectations[0].expected == "4");
    CHECK(snippets[1].expectations[1].line == 9);
    CHECK(snippets[1].expectations[1].statement_line == 8);
    CHECK(snippets[1].expectations[1].expected == "10");
}

TEST_CASE("Code before the first file-path comment is a part in the block's language", "[file_parts]") {
    const std::vector<Snippet> snippets = snippets_of(
        "```python\n"                  // 1
        "import json\n"                // 2
        "\n"                           // 3
        "# config.json\n"              // 4
        "{\"debug\": true}\n"          // 5
        "```\n");
    REQUIRE(snippets.size() == 2);
    CHECK(snippets[0].language == "python");
    CHECK(snippets[0].part_file.empty());
    CHECK(snippets[0].line_map == std::vector<int>{2});
    CHECK(snippets[1].language == "json");
    CHECK(snippets[1].part_file == "config.json");
    CHECK(snippets[1].line_map == std::vector<int>{5});
}

TEST_CASE("HTML and template comments naming a file start a template part", "[file_parts]") {
    const std::vector<Snippet> snippets = snippets_of(
        "```python\n"                                       // 1
        "def home(request):\n"                              // 2
        "    return render(request, 'home.html')\n"         // 3
        "\n"                                                // 4
        "<!-- templates/home.html -->\n"                    // 5
        "<p>{% now \"Y\" %}</p>\n"                          // 6
        "\n"                                                // 7
        "{# templates/partials/nav.html #}\n"               // 8
        "<nav>{{ user }}</nav>\n"                           // 9
        "```\n");
    REQUIRE(snippets.size() == 3);
    CHECK(snippets[0].language == "python");
    CHECK(snippets[1].language == "django-template");
    CHECK(snippets[1].part_file == "templates/home.html");
    CHECK(snippets[1].line_map == std::vector<int>{6});
    CHECK(snippets[2].language == "django-template");
    CHECK(snippets[2].part_file == "templates/partials/nav.html");
    CHECK(snippets[2].line_map == std::vector<int>{9});
}

TEST_CASE("Identical parts in repeated sections are duplicates", "[file_parts]") {
    const std::string section =
        "```python\n# models.py\nclass Tag:\n    pass\n\n# .env\nDEBUG=1\n```\n\nText.\n\n";
    const std::vector<Snippet> snippets = snippets_of(section + section);
    REQUIRE(snippets.size() == 4);
    CHECK(snippets[0].duplicate_of.empty());
    CHECK(snippets[1].duplicate_of.empty());
    CHECK(snippets[2].id == snippets[0].id + "-2");
    CHECK(snippets[2].duplicate_of == snippets[0].id);
    CHECK(snippets[3].duplicate_of == snippets[1].id);
    CHECK(snippets[2].start_line == snippets[0].start_line + 11);  // a section is 11 lines
}

TEST_CASE("Embedded SQL of a Python part belongs to that part", "[file_parts]") {
    const std::vector<Snippet> snippets = snippets_of(
        "```python\n"                                              // 1
        "# .env\n"                                                 // 2
        "DB=app.sqlite3\n"                                         // 3
        "\n"                                                       // 4
        "# db.py\n"                                                // 5
        "cursor.execute(\"SELECT name FROM users\")\n"             // 6
        "```\n");
    REQUIRE(snippets.size() == 3);
    CHECK(snippets[0].language == "dotenv");
    CHECK(snippets[1].language == "python");
    CHECK(snippets[2].form == extractor::SnippetForm::embedded);
    CHECK(snippets[2].parent == snippets[1].id);
    CHECK(snippets[2].line_map == std::vector<int>{6});
}

TEST_CASE("A directive in a part's code applies to that part only", "[file_parts]") {
    const std::vector<Snippet> snippets = snippets_of(
        "<!-- snipcheck: timeout=5 -->\n"
        "```python\n# a.py\n# snipcheck: skip\nprint(1)\n\n# b.py\nprint(2)\n```\n");
    REQUIRE(snippets.size() == 2);
    CHECK(snippets[0].directives.skip);
    CHECK_FALSE(snippets[1].directives.skip);
    CHECK(snippets[0].directives.timeout_seconds == 5.0);
    CHECK(snippets[1].directives.timeout_seconds == 5.0);

    // Above the first file name, in no part: about the whole block.
    const std::vector<Snippet> skipped = snippets_of("```python\n# snipcheck: skip\n\n# .env\nA=1\n\n# b.py\nprint(2)\n```\n");
    REQUIRE(skipped.size() == 2);
    CHECK(skipped[0].directives.skip);
    CHECK(skipped[1].directives.skip);
}

TEST_CASE("Blocks not read as Python are not split", "[file_parts]") {
    const Snippet yaml = test::only_snippet("```yaml\n# docker-compose.yml\nservices:\n  web:\n    image: nginx\n```\n");
    CHECK(yaml.language == "yaml");
    CHECK(yaml.part_file.empty());
    CHECK(yaml.line_map == test::line_range(2, 4));
    const Snippet session = test::only_snippet("```python\n>>> 1 + 1\n2\n```\n");
    CHECK(session.form == extractor::SnippetForm::session);
    CHECK(session.part_file.empty());
}

TEST_CASE("Comment lines after a blank line and right above a file name are its caption", "[file_parts]") {
    const std::vector<Snippet> captioned = snippets_of(
        "```python\n"                    // 1
        "import os\n"                    // 2
        "\n"                             // 3
        "# Register the app\n"           // 4
        "# apps.py\n"                    // 5
        "NAME = 'shop'\n"                // 6
        "```\n");
    REQUIRE(captioned.size() == 2);
    CHECK(captioned[0].line_map == std::vector<int>{2});
    CHECK(captioned[1].part_file == "apps.py");
    CHECK(captioned[1].line_map == test::line_range(4, 3));

    // Comments right under code belong to it: here they are its expected output.
    const std::vector<Snippet> output = snippets_of(
        "```python\n"                    // 1
        "print(1)\n"                     // 2
        "# Output:\n"                    // 3
        "# 1\n"                          // 4
        "# b.py\n"                       // 5
        "print(2)\n"                     // 6
        "```\n");
    REQUIRE(output.size() == 2);
    CHECK(output[0].line_map == test::line_range(2, 3));
    REQUIRE(output[0].expectations.size() == 1);
    CHECK(output[0].expectations[0].expected == "1");
    CHECK(output[1].line_map == test::line_range(5, 2));
}

TEST_CASE("A listing of files written as comments names no part", "[file_parts]") {
    const Snippet listing = test::only_snippet(
        "```python\n"
        "import os\n"
        "\n"
        "# shop/\n"
        "# __init__.py\n"
        "#   models.py\n"
        "\n"
        "# views.py\n"
        "# urls.py\n"
        "print(os.sep)\n"
        "```\n");
    CHECK(listing.part_file.empty());
    CHECK(listing.line_map == test::line_range(2, 9));
}
