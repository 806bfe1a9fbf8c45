#include "runners/nginx/nginx_syntax.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::nginx;

TEST_CASE("statements carry their lines, depth and parent", "[nginx_syntax]") {
    const NginxSyntax syntax = read_nginx_syntax(
        "server {\n"
        "    listen 80;  # a comment { ; }\n"
        "    location / {\n"
        "        return 200 'a;b';\n"
        "    }\n"
        "}\n");
    REQUIRE(syntax.statements.size() == 4);
    CHECK(syntax.balanced);
    CHECK(syntax.line_count == 6);
    const NginxStatement& server = syntax.statements[0];
    CHECK(server.name == "server");
    CHECK(server.block);
    CHECK(server.first_line == 1);
    CHECK(server.last_line == 6);
    const NginxStatement& listen = syntax.statements[1];
    CHECK(listen.parent == 0);
    CHECK(listen.depth == 1);
    CHECK(statement_arg(syntax, listen, 0) == "80");
    const NginxStatement& ret = syntax.statements[3];
    CHECK(ret.parent == 2);
    CHECK(ret.depth == 2);
    CHECK(ret.first_line == 4);
    CHECK(statement_arg(syntax, ret, 1) == "a;b");
    CHECK(syntax.tokens[ret.args[1]].quoted);
}

TEST_CASE("a statement that spans lines has its head at the line of its semicolon", "[nginx_syntax]") {
    const NginxSyntax syntax = read_nginx_syntax("log_format main '$remote_addr'\n    '$status';\n");
    REQUIRE(syntax.statements.size() == 1);
    CHECK(syntax.statements[0].first_line == 1);
    CHECK(syntax.statements[0].head_line == 2);
    CHECK(statement_arg(syntax, syntax.statements[0], 2) == "$status");
}

TEST_CASE("variables in braces do not open a block", "[nginx_syntax]") {
    const NginxSyntax syntax = read_nginx_syntax("set $a ${host}x;\n");
    REQUIRE(syntax.statements.size() == 1);
    CHECK_FALSE(syntax.statements[0].block);
    CHECK(statement_arg(syntax, syntax.statements[0], 1) == "${host}x");
}

TEST_CASE("an unclosed block, a stray brace and a missing final semicolon unbalance the text", "[nginx_syntax]") {
    CHECK_FALSE(read_nginx_syntax("server {\n listen 80;\n").balanced);
    CHECK_FALSE(read_nginx_syntax("listen 80;\n}\n").balanced);
    CHECK_FALSE(read_nginx_syntax("gzip on\n").balanced);
    CHECK_FALSE(read_nginx_syntax("location / {\n  proxy_pass http://a\n}\n").balanced);
}

TEST_CASE("an ellipsis standing for elided lines is a placeholder, not a directive", "[nginx_syntax]") {
    const std::string code = "server {\n    ...\n    listen 80;\n    \xE2\x80\xA6;\n}\n";
    const NginxSyntax syntax = read_nginx_syntax(code);
    CHECK(syntax.balanced);
    REQUIRE(syntax.statements.size() == 2);
    CHECK(syntax.statements[1].name == "listen");
    REQUIRE(syntax.placeholders.size() == 2);
    CHECK(code.substr(syntax.placeholders[1].first, syntax.placeholders[1].second - syntax.placeholders[1].first) ==
          "\xE2\x80\xA6;");
}

TEST_CASE("directive_is matches a directive and its prefixed variants only", "[nginx_syntax]") {
    CHECK(directive_is("ssl_certificate", "ssl_certificate"));
    CHECK(directive_is("proxy_ssl_certificate", "ssl_certificate"));
    CHECK_FALSE(directive_is("ssl_certificate_key", "ssl_certificate"));
    CHECK_FALSE(directive_is("xssl_certificate", "ssl_certificate"));
}

TEST_CASE("the line where braces stop balancing is kept", "[nginx_syntax]") {
    CHECK(read_nginx_syntax("server {\n listen 80;\n location / {\n root /srv;\n").unbalanced_line == 3);
    CHECK(read_nginx_syntax("location / {\n root /srv;\n}\n}\n").unbalanced_line == 4);
    CHECK(read_nginx_syntax("gzip on;\ngzip_vary on\n").unbalanced_line == 2);
    CHECK(read_nginx_syntax("gzip on;\n").unbalanced_line == 0);
}
