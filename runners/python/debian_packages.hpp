#pragma once
// The Debian (bookworm) package that provides a Python module, so a snippet
// that needs a missing library says what to install instead of failing.

#include <string>
#include <string_view>

namespace snipcheck::runners::python {

// "environ" -> "python3-django-environ"; empty when no package is known.
std::string debian_package_for_module(std::string_view module);

}  // namespace snipcheck::runners::python
