#include "src/html_text.hpp"

#include <catch2/catch.hpp>

using snipcheck::html_text;

TEST_CASE("markup characters are escaped for text and attributes", "[html_text]") {
    CHECK(html_text("<script>alert('x') && \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; &quot;y&quot;&lt;/script&gt;");
    CHECK(html_text("tab\tnew\nline") == "tab\tnew\nline");
    CHECK(html_text("caf\xC3\xA9 \xE2\x80\xBA") == "caf\xC3\xA9 \xE2\x80\xBA");
}

TEST_CASE("what HTML cannot show becomes U+FFFD", "[html_text]") {
    CHECK(html_text(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
    CHECK(html_text("\x1B[31m") == "\xEF\xBF\xBD[31m");
    CHECK(html_text("\xC3") == "\xEF\xBF\xBD");        // cut sequence
    CHECK(html_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(html_text("\xEF\xBF\xBF") == "\xEF\xBF\xBD");  // U+FFFF
}
