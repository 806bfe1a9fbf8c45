#include "extractor/huge_pages.hpp"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace snipcheck::extractor {
namespace {

constexpr std::uintptr_t k_huge_page = std::uintptr_t{2} << 20;

// Below this a table is a few hundred pages at most: not worth a system call.
constexpr std::size_t k_least_bytes = std::size_t{8} << 20;

}  // namespace

void advise_huge_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (data == nullptr || bytes < k_least_bytes) {
        return;
    }
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (start + k_huge_page - 1) & ~(k_huge_page - 1);
    const std::uintptr_t end = (start + bytes) & ~(k_huge_page - 1);
    if (begin < end) {
        // A refusal (no THP, an old kernel) leaves ordinary pages: ignored.
        (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
    }
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace snipcheck::extractor
