#pragma once
// The embedded CPython (Debian's libpython3.11 through pybind11). Started
// once in the fork server, warmed, then inherited by every forked child.
// This pair is the only place that includes pybind11's embed header.

#include <string>
#include <vector>

#include "src/expected.hpp"

namespace snipcheck::runners::python {

// Starts the interpreter in this process, loads the harness and its support
// modules, sets up `fixtures` ("django") and imports the warm-up modules
// that are installed. Returns the Python version.
Expected<std::string, std::string> start_embedded_interpreter(const std::vector<std::string>& warm_modules,
                                                              const std::vector<std::string>& fixtures);

// In a child forked from the process that started the interpreter: runs
// the harness's serve() on the socket `fd`. Returns an error text when the
// harness itself failed (not when a snippet did: that is data).
std::string serve_in_embedded_interpreter(int fd);

// The harness source, for running it in another interpreter (--python).
std::string harness_source();

}  // namespace snipcheck::runners::python
