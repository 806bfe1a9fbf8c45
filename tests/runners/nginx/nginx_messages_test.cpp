#include "runners/nginx/nginx_messages.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::nginx;

TEST_CASE("nginx -t output is read into messages with places and the verdict lines", "[nginx_messages]") {
    const NginxTestOutput output = read_nginx_test_output(
        "nginx: [warn] \"ssl_stapling\" ignored, no OCSP responder URL in the certificate \"/s/c.pem\"\n"
        "nginx: [warn] server name \"/x\" has suspicious symbols in /s/nginx.conf:7\n"
        "nginx: the configuration file /s/nginx.conf syntax is ok\n"
        "nginx: [emerg] bind() to 10.1.1.1:80 failed (99: Cannot assign requested address)\n"
        "nginx: configuration file /s/nginx.conf test failed\n");
    CHECK(output.syntax_ok);
    CHECK_FALSE(output.successful);
    REQUIRE(output.messages.size() == 3);
    CHECK(output.messages[0].level == "warn");
    CHECK(output.messages[0].file.empty());
    CHECK(output.messages[0].text == "\"ssl_stapling\" ignored, no OCSP responder URL in the certificate \"/s/c.pem\"");
    CHECK(output.messages[1].file == "/s/nginx.conf");
    CHECK(output.messages[1].line == 7);
    CHECK(output.messages[1].text == "server name \"/x\" has suspicious symbols");
    CHECK_FALSE(output.messages[1].after_syntax_ok);
    CHECK(is_fatal(output.messages[2]));
    CHECK_FALSE(is_fatal(output.messages[1]));
    CHECK(output.messages[2].after_syntax_ok);
}

TEST_CASE("a successful test is recognised", "[nginx_messages]") {
    const NginxTestOutput output = read_nginx_test_output(
        "nginx: the configuration file /s/nginx.conf syntax is ok\n"
        "nginx: configuration file /s/nginx.conf test is successful\n");
    CHECK(output.successful);
    CHECK(output.messages.empty());
}
