#include "src/list_command.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "extractor/extractor.hpp"
#include "src/document_loader.hpp"
#include "src/json_writer.hpp"
#include "src/list_table.hpp"
#include "src/output_file.hpp"
#include "src/snippet_json.hpp"
#include "src/spill_buffer.hpp"

namespace snipcheck {
namespace {

// The snippets' JSON kept in memory before it goes to a temporary file.
constexpr std::size_t k_spill_limit = std::size_t{8} << 20;

}  // namespace

int run_list(const ListOptions& options, std::ostream& out, std::ostream& err) {
    bool failed = false;
    const auto report = [&](const Diagnostic& diagnostic) {
        err << format_diagnostic(diagnostic) << '\n';
        failed = failed || diagnostic.severity == Severity::error;
    };
    // JSON is written as the documents are read, not built as a tree: the
    // snippets of a 100 MB document made a tree of tens of millions of
    // nodes. Documents come first in the output (keys are sorted), so the
    // two arrays are written apart and joined at the end; the snippets'
    // (hundreds of megabytes for such a document) wait in a temporary file
    // past a few megabytes.
    std::string documents_json;
    SpillBuffer snippets_json(k_spill_limit);
    JsonWriter documents(documents_json, 1);
    JsonWriter snippets(snippets_json.text(), 1);
    documents.begin_array();
    snippets.begin_array();
    ListTable table;
    for_each_document(options.paths, report, [&](const extractor::Document& document,
                                                 extractor::ExtractedDocument& extracted) {
        for (const Diagnostic& diagnostic : extracted.diagnostics) {
            report(diagnostic);
        }
        if (options.format == ListFormat::json) {
            for (const extractor::Snippet& snippet : extracted.snippets) {
                write_snippet_json(snippets, snippet);
                snippets_json.spill_if_full();
            }
            write_document_json(documents, document.path, document, extracted);
        } else {
            table.add_document(document.path, extracted);
        }
    });
    // The output in pieces: the snippets' JSON of a large document is
    // hundreds of megabytes, written out where it lies rather than copied.
    std::string text;
    std::vector<std::string_view> pieces;  // the snippets' JSON goes between the first two
    if (options.format == ListFormat::json) {
        documents.end_array();
        snippets.end_array();
        JsonWriter root(text);
        root.begin_object();
        root.key("documents");
        root.rendered(documents_json);
        root.key("schema");
        root.integer(1);
        root.key("snippets");
        const std::size_t snippets_at = root.rendered_elsewhere();
        root.key("tool");
        root.begin_object();
        root.key("name");
        root.string("snipcheck");
        root.key("version");
        root.string(SNIPCHECK_VERSION);
        root.end_object();
        root.end_object();
        text += '\n';
        pieces = {std::string_view(text).substr(0, snippets_at), std::string_view(text).substr(snippets_at)};
    } else {
        text = std::move(table).render();
        pieces = {text};
    }
    const ContentWriter write = [&](const ContentSink& sink) {
        if (std::string reason = sink(pieces.front()); !reason.empty()) {
            return reason;
        }
        if (options.format == ListFormat::json) {
            if (std::string reason = snippets_json.for_each_piece(sink); !reason.empty()) {
                return reason;
            }
        }
        return pieces.size() > 1 ? sink(pieces[1]) : std::string();
    };
    if (options.output.empty()) {
        if (std::string problem = write([&](std::string_view piece) {
                out << piece;
                return std::string();
            });
            !problem.empty()) {
            err << "snipcheck: error: " << problem << '\n';
            return 2;
        }
    } else if (std::string problem = write_file_atomically(options.output, write); !problem.empty()) {
        err << "snipcheck: error: " << problem << '\n';
        return 2;
    }
    return failed ? 1 : 0;
}

}  // namespace snipcheck
