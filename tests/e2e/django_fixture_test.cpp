// End to end: Django, DRF and Celery snippets run for real in the Django
// fixture (settings, an app for the document's models, an in-memory SQLite
// database, eager Celery), on tests/data/e2e/django_fixture.md.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

using nlohmann::json;
using snipcheck::test::run_snipcheck;

const json& report() {
    static const json parsed = [] {
        const auto run = run_snipcheck("run tests/data/e2e/django_fixture.md --format json");
        return json::parse(run.out, nullptr, false);
    }();
    return parsed;
}

// The snippet whose code contains `marker`.
json snippet_with(const std::string& marker) {
    for (const json& snippet : report()["snippets"]) {
        if (snippet["code"].get<std::string>().find(marker) != std::string::npos) {
            return snippet;
        }
    }
    FAIL("no snippet contains " << marker);
    return {};
}

}  // namespace

TEST_CASE("a model's rows and an annotated count are real ORM queries", "[e2e][django]") {
    REQUIRE_FALSE(report().is_discarded());
    const json create = snippet_with("Book.objects.create(title=\"Notes\"");
    INFO(create.dump(1));
    CHECK(create["status"] == "pass");
    CHECK(create["evidence"] == "output");
    const json annotated = snippet_with("annotate(n=Count");
    INFO(annotated.dump(1));
    CHECK(annotated["status"] == "pass");
    CHECK(annotated["expectations"][0]["actual"] == "2");
}

TEST_CASE("a DRF serializer with invalid data says False", "[e2e][django]") {
    const json serializer = snippet_with("BookSerializer(data=");
    INFO(serializer.dump(1));
    CHECK(serializer["status"] == "pass");
    CHECK(serializer["expectations"].size() == 2);
}

TEST_CASE("a project import runs against a stand-in, and says so", "[e2e][django]") {
    const json stubbed = snippet_with("from myproject.utils import slugify_title");
    INFO(stubbed.dump(1));
    CHECK(stubbed["status"] == "pass");
    CHECK(stubbed["stubs"] == json::array({"myproject.utils.slugify_title"}));
    CHECK(stubbed["message"].get<std::string>().find("stand-ins: myproject.utils.slugify_title") !=
          std::string::npos);
}

TEST_CASE("a model defined again with a new column replaces the first", "[e2e][django]") {
    const json again = snippet_with("isbn = models.CharField");
    INFO(again.dump(1));
    CHECK(again["status"] == "pass");
}

TEST_CASE("a Celery task called with delay() runs eagerly", "[e2e][django]") {
    const json task = snippet_with("add.delay(2, 3)");
    INFO(task.dump(1));
    CHECK(task["status"] == "pass");
    CHECK(task["expectations"][0]["actual"] == "5");
}

TEST_CASE("TestCase classes run with Django's test runner, each test reported", "[e2e][django]") {
    const json tests = snippet_with("class AuthorTests(TestCase)");
    INFO(tests.dump(1));
    CHECK(tests["status"] == "fail");
    REQUIRE(tests["expectations"].size() == 2);
    CHECK(tests["expectations"][0]["ok"] == true);
    CHECK(tests["expectations"][1]["ok"] == false);
    CHECK(tests["expectations"][1]["actual"].get<std::string>().find("AssertionError") != std::string::npos);
    // The failing test is reported at its own document line.
    CHECK(tests["expectations"][1]["line"] == tests["start_line"].get<int>() + 7);
}

TEST_CASE("a settings snippet has its known keys' types checked", "[e2e][django]") {
    const json settings = snippet_with("DEBUG = \"False\"");
    INFO(settings.dump(1));
    REQUIRE(settings["findings"].size() >= 1);
    bool debug_flagged = false;
    for (const json& finding : settings["findings"]) {
        debug_flagged = debug_flagged || (finding["rule"] == "django-setting-type" &&
                                          finding["line"] == settings["start_line"].get<int>() + 1);
    }
    CHECK(debug_flagged);
}

TEST_CASE("a library that is not installed is a skip naming its Debian package", "[e2e][django]") {
    const json missing = snippet_with("import sklearn");
    INFO(missing.dump(1));
    CHECK(missing["status"] == "skip");
    CHECK(missing["message"].get<std::string>().find("Debian package python3-sklearn") != std::string::npos);
}

TEST_CASE("a template part of a mixed block is compiled, its syntax error at its document line", "[e2e][django]") {
    const json view = snippet_with("def book_list(request)");
    INFO(view.dump(1));
    CHECK(view["status"] == "pass");
    CHECK(view["part_file"] == "views.py");
    const json tmpl = snippet_with("{% for book in books %}");
    INFO(tmpl.dump(1));
    CHECK(tmpl["language"] == "django-template");
    CHECK(tmpl["status"] == "error");
    // `{% if %}` is the template's fourth line.
    CHECK(tmpl["exception"]["line"] == tmpl["start_line"].get<int>() + 3);
    CHECK(tmpl["message"].get<std::string>().find("TemplateSyntaxError") != std::string::npos);
}

TEST_CASE("the configuration's [fixtures] django = off runs Django snippets unconfigured", "[e2e][django]") {
    char folder[] = "/tmp/snipcheck-django-off-XXXXXX";
    REQUIRE(::mkdtemp(folder) != nullptr);
    const std::string config = std::string(folder) + "/snipcheck.toml";
    {
        std::ofstream out(config);
        out << "[fixtures]\ndjango = \"off\"\n";
    }
    const auto run = run_snipcheck("run tests/data/e2e/django_fixture.md --no-cache --format json --config '" + config + "'");
    std::remove(config.c_str());
    ::rmdir(folder);
    const json off = json::parse(run.out, nullptr, false);
    REQUIRE_FALSE(off.is_discarded());
    const json& models = off["snippets"][0];
    INFO(models.dump(1));
    CHECK(models["status"] == "error");
    CHECK(models["message"].get<std::string>().find("ImproperlyConfigured") != std::string::npos);
}

TEST_CASE("models replayed for later snippets stay the same models, their rows kept", "[e2e][django]") {
    const json first = snippet_with("top = Drawer.objects.create");
    INFO(first.dump(1));
    CHECK(first["status"] == "pass");
    CHECK(first["replayed"].size() == 1);
    const json second = snippet_with("bottom = Drawer.objects.create");
    INFO(second.dump(1));
    CHECK(second["status"] == "pass");
    CHECK(second["replayed"] == first["replayed"]);
}

TEST_CASE("a test whose class set-up failed is reported as not run, not as passing", "[e2e][django]") {
    const json tests = snippet_with("class DrawerFixtureTests(TestCase)");
    INFO(tests.dump(1));
    CHECK(tests["status"] == "fail");
    bool method_seen = false;
    for (const json& expectation : tests["expectations"]) {
        CHECK(expectation["ok"] == false);
        if (expectation["expected"] == "DrawerFixtureTests.test_never_runs passes") {
            method_seen = true;
            CHECK(expectation["actual"].get<std::string>().find("did not run") != std::string::npos);
            CHECK(expectation["actual"].get<std::string>().find("no_such_drawers") != std::string::npos);
        }
    }
    CHECK(method_seen);
}

TEST_CASE("alternative admin registrations of a document's model each work", "[e2e][django]") {
    const json decorated = snippet_with("class LampAdmin(admin.ModelAdmin)");
    INFO(decorated.dump(1));
    CHECK(decorated["status"] == "pass");
    // Only the model is replayed, not the other registration that imports it.
    CHECK(decorated["replayed"].size() == 1);
    const json contrib = snippet_with("admin.site.register(User)");
    CHECK(contrib["status"] == "error");
    CHECK(contrib["exception"]["type"].get<std::string>().find("AlreadyRegistered") != std::string::npos);
    // Twice in the snippet's own code: the document's mistake too.
    const json twice = snippet_with("admin.site.register(Lamp)\nadmin.site.register(Lamp)");
    CHECK(twice["status"] == "error");
    CHECK(twice["exception"]["type"].get<std::string>().find("AlreadyRegistered") != std::string::npos);
}
