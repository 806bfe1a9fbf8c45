#pragma once
// A document path as a URI reference, for reports that link to documents
// (SARIF artifact locations, links in the GitHub summary, the HTML report).

#include <string>

namespace snipcheck {

// Relative paths stay relative ("docs/a%20b.md"; a leading "./" dropped),
// absolute ones become file:// URIs; bytes outside RFC 3986's unreserved set
// and "/" are percent-encoded.
std::string document_uri(const std::string& path);

}  // namespace snipcheck
