#include "runners/shell/shell_commands.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::shell;
using Words = std::vector<std::string>;

TEST_CASE("simple_commands splits a script at operators and newlines") {
    const auto commands =
        simple_commands("apt-get update && apt-get install -y curl || true; echo done | tee log &\nls\n");
    REQUIRE(commands.size() == 6);
    CHECK(commands[0].words == Words{"apt-get", "update"});
    CHECK(commands[1].words == Words{"apt-get", "install", "-y", "curl"});
    CHECK(commands[2].words == Words{"true"});
    CHECK(commands[3].words == Words{"echo", "done"});
    CHECK(commands[4].words == Words{"tee", "log"});
    CHECK(commands[5].words == Words{"ls"});
    CHECK(commands[5].line == 2);
}

TEST_CASE("simple_commands removes quotes and keeps expansions as written") {
    const auto commands = simple_commands("echo 'a b' \"c $HOME d\" e\\ f ${X:-y} $(date +%s) `id -u`\n");
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].words == Words{"echo", "a b", "c $HOME d", "e f", "${X:-y}", "$(date +%s)", "`id -u`"});
}

TEST_CASE("simple_commands drops assignments, redirections and reserved words") {
    const auto commands = simple_commands(
        "DEBIAN_FRONTEND=noninteractive apt-get install -y x > /dev/null 2>&1\n"
        "if [ -f a ]; then rm a; fi\n"
        "for f in one two; do cat \"$f\"; done\n"
        "X=1\n");
    REQUIRE(commands.size() == 4);
    CHECK(commands[0].words == Words{"apt-get", "install", "-y", "x"});
    CHECK(commands[1].words == Words{"[", "-f", "a", "]"});
    CHECK(commands[2].words == Words{"rm", "a"});
    CHECK(commands[3].words == Words{"cat", "$f"});
    CHECK(commands[3].line == 3);
}

TEST_CASE("simple_commands follows line continuations and skips comments and heredoc bodies") {
    const auto commands = simple_commands(
        "apt-get install \\\n"
        "    curl  # the client\n"
        "cat <<-'EOF' > /etc/motd\n"
        "\tcd /nowhere && sudo rm -rf /\n"
        "\tEOF\n"
        "cd /srv\n");
    REQUIRE(commands.size() == 3);
    CHECK(commands[0].words == Words{"apt-get", "install", "curl"});
    CHECK(commands[0].line == 1);
    CHECK(commands[1].words == Words{"cat"});
    CHECK(commands[1].line == 3);
    CHECK(commands[2].words == Words{"cd", "/srv"});
    CHECK(commands[2].line == 6);
}

TEST_CASE("simple_commands survives an unclosed quote") {
    const auto commands = simple_commands("echo 'never closed\nls");
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].words == Words{"echo", "never closed\nls"});
}
