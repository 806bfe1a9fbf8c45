#include "src/exception_names.hpp"

#include "extractor/line_classifier.hpp"

namespace snipcheck {
namespace {

// Builtin exceptions and their base, so `# raises LookupError` holds for a
// KeyError. Names outside the table are taken to derive from Exception.
struct ExceptionBase {
    std::string_view name;
    std::string_view base;
};
constexpr ExceptionBase k_exception_bases[] = {
    {"Exception", "BaseException"}, {"SystemExit", "BaseException"}, {"KeyboardInterrupt", "BaseException"},
    {"GeneratorExit", "BaseException"}, {"ArithmeticError", "Exception"}, {"FloatingPointError", "ArithmeticError"},
    {"OverflowError", "ArithmeticError"}, {"ZeroDivisionError", "ArithmeticError"}, {"AssertionError", "Exception"},
    {"AttributeError", "Exception"}, {"BufferError", "Exception"}, {"EOFError", "Exception"},
    {"ImportError", "Exception"}, {"ModuleNotFoundError", "ImportError"}, {"LookupError", "Exception"},
    {"IndexError", "LookupError"}, {"KeyError", "LookupError"}, {"MemoryError", "Exception"},
    {"NameError", "Exception"}, {"UnboundLocalError", "NameError"}, {"OSError", "Exception"},
    {"IOError", "Exception"}, {"EnvironmentError", "Exception"}, {"BlockingIOError", "OSError"},
    {"ChildProcessError", "OSError"}, {"ConnectionError", "OSError"}, {"BrokenPipeError", "ConnectionError"},
    {"ConnectionAbortedError", "ConnectionError"}, {"ConnectionRefusedError", "ConnectionError"},
    {"ConnectionResetError", "ConnectionError"}, {"FileExistsError", "OSError"}, {"FileNotFoundError", "OSError"},
    {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"}, {"NotADirectoryError", "OSError"},
    {"PermissionError", "OSError"}, {"ProcessLookupError", "OSError"}, {"TimeoutError", "OSError"},
    {"ReferenceError", "Exception"}, {"RuntimeError", "Exception"}, {"NotImplementedError", "RuntimeError"},
    {"RecursionError", "RuntimeError"}, {"StopIteration", "Exception"}, {"StopAsyncIteration", "Exception"},
    {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"}, {"TabError", "IndentationError"},
    {"SystemError", "Exception"}, {"TypeError", "Exception"}, {"ValueError", "Exception"},
    {"UnicodeError", "ValueError"}, {"UnicodeDecodeError", "UnicodeError"}, {"UnicodeEncodeError", "UnicodeError"},
    {"UnicodeTranslateError", "UnicodeError"}, {"JSONDecodeError", "ValueError"}, {"Warning", "Exception"},
    {"UserWarning", "Warning"}, {"DeprecationWarning", "Warning"}, {"RuntimeWarning", "Warning"},
};

std::string_view base_of(std::string_view name) {
    for (const ExceptionBase& entry : k_exception_bases) {
        if (entry.name == name) {
            return entry.base;
        }
    }
    return name == "BaseException" ? std::string_view{} : std::string_view{"Exception"};
}

std::string_view last_component(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

}  // namespace

bool exception_matches(std::string_view expected, std::string_view raised) {
    expected = extractor::trim(expected);
    // "ValueError: bad input" names ValueError.
    expected = expected.substr(0, expected.find_first_of(": \t("));
    raised = extractor::trim(raised);
    if (raised.empty() || expected.empty()) {
        return false;
    }
    if (expected == "any" || expected == raised) {
        return true;
    }
    const std::string_view wanted = last_component(expected);
    std::string_view type = last_component(raised);
    // Walk up the builtin hierarchy; the table is shallow, the bound only a guard.
    for (int step = 0; step < 16 && !type.empty(); ++step) {
        if (type == wanted) {
            return true;
        }
        type = base_of(type);
    }
    return false;
}

}  // namespace snipcheck
