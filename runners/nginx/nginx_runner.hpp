#pragma once
// An nginx snippet -> run output: `nginx -t` through check_nginx_config,
// with its lines mapped back to the document.

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::nginx {

// invalid -> raised at the directive's document line; not checked -> the
// environment it needs; stand-ins listed in `stubs`, warnings as findings.
RunOutput run_nginx_snippet(const extractor::Snippet& snippet, double timeout_seconds);

}  // namespace snipcheck::runners::nginx
