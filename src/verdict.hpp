#pragma once
// The checker's judgement of one snippet, in the vocabulary of DESIGN.md:
// status pass|fail|error|timeout|skip, evidence output|run|static|none.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

enum class Status { pass, fail, error, timeout, skip };
enum class Evidence { output, run, static_check, none };

struct ExpectationResult {
    int line = 0;          // document line of the expectation
    std::string expected;  // as written in the document
    std::string actual;    // what the run produced for it
    bool ok = false;
    std::string diff;      // when !ok: a unified-style diff, "-expected" / "+actual" lines
    std::string how;       // how it matched: "exact", "value", "wildcard", "whitespace", "unquoted" ...
};

struct Verdict {
    Status status = Status::skip;
    Evidence evidence = Evidence::none;
    std::string message;  // one line for a person
    std::vector<ExpectationResult> expectations;
};

const char* status_name(Status status);
const char* evidence_name(Evidence evidence);

// The inverses, for reading a saved report: nothing for any other word.
std::optional<Status> status_from_name(std::string_view name);
std::optional<Evidence> evidence_from_name(std::string_view name);

}  // namespace snipcheck
