#pragma once
// Text from documents and snippet output made safe for HTML: a snippet can
// hold `</script>` or `<img src=x onerror=...>`, and must show as text.

#include <string>
#include <string_view>

namespace snipcheck {

// Appends `text` escaped for HTML text and double- or single-quoted
// attribute values (& < > " '). Invalid UTF-8, C0 controls other than tab,
// LF and CR, DEL and noncharacters U+FFFE/U+FFFF become U+FFFD.
void append_html(std::string& out, std::string_view text);

// `text` escaped as append_html does.
std::string html_text(std::string_view text);

}  // namespace snipcheck
