#include "src/document_selection.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace snipcheck;

namespace {

namespace fs = std::filesystem;

// A project folder: a few documents, a hidden folder, a non-document.
class Project {
public:
    Project() {
        std::string pattern = (fs::temp_directory_path() / "snipcheck-select-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_root = pattern;
        for (const char* file : {"README.md", "docs/a.md", "docs/b.txt", "docs/drafts/c.md", "docs/img.png",
                                 "docs/api.rst", "vendor/lib/d.md", ".hidden/e.md"}) {
            fs::create_directories((m_root / file).parent_path());
            std::ofstream(m_root / file) << "# x\n";
        }
    }
    ~Project() {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    ConfigFile config(const std::string& text) const {
        auto parsed = parse_config(text, "snipcheck.toml", m_root.string());
        REQUIRE(parsed.has_value());
        return std::move(*parsed);
    }

    std::string file(const std::string& relative) const { return (m_root / relative).string(); }

private:
    fs::path m_root;
};

// The selected paths relative to the project, for comparing.
std::vector<std::string> relative(const Project& project, const DocumentSelection& selection) {
    std::vector<std::string> out;
    for (const std::string& path : selection.paths) {
        out.push_back(fs::absolute(path).lexically_normal().lexically_relative(project.file("")).generic_string());
    }
    return out;
}

}  // namespace

TEST_CASE("selection: without paths, include less exclude, or every document when include is unset", "[config]") {
    const Project project;
    auto all = select_documents(project.config("exclude = [\"vendor\"]\n"), {});
    REQUIRE(all.has_value());
    CHECK(relative(project, *all) == std::vector<std::string>{"README.md", "docs/a.md", "docs/b.txt", "docs/drafts/c.md"});

    auto docs = select_documents(project.config("include = [\"docs\", \"docs/*.rst\"]\nexclude = [\"docs/drafts/**\"]\n"), {});
    REQUIRE(docs.has_value());
    // A glob naming a folder takes its documents; one naming a file takes it whatever it is.
    CHECK(relative(project, *docs) == std::vector<std::string>{"docs/a.md", "docs/api.rst", "docs/b.txt"});
}

TEST_CASE("selection: an include that matches nothing is an error at the include", "[config]") {
    const Project project;
    auto none = select_documents(project.config("\ninclude = [\"guide/**/*.md\"]\n"), {});
    REQUIRE_FALSE(none.has_value());
    const std::string message = format_diagnostic(none.error());
    CHECK(message.rfind("snipcheck.toml:2:11: error: 'include' matches no document under ", 0) == 0);
}

TEST_CASE("selection: folders named are filtered by exclude, files named too, with a note", "[config]") {
    const Project project;
    const ConfigFile config = project.config("exclude = [\"docs/drafts\", \"vendor/**\"]\n");
    auto selected = select_documents(config, {project.file("docs"), project.file("vendor/lib/d.md"),
                                              project.file("missing.md"), "-"});
    REQUIRE(selected.has_value());
    CHECK(relative(project, *selected).size() == 4);
    CHECK(selected->paths[0] == project.file("docs") + "/a.md");
    CHECK(selected->paths[1] == project.file("docs") + "/b.txt");
    CHECK(selected->paths[2] == project.file("missing.md"));  // kept: the run reports it
    CHECK(selected->paths[3] == "-");
    REQUIRE(selected->notes.size() == 1);
    CHECK(format_diagnostic(selected->notes[0]) ==
          project.file("vendor/lib/d.md") + ": note: not checked: snipcheck.toml excludes it ('vendor/**')");
}
