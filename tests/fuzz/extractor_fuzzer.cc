// libFuzzer target for the extractor: arbitrary bytes -> decode_text ->
// make_document (as Markdown and as plain text) -> extract -> JSON.
// Build with -DSNIPCHECK_FUZZ=ON (clang); run with tests/fuzz/run-fuzzer.
//
// Besides memory errors and UB, the target checks two invariants: everything
// the extractor produces is valid UTF-8 (the decoder promises it), so the
// JSON is dumped strictly and nlohmann's type_error 316 aborts the run; and
// the streaming JSON of `list` is byte for byte what dump(2) gives.
// SNIPCHECK_FUZZ_LENIENT_UTF8=1 dumps with error_handler_t::replace instead,
// like `snipcheck list` does, to keep fuzzing past a known UTF-8 bug.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include "extractor/document.hpp"
#include "extractor/extractor.hpp"
#include "extractor/text_decoder.hpp"
#include "src/snippet_json.hpp"

namespace {

using namespace snipcheck::extractor;
using nlohmann::json;

json::error_handler_t utf8_handler() {
    static const bool lenient = [] {
        const char* value = std::getenv("SNIPCHECK_FUZZ_LENIENT_UTF8");
        return value != nullptr && std::string_view(value) == "1";
    }();
    return lenient ? json::error_handler_t::replace : json::error_handler_t::strict;
}

void extract_as(std::string path, const DecodedText& decoded) {
    // make_document takes the text by value; Document itself is move-only.
    Document document = make_document(std::move(path), DecodedText(decoded));
    ExtractedDocument extracted = extract(document);
    std::size_t total = 0;
    for (const Snippet& snippet : extracted.snippets) {
        total += snipcheck::snippet_to_json(snippet).dump(-1, ' ', false, utf8_handler()).size();
        // `list` writes its JSON with JsonWriter: it must be what dump(2) gives.
        std::string written;
        snipcheck::JsonWriter writer(written);
        snipcheck::write_snippet_json(writer, snippet);
        if (written != snipcheck::snippet_to_json(snippet).dump(2, ' ', false, json::error_handler_t::replace)) {
            std::abort();
        }
    }
    total += snipcheck::document_to_json(document.path, document, extracted)
                 .dump(-1, ' ', false, utf8_handler())
                 .size();
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
