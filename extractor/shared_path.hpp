#pragma once
// A document's path, shared by its snippets instead of copied into each (a
// long document has hundreds of thousands, and a path longer than fifteen
// bytes was an allocation apiece). Reads as the std::string it holds.
// Immutable once made; assigning another path rebinds.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace snipcheck::extractor {

class SharedPath {
public:
    SharedPath() = default;
    // Implicit, so a path is assigned as a string: `snippet.file = "guide.md"`.
    SharedPath(std::string path);
    SharedPath(const char* path) : SharedPath(std::string(path)) {}

    // The path ("" for none).
    const std::string& str() const;
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }

    bool empty() const { return str().empty(); }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const SharedPath& a, const SharedPath& b) { return a.str() == b.str(); }
    friend bool operator==(const SharedPath& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const SharedPath& a, const char* b) { return a.str() == b; }
    friend std::string operator+(const SharedPath& a, std::string_view b) { return std::string(a.str()).append(b); }
    friend std::string operator+(const SharedPath& a, char b) { return a.str() + b; }

private:
    std::shared_ptr<const std::string> m_path;  // null for no path
};

}  // namespace snipcheck::extractor

// Formats as the path it holds.
template <>
struct fmt::formatter<snipcheck::extractor::SharedPath> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const snipcheck::extractor::SharedPath& path, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(std::string_view(path.str()), context);
    }
};
