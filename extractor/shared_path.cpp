#include "extractor/shared_path.hpp"

#include <utility>

namespace snipcheck::extractor {

SharedPath::SharedPath(std::string path) {
    if (!path.empty()) {
        m_path = std::make_shared<const std::string>(std::move(path));
    }
}

const std::string& SharedPath::str() const {
    static const std::string k_none;
    return m_path ? *m_path : k_none;
}

}  // namespace snipcheck::extractor
