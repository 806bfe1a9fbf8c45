#include "src/sha256.hpp"

#include <cstring>

namespace snipcheck {
namespace {

constexpr std::array<std::uint32_t, 64> k_round = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotate_right(std::uint32_t value, int bits) {
    return (value >> bits) | (value << (32 - bits));
}

}  // namespace

Sha256::Sha256()
    : m_state{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19} {}

Sha256& Sha256::update(std::string_view bytes) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t size = bytes.size();
    m_total += size;
    if (m_used > 0) {
        const std::size_t take = std::min(size, m_block.size() - m_used);
        std::memcpy(m_block.data() + m_used, data, take);
        m_used += take;
        data += take;
        size -= take;
        if (m_used < m_block.size()) {
            return *this;
        }
        compress(m_block.data());
        m_used = 0;
    }
    for (; size >= 64; data += 64, size -= 64) {
        compress(data);
    }
    std::memcpy(m_block.data(), data, size);
    m_used = size;
    return *this;
}

std::array<std::uint8_t, 32> Sha256::digest() {
    const std::uint64_t bits = m_total * 8;
    // Padding: a one bit, zeros, then the message length in bits, big-endian.
    const std::uint8_t one = 0x80;
    const std::uint8_t zero = 0;
    update(std::string_view(reinterpret_cast<const char*>(&one), 1));
    while (m_used != 56) {
        update(std::string_view(reinterpret_cast<const char*>(&zero), 1));
    }
    std::array<char, 8> length{};
    for (int i = 0; i < 8; ++i) {
        length[static_cast<std::size_t>(i)] = static_cast<char>((bits >> (56 - 8 * i)) & 0xff);
    }
    update(std::string_view(length.data(), length.size()));
    std::array<std::uint8_t, 32> out{};
    for (std::size_t word = 0; word < m_state.size(); ++word) {
        for (std::size_t byte = 0; byte < 4; ++byte) {
            out[word * 4 + byte] = static_cast<std::uint8_t>(m_state[word] >> (24 - 8 * byte));
        }
    }
    return out;
}

std::string Sha256::hex_digest() {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (std::uint8_t byte : digest()) {
        out.push_back(k_hex[byte >> 4]);
        out.push_back(k_hex[byte & 0xf]);
    }
    return out;
}

void Sha256::compress(const std::uint8_t* block) {
    std::array<std::uint32_t, 64> w{};
    for (std::size_t i = 0; i < 16; ++i) {
        w[i] = static_cast<std::uint32_t>(block[4 * i]) << 24 | static_cast<std::uint32_t>(block[4 * i + 1]) << 16 |
               static_cast<std::uint32_t>(block[4 * i + 2]) << 8 | static_cast<std::uint32_t>(block[4 * i + 3]);
    }
    for (std::size_t i = 16; i < 64; ++i) {
        const std::uint32_t s0 = rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
        const std::uint32_t s1 = rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    std::uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    for (std::size_t i = 0; i < 64; ++i) {
        const std::uint32_t s1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        const std::uint32_t choice = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + s1 + choice + k_round[i] + w[i];
        const std::uint32_t s0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = s0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

std::string sha256_hex(std::string_view bytes) {
    return Sha256().update(bytes).hex_digest();
}

std::string sha256_base64(std::string_view bytes) {
    static constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const std::array<std::uint8_t, 32> digest = Sha256().update(bytes).digest();
    std::string out;
    for (std::size_t i = 0; i < digest.size(); i += 3) {
        const std::size_t left = digest.size() - i;
        std::uint32_t group = static_cast<std::uint32_t>(digest[i]) << 16;
        if (left > 1) {
            group |= static_cast<std::uint32_t>(digest[i + 1]) << 8;
        }
        if (left > 2) {
            group |= digest[i + 2];
        }
        out.push_back(k_alphabet[(group >> 18) & 63]);
        out.push_back(k_alphabet[(group >> 12) & 63]);
        out.push_back(left > 1 ? k_alphabet[(group >> 6) & 63] : '=');
        out.push_back(left > 2 ? k_alphabet[group & 63] : '=');
    }
    return out;
}

}  // namespace snipcheck
