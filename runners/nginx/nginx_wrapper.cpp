#include "runners/nginx/nginx_wrapper.hpp"

#include <algorithm>
#include <array>

namespace snipcheck::runners::nginx {
namespace {

// The innermost context a top-level statement of a fragment needs; `any`
// for the many directives valid at several levels.
enum class Level { main, events, http, server, location, any };

constexpr std::array<std::string_view, 20> k_main_directives = {
    "user", "worker_processes", "worker_rlimit_nofile", "worker_rlimit_core", "worker_cpu_affinity",
    "worker_priority", "worker_shutdown_timeout", "pid", "load_module", "env", "daemon", "master_process",
    "pcre_jit", "thread_pool", "timer_resolution", "working_directory", "lock_file", "ssl_engine",
    "debug_points", "google_perftools_profiles"};
constexpr std::array<std::string_view, 7> k_events_directives = {
    "worker_connections", "use", "multi_accept", "accept_mutex", "accept_mutex_delay", "debug_connection",
    "worker_aio_requests"};
constexpr std::array<std::string_view, 17> k_http_directives = {
    "upstream", "map", "geo", "split_clients", "log_format", "limit_req_zone", "limit_conn_zone",
    "proxy_cache_path", "fastcgi_cache_path", "uwsgi_cache_path", "scgi_cache_path",
    "server_names_hash_bucket_size", "server_names_hash_max_size", "variables_hash_max_size",
    "variables_hash_bucket_size", "map_hash_max_size", "map_hash_bucket_size"};
constexpr std::array<std::string_view, 10> k_server_directives = {
    "listen", "server_name", "location", "if", "set", "return", "rewrite", "break", "try_files", "stub_status"};
constexpr std::array<std::string_view, 14> k_location_directives = {
    "proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass", "alias",
    "internal", "limit_except", "fastcgi_split_path_info", "empty_gif", "flv", "mp4", "random_index"};
constexpr std::array<std::string_view, 4> k_top_blocks = {"events", "http", "stream", "mail"};
constexpr std::array<std::string_view, 5> k_temp_paths = {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

Level required_level(const NginxStatement& statement) {
    const std::string& name = statement.name;
    if (name == "server") {
        return statement.block ? Level::http : Level::any;
    }
    if (among(k_main_directives, name)) {
        return Level::main;
    }
    if (among(k_events_directives, name)) {
        return Level::events;
    }
    if (among(k_http_directives, name)) {
        return Level::http;
    }
    if (among(k_server_directives, name)) {
        return Level::server;
    }
    if (among(k_location_directives, name)) {
        return Level::location;
    }
    return Level::any;
}

// A stream server proxies to a bare address (no scheme) or listens on UDP, and has no locations.
bool is_stream_server(const NginxSyntax& syntax, std::size_t index) {
    bool stream = false;
    for (const NginxStatement& child : syntax.statements) {
        if (child.parent != static_cast<int>(index)) {
            continue;
        }
        if (child.name == "location") {
            return false;
        }
        const std::string& first = statement_arg(syntax, child, 0);
        if (child.name == "proxy_pass" && !first.empty() && first.find("://") == std::string::npos) {
            stream = true;
        }
        for (std::size_t i = 1; child.name == "listen" && i < child.args.size(); ++i) {
            stream = stream || statement_arg(syntax, child, i) == "udp";
        }
    }
    return stream;
}

// The http-level lines every test needs: logs and temporary files in the prefix,
// except where the snippet's own http level already says where they go.
std::string http_prelude(const NginxSyntax& syntax, const std::vector<std::size_t>& http_level) {
    auto declared = [&](std::string_view name) {
        return std::any_of(http_level.begin(), http_level.end(),
                           [&](std::size_t i) { return syntax.statements[i].name == name; });
    };
    std::string prelude;
    if (!declared("access_log")) {
        prelude += "access_log access.log; ";
    }
    for (const std::string_view temp : k_temp_paths) {
        const std::string name = std::string(temp) + "_temp_path";
        if (!declared(name)) {
            prelude += name + " temp_" + std::string(temp) + "; ";
        }
    }
    return prelude;
}

struct Chunk {
    int first_line = 0;
    int last_line = 0;
    Level level = Level::any;
};

class Layout {
public:
    explicit Layout(WrappedConfig& wrapped, const std::vector<std::string>& lines)
        : m_wrapped(wrapped), m_lines(lines) {}

    void add(const std::string& text) {
        m_wrapped.text += text + "\n";
        m_wrapped.line_map.push_back(0);
    }
    void add_snippet_lines(int first, int last) {
        for (int line = first; line <= last && line <= static_cast<int>(m_lines.size()); ++line) {
            m_wrapped.text += m_lines[line - 1] + "\n";
            m_wrapped.line_map.push_back(line);
        }
    }
    void add_chunks(const std::vector<Chunk>& chunks, Level level) {
        for (const Chunk& chunk : chunks) {
            if (chunk.level == level) {
                add_snippet_lines(chunk.first_line, chunk.last_line);
            }
        }
    }

private:
    WrappedConfig& m_wrapped;
    const std::vector<std::string>& m_lines;
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t newline = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, newline - start));
        start = newline + 1;
    }
    return lines;
}

// Top-level statements grouped into whole-line chunks, each with the level it goes to.
std::vector<Chunk> fragment_chunks(const NginxSyntax& syntax, const std::vector<std::size_t>& top, Level fallback) {
    std::vector<Chunk> chunks;
    for (const std::size_t index : top) {
        const NginxStatement& statement = syntax.statements[index];
        Level level = required_level(statement);
        level = level == Level::any ? fallback : level;
        if (!chunks.empty() && statement.first_line <= chunks.back().last_line) {
            chunks.back().last_line = std::max(chunks.back().last_line, statement.last_line);
            chunks.back().level = std::max(chunks.back().level, level);
            continue;
        }
        const int first = chunks.empty() ? 1 : chunks.back().last_line + 1;
        chunks.push_back({first, statement.last_line, level});
    }
    if (!chunks.empty()) {
        chunks.back().last_line = syntax.line_count;
    }
    return chunks;
}

void wrap_fragment(WrappedConfig& wrapped, Layout& layout, const std::vector<std::size_t>& top,
                   const WrapOptions& options) {
    const NginxSyntax& syntax = wrapped.syntax;
    Level deepest = Level::http;
    bool stream = false;
    for (const std::size_t index : top) {
        const Level level = required_level(syntax.statements[index]);
        if (level == Level::server || level == Level::location) {
            deepest = std::max(deepest, level);
        }
        stream = stream || (syntax.statements[index].name == "server" && syntax.statements[index].block &&
                            is_stream_server(syntax, index));
    }
    std::vector<Chunk> chunks = fragment_chunks(syntax, top, deepest);
    if (!syntax.balanced || chunks.empty()) {
        // Braces that do not balance would cross the wrapper's own; keep the lines in order.
        chunks = {{1, syntax.line_count, deepest}};
    }
    std::vector<std::size_t> http_level;
    for (const std::size_t index : top) {
        const int line = syntax.statements[index].first_line;
        if (std::any_of(chunks.begin(), chunks.end(), [&](const Chunk& chunk) {
                return chunk.level == Level::http && chunk.first_line <= line && line <= chunk.last_line;
            })) {
            http_level.push_back(index);
        }
    }
    if (stream && !options.stream_module.empty()) {
        layout.add("load_module " + options.stream_module + ";");
    }
    const bool has_pid = std::any_of(top.begin(), top.end(), [&](std::size_t i) { return syntax.statements[i].name == "pid"; });
    if (!has_pid) {
        layout.add("pid nginx.pid;");
    }
    layout.add_chunks(chunks, Level::main);
    layout.add("events {");
    layout.add_chunks(chunks, Level::events);
    layout.add("}");
    layout.add(stream ? "stream {" : "http { " + http_prelude(syntax, http_level));
    layout.add_chunks(chunks, Level::http);
    const auto has = [&](Level level) {
        return std::any_of(chunks.begin(), chunks.end(), [&](const Chunk& chunk) { return chunk.level == level; });
    };
    if (has(Level::server) || has(Level::location)) {
        layout.add("server {");
        layout.add_chunks(chunks, Level::server);
        if (has(Level::location)) {
            layout.add("location /snipcheck-wrapper/ {");
            layout.add_chunks(chunks, Level::location);
            layout.add("}");
        }
        layout.add("}");
    }
    layout.add("}");
}

void wrap_full(WrappedConfig& wrapped, Layout& layout, const std::vector<std::size_t>& top,
               const WrapOptions& options) {
    const NginxSyntax& syntax = wrapped.syntax;
    auto has_top = [&](std::string_view name) {
        return std::any_of(top.begin(), top.end(), [&](std::size_t i) { return syntax.statements[i].name == name; });
    };
    if (has_top("stream") && !options.stream_module.empty()) {
        layout.add("load_module " + options.stream_module + ";");
    }
    if (has_top("mail") && !options.mail_module.empty()) {
        layout.add("load_module " + options.mail_module + ";");
    }
    if (!has_top("pid")) {
        layout.add("pid nginx.pid;");
    }
    if (!has_top("events")) {
        layout.add("events {}");
    }
    layout.add_snippet_lines(1, syntax.line_count);
}

}  // namespace

WrappedConfig wrap_nginx_config(std::string_view code, const WrapOptions& options) {
    WrappedConfig wrapped;
    wrapped.syntax = read_nginx_syntax(code);
    const NginxSyntax& syntax = wrapped.syntax;
    Rewrites rewrites = plan_rewrites(code, syntax, options);
    std::vector<std::size_t> top;
    for (std::size_t i = 0; i < syntax.statements.size(); ++i) {
        if (syntax.statements[i].depth == 0) {
            top.push_back(i);
        }
    }
    wrapped.full_config = std::any_of(top.begin(), top.end(), [&](std::size_t i) {
        return among(k_top_blocks, syntax.statements[i].name);
    });
    if (wrapped.full_config) {
        // The prelude goes right after `http {`, on the same line, so no line moves.
        for (const std::size_t index : top) {
            const NginxStatement& http = syntax.statements[index];
            if (http.name != "http" || !http.block) {
                continue;
            }
            std::vector<std::size_t> children;
            for (std::size_t i = index + 1; i < syntax.statements.size(); ++i) {
                if (syntax.statements[i].parent == static_cast<int>(index)) {
                    children.push_back(i);
                }
            }
            rewrites.edits.push_back({http.head_end, http.head_end, " " + http_prelude(syntax, children)});
        }
    }
    const std::vector<std::string> lines = split_lines(apply_edits(code, rewrites.edits));
    Layout layout(wrapped, lines);
    if (wrapped.full_config) {
        wrap_full(wrapped, layout, top, options);
    } else {
        wrap_fragment(wrapped, layout, top, options);
    }
    wrapped.stand_ins = std::move(rewrites.stand_ins);
    wrapped.included = std::move(rewrites.included);
    wrapped.replaced = std::move(rewrites.replaced);
    wrapped.dropped_modules = rewrites.dropped_modules;
    return wrapped;
}

int snippet_line(const WrappedConfig& wrapped, int line) {
    if (line < 1 || line > static_cast<int>(wrapped.line_map.size())) {
        return 0;
    }
    return wrapped.line_map[line - 1];
}

}  // namespace snipcheck::runners::nginx
