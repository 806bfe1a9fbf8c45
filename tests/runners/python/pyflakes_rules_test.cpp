#include "runners/python/pyflakes_rules.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck;
using extractor::SnippetForm;
using runners::python::keeps_pyflakes_finding;
using runners::python::pyflakes_rule_severity;

TEST_CASE("pyflakes rules: missing names and compiler-rejected code are errors") {
    CHECK(pyflakes_rule_severity("undefined-name") == Severity::error);
    CHECK(pyflakes_rule_severity("undefined-local") == Severity::error);
    CHECK(pyflakes_rule_severity("undefined-export") == Severity::error);
    CHECK(pyflakes_rule_severity("return-outside-function") == Severity::error);
    CHECK(pyflakes_rule_severity("duplicate-argument") == Severity::error);
}

TEST_CASE("pyflakes rules: suspect code and unknown rules are warnings") {
    CHECK(pyflakes_rule_severity("unused-import") == Severity::warning);
    CHECK(pyflakes_rule_severity("unused-variable") == Severity::warning);
    CHECK(pyflakes_rule_severity("import-star-usage") == Severity::warning);
    CHECK(pyflakes_rule_severity("redefined-while-unused") == Severity::warning);
    CHECK(pyflakes_rule_severity("some-future-pyflakes-rule") == Severity::warning);
    CHECK(pyflakes_rule_severity("undefined-name-ish") == Severity::warning);
}

TEST_CASE("pyflakes rules: unused names are dropped for doctest sessions only") {
    CHECK_FALSE(keeps_pyflakes_finding("unused-import", SnippetForm::session));
    CHECK_FALSE(keeps_pyflakes_finding("unused-variable", SnippetForm::session));
    CHECK(keeps_pyflakes_finding("undefined-name", SnippetForm::session));
    CHECK(keeps_pyflakes_finding("unused-import", SnippetForm::fenced));
    CHECK(keeps_pyflakes_finding("unused-variable", SnippetForm::unfenced));
}
