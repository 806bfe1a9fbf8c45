// Which documents get the Django fixture, which names are the reader's own
// packages, and which Debian package provides a missing module.
#include "runners/python/fixture_choice.hpp"

#include <catch2/catch.hpp>

#include "extractor/extractor.hpp"
#include "runners/python/debian_packages.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;
using runners::python::choose_fixtures;
using runners::python::debian_package_for_module;

namespace {

runners::python::FixtureChoice choice_for(const std::string& markdown) {
    const extractor::ExtractedDocument extracted = extractor::extract(test::document_from_bytes("doc.md", markdown));
    std::vector<const extractor::Snippet*> snippets;
    for (const extractor::Snippet& snippet : extracted.snippets) {
        snippets.push_back(&snippet);
    }
    return choose_fixtures(snippets);
}

}  // namespace

TEST_CASE("a document that imports Django, DRF or Celery gets the Django fixture", "[fixture-choice]") {
    CHECK(choice_for("```python\nfrom django.db import models\n```\n").fixtures == std::vector<std::string>{"django"});
    CHECK(choice_for("```python\nfrom rest_framework import serializers\n```\n").fixtures ==
          std::vector<std::string>{"django"});
    CHECK(choice_for("```python\nfrom celery import shared_task\n```\n").fixtures ==
          std::vector<std::string>{"django"});
}

TEST_CASE("a document without framework imports gets no fixture", "[fixture-choice]") {
    CHECK(choice_for("```python\nimport json\nprint(json.dumps([]))\n```\n").fixtures.empty());
    // A prose mention is not an import.
    CHECK(choice_for("```python\nprint('django is a framework')\n```\n").fixtures.empty());
}

TEST_CASE("a document that imports redis or names a Redis server gets the run's Redis server", "[fixture-choice]") {
    const std::vector<std::string> redis{"redis"};
    CHECK(choice_for("```python\nimport redis\nr = redis.Redis()\n```\n").fixtures == redis);
    CHECK(choice_for("```python\nfrom redis.asyncio import Redis\n```\n").fixtures == redis);
    CHECK(choice_for("```python\nCACHES = {'default': {'BACKEND': 'django_redis.cache.RedisCache',\n"
                     "    'LOCATION': 'redis://127.0.0.1:6379/1'}}\n```\n")
              .fixtures == redis);
    CHECK(choice_for("```python\nCELERY_BROKER_URL = 'redis://localhost:6379/0'\n```\n").fixtures == redis);
    CHECK(choice_for("```python\nCHANNEL_LAYERS = {'default': {'BACKEND': 'channels_redis.core.RedisChannelLayer'}}\n```\n")
              .fixtures == redis);
    CHECK(choice_for("```python\nfrom django.core.cache import cache\nimport redis\n```\n").fixtures ==
          std::vector<std::string>{"django", "redis"});
    // Prose about Redis, or a non-Python block, starts no server.
    CHECK(choice_for("```python\nprint('Redis is a key-value store')\n```\n").fixtures.empty());
    CHECK(choice_for("```yaml\nurl: redis://cache:6379\n```\n").fixtures.empty());
}

TEST_CASE("INSTALLED_APPS entries and path comments name the reader's packages", "[fixture-choice]") {
    const auto choice = choice_for(
        "```python\n# shop/models.py\nINSTALLED_APPS = [\n    'django.contrib.auth',\n    'rest_framework',\n"
        "    'blog.apps.BlogConfig',\n    'corsheaders',\n]\n```\n");
    CHECK(choice.project_names == std::vector<std::string>{"blog", "shop"});
}

TEST_CASE("missing modules name the Debian package that provides them", "[fixture-choice]") {
    CHECK(debian_package_for_module("environ") == "python3-django-environ");
    CHECK(debian_package_for_module("rest_framework_simplejwt.tokens") == "python3-djangorestframework-simplejwt");
    CHECK(debian_package_for_module("factory") == "python3-factory-boy");
    CHECK(debian_package_for_module("no_such_library").empty());
}
