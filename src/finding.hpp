#pragma once
// A static finding about a snippet (lint rule, bad directive), at a document line.

#include <string>

#include "src/diagnostic.hpp"

namespace snipcheck {

struct Finding {
    int line = 0;
    std::string rule;  // stable kebab-case id: "unknown-directive", "undefined-name"
    Severity severity = Severity::error;
    std::string message;
};

}  // namespace snipcheck
