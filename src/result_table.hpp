#pragma once
// TEMPORARY: replaced by the helper-tables branch at merge.
#include <optional>
#include <string>
#include <string_view>
#include <vector>
namespace snipcheck {
struct ResultTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
};
}  // namespace snipcheck
namespace snipcheck {
enum class RowOrder { any, as_written };
struct TableComparison { bool ok = false; std::string how; std::string diff; };
std::optional<ResultTable> parse_result_table(std::string_view text);
TableComparison compare_tables(const ResultTable& expected, const ResultTable& actual, RowOrder order);
std::string format_result_table(const ResultTable& table);
}  // namespace snipcheck
