#include "runners/nginx/nginx_verdict.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::nginx;
using Outcome = NginxCheck::Outcome;

namespace {

const std::string k_prefix = "/tmp/s/scratch";

NginxCheck judge(const std::string& code, const std::string& stderr_text) {
    const WrappedConfig wrapped = wrap_nginx_config(code, {});
    NginxCheck check;
    judge_nginx_output(read_nginx_test_output(stderr_text), wrapped, k_prefix, check);
    return check;
}

const std::string k_server =
    "server {\n"
    "    listen 443 ssl;\n"
    "    ssl_certificate /etc/x/cert.pem;\n"
    "    ssl_ciphers FOO:BAR;\n"
    "    proxy_buffers 4\n"
    "        8k;\n"
    "}\n";

}  // namespace

TEST_CASE("a cipher error without a place is put at the directive whose argument it quotes", "[nginx_verdict]") {
    const NginxCheck check = judge(k_server,
                                   "nginx: [emerg] SSL_CTX_set_cipher_list(\"FOO:BAR\") failed (SSL: no cipher match)\n");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 4);
    CHECK(check.message == "SSL_CTX_set_cipher_list(\"FOO:BAR\") failed (SSL: no cipher match)");
}

TEST_CASE("a place in the wrapped file maps back to the snippet, a stand-in's path to the original",
          "[nginx_verdict]") {
    // Wrapper lines come first: pid, events, }, http; the snippet starts at line 5.
    NginxCheck check = judge(k_server, "nginx: [emerg] invalid value \"8k\" in " + k_prefix + "/nginx.conf:10\n");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 5);  // the directive's first line, not its `;`
    check = judge(k_server, "nginx: [warn] \"ssl_stapling\" ignored, issuer certificate not found for certificate \"" +
                                k_prefix + "/stand_in_1.pem\"\nnginx: configuration file x test is successful\n");
    CHECK(check.outcome == Outcome::valid);
    REQUIRE(check.warnings.size() == 1);
    CHECK(check.warnings[0].line == 3);
    CHECK(check.warnings[0].message.ends_with("for certificate \"/etc/x/cert.pem\""));
}

TEST_CASE("what the sandbox withholds after the syntax check does not make a snippet invalid", "[nginx_verdict]") {
    const NginxCheck check = judge("server { listen 10.9.9.9:8080; }\n",
                                   "nginx: the configuration file x syntax is ok\n"
                                   "nginx: [emerg] bind() to 10.9.9.9:8080 failed (99: Cannot assign requested address)\n");
    CHECK(check.outcome == Outcome::valid);
    REQUIRE(check.warnings.size() == 1);
    CHECK(check.warnings[0].message.find("bind() to 10.9.9.9:8080") != std::string::npos);
}

TEST_CASE("an unknown directive of a missing module or a dropped load_module is not checked", "[nginx_verdict]") {
    NginxCheck check = judge("more_set_headers 'Server: x';\n",
                             "nginx: [emerg] unknown directive \"more_set_headers\" in " + k_prefix + "/nginx.conf:5\n");
    CHECK(check.outcome == Outcome::not_checked);
    CHECK(check.line == 1);
    CHECK(check.reason.find("headers-more") != std::string::npos);
    check = judge("load_module modules/x.so;\nfancy_thing on;\n",
                  "nginx: [emerg] unknown directive \"fancy_thing\" in " + k_prefix + "/nginx.conf:6\n");
    CHECK(check.outcome == Outcome::not_checked);
    check = judge("fancy_thing on;\n", "nginx: [emerg] unknown directive \"fancy_thing\" in " + k_prefix + "/nginx.conf:5\n");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 1);
}

TEST_CASE("a file missing on this machine makes the check not_checked", "[nginx_verdict]") {
    const NginxCheck check = judge("ssl_stapling_file /etc/ocsp.der;\n",
                                   "nginx: [emerg] BIO_new_file(\"/etc/ocsp.der\") failed (SSL: error:80000002:system "
                                   "library::No such file or directory)\n");
    CHECK(check.outcome == Outcome::not_checked);
    CHECK(check.line == 1);
}

TEST_CASE("an error at a wrapper line of an unbalanced snippet is put where the braces stop balancing",
          "[nginx_verdict]") {
    const NginxCheck check = judge("location / {\n  root /srv;\n}\n}\n",
                                   "nginx: [emerg] unexpected \"}\" in " + k_prefix + "/nginx.conf:11\n");
    CHECK(check.outcome == Outcome::invalid);
    CHECK(check.line == 4);
}
