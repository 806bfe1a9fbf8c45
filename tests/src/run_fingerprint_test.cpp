#include "src/run_fingerprint.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace snipcheck;

namespace {

namespace fs = std::filesystem;

std::string fresh_folder() {
    std::string pattern = (fs::temp_directory_path() / "snipcheck-fingerprint-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

}  // namespace

TEST_CASE("a file's identity changes with its content's size and is stable otherwise", "[cache][fingerprint]") {
    const std::string folder = fresh_folder();
    const std::string file = folder + "/tool";
    std::ofstream(file) << "v1";
    const std::string first = file_identity(file);
    CHECK(file_identity(file) == first);
    std::ofstream(file) << "version 2";
    CHECK(file_identity(file) != first);
    CHECK(file_identity(folder + "/none") == folder + "/none missing");
    CHECK(program_identity("snipcheck-no-such-program") == "snipcheck-no-such-program missing");
    fs::remove_all(folder);
}

TEST_CASE("installed Python packages are read from their metadata folders' names", "[cache][fingerprint]") {
    const std::string folder = fresh_folder();
    const std::string packages = folder + "/dist-packages";
    fs::create_directories(packages + "/Django-4.1.dist-info");
    fs::create_directories(packages + "/django");
    const std::string before = python_packages_identity({packages, folder + "/missing"});
    CHECK(before == packages + ": Django-4.1.dist-info\n");
    fs::rename(packages + "/Django-4.1.dist-info", packages + "/Django-4.2.dist-info");
    CHECK(python_packages_identity({packages}) != before);
    fs::remove_all(folder);
}

TEST_CASE("the build and the loaded libraries are identified", "[cache][fingerprint]") {
    CHECK(build_identity().rfind("build-id ", 0) == 0);
    CHECK(loaded_libraries_identity().find("libc.so") != std::string::npos);
    const RunFingerprint fingerprint = fingerprint_run({});
    CHECK(fingerprint.python.find("python embedded") != std::string::npos);
    CHECK(fingerprint.sql.find("sql-engine sqlite") != std::string::npos);
    CHECK(fingerprint.static_checks.find("shellcheck") != std::string::npos);
}
