#include "runners/nginx/nginx_rewrites.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace snipcheck::runners::nginx;

namespace {

struct Rewritten {
    std::string text;
    Rewrites rewrites;
};

Rewritten rewrite(const std::string& code) {
    WrapOptions options;
    options.system_conf_dir = "/etc/nginx";
    options.system_files = {"mime.types", "fastcgi_params"};
    const NginxSyntax syntax = read_nginx_syntax(code);
    Rewrites rewrites = plan_rewrites(code, syntax, options);
    std::string text = apply_edits(code, rewrites.edits);
    return {std::move(text), std::move(rewrites)};
}

long count_lines(const std::string& text) {
    return std::count(text.begin(), text.end(), '\n');
}

}  // namespace

TEST_CASE("host names become 127.0.0.1 with their port, upstream names and addresses stay", "[nginx_rewrites]") {
    const std::string code =
        "upstream app { server web1.internal:8000 weight=2; server 10.0.0.5:8000; server unix:/run/a.sock; }\n"
        "proxy_pass http://app;\n"
        "proxy_pass http://api.internal:9000/v1/;\n"
        "proxy_pass http://$backend;\n"
        "fastcgi_pass php:9000;\n"
        "proxy_pass http://localhost:3000;\n";
    const Rewritten out = rewrite(code);
    CHECK(out.text ==
          "upstream app { server 127.0.0.1:8000 weight=2; server 10.0.0.5:8000; server unix:/run/a.sock; }\n"
          "proxy_pass http://app;\n"
          "proxy_pass http://127.0.0.1:9000/v1/;\n"
          "proxy_pass http://$backend;\n"
          "fastcgi_pass 127.0.0.1:9000;\n"
          "proxy_pass http://localhost:3000;\n");
    CHECK(out.rewrites.replaced ==
          std::vector<std::string>{"host web1.internal -> 127.0.0.1", "host api.internal -> 127.0.0.1",
                                   "host php -> 127.0.0.1"});
}

TEST_CASE("privileged listen ports move up by 40000, others stay", "[nginx_rewrites]") {
    const Rewritten out =
        rewrite("listen 80;\nlisten [::]:443 ssl;\nlisten 127.0.0.1;\nlisten 8080;\nlisten unix:/run/x.sock;\n");
    CHECK(out.text ==
          "listen 40080;\nlisten [::]:40443 ssl;\nlisten 127.0.0.1:40080;\nlisten 8080;\nlisten unix:listen_1.sock;\n");
}

TEST_CASE("certificates, keys and dhparam are stood in for by generated files", "[nginx_rewrites]") {
    const Rewritten out = rewrite(
        "ssl_certificate /etc/le/full.pem;\nssl_certificate_key \"/etc/le/key.pem\";\nssl_dhparam /etc/dh.pem;\n"
        "ssl_certificate $ssl_server_name.pem;\nproxy_ssl_trusted_certificate /etc/ca.pem;\n");
    REQUIRE(out.rewrites.stand_ins.size() == 4);
    CHECK(out.rewrites.stand_ins[0].kind == StandInKind::certificate);
    CHECK(out.rewrites.stand_ins[0].original == "/etc/le/full.pem");
    CHECK(out.rewrites.stand_ins[1].kind == StandInKind::private_key);
    CHECK(out.rewrites.stand_ins[1].line == 2);
    CHECK(out.rewrites.stand_ins[2].kind == StandInKind::dhparam);
    CHECK(out.rewrites.stand_ins[3].kind == StandInKind::certificate);
    CHECK(out.text.find("ssl_certificate_key " + out.rewrites.stand_ins[1].name + ";\n") != std::string::npos);
    CHECK(out.text.find("ssl_certificate $ssl_server_name.pem;") != std::string::npos);
}

TEST_CASE("includes read the system's standard files, an empty file, or nothing for a glob", "[nginx_rewrites]") {
    const Rewritten out =
        rewrite("include mime.types;\ninclude /etc/nginx/fastcgi_params;\ninclude snippets/tls.conf;\n"
                "include conf.d/*.conf;\n");
    REQUIRE(out.rewrites.stand_ins.size() == 1);
    CHECK(out.rewrites.stand_ins[0].kind == StandInKind::empty_config);
    CHECK(out.rewrites.stand_ins[0].original == "snippets/tls.conf");
    CHECK(out.text == "include /etc/nginx/mime.types;\ninclude /etc/nginx/fastcgi_params;\ninclude " +
                          out.rewrites.stand_ins[0].name + ";\n                      \n");
    REQUIRE(out.rewrites.included.size() == 2);
    CHECK(out.rewrites.included[1].path == "/etc/nginx/fastcgi_params");
    CHECK(out.rewrites.included[1].line == 2);
}

TEST_CASE("logs, pid and temporary paths go to the prefix, user and load_module go", "[nginx_rewrites]") {
    const std::string code =
        "user nginx;\nload_module\n  modules/ngx_stream_module.so;\npid /run/nginx.pid;\n"
        "error_log /var/log/nginx/error.log warn;\nerror_log stderr;\naccess_log /var/log/a.log main;\n"
        "access_log off;\nproxy_temp_path /var/cache/nginx/proxy 1 2;\n"
        "proxy_cache_path /var/cache/nginx levels=1:2 keys_zone=c:10m;\n";
    const Rewritten out = rewrite(code);
    CHECK(count_lines(out.text) == count_lines(code));
    CHECK(out.rewrites.dropped_modules);
    CHECK(out.text.find("nginx;") == std::string::npos);
    CHECK(out.text.find("load_module") == std::string::npos);
    CHECK(out.text.find("pid nginx.pid;") != std::string::npos);
    CHECK(out.text.find("error_log stderr;") != std::string::npos);
    CHECK(out.text.find("access_log off;") != std::string::npos);
    CHECK(out.text.find("/var/") == std::string::npos);
    CHECK(out.text.find(" warn;") != std::string::npos);
    CHECK(out.text.find(" 1 2;") != std::string::npos);
}

TEST_CASE("apply_edits keeps the text between edits and skips an overlapping one", "[nginx_rewrites]") {
    CHECK(apply_edits("abcdef", {{4, 5, "E"}, {0, 2, "AB"}, {1, 3, "x"}}) == "ABcdEf");
}
