// The Python modules compiled into the binary: their build-time bytecode is
// what Debian's python3.11 (the interpreter snipcheck embeds) makes of the
// same sources, so the fork server can load it instead of compiling.
#include "runners/python/support_modules.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "runners/python/harness_bytecode.hpp"
#include "runners/python/harness_source.hpp"
#include "tests/e2e/shell_command.hpp"
#include "tests/temp_folder.hpp"

using namespace snipcheck;
using runners::python::support_modules;

namespace {

// Loads the bytecode in python3.11 and compiles the source there too; prints
// "same" when the magic number is that interpreter's and both code objects
// agree (file name, names, constants, bytecode).
std::string compare_in_python(std::string_view source, std::span<const unsigned char> bytecode,
                              const std::string& filename) {
    test::TempFolder folder;
    std::ofstream(folder.path / "source.py", std::ios::binary) << source;
    std::ofstream(folder.path / "bytecode.bin", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytecode.data()), static_cast<std::streamsize>(bytecode.size()));
    const std::string script =
        "import importlib.util, marshal, sys\n"
        "folder, filename = sys.argv[1], sys.argv[2]\n"
        "data = open(folder + '/bytecode.bin', 'rb').read()\n"
        "magic = importlib.util.MAGIC_NUMBER\n"
        "if data[:len(magic)] != magic: sys.exit('not this interpreter\\'s magic number')\n"
        "made = marshal.loads(data[len(magic):])\n"
        "fresh = compile(open(folder + '/source.py', encoding='utf-8').read(), filename, 'exec', dont_inherit=True)\n"
        "same = all(getattr(made, a) == getattr(fresh, a) for a in "
        "('co_filename', 'co_names', 'co_consts', 'co_code'))\n"
        "print('same' if same else 'different')\n";
    std::ofstream(folder.path / "compare.py") << script;
    return test::run_shell("/usr/bin/python3.11 " + (folder.path / "compare.py").string() + " " +
                           folder.path.string() + " '" + filename + "' 2>&1")
        .out;
}

}  // namespace

TEST_CASE("the harness's build-time bytecode is python3.11's own compile of its source", "[support_modules]") {
    REQUIRE_FALSE(runners::python::k_harness_source_bytecode.empty());
    CHECK(compare_in_python(runners::python::k_harness_source, runners::python::k_harness_source_bytecode,
                            "<snipcheck-harness>") == "same\n");
}

TEST_CASE("each support module carries the bytecode of its own source", "[support_modules]") {
    REQUIRE(support_modules().size() == 4);
    for (const auto& module : support_modules()) {
        INFO(module.name);
        REQUIRE_FALSE(module.bytecode.empty());
        CHECK(compare_in_python(module.source, module.bytecode, "<" + std::string(module.name) + ">") == "same\n");
    }
}
