#include "core/lang/hashing.h"

#include <cmath>

namespace taskscope::core::lang {

namespace {
inline uint64_t rotl(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}
inline void halfRound(uint64_t& a, uint64_t& b, uint64_t& c, uint64_t& d, int s, int t) {
    a += b;
    c += d;
    b = rotl(b, s) ^ a;
    d = rotl(d, t) ^ c;
    a = rotl(a, 32);
}
inline void singleRound(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
    halfRound(v0, v1, v2, v3, 13, 16);
    halfRound(v2, v1, v0, v3, 17, 21);
}
}  // namespace

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, std::size_t size) {
    uint64_t b = static_cast<uint64_t>(size) << 56;
    const auto* in = static_cast<const unsigned char*>(data);
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (size >= 8) {
        uint64_t mi = 0;
        for (int i = 0; i < 8; ++i) mi |= static_cast<uint64_t>(in[i]) << (8 * i);
        in += 8;
        size -= 8;
        v3 ^= mi;
        singleRound(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    for (std::size_t i = 0; i < size; ++i) t |= static_cast<uint64_t>(in[i]) << (8 * i);
    b |= t;
    v3 ^= b;
    singleRound(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    singleRound(v0, v1, v2, v3);
    singleRound(v0, v1, v2, v3);
    singleRound(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t hashBytesLikeCPythonStr(const unsigned char* canonical, std::size_t size) {
    if (size == 0) return 0;
    auto h = static_cast<int64_t>(siphash13(0, 0, canonical, size));
    return h == -1 ? -2 : h;
}

int64_t hashInt64(int64_t v) {
    uint64_t mag = v < 0 ? (v == INT64_MIN ? uint64_t(1) << 63 : static_cast<uint64_t>(-v))
                         : static_cast<uint64_t>(v);
    auto x = static_cast<int64_t>(mag % kHashModulus);
    if (v < 0) x = -x;
    return x == -1 ? -2 : x;
}

int64_t hashDouble(double v) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    if (std::isnan(v)) return 0;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
    auto r = static_cast<int64_t>(x);
    return r == -1 ? -2 : r;
}

void TupleHasher::add(int64_t itemHash) {
    auto lane = static_cast<uint64_t>(itemHash);
    m_acc += lane * 14029467366897019727ULL;
    m_acc = rotl(m_acc, 31);
    m_acc *= 11400714785074694791ULL;
}

int64_t TupleHasher::finish(std::size_t length) const {
    uint64_t acc = m_acc + (static_cast<uint64_t>(length) ^ (2870177450012600261ULL ^ 3527539UL));
    if (acc == ~uint64_t(0)) return 1546275796;
    return static_cast<int64_t>(acc);
}

}  // namespace taskscope::core::lang
