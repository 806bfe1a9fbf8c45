#include "extractor/huge_pages.hpp"

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

using namespace snipcheck::extractor;

TEST_CASE("advise_huge_pages accepts nothing, small and unaligned ranges", "[huge_pages]") {
    advise_huge_pages(nullptr, 0);
    advise_huge_pages(nullptr, std::size_t{64} << 20);
    const std::vector<char> small(100, 'x');
    advise_huge_pages(small.data(), small.size());
    CHECK(small == std::vector<char>(100, 'x'));
}

TEST_CASE("reserve_large reserves as reserve does and leaves the contents as they were", "[huge_pages]") {
    std::vector<std::uint32_t> values = {1, 2, 3};
    reserve_large(values, std::size_t{4} << 20);  // 16 MB: advised
    CHECK(values.capacity() >= (std::size_t{4} << 20));
    CHECK(values == std::vector<std::uint32_t>{1, 2, 3});
    values.resize(std::size_t{4} << 20, 7);
    CHECK(values[2] == 3);
    CHECK(values[3] == 7);
    CHECK(values.back() == 7);
}
