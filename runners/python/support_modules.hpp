#pragma once
// The Python modules the harness leans on, compiled into the binary
// (fixtures/*.py): project stand-ins, the Django fixture and its checks,
// the Redis fixture.
// The embedded interpreter registers them in sys.modules; another
// interpreter (--python) receives their sources on its command line.

#include <span>
#include <string_view>
#include <vector>

namespace snipcheck::runners::python {

struct SupportModule {
    std::string_view name;    // the sys.modules name the harness looks up ("snipcheck_django")
    std::string_view source;
    std::span<const unsigned char> bytecode;  // made at build time; empty when it could not be
};

const std::vector<SupportModule>& support_modules();

}  // namespace snipcheck::runners::python
