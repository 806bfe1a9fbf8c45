#pragma once
// Checks an nginx configuration snippet with the real `nginx -t`, run in
// the tool sandbox against a private prefix (the scratch folder); it never
// reads or touches the system's own nginx configuration, logs or pid.
//
// The snippet is wrapped into the contexts it needs (nginx_wrapper) and
// what it would open on its author's machine is stood in for
// (nginx_rewrites), so that only real configuration errors come out:
// an invalid cipher list, an unknown directive, a directive in the wrong
// place, a missing `;`.

#include <string>
#include <string_view>
#include <vector>

#include "runners/sandbox.hpp"

namespace snipcheck::runners::nginx {

// A [warn] from nginx; not an error.
struct NginxWarning {
    int line = 0;  // 1-based snippet line, 0 when unknown
    std::string message;
};

// The verdict on one snippet: valid, invalid at a line with nginx's message, or not checked and why.
struct NginxCheck {
    enum class Outcome { valid, invalid, not_checked };
    Outcome outcome = Outcome::not_checked;
    int line = 0;          // 1-based snippet line nginx reports the error at (0 when none or unknown)
    std::string message;   // nginx's message, cleaned of temp paths: "unknown directive \"proxy_passs\""
    std::string reason;    // for not_checked: why ("nginx is not installed", ...)
    std::vector<std::string> replaced;  // what was stood in for: "certificate /etc/ssl/x.pem -> generated"
    std::vector<NginxWarning> warnings;
    SandboxNotes sandbox;
};

// Checks `code` with `nginx -t` in a private prefix, killing nginx after
// `timeout_seconds`. Never throws: when nginx or openssl is missing, or the
// verdict would depend on the author's machine (a file only they have, a
// module this nginx lacks), the outcome is not_checked with a reason.
NginxCheck check_nginx_config(std::string_view code, double timeout_seconds);

}  // namespace snipcheck::runners::nginx
