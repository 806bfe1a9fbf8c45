// snipcheck: verifies the code examples inside technical documents.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "src/cli.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        std::vector<std::string> arguments(argv + 1, argv + argc);
        return snipcheck::run_cli(arguments, std::cout, std::cerr);
    } catch (const std::exception& error) {
        std::cerr << "snipcheck: error: " << error.what() << "\n";
        return 2;
    }
}
