#include "runners/python/embedded_interpreter.hpp"

#include <pybind11/embed.h>
#include <pybind11/stl.h>

#include <unistd.h>

#include <string_view>

#include "runners/python/harness_bytecode.hpp"
#include "runners/python/harness_source.hpp"
#include "runners/python/support_modules.hpp"

namespace py = pybind11;

namespace snipcheck::runners::python {
namespace {

// The harness lives in its own module so snippets' fresh __main__ modules
// never see its names.
py::object& harness_module() {
    static py::object* module = nullptr;
    if (module == nullptr) {
        module = new py::object();  // never destroyed: the interpreter is never finalised
    }
    return *module;
}

// A module's code: the bytecode made at build time when this interpreter
// reads it (the same import magic number), else compiled from the source.
py::object module_code(std::string_view source, std::span<const unsigned char> bytecode, const std::string& filename) {
    const std::string magic = py::module_::import("_frozen_importlib_external").attr("MAGIC_NUMBER").cast<std::string>();
    const std::string_view made(reinterpret_cast<const char*>(bytecode.data()), bytecode.size());
    if (made.size() > magic.size() && made.substr(0, magic.size()) == magic) {
        try {
            return py::module_::import("marshal").attr("loads")(py::bytes(made.substr(magic.size())));
        } catch (const py::error_already_set&) {
            // Bytes the interpreter does not take: compile the source instead.
        }
    }
    return py::module_::import("builtins").attr("compile")(std::string(source), filename, "exec");
}

// The process's environment as CPython reads one into os.environ: split
// at the first "=", names and values decoded as the file system encoding
// does (undecodable bytes escaped).
py::dict process_environment() {
    py::dict values;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const std::size_t equals = text.find('=');
        if (equals == std::string_view::npos) {
            continue;
        }
        const auto decoded = [](std::string_view part) {
            return py::reinterpret_steal<py::object>(
                PyUnicode_DecodeFSDefaultAndSize(part.data(), static_cast<Py_ssize_t>(part.size())));
        };
        py::object name = decoded(text.substr(0, equals));
        py::object value = decoded(text.substr(equals + 1));
        if (!name || !value) {
            PyErr_Clear();
            continue;
        }
        values[name] = value;
    }
    return values;
}

}  // namespace

std::string harness_source() { return std::string(k_harness_source); }

Expected<std::string, std::string> start_embedded_interpreter(const std::vector<std::string>& warm_modules,
                                                              const std::vector<std::string>& fixtures) {
    try {
        // Isolated: PYTHONHOME, PYTHONPATH and the user's site folder stay
        // out, and the program name is Debian's interpreter, so the standard
        // library found is the one libpython was built for even when another
        // python3 (pyenv, a virtualenv) comes first on PATH. Signal handlers
        // stay C++'s: the fork server must die on SIGTERM.
        PyConfig config;
        PyConfig_InitIsolatedConfig(&config);
        config.install_signal_handlers = 0;
        PyStatus status = PyConfig_SetBytesString(&config, &config.program_name, SNIPCHECK_EMBEDDED_PYTHON);
        if (PyStatus_Exception(status) != 0) {
            PyConfig_Clear(&config);
            return unexpected(std::string("cannot configure the embedded Python"));
        }
        py::initialize_interpreter(&config, 0, nullptr, false);
        py::module_ types = py::module_::import("types");
        py::module_ sys = py::module_::import("sys");
        py::object module = types.attr("ModuleType")("snipcheck_harness");
        module.attr("__file__") = "<snipcheck-harness>";
        py::module_ builtins = py::module_::import("builtins");
        for (const SupportModule& support : support_modules()) {
            const std::string name(support.name);
            py::object helper = types.attr("ModuleType")(name);
            helper.attr("__file__") = "<" + name + ">";
            sys.attr("modules")[name.c_str()] = helper;
            builtins.attr("exec")(module_code(support.source, support.bytecode, "<" + name + ">"), helper.attr("__dict__"));
        }
        py::object code = module_code(k_harness_source, k_harness_source_bytecode, "<snipcheck-harness>");
        builtins.attr("exec")(code, module.attr("__dict__"));
        sys.attr("modules")["snipcheck_harness"] = module;
        module.attr("warm")(warm_modules, fixtures);
        harness_module() = module;
        return sys.attr("version").attr("split")().cast<py::list>()[0].cast<std::string>();
    } catch (const std::exception& error) {
        return unexpected(std::string("cannot start the embedded Python: ") + error.what());
    }
}

std::string serve_in_embedded_interpreter(int fd) {
    // CPython must be told it is now in a forked child (thread state, locks).
    PyOS_AfterFork_Child();
    try {
        // os.environ is the copy made when the fork server started; the
        // sandbox has replaced the environment since (HOME, TMPDIR, no secrets).
        harness_module().attr("serve")(fd, process_environment());
        return {};
    } catch (const std::exception& error) {
        return std::string("the Python harness failed: ") + error.what();
    }
}

}  // namespace snipcheck::runners::python
