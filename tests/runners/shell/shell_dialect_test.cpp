#include "runners/shell/shell_dialect.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::shell;

TEST_CASE("dialect_of_program knows shells by path, name and env") {
    CHECK(dialect_of_program("/bin/sh") == ShellDialect::sh);
    CHECK(dialect_of_program("/bin/bash") == ShellDialect::bash);
    CHECK(dialect_of_program("dash") == ShellDialect::dash);
    CHECK(dialect_of_program("/bin/mksh") == ShellDialect::ksh);
    CHECK(dialect_of_program("/usr/bin/env bash") == ShellDialect::bash);
    CHECK(dialect_of_program("/usr/bin/env -S bash -e") == ShellDialect::bash);
    CHECK_FALSE(dialect_of_program("pwsh").has_value());
    CHECK_FALSE(dialect_of_program("cmd.exe").has_value());
    CHECK_FALSE(dialect_of_program("/bin/zsh").has_value());
}

TEST_CASE("dialect_of_shebang reads only a first line that starts with #!") {
    CHECK(dialect_of_shebang("#!/bin/bash\necho hi\n") == ShellDialect::bash);
    CHECK(dialect_of_shebang("#!/usr/bin/env sh") == ShellDialect::sh);
    CHECK_FALSE(dialect_of_shebang("#!/usr/bin/env python3\nprint(1)\n").has_value());
    CHECK_FALSE(dialect_of_shebang("echo '#!/bin/bash'\n").has_value());
}
