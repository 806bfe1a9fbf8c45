#include "src/document_loader.hpp"

#include <fmt/format.h>

#include "src/input_files.hpp"

namespace snipcheck {

void for_each_document(const std::vector<std::string>& paths, const std::function<void(const Diagnostic&)>& problem,
                       const std::function<void(const extractor::Document&, extractor::ExtractedDocument&)>& visit,
                       const std::function<void(const std::string& path, const std::string& bytes)>& read,
                       const std::function<extractor::Directives(const std::string& path)>& defaults_for) {
    InputSet inputs = find_inputs(paths);
    for (const Diagnostic& diagnostic : inputs.problems) {
        problem(diagnostic);
    }
    for (const std::string& path : inputs.paths) {
        auto file = read_input(path);
        if (!file) {
            problem(file.error());
            continue;
        }
        if (read) {
            read(path, file->bytes);
        }
        auto decoded = extractor::decode_text_taking(std::move(file->bytes));
        if (!decoded) {
            problem({path, 0, Severity::error, fmt::format("{}, skipped", decoded.error())});
            continue;
        }
        const extractor::Document document = extractor::make_document(path, std::move(*decoded));
        extractor::ExtractedDocument extracted =
            extractor::extract(document, defaults_for ? defaults_for(path) : extractor::Directives());
        visit(document, extracted);
    }
}

}  // namespace snipcheck
