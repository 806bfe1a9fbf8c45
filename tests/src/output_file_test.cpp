#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "src/output_file.hpp"
#include "tests/temp_folder.hpp"

using snipcheck::write_file_atomically;
namespace fs = std::filesystem;

namespace {

using snipcheck::test::content_of;
using snipcheck::test::TempFolder;

}  // namespace

TEST_CASE("a report replaces the old file whole and keeps its permissions", "[output_file]") {
    TempFolder folder;
    const fs::path report = folder.path / "report.json";
    std::ofstream(report) << "old";
    ::chmod(report.c_str(), 0640);
    CHECK(write_file_atomically(report.string(), "new").empty());
    CHECK(content_of(report) == "new");
    struct stat info{};
    REQUIRE(::stat(report.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0640);
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);  // no temporary left
}

TEST_CASE("a symbolic link to a device is written through, never replaced", "[output_file]") {
    // Through a link, so a regression replaces the link, not /dev/null itself.
    TempFolder folder;
    const fs::path link = folder.path / "sink";
    fs::create_symlink("/dev/null", link);
    CHECK(write_file_atomically(link.string(), "report").empty());
    CHECK(fs::is_symlink(link));
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("a symbolic link to a file stays a link and the file gets the report", "[output_file]") {
    TempFolder folder;
    const fs::path target = folder.path / "target.txt";
    const fs::path link = folder.path / "link.txt";
    std::ofstream(target) << "old";
    fs::create_symlink(target, link);
    CHECK(write_file_atomically(link.string(), "new").empty());
    CHECK(fs::is_symlink(link));
    CHECK(content_of(target) == "new");
}

TEST_CASE("an unwritable place is a one-line reason, not a crash", "[output_file]") {
    const std::string reason = write_file_atomically("/no/such/folder/report.json", "x");
    CHECK(reason.find("cannot write /no/such/folder/report.json") == 0);
}

TEST_CASE("a report given in pieces is written as their concatenation", "[output_file]") {
    TempFolder folder;
    const fs::path report = folder.path / "report.json";
    std::ofstream(report) << "old";
    const std::vector<std::string_view> pieces = {"{\n  \"a\": ", "", "[1, 2]", "\n}\n"};
    CHECK(write_file_atomically(report.string(), pieces).empty());
    CHECK(content_of(report) == "{\n  \"a\": [1, 2]\n}\n");
    CHECK(write_file_atomically("/dev/null", pieces).empty());
}

TEST_CASE("a report produced while it is written is written whole, or not at all", "[output_file]") {
    TempFolder folder;
    const fs::path report = folder.path / "report.json";
    std::ofstream(report) << "old";
    const snipcheck::ContentWriter three_pieces = [](const snipcheck::ContentSink& sink) {
        for (std::string_view piece : {"a", "bc", "def"}) {
            if (std::string reason = sink(piece); !reason.empty()) {
                return reason;
            }
        }
        return std::string();
    };
    CHECK(write_file_atomically(report.string(), three_pieces).empty());
    CHECK(content_of(report) == "abcdef");
    CHECK(write_file_atomically("/dev/null", three_pieces).empty());
    // A writer that gives up leaves the old report as it was.
    const snipcheck::ContentWriter failing = [](const snipcheck::ContentSink& sink) {
        (void)sink("partial");
        return std::string("no more");
    };
    CHECK(write_file_atomically(report.string(), failing) == "cannot write " + report.string() + ": no more");
    CHECK(content_of(report) == "abcdef");
}
