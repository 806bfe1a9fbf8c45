#pragma once
// Judges what `nginx -t` said about a wrapped snippet: the first fatal
// message decides, placed on the snippet's line and cleaned of the scratch
// folder's paths. Pure, so it is tested on nginx's words without nginx.

#include <string>

#include "runners/nginx/nginx_check.hpp"
#include "runners/nginx/nginx_messages.hpp"
#include "runners/nginx/nginx_wrapper.hpp"

namespace snipcheck::runners::nginx {

// Fills outcome, line, message, reason and warnings of a check whose nginx
// ran in `prefix` (the scratch folder, no trailing slash). Fatal messages
// that come from the sandbox or the author's machine, not from the text,
// give valid (after "syntax is ok") or not_checked, never invalid.
void judge_nginx_output(const NginxTestOutput& output, const WrappedConfig& wrapped, const std::string& prefix,
                        NginxCheck& check);

}  // namespace snipcheck::runners::nginx
