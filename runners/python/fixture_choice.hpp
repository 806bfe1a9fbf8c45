#pragma once
// Which environments a document's Python snippets run in: the Django
// fixture when any of them imports Django, DRF, Celery or django-filter (or
// is a template part of a mixed block), and the names of the reader's own
// packages the document mentions (INSTALLED_APPS entries, `# blog/models.py`
// comments), which imports then resolve to stand-ins instead of a skip.

#include <string>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::runners::python {

struct FixtureChoice {
    std::vector<std::string> fixtures;       // "django"
    std::vector<std::string> project_names;  // "blog", "myapp"
};

FixtureChoice choose_fixtures(const std::vector<const extractor::Snippet*>& snippets);

}  // namespace snipcheck::runners::python
