#include "src/list_command.hpp"

#include <ostream>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "extractor/extractor.hpp"
#include "src/document_loader.hpp"
#include "src/list_table.hpp"
#include "src/output_file.hpp"
#include "src/snippet_json.hpp"

namespace snipcheck {

int run_list(const ListOptions& options, std::ostream& out, std::ostream& err) {
    bool failed = false;
    const auto report = [&](const Diagnostic& diagnostic) {
        err << format_diagnostic(diagnostic) << '\n';
        failed = failed || diagnostic.severity == Severity::error;
    };
    nlohmann::json snippets = nlohmann::json::array();
    nlohmann::json documents = nlohmann::json::array();
    ListTable table;
    for_each_document(options.paths, report, [&](const extractor::Document& document,
                                                 extractor::ExtractedDocument& extracted) {
        for (const Diagnostic& diagnostic : extracted.diagnostics) {
            report(diagnostic);
        }
        if (options.format == ListFormat::json) {
            for (const extractor::Snippet& snippet : extracted.snippets) {
                snippets.push_back(snippet_to_json(snippet));
            }
            documents.push_back(document_to_json(document.path, document, extracted));
        } else {
            table.add_document(document.path, extracted);
        }
    });
    std::string text;
    if (options.format == ListFormat::json) {
        nlohmann::json root = {{"schema", 1},
                               {"tool", {{"name", "snipcheck"}, {"version", SNIPCHECK_VERSION}}},
                               {"documents", std::move(documents)},
                               {"snippets", std::move(snippets)}};
        text = root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    } else {
        text = std::move(table).render();
    }
    if (options.output.empty()) {
        out << text;
    } else if (std::string problem = write_file_atomically(options.output, text); !problem.empty()) {
        err << "snipcheck: error: " << problem << '\n';
        return 2;
    }
    return failed ? 1 : 0;
}

}  // namespace snipcheck
