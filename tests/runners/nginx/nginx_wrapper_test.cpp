#include "runners/nginx/nginx_wrapper.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace snipcheck::runners::nginx;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The wrapped text's line that came from snippet line `line`; "" when none did.
std::string line_from(const WrappedConfig& wrapped, int line) {
    const std::vector<std::string> lines = lines_of(wrapped.text);
    for (std::size_t i = 0; i < wrapped.line_map.size() && i < lines.size(); ++i) {
        if (wrapped.line_map[i] == line) {
            return lines[i];
        }
    }
    return {};
}

// The wrapper line just before snippet line `line`.
std::string opener_of(const WrappedConfig& wrapped, int line) {
    const std::vector<std::string> lines = lines_of(wrapped.text);
    for (std::size_t i = 1; i < wrapped.line_map.size(); ++i) {
        if (wrapped.line_map[i] == line) {
            return lines[i - 1];
        }
    }
    return {};
}

}  // namespace

TEST_CASE("server blocks and upstreams go into http, behind events and a pid in the prefix", "[nginx_wrapper]") {
    const WrappedConfig wrapped =
        wrap_nginx_config("upstream a { server 127.0.0.1:1; }\nserver {\n  listen 8080;\n}\n", {});
    CHECK_FALSE(wrapped.full_config);
    const std::vector<std::string> lines = lines_of(wrapped.text);
    REQUIRE(lines.size() == wrapped.line_map.size());
    CHECK(lines[0] == "pid nginx.pid;");
    CHECK(lines[1] == "events {");
    CHECK(lines[3].starts_with("http { access_log access.log; client_body_temp_path temp_client_body;"));
    CHECK(wrapped.line_map == std::vector<int>{0, 0, 0, 0, 1, 2, 3, 4, 0});
    CHECK(snippet_line(wrapped, 7) == 3);
    CHECK(snippet_line(wrapped, 1) == 0);
    CHECK(snippet_line(wrapped, 99) == 0);
}

TEST_CASE("a location goes into a server and bare location directives into a location", "[nginx_wrapper]") {
    const WrappedConfig wrapped = wrap_nginx_config(
        "# comment\nlocation /a/ {\n  root /srv;\n}\nproxy_pass http://127.0.0.1:1;\ngzip on;\n", {});
    CHECK(opener_of(wrapped, 1) == "server {");
    CHECK(line_from(wrapped, 2) == "location /a/ {");
    CHECK(opener_of(wrapped, 5) == "location /snipcheck-wrapper/ {");
    CHECK(line_from(wrapped, 6) == "gzip on;");
    CHECK(opener_of(wrapped, 6).starts_with("proxy_pass"));
}

TEST_CASE("main and events directives of a fragment go to their own contexts", "[nginx_wrapper]") {
    const WrappedConfig wrapped =
        wrap_nginx_config("worker_processes 2;\nworker_connections 512;\nkeepalive_timeout 5;\n", {});
    const std::vector<std::string> lines = lines_of(wrapped.text);
    CHECK(opener_of(wrapped, 1) == "pid nginx.pid;");
    CHECK(opener_of(wrapped, 2) == "events {");
    CHECK(opener_of(wrapped, 3).starts_with("http {"));
}

TEST_CASE("a full configuration keeps its lines, gains events and its http the prelude on the same line",
          "[nginx_wrapper]") {
    const std::string code = "worker_processes 1;\nhttp {\n  proxy_temp_path /tmp/p;\n  server { }\n}\n";
    const WrappedConfig wrapped = wrap_nginx_config(code, {});
    CHECK(wrapped.full_config);
    const std::vector<std::string> lines = lines_of(wrapped.text);
    CHECK(lines[0] == "pid nginx.pid;");
    CHECK(lines[1] == "events {}");
    CHECK(wrapped.line_map == std::vector<int>{0, 0, 1, 2, 3, 4, 5});
    CHECK(lines[3].starts_with("http { access_log access.log; client_body_temp_path temp_client_body;"));
    // The snippet's own proxy_temp_path (moved to the prefix) is the only one at http level.
    CHECK(lines[3].find("proxy_temp_path") == std::string::npos);
    CHECK(lines[4] == "  proxy_temp_path temp_1;");
}

TEST_CASE("a snippet whose braces do not balance keeps its lines in order", "[nginx_wrapper]") {
    const WrappedConfig wrapped = wrap_nginx_config("location / {\n  root /srv;\n", {});
    CHECK(opener_of(wrapped, 1) == "server {");
    CHECK(line_from(wrapped, 2) == "  root /srv;");
}

TEST_CASE("a server that proxies a bare address is a stream server", "[nginx_wrapper]") {
    WrapOptions options;
    options.stream_module = "/usr/lib/nginx/modules/ngx_stream_module.so";
    const WrappedConfig wrapped =
        wrap_nginx_config("server {\n  listen 5432;\n  proxy_pass 127.0.0.1:5433;\n}\n", options);
    CHECK(opener_of(wrapped, 1) == "stream {");
    CHECK(wrapped.text.starts_with("load_module /usr/lib/nginx/modules/ngx_stream_module.so;\n"));
}
