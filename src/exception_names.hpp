#pragma once
// Exception names as documents write them and as Python reports them: a
// `# raises LookupError` holds for a KeyError, `JSONDecodeError` for
// json.decoder.JSONDecodeError. Pure; used by the checker.

#include <string_view>

namespace snipcheck {

// Does an exception of type `raised` ("json.decoder.JSONDecodeError")
// satisfy a document that names `expected` ("JSONDecodeError", "ValueError",
// "Exception", "any")? Compares the last dotted component too and knows the
// builtin exception hierarchy (KeyError is a LookupError).
bool exception_matches(std::string_view expected, std::string_view raised);

}  // namespace snipcheck
