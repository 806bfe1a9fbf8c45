#pragma once
// The headings above a block, outermost first. Shared, not copied: the blocks
// and snippets under one heading hold the same path (a long document has
// hundreds of thousands of them, and a vector of strings each was a handful
// of allocations per snippet). Immutable once made.

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

namespace snipcheck::extractor {

class HeadingPath {
public:
    HeadingPath() = default;
    // Implicit, so a path reads as the strings it holds: `heading = {"Guide", "Setup"}`.
    HeadingPath(std::vector<std::string> headings);
    HeadingPath(std::initializer_list<std::string> headings) : HeadingPath(std::vector<std::string>(headings)) {}

    // The headings as a vector (empty for no path).
    const std::vector<std::string>& strings() const;

    bool empty() const { return strings().empty(); }
    std::size_t size() const { return strings().size(); }
    const std::string& operator[](std::size_t i) const { return strings()[i]; }
    std::vector<std::string>::const_iterator begin() const { return strings().begin(); }
    std::vector<std::string>::const_iterator end() const { return strings().end(); }

    friend bool operator==(const HeadingPath& a, const HeadingPath& b) { return a.strings() == b.strings(); }
    friend bool operator==(const HeadingPath& a, const std::vector<std::string>& b) { return a.strings() == b; }

private:
    std::shared_ptr<const std::vector<std::string>> m_headings;  // null for no headings
};

}  // namespace snipcheck::extractor
