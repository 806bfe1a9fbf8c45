// TEMPORARY stand-in until the helper-tables branch is merged.
#include "src/result_table.hpp"
namespace snipcheck {
std::optional<ResultTable> parse_result_table(std::string_view) { return std::nullopt; }
TableComparison compare_tables(const ResultTable&, const ResultTable&, RowOrder) { return {}; }
std::string format_result_table(const ResultTable& table) {
    std::string out;
    for (const auto& c : table.columns) out += "| " + c + " ";
    out += "|\n";
    for (const auto& row : table.rows) {
        for (const auto& cell : row) out += "| " + (cell ? *cell : std::string("NULL")) + " ";
        out += "|\n";
    }
    return out;
}
}  // namespace snipcheck
