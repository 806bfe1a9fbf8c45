#include "runners/nginx/nginx_rewrites.hpp"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

namespace snipcheck::runners::nginx {
namespace {

// Ports below this need privileges that the sandbox's user nobody lacks.
constexpr long k_first_free_port = 1024;
constexpr long k_port_shift = 40000;

// The directives whose first argument names an upstream address.
constexpr std::array<std::string_view, 6> k_pass_directives = {
    "proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass"};

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ipv4(std::string_view host) {
    return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

class Planner {
public:
    Planner(std::string_view code, const NginxSyntax& syntax, const WrapOptions& options)
        : m_code(code), m_syntax(syntax), m_options(options) {
        for (const NginxStatement& statement : syntax.statements) {
            if (statement.name == "upstream" && statement.block) {
                m_upstreams.insert(statement_arg(syntax, statement, 0));
            }
        }
    }

    Rewrites run() {
        for (const auto& [begin, end] : m_syntax.placeholders) {
            blank(begin, end);
            note("placeholder " + std::string(m_code.substr(begin, end - begin)) + " -> dropped");
        }
        for (const NginxStatement& statement : m_syntax.statements) {
            plan(statement);
        }
        return std::move(m_result);
    }

private:
    void plan(const NginxStatement& statement) {
        const std::string& name = statement.name;
        const std::string& first = statement_arg(m_syntax, statement, 0);
        if (name == "load_module" || (name == "user" && statement.depth == 0)) {
            blank(statement.begin, statement.end);
            note(name + " " + first + " -> dropped");
            m_result.dropped_modules = m_result.dropped_modules || name == "load_module";
        } else if (name == "include" && !statement.args.empty()) {
            plan_include(statement, first);
        } else if (name == "pid" && !first.empty()) {
            redirect(statement, "nginx.pid");
        } else if (name == "error_log" && !first.empty() && first != "stderr" && !first.starts_with("syslog:") &&
                   !first.starts_with("memory:")) {
            redirect(statement, fmt::format("error_{}.log", ++m_counter));
        } else if (name == "access_log" && !first.empty() && first != "off" && !first.starts_with("syslog:") &&
                   first.find('$') == std::string::npos) {
            redirect(statement, fmt::format("access_{}.log", ++m_counter));
        } else if (name.ends_with("_temp_path") && !first.empty()) {
            redirect(statement, fmt::format("temp_{}", ++m_counter));
        } else if (name.ends_with("_cache_path") && !first.empty()) {
            redirect(statement, fmt::format("cache_{}", ++m_counter));
        } else if (name == "listen" && !first.empty()) {
            plan_listen(statement, first);
        } else if (is_pass(name) || (name == "server" && !statement.block && statement.parent >= 0 &&
                                     m_syntax.statements[statement.parent].name == "upstream")) {
            plan_host(statement, first);
        } else {
            plan_tls_file(statement, first);
        }
    }

    static bool is_pass(const std::string& name) {
        return std::find(k_pass_directives.begin(), k_pass_directives.end(), name) != k_pass_directives.end();
    }

    void plan_tls_file(const NginxStatement& statement, const std::string& path) {
        // Paths with variables are read per connection, and data: holds the PEM itself.
        if (path.empty() || path.find('$') != std::string::npos || path.starts_with("data:")) {
            return;
        }
        const std::string& name = statement.name;
        if (directive_is(name, "ssl_certificate")) {
            stand_in(statement, path, StandInKind::certificate, "certificate", "pem");
        } else if (directive_is(name, "ssl_certificate_key")) {
            stand_in(statement, path, StandInKind::private_key, "key", "pem");
        } else if (directive_is(name, "ssl_trusted_certificate") || directive_is(name, "ssl_client_certificate")) {
            stand_in(statement, path, StandInKind::certificate, "CA certificates", "pem");
        } else if (directive_is(name, "ssl_dhparam")) {
            stand_in(statement, path, StandInKind::dhparam, "dhparam", "pem");
        } else if (directive_is(name, "ssl_session_ticket_key")) {
            stand_in(statement, path, StandInKind::ticket_key, "session ticket key", "key");
        } else if (directive_is(name, "ssl_password_file")) {
            stand_in(statement, path, StandInKind::password, "password file", "txt");
        }
    }

    void plan_include(const NginxStatement& statement, const std::string& path) {
        if (path.find_first_of("*?[") != std::string::npos) {
            // A glob gathers the author's other files; this snippet is checked alone.
            blank(statement.begin, statement.end);
            note("include " + path + " -> dropped");
            return;
        }
        std::string relative = path;
        if (!m_options.system_conf_dir.empty() && relative.starts_with(m_options.system_conf_dir + "/")) {
            relative = relative.substr(m_options.system_conf_dir.size() + 1);
        }
        const auto& system = m_options.system_files;
        if (std::find(system.begin(), system.end(), relative) != system.end()) {
            const std::string system_path = m_options.system_conf_dir + "/" + relative;
            if (replace_arg(statement, 0, system_path)) {
                m_result.included.push_back({system_path, statement.first_line});
                if (path != system_path) {
                    note("include " + path + " -> " + system_path);
                }
            }
            return;
        }
        const std::string file = fmt::format("include_{}.conf", ++m_counter);
        if (replace_arg(statement, 0, file)) {
            m_result.stand_ins.push_back({file, StandInKind::empty_config, path, statement.first_line});
            note("include " + path + " -> empty file");
        }
    }

    void plan_listen(const NginxStatement& statement, const std::string& address) {
        if (address.starts_with("unix:")) {
            redirect(statement, fmt::format("unix:listen_{}.sock", ++m_counter));
            return;
        }
        std::string host;
        std::string port;
        const std::size_t colon = address.rfind(':');
        if (all_digits(address)) {
            port = address;
        } else if (colon != std::string::npos && (address.front() != '[' || address[colon - 1] == ']')) {
            host = address.substr(0, colon + 1);
            port = address.substr(colon + 1);
        } else {
            host = address + ":";
            port = "80";  // an address alone listens on port 80
        }
        if (!all_digits(port) || port.size() > 5) {
            return;
        }
        const long number = std::stol(port);
        if (number == 0 || number >= k_first_free_port) {
            return;
        }
        const std::string moved = std::to_string(number + k_port_shift);
        if (replace_arg(statement, 0, host + moved)) {
            note("listen port " + port + " -> " + moved);
        }
    }

    void plan_host(const NginxStatement& statement, const std::string& address) {
        if (address.empty() || address.find('$') != std::string::npos) {
            return;  // resolved per request, not when the configuration is read
        }
        const std::size_t scheme = address.find("://");
        const std::size_t host_begin = scheme == std::string::npos ? 0 : scheme + 3;
        const std::string_view rest = std::string_view(address).substr(host_begin);
        if (rest.starts_with("unix:") || rest.starts_with("[")) {
            return;
        }
        const std::size_t host_end = std::min(rest.find_first_of(":/"), rest.size());
        const std::string host(rest.substr(0, host_end));
        if (host.empty() || is_ipv4(host) || host == "localhost" || m_upstreams.contains(host)) {
            return;
        }
        const std::string replacement =
            address.substr(0, host_begin) + "127.0.0.1" + address.substr(host_begin + host_end);
        if (replace_arg(statement, 0, replacement)) {
            note("host " + host + " -> 127.0.0.1");
        }
    }

    void stand_in(const NginxStatement& statement, const std::string& path, StandInKind kind, const std::string& what,
                  const std::string& extension) {
        const std::string file = fmt::format("stand_in_{}.{}", ++m_counter, extension);
        if (replace_arg(statement, 0, file)) {
            m_result.stand_ins.push_back({file, kind, path, statement.first_line});
            note(what + " " + path + " -> generated");
        }
    }

    void redirect(const NginxStatement& statement, const std::string& file) {
        const std::string original = statement_arg(m_syntax, statement, 0);
        if (replace_arg(statement, 0, file)) {
            note(statement.name + " " + original + " -> scratch folder");
        }
    }

    // Replaces argument `index` unless it spans lines (the line map would shift).
    bool replace_arg(const NginxStatement& statement, std::size_t index, const std::string& text) {
        if (index >= statement.args.size()) {
            return false;
        }
        const NginxToken& token = m_syntax.tokens[statement.args[index]];
        if (token.spans_lines) {
            return false;
        }
        m_result.edits.push_back({token.begin, token.end, text});
        return true;
    }

    // Spaces over [begin, end), newlines kept, so later lines stay where they were.
    void blank(std::size_t begin, std::size_t end) {
        std::string text(m_code.substr(begin, end - begin));
        std::replace_if(text.begin(), text.end(), [](char c) { return c != '\n'; }, ' ');
        m_result.edits.push_back({begin, end, text});
    }

    void note(const std::string& line) {
        if (std::find(m_result.replaced.begin(), m_result.replaced.end(), line) == m_result.replaced.end()) {
            m_result.replaced.push_back(line);
        }
    }

    std::string_view m_code;
    const NginxSyntax& m_syntax;
    const WrapOptions& m_options;
    std::set<std::string> m_upstreams;
    Rewrites m_result;
    int m_counter = 0;
};

}  // namespace

Rewrites plan_rewrites(std::string_view code, const NginxSyntax& syntax, const WrapOptions& options) {
    return Planner(code, syntax, options).run();
}

std::string apply_edits(std::string_view code, std::vector<TextEdit> edits) {
    std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
    std::string out;
    std::size_t done = 0;
    for (const TextEdit& edit : edits) {
        if (edit.begin < done || edit.end > code.size()) {
            continue;
        }
        out.append(code.substr(done, edit.begin - done));
        out += edit.text;
        done = edit.end;
    }
    out.append(code.substr(done));
    return out;
}

const std::vector<std::string>& standard_nginx_files() {
    static const std::vector<std::string> k_files = {"mime.types",    "fastcgi_params", "fastcgi.conf",
                                                     "proxy_params",  "scgi_params",    "uwsgi_params",
                                                     "koi-utf",       "koi-win",        "win-utf"};
    return k_files;
}

}  // namespace snipcheck::runners::nginx
