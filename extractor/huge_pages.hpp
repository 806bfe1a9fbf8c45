#pragma once
// Large per-document tables (snippets, lines, blocks, id slots) backed by
// huge pages where the kernel offers them. A long document's tables are
// hundreds of megabytes, touched once each: with 4 KB pages every first
// touch of a page was a fault (about 7% of extracting a 100 MB document,
// in profiles). Only a hint: contents and behaviour never change with it.

#include <cstddef>
#include <vector>

namespace snipcheck::extractor {

// Asks for huge pages for the 2 MB-aligned part of [data, data + bytes)
// (Linux transparent huge pages, madvise mode). Does nothing below a few
// megabytes, on other systems, or when the kernel declines.
void advise_huge_pages(const void* data, std::size_t bytes);

// vector.reserve(count), with the storage advised before anything touches it.
template <typename T>
void reserve_large(std::vector<T>& vector, std::size_t count) {
    vector.reserve(count);
    advise_huge_pages(vector.data(), vector.capacity() * sizeof(T));
}

}  // namespace snipcheck::extractor
