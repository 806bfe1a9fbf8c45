#include "src/sha256.hpp"

#include <catch2/catch.hpp>

#include <string>

using snipcheck::sha256_base64;

TEST_CASE("SHA-256 matches FIPS 180-4's examples, in base64", "[sha256]") {
    CHECK(sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    CHECK(sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    // Two blocks: 448 bits of message, the padding in a second block.
    CHECK(sha256_base64("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE=");
    // A million 'a's (the standard's long example).
    CHECK(sha256_base64(std::string(1000000, 'a')) == "zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA=");
}

TEST_CASE("block boundaries: 55, 56 and 64 bytes", "[sha256]") {
    // Values from Python's hashlib: 55 bytes pad in one block, 56 need a second, 64 fill one.
    CHECK(sha256_base64(std::string(55, 'x')) == "1eKFaDzU78AtAhpcYgFGlJWJAQBdb3HongmJ+sd+QHI=");
    CHECK(sha256_base64(std::string(56, 'x')) == "BMJiYTcO51QVSdFt7jIMcj4/0UZx5moJmv4KN3wWiI4=");
    CHECK(sha256_base64(std::string(64, 'x')) == "fOEAlx9k5wAej+WlGXPs3+HO1Cvv5+6NX9YhlQa1OTw=");
}
