#include "runners/nginx/nginx_messages.hpp"

#include <algorithm>

namespace snipcheck::runners::nginx {
namespace {

constexpr std::string_view k_prefix = "nginx: ";

// Splits "TEXT in FILE:LINE" into its parts; leaves `message` alone when there is no such tail.
void split_place(NginxMessage& message) {
    const std::size_t in = message.text.rfind(" in ");
    if (in == std::string::npos) {
        return;
    }
    const std::string place = message.text.substr(in + 4);
    const std::size_t colon = place.rfind(':');
    if (colon == std::string::npos || colon + 1 == place.size() || place.front() != '/') {
        return;
    }
    const std::string digits = place.substr(colon + 1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        digits.size() > 9) {
        return;
    }
    message.file = place.substr(0, colon);
    message.line = std::stoi(digits);
    message.text.resize(in);
}

}  // namespace

NginxTestOutput read_nginx_test_output(std::string_view stderr_text) {
    NginxTestOutput output;
    std::size_t start = 0;
    while (start < stderr_text.size()) {
        const std::size_t newline = std::min(stderr_text.find('\n', start), stderr_text.size());
        std::string_view line = stderr_text.substr(start, newline - start);
        start = newline + 1;
        if (!line.starts_with(k_prefix)) {
            continue;
        }
        line.remove_prefix(k_prefix.size());
        if (line.starts_with("the configuration file ") && line.ends_with(" syntax is ok")) {
            output.syntax_ok = true;
            continue;
        }
        if (line.starts_with("configuration file ") && line.ends_with(" test is successful")) {
            output.successful = true;
            continue;
        }
        if (!line.starts_with("[")) {
            continue;
        }
        const std::size_t close = line.find("] ");
        if (close == std::string_view::npos) {
            continue;
        }
        NginxMessage message;
        message.level = std::string(line.substr(1, close - 1));
        message.text = std::string(line.substr(close + 2));
        message.after_syntax_ok = output.syntax_ok;
        split_place(message);
        output.messages.push_back(std::move(message));
    }
    return output;
}

bool is_fatal(const NginxMessage& message) {
    return message.level == "emerg" || message.level == "alert" || message.level == "crit";
}

}  // namespace snipcheck::runners::nginx
