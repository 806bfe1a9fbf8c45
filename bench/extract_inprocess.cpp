// The extractor's own speed, without process start, file reading or output:
// each file is read into memory once, then decoded, split and extracted
// (what `snipcheck list` does between reading a file and writing its report,
// with the same default directives) several times. Not a test; run by
// bench/extract_speed.
//
//   extract_inprocess [--runs N] FILE...
//
// One line per file, tab-separated: file, bytes, snippets, then the median
// seconds of decode+split, of extract (with freeing the document and its
// snippets), and of both together over the runs; last the median CPU seconds
// of both (this process's), steadier than wall time on a shared machine.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/document.hpp"
#include "extractor/extractor.hpp"
#include "extractor/text_decoder.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point start, Clock::time_point end) {
    return std::chrono::duration<double>(end - start).count();
}

double cpu_seconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

struct Timing {
    std::size_t snippets = 0;
    double decode = 0;
    double extract = 0;
    double total = 0;
    double cpu = 0;
};

Timing time_file(const std::string& path, const std::string& bytes, int runs) {
    std::vector<double> decode_times;
    std::vector<double> extract_times;
    std::vector<double> totals;
    std::vector<double> cpu_times;
    Timing timing;
    for (int run = 0; run < runs; ++run) {
        // decode_text_taking consumes its input, as `list` lets it: the copy
        // it takes is made before the clock starts.
        std::string input = bytes;
        const double cpu_start = cpu_seconds();
        const Clock::time_point start = Clock::now();
        Clock::time_point split;
        {
            auto decoded = snipcheck::extractor::decode_text_taking(std::move(input));
            if (!decoded) {
                std::fprintf(stderr, "extract_inprocess: %s: %s\n", path.c_str(), decoded.error().c_str());
                std::exit(1);
            }
            const snipcheck::extractor::Document document =
                snipcheck::extractor::make_document(path, std::move(*decoded));
            split = Clock::now();
            // Freeing the snippets is part of the cost: it is timed too.
            const snipcheck::extractor::ExtractedDocument extracted = snipcheck::extractor::extract(document);
            timing.snippets = extracted.snippets.size();
        }
        const Clock::time_point end = Clock::now();
        cpu_times.push_back(cpu_seconds() - cpu_start);
        decode_times.push_back(seconds_between(start, split));
        extract_times.push_back(seconds_between(split, end));
        totals.push_back(seconds_between(start, end));
    }
    timing.decode = median(decode_times);
    timing.extract = median(extract_times);
    timing.total = median(totals);
    timing.cpu = median(cpu_times);
    return timing;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) {
        std::fprintf(stderr, "usage: extract_inprocess [--runs N] FILE...\n");
        return 2;
    }
    for (const std::string& path : paths) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "extract_inprocess: cannot read %s\n", path.c_str());
            return 1;
        }
        std::ostringstream contents;
        contents << in.rdbuf();
        const std::string bytes = std::move(contents).str();
        const Timing timing = time_file(path, bytes, runs);
        std::printf("%s\t%zu\t%zu\t%.6f\t%.6f\t%.6f\t%.6f\n", path.c_str(), bytes.size(), timing.snippets, timing.decode,
                    timing.extract, timing.total, timing.cpu);
    }
    return 0;
}
