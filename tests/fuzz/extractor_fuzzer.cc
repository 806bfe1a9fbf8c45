// libFuzzer target for the extractor: arbitrary bytes -> decode_text ->
// make_document (as Markdown and as plain text) -> extract -> JSON.
// Build with -DSNIPCHECK_FUZZ=ON (clang); run with tests/fuzz/run-fuzzer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "extractor/document.hpp"
#include "extractor/extractor.hpp"
#include "extractor/text_decoder.hpp"
#include "src/snippet_json.hpp"

namespace {

using namespace snipcheck::extractor;

void extract_as(std::string path, const DecodedText& decoded) {
    // make_document takes the text by value; Document itself is move-only.
    Document document = make_document(std::move(path), DecodedText(decoded));
    ExtractedDocument extracted = extract(document);
    std::size_t total = 0;
    for (const Snippet& snippet : extracted.snippets) {
        // Serialise like `list --format json` does, so invalid UTF-8 leaking
        // into a snippet (nlohmann throws type_error 316) is caught here.
        total += snipcheck::snippet_to_json(snippet).dump().size();
    }
    total += snipcheck::document_to_json(document.path, document, extracted).dump().size();
    // Keep the result observable so nothing is optimised away.
    static volatile std::size_t sink;
    sink = total;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto decoded = decode_text(bytes);
    if (!decoded) {
        return 0;
    }
    extract_as("fuzz.md", *decoded);
    extract_as("fuzz.txt", *decoded);
    return 0;
}
