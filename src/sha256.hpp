#pragma once
// SHA-256 (FIPS 180-4), for naming result-cache entries by their content.
// Written here rather than taken from libcrypto so the cache adds no
// dependency; tested against the standard's example vectors.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace snipcheck {

class Sha256 {
public:
    Sha256();

    // Adds bytes; may be called any number of times before hex_digest().
    Sha256& update(std::string_view bytes);

    // The digest of everything added. The object is spent afterwards.
    std::array<std::uint8_t, 32> digest();

    // The digest as 64 lowercase hex digits.
    std::string hex_digest();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_block{};
    std::size_t m_used = 0;        // bytes waiting in m_block
    std::uint64_t m_total = 0;     // bytes added so far
};

// The hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// The digest in base64, as Content-Security-Policy hashes spell it.
std::string sha256_base64(std::string_view bytes);

}  // namespace snipcheck
