#pragma once
// Stand-ins for everything an nginx configuration would open on its
// author's machine: certificates and keys, included files, log, pid and
// temporary paths, host names that only resolve there, privileged ports.
// Every rewrite stays on its own line (a replaced word, or a statement
// blanked with spaces), so the snippet's line numbers survive unchanged.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "runners/nginx/nginx_syntax.hpp"

namespace snipcheck::runners::nginx {

// What a stand-in file must hold; the checker writes it into the prefix.
enum class StandInKind { certificate, private_key, dhparam, ticket_key, password, empty_config };

// A file the checker writes into nginx's prefix in place of one the snippet names.
struct StandInFile {
    std::string name;      // relative to nginx's prefix (the scratch folder)
    StandInKind kind = StandInKind::empty_config;
    std::string original;  // the path the snippet named
    int line = 0;          // snippet line of the directive that named it
};

// What this machine offers in place of the author's files.
struct WrapOptions {
    std::string system_conf_dir;            // "/etc/nginx", or "" when it is missing
    std::vector<std::string> system_files;  // standard files present there: "mime.types", "fastcgi_params"...
    std::string stream_module;              // absolute path of ngx_stream_module.so, "" when not installed
    std::string mail_module;                // absolute path of ngx_mail_module.so, "" when not installed
};

// A replacement of the source bytes [begin, end).
struct TextEdit {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
};

// A system file an include now reads, with the snippet line of that include.
struct IncludedFile {
    std::string path;
    int line = 0;
};

// The edits to the snippet's text and what they stand in for.
struct Rewrites {
    std::vector<TextEdit> edits;
    std::vector<StandInFile> stand_ins;
    std::vector<IncludedFile> included;
    std::vector<std::string> replaced;  // one line each for the report: "host backend -> 127.0.0.1"
    bool dropped_modules = false;       // a load_module was dropped: its directives are unknown now
};

// Plans the stand-ins for `code` as read into `syntax`; never fails (what
// it cannot stand in for is left for nginx to report).
Rewrites plan_rewrites(std::string_view code, const NginxSyntax& syntax, const WrapOptions& options);

// `code` with `edits` applied; edits must not overlap (a later overlapping one is ignored).
std::string apply_edits(std::string_view code, std::vector<TextEdit> edits);

// The standard files Debian's nginx keeps in /etc/nginx, which snippets include by name.
const std::vector<std::string>& standard_nginx_files();

}  // namespace snipcheck::runners::nginx
