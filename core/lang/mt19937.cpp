#include "core/lang/mt19937.h"

namespace taskscope::core::lang {

namespace {
constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
}  // namespace

void Mt19937::initGenrand(uint32_t s) {
    m_state[0] = s;
    for (int i = 1; i < kN; ++i) {
        m_state[static_cast<std::size_t>(i)] =
            1812433253U * (m_state[static_cast<std::size_t>(i - 1)] ^
                           (m_state[static_cast<std::size_t>(i - 1)] >> 30)) +
            static_cast<uint32_t>(i);
    }
    m_index = kN;
}

void Mt19937::seedArray(const std::vector<uint32_t>& key) {
    initGenrand(19650218U);
    std::size_t i = 1, j = 0;
    std::size_t keyLength = key.size();
    std::size_t k = kN > keyLength ? kN : keyLength;
    for (; k; --k) {
        m_state[i] = (m_state[i] ^ ((m_state[i - 1] ^ (m_state[i - 1] >> 30)) * 1664525U)) +
                     key[j] + static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= kN) {
            m_state[0] = m_state[kN - 1];
            i = 1;
        }
        if (j >= keyLength) j = 0;
    }
    for (k = kN - 1; k; --k) {
        m_state[i] = (m_state[i] ^ ((m_state[i - 1] ^ (m_state[i - 1] >> 30)) * 1566083941U)) -
                     static_cast<uint32_t>(i);
        ++i;
        if (i >= kN) {
            m_state[0] = m_state[kN - 1];
            i = 1;
        }
    }
    m_state[0] = 0x80000000U;
    m_index = kN;
}

uint32_t Mt19937::next32() {
    static const uint32_t mag01[2] = {0x0U, kMatrixA};
    uint32_t y;
    if (m_index >= kN) {
        int kk;
        for (kk = 0; kk < kN - kM; ++kk) {
            y = (m_state[static_cast<std::size_t>(kk)] & kUpperMask) |
                (m_state[static_cast<std::size_t>(kk + 1)] & kLowerMask);
            m_state[static_cast<std::size_t>(kk)] =
                m_state[static_cast<std::size_t>(kk + kM)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < kN - 1; ++kk) {
            y = (m_state[static_cast<std::size_t>(kk)] & kUpperMask) |
                (m_state[static_cast<std::size_t>(kk + 1)] & kLowerMask);
            m_state[static_cast<std::size_t>(kk)] =
                m_state[static_cast<std::size_t>(kk + (kM - kN))] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (m_state[kN - 1] & kUpperMask) | (m_state[0] & kLowerMask);
        m_state[kN - 1] = m_state[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        m_index = 0;
    }
    y = m_state[static_cast<std::size_t>(m_index++)];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double Mt19937::random() {
    uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

}  // namespace taskscope::core::lang
