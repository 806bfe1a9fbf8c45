#pragma once
// Reads what `nginx -t` writes to stderr:
//
//     nginx: [warn] "ssl_stapling" ignored, issuer certificate not found for certificate "/x/cert.pem"
//     nginx: [emerg] unknown directive "proxy_passs" in /x/nginx.conf:12
//     nginx: the configuration file /x/nginx.conf syntax is ok
//     nginx: configuration file /x/nginx.conf test is successful

#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::runners::nginx {

// One `nginx: [level] text in file:line` line.
struct NginxMessage {
    std::string level;   // "emerg", "alert", "crit", "error", "warn", "notice", "info"
    std::string text;    // without the "in FILE:LINE" tail
    std::string file;    // "" when nginx named no place
    int line = 0;
    bool after_syntax_ok = false;  // written after "syntax is ok": the sandbox's doing, not the text's
};

// Everything `nginx -t` said, in order.
struct NginxTestOutput {
    std::vector<NginxMessage> messages;
    bool syntax_ok = false;
    bool successful = false;  // "test is successful"
};

// Reads nginx's stderr; lines it does not know are ignored.
NginxTestOutput read_nginx_test_output(std::string_view stderr_text);

// True for the levels that fail a test (emerg, alert, crit).
bool is_fatal(const NginxMessage& message);

}  // namespace snipcheck::runners::nginx
