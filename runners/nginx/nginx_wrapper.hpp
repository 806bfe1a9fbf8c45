#pragma once
// Turns an nginx snippet into a whole nginx.conf that `nginx -t` can test:
// a full configuration (events/http/stream/mail at the top) stays as it
// is; a fragment (server blocks, upstreams, location blocks, bare
// directives) is placed into the contexts its directives need:
//
//     pid; events { } http { <prelude> [http level] server { [server level]
//     location /snipcheck-wrapper/ { [location level] } } }
//
// Lines move as whole lines, and a line map leads every line of the
// result back to the snippet's line (0 for the wrapper's own lines).

#include <string>
#include <string_view>
#include <vector>

#include "runners/nginx/nginx_rewrites.hpp"
#include "runners/nginx/nginx_syntax.hpp"

namespace snipcheck::runners::nginx {

// The configuration nginx tests, with what leads its lines and files back to the snippet.
struct WrappedConfig {
    std::string text;            // the nginx.conf to test
    std::vector<int> line_map;   // line_map[n - 1]: the snippet line of text line n; 0 for wrapper lines
    std::vector<StandInFile> stand_ins;   // files to write next to it
    std::vector<IncludedFile> included;   // system files it includes
    std::vector<std::string> replaced;    // what was stood in for, one line each
    bool dropped_modules = false;         // load_module lines were dropped
    bool full_config = false;             // the snippet had events/http/stream/mail at its top
    NginxSyntax syntax;                   // the snippet as read, to place nginx's messages
};

// Wraps `code`; never fails: a snippet whose braces do not balance is
// wrapped without moving its lines, and nginx reports what is wrong.
WrappedConfig wrap_nginx_config(std::string_view code, const WrapOptions& options);

// The snippet line for line `line` of the wrapped text, 0 when it is the wrapper's.
int snippet_line(const WrappedConfig& wrapped, int line);

}  // namespace snipcheck::runners::nginx
