#include "extractor/heading_path.hpp"

#include <utility>

namespace snipcheck::extractor {

HeadingPath::HeadingPath(std::vector<std::string> headings) {
    if (!headings.empty()) {
        m_headings = std::make_shared<const std::vector<std::string>>(std::move(headings));
    }
}

const std::vector<std::string>& HeadingPath::strings() const {
    static const std::vector<std::string> k_none;
    return m_headings ? *m_headings : k_none;
}

}  // namespace snipcheck::extractor
