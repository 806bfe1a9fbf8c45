#include "src/sha256.hpp"

#include <catch2/catch.hpp>

#include <string>

using snipcheck::Sha256;
using snipcheck::sha256_hex;

TEST_CASE("SHA-256 gives the digests of the standard's examples", "[cache][sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 of bytes added in pieces equals the digest of them at once", "[cache][sha256]") {
    std::string text;
    for (int i = 0; i < 300; ++i) {
        text += static_cast<char>('a' + i % 26);
    }
    // Pieces that end inside, at and across the 64-byte blocks.
    for (std::size_t cut : {1U, 55U, 56U, 63U, 64U, 65U, 128U, 299U}) {
        INFO("cut at " << cut);
        CHECK(Sha256().update(text.substr(0, cut)).update(text.substr(cut)).hex_digest() == sha256_hex(text));
    }
}

TEST_CASE("SHA-256 in base64, as CSP hashes spell it", "[sha256]") {
    CHECK(snipcheck::sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    CHECK(snipcheck::sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    CHECK(snipcheck::sha256_base64(std::string(55, 'x')) == "1eKFaDzU78AtAhpcYgFGlJWJAQBdb3HongmJ+sd+QHI=");
}
