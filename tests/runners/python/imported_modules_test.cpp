#include <catch2/catch.hpp>

#include "runners/python/imported_modules.hpp"

using snipcheck::extractor::Snippet;
using snipcheck::runners::python::imported_modules;

TEST_CASE("imported modules are read from import and from-import lines", "[imported_modules]") {
    Snippet first;
    first.code = "import json, os.path as p\nfrom django.db import models\n    import numpy as np  # nested\n"
                 "from . import views\nfrom .models import Person\nprint('import nothing')\nimportant = 1\n"
                 "from\tcollections import Counter\n";
    Snippet second;
    second.code = "import json\nfrom typing import (\n    List,\n)\nimport 3d\n";
    const std::vector<std::string> modules = imported_modules({&first, &second});
    CHECK(modules == std::vector<std::string>{"json", "os.path", "django.db", "numpy", "collections", "typing"});
}

TEST_CASE("no snippets, no modules", "[imported_modules]") {
    CHECK(imported_modules({}).empty());
}
