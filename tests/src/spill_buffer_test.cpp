#include "src/spill_buffer.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/temp_folder.hpp"

using snipcheck::SpillBuffer;

namespace {

// Everything the buffer gives back, joined; and how many pieces it came in.
std::string read_back(SpillBuffer& buffer, int* pieces = nullptr) {
    std::string all;
    int count = 0;
    CHECK(buffer.for_each_piece([&](std::string_view piece) {
        all += piece;
        ++count;
        return std::string();
    }).empty());
    if (pieces != nullptr) {
        *pieces = count;
    }
    return all;
}

}  // namespace

TEST_CASE("a spill buffer under its limit keeps its text in memory", "[spill_buffer]") {
    SpillBuffer buffer(64);
    buffer.text() += "short";
    buffer.spill_if_full();
    CHECK(buffer.text() == "short");
    int pieces = 0;
    CHECK(read_back(buffer, &pieces) == "short");
    CHECK(pieces == 1);
}

TEST_CASE("a spill buffer gives back in order what went to its file and what stayed in memory", "[spill_buffer]") {
    SpillBuffer buffer(16);
    std::string expected;
    for (int i = 0; i < 1000; ++i) {
        const std::string part = "part " + std::to_string(i) + ";";
        buffer.text() += part;
        expected += part;
        buffer.spill_if_full();
        CHECK(buffer.text().size() < 16 + part.size());
    }
    CHECK(buffer.size() == expected.size());
    CHECK(read_back(buffer) == expected);
    // More text after reading back comes after the rest.
    buffer.text() += std::string(40, 'x');
    buffer.spill_if_full();
    CHECK(read_back(buffer) == expected + std::string(40, 'x'));
}

TEST_CASE("a spill buffer reads its file back in pieces of a megabyte", "[spill_buffer]") {
    SpillBuffer buffer(1000);
    const std::string block(3 << 20, 'y');
    buffer.text() += block;
    buffer.spill_if_full();
    CHECK(buffer.text().empty());
    buffer.text() += "tail";
    int pieces = 0;
    CHECK(read_back(buffer, &pieces) == block + "tail");
    CHECK(pieces == 4);
}

TEST_CASE("a spill buffer stops at the first reason its sink gives", "[spill_buffer]") {
    SpillBuffer buffer(4);
    buffer.text() += "12345678";
    buffer.spill_if_full();
    buffer.text() += "9";
    int calls = 0;
    CHECK(buffer.for_each_piece([&](std::string_view) {
        ++calls;
        return std::string("stop");
    }) == "stop");
    CHECK(calls == 1);
    // Reading back stopped half way: text added later still goes after the rest.
    buffer.text() += "abcdefgh";
    buffer.spill_if_full();
    CHECK(read_back(buffer) == "123456789abcdefgh");
}

namespace {

// Sets TMPDIR for one test and puts back what it was.
class TmpdirSetting {
public:
    explicit TmpdirSetting(const std::string& value) {
        if (const char* old = std::getenv("TMPDIR"); old != nullptr) {
            m_old = old;
        }
        ::setenv("TMPDIR", value.c_str(), 1);
    }
    ~TmpdirSetting() {
        if (m_old) {
            ::setenv("TMPDIR", m_old->c_str(), 1);
        } else {
            ::unsetenv("TMPDIR");
        }
    }
    TmpdirSetting(const TmpdirSetting&) = delete;
    TmpdirSetting& operator=(const TmpdirSetting&) = delete;

private:
    std::optional<std::string> m_old;
};

// The folder of the file behind one of this process's open descriptors.
std::vector<std::string> open_files_in(const std::filesystem::path& folder) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code ignored;
        const std::string target = std::filesystem::read_symlink(entry.path(), ignored).string();
        if (target.rfind(folder.string() + "/", 0) == 0) {
            found.push_back(target);
        }
    }
    return found;
}

}  // namespace

TEST_CASE("a spill buffer's file is made in TMPDIR, unnamed", "[spill_buffer]") {
    snipcheck::test::TempFolder folder;
    TmpdirSetting setting(folder.path.string());
    SpillBuffer buffer(4);
    buffer.text() = "0123456789";
    buffer.spill_if_full();
    CHECK(buffer.text().empty());
    // The open file lives in the folder, and has no name there.
    CHECK_FALSE(open_files_in(folder.path).empty());
    CHECK(std::filesystem::is_empty(folder.path));
    buffer.text() += "abc";
    CHECK(read_back(buffer) == "0123456789abc");
}

TEST_CASE("a spill buffer whose TMPDIR cannot hold a file keeps its text in memory", "[spill_buffer]") {
    TmpdirSetting setting("/nonexistent-snipcheck-folder");
    SpillBuffer buffer(4);
    buffer.text() = "0123456789";
    buffer.spill_if_full();
    buffer.text() += "abc";
    CHECK(read_back(buffer) == "0123456789abc");
}
