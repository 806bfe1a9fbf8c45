// Runs the real `nginx -t` (Debian's nginx) on small configurations under
// tests/data/nginx/, each named after its case.

#include "runners/nginx/nginx_check.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>

#include "runners/tool_process.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::runners::nginx;
using snipcheck::runners::find_program;
using Outcome = NginxCheck::Outcome;

namespace {

constexpr double k_timeout_seconds = 20;

NginxCheck check_file(const std::string& name) {
    const NginxCheck check = check_nginx_config(snipcheck::test::read_data_file("nginx/" + name), k_timeout_seconds);
    INFO(name << ": line " << check.line << ": " << check.message << check.reason);
    return check;
}

bool mentions(const std::vector<std::string>& replaced, const std::string& text) {
    return std::any_of(replaced.begin(), replaced.end(),
                       [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("a cipher list OpenSSL matches nothing of is invalid at the ssl_ciphers line", "[nginx_check]") {
    REQUIRE_FALSE(find_program("nginx").empty());
    const NginxCheck check = check_file("unknown_cipher_list.conf");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 9);
    CHECK(check.message.find("SSL_CTX_set_cipher_list") != std::string::npos);
    CHECK(check.message.find("no cipher match") != std::string::npos);
    // The certificate paths exist only on the author's machine: stood in, never reported.
    CHECK(mentions(check.replaced, "certificate /etc/ssl/shop/chain.pem -> generated"));
    CHECK(mentions(check.replaced, "key /etc/ssl/shop/private.key -> generated"));
}

TEST_CASE("the same server with a good cipher list is valid", "[nginx_check]") {
    const NginxCheck check = check_file("good_cipher_list.conf");
    CHECK(check.outcome == Outcome::valid);
    CHECK(check.line == 0);
    CHECK(check.message.empty());
}

TEST_CASE("OpenSSL skips unknown names in a cipher list that matches something, so nginx accepts it",
          "[nginx_check]") {
    const NginxCheck check = check_file("cipher_list_with_some_known.conf");
    CHECK(check.outcome == Outcome::valid);
}

TEST_CASE("an unknown directive is invalid at its line", "[nginx_check]") {
    const NginxCheck check = check_file("unknown_directive.conf");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 6);
    CHECK(check.message == "unknown directive \"proxy_pas\"");
}

TEST_CASE("a location block alone is wrapped in a server and is valid", "[nginx_check]") {
    const NginxCheck check = check_file("location_alone.conf");
    CHECK(check.outcome == Outcome::valid);
    CHECK(check.replaced.empty());
}

TEST_CASE("a full nginx.conf with user, pid, logs and includes is valid", "[nginx_check]") {
    const NginxCheck check = check_file("full_config.conf");
    CHECK(check.outcome == Outcome::valid);
    CHECK(mentions(check.replaced, "user www-data -> dropped"));
    CHECK(mentions(check.replaced, "pid /run/nginx.pid -> scratch folder"));
    CHECK(mentions(check.replaced, "include /etc/nginx/conf.d/*.conf -> dropped"));
    CHECK(mentions(check.replaced, "listen port 80 -> 40080"));
}

TEST_CASE("proxy_pass to a host name that does not resolve in the sandbox is valid", "[nginx_check]") {
    const NginxCheck check = check_file("proxy_pass_host_name.conf");
    CHECK(check.outcome == Outcome::valid);
    CHECK(mentions(check.replaced, "host backend -> 127.0.0.1"));
}

TEST_CASE("upstream servers with host names are valid and the upstream's own name is kept", "[nginx_check]") {
    const NginxCheck check = check_file("upstream_with_host_names.conf");
    CHECK(check.outcome == Outcome::valid);
    CHECK(mentions(check.replaced, "host app1.internal -> 127.0.0.1"));
    CHECK_FALSE(mentions(check.replaced, "app_servers"));
}

TEST_CASE("a missing semicolon is invalid at the directive that lacks it", "[nginx_check]") {
    const NginxCheck check = check_file("missing_semicolon.conf");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 2);
    CHECK(check.message == "invalid parameter \"server_name\"");
}

TEST_CASE("a directive in the wrong context is invalid at its line", "[nginx_check]") {
    const NginxCheck check = check_file("directive_in_wrong_context.conf");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 4);
    CHECK(check.message == "\"upstream\" directive is not allowed here");
}

TEST_CASE("a stream block needs a module this nginx lacks and is not checked rather than invalid",
          "[nginx_check]") {
    const NginxCheck check = check_nginx_config("stream {\n  server { listen 5432; proxy_pass db:5432; }\n}\n",
                                                k_timeout_seconds);
    if (std::filesystem::exists("/usr/lib/nginx/modules/ngx_stream_module.so")) {
        CHECK(check.outcome == Outcome::valid);
    } else {
        CHECK(check.outcome == Outcome::not_checked);
        CHECK(check.reason.find("stream module") != std::string::npos);
    }
}

TEST_CASE("a file nginx reads that only the author has makes the check not_checked", "[nginx_check]") {
    const NginxCheck check = check_nginx_config(
        "server {\n  listen 443 ssl;\n  ssl_certificate /etc/a.pem;\n  ssl_certificate_key /etc/a.key;\n"
        "  ssl_crl /etc/ssl/revoked.pem;\n}\n",
        k_timeout_seconds);
    CHECK(check.outcome == Outcome::not_checked);
    CHECK(check.reason.find("/etc/ssl/revoked.pem") != std::string::npos);
    CHECK(check.line == 5);
}
