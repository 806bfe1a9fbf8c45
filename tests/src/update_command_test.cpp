// Writing an updated document: atomically, its permissions kept, and never
// over bytes the run did not read.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/output_file.hpp"
#include "src/update_command.hpp"
#include "tests/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

using snipcheck::test::content_of;
using snipcheck::test::TempFolder;

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("an updated document replaces the old one and keeps its permissions", "[update_command]") {
    TempFolder folder;
    const fs::path doc = folder.path / "doc.md";
    write(doc, "old\r\n");
    REQUIRE(::chmod(doc.c_str(), 0640) == 0);
    CHECK(snipcheck::write_updated_document(doc.string(), "old\r\n", "new\r\n").empty());
    CHECK(content_of(doc) == "new\r\n");
    struct stat status{};
    REQUIRE(::stat(doc.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0640);
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);  // no temporary left
}

TEST_CASE("a document whose bytes changed since the run read them is not updated", "[update_command]") {
    TempFolder folder;
    const fs::path doc = folder.path / "doc.md";
    write(doc, "edited by someone\n");
    const std::string message = snipcheck::write_updated_document(doc.string(), "as the run read it\n", "updated\n");
    CHECK(message == doc.string() + ": error: changed since it was read, not updated");
    CHECK(content_of(doc) == "edited by someone\n");
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}

TEST_CASE("a document removed since it was read is not written again", "[update_command]") {
    TempFolder folder;
    const fs::path doc = folder.path / "gone.md";
    CHECK(snipcheck::changed_since_read(doc.string(), "bytes") == doc.string() + ": error: changed since it was read, not updated");
    CHECK(!snipcheck::write_updated_document(doc.string(), "bytes", "new").empty());
    CHECK(!fs::exists(doc));
}

TEST_CASE("the check before the rename sees a change made after the first check", "[update_command]") {
    TempFolder folder;
    const fs::path doc = folder.path / "doc.md";
    write(doc, "read\n");
    // The new bytes wait beside the file; an editor saves in that moment.
    const std::string reason = snipcheck::write_file_atomically(doc.string(), "updated\n", [&] {
        write(doc, "saved meanwhile\n");
        return snipcheck::changed_since_read(doc.string(), "read\n");
    });
    CHECK(reason == doc.string() + ": error: changed since it was read, not updated");
    CHECK(content_of(doc) == "saved meanwhile\n");
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);
}
