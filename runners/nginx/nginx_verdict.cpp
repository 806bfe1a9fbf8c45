#include "runners/nginx/nginx_verdict.hpp"

#include <array>

namespace snipcheck::runners::nginx {
namespace {

struct ModuleHint {
    std::string_view prefix;  // directive names starting with it
    std::string_view module;
};

// Directives of modules that Debian's nginx builds leave out or ship apart, and
// of third-party modules: unknown here, yet not an error in the snippet.
constexpr std::array<ModuleHint, 16> k_module_hints = {{
    {"stream", "stream"}, {"mail", "mail"}, {"geoip_", "geoip"}, {"image_filter", "image_filter"},
    {"perl", "perl"}, {"xslt_", "xslt"}, {"more_", "headers-more"}, {"lua_", "lua"},
    {"content_by_lua", "lua"}, {"access_by_lua", "lua"}, {"js_", "njs"}, {"brotli", "brotli"},
    {"pagespeed", "pagespeed"}, {"modsecurity", "ModSecurity"}, {"vhost_traffic_status", "traffic status"},
    {"echo", "echo"},
}};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) {
        return;
    }
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

std::vector<std::string> quoted_strings(const std::string& text) {
    std::vector<std::string> found;
    std::size_t open = text.find('"');
    while (open != std::string::npos) {
        const std::size_t close = text.find('"', open + 1);
        if (close == std::string::npos) {
            break;
        }
        found.push_back(text.substr(open + 1, close - open - 1));
        open = text.find('"', close + 1);
    }
    return found;
}

class Placer {
public:
    Placer(const WrappedConfig& wrapped, const std::string& prefix) : m_wrapped(wrapped), m_prefix(prefix) {}

    // The message with the scratch folder's paths turned back into the snippet's.
    std::string clean(std::string text) const {
        for (const StandInFile& file : m_wrapped.stand_ins) {
            replace_all(text, m_prefix + "/" + file.name, file.original);
        }
        replace_all(text, m_prefix + "/", "");
        return text;
    }

    int line(const NginxMessage& message, const std::string& text) const {
        if (message.file.empty()) {
            return line_from_words(text);
        }
        if (message.file == m_prefix + "/nginx.conf") {
            const int line = directive_start(snippet_line(m_wrapped, message.line));
            // A snippet's stray or missing brace shows up at one of the wrapper's own lines.
            return line == 0 ? m_wrapped.syntax.unbalanced_line : line;
        }
        for (const StandInFile& file : m_wrapped.stand_ins) {
            if (message.file == m_prefix + "/" + file.name) {
                return file.line;
            }
        }
        for (const IncludedFile& file : m_wrapped.included) {
            if (message.file == file.path) {
                return file.line;
            }
        }
        return 0;
    }

private:
    // nginx reports a directive at its `;`; one that spans lines (a long
    // log_format, a forgotten `;`) is placed at its first line instead.
    int directive_start(int line) const {
        int start = line;
        for (const NginxStatement& statement : m_wrapped.syntax.statements) {
            if (line > 0 && statement.head_line == line && statement.first_line < line) {
                start = statement.first_line;
            }
        }
        return start;
    }

    // A message without a place ("SSL_CTX_set_cipher_list(\"X\") failed") names
    // a directive or one of its arguments; the first statement that matches.
    int line_from_words(const std::string& text) const {
        const NginxSyntax& syntax = m_wrapped.syntax;
        for (const std::string& word : quoted_strings(text)) {
            for (const NginxStatement& statement : syntax.statements) {
                if (statement.name == word) {
                    return statement.first_line;
                }
            }
            for (const NginxStatement& statement : syntax.statements) {
                for (std::size_t i = 0; i < statement.args.size(); ++i) {
                    if (statement_arg(syntax, statement, i) == word) {
                        return statement.first_line;
                    }
                }
            }
        }
        return 0;
    }

    const WrappedConfig& m_wrapped;
    const std::string& m_prefix;
};

// Why an "unknown directive" is this machine's lack, not the snippet's error; "" when it is the snippet's.
std::string missing_module(const std::string& text, const WrappedConfig& wrapped) {
    const std::string marker = "unknown directive \"";
    if (!text.starts_with(marker)) {
        return {};
    }
    const std::string name = text.substr(marker.size(), text.find('"', marker.size()) - marker.size());
    for (const ModuleHint& hint : k_module_hints) {
        if (name.starts_with(hint.prefix)) {
            return "\"" + name + "\" needs nginx's " + std::string(hint.module) + " module, which is not installed";
        }
    }
    if (wrapped.dropped_modules) {
        return "\"" + name + "\" may come from a module the snippet loads (load_module is not followed)";
    }
    return {};
}

// Failures nginx meets after the syntax check, opening what the sandbox withholds.
bool is_environment_failure(const NginxMessage& message) {
    const std::string& text = message.text;
    return message.after_syntax_ok && (text.starts_with("bind()") || text.starts_with("open()") ||
                                       text.starts_with("mkdir()") || text.starts_with("chown()") ||
                                       text.find("(13: Permission denied)") != std::string::npos);
}

}  // namespace

void judge_nginx_output(const NginxTestOutput& output, const WrappedConfig& wrapped, const std::string& prefix,
                        NginxCheck& check) {
    const Placer placer(wrapped, prefix);
    const NginxMessage* fatal = nullptr;
    for (const NginxMessage& message : output.messages) {
        if (is_fatal(message)) {
            fatal = fatal != nullptr ? fatal : &message;
            continue;
        }
        const std::string text = placer.clean(message.text);
        check.warnings.push_back({placer.line(message, text), text});
    }
    if (fatal == nullptr) {
        check.outcome = output.successful ? NginxCheck::Outcome::valid : NginxCheck::Outcome::not_checked;
        if (!output.successful) {
            check.reason = "nginx -t ended without a verdict";
        }
        return;
    }
    const std::string text = placer.clean(fatal->text);
    const int line = placer.line(*fatal, text);
    if (is_environment_failure(*fatal)) {
        check.outcome = NginxCheck::Outcome::valid;
        check.warnings.push_back({line, "not a configuration error: after its syntax check nginx failed in the sandbox: " + text});
        return;
    }
    const std::string module = missing_module(text, wrapped);
    if (!module.empty()) {
        check.outcome = NginxCheck::Outcome::not_checked;
        check.reason = module;
        check.line = line;
        return;
    }
    if (text.find("No such file or directory") != std::string::npos ||
        text.find("(13: Permission denied)") != std::string::npos) {
        check.outcome = NginxCheck::Outcome::not_checked;
        check.reason = "needs a file from the author's machine: " + text;
        check.line = line;
        return;
    }
    check.outcome = NginxCheck::Outcome::invalid;
    check.line = line;
    check.message = text;
}

}  // namespace snipcheck::runners::nginx
