#pragma once
// Which environments a document's Python snippets run in: the Django
// fixture when any of them imports Django, DRF, Celery or django-filter (or
// is a template part of a mixed block), the run's Redis server when any
// imports redis, django_redis or channels_redis or names a Redis server in
// its code (redis:// in CACHES or CELERY_BROKER_URL, a django_redis or
// channels_redis backend), and the names of the reader's own
// packages the document mentions (INSTALLED_APPS entries, `# blog/models.py`
// comments), which imports then resolve to stand-ins instead of a skip.

#include <string>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::runners::python {

struct FixtureChoice {
    std::vector<std::string> fixtures;       // "django", "redis"
    std::vector<std::string> project_names;  // "blog", "myapp"
};

FixtureChoice choose_fixtures(const std::vector<const extractor::Snippet*>& snippets);

}  // namespace snipcheck::runners::python
