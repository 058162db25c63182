#pragma once
// The Mersenne Twister exactly as CPython's _randommodule.c uses it, so that
// random.seed(n); random.random() gives the same numbers as CPython.

#include <array>
#include <cstdint>
#include <vector>

namespace taskscope::core::lang {

class Mt19937 {
public:
    Mt19937() { seedArray({0}); }
    void seedArray(const std::vector<uint32_t>& key);  // init_by_array
    uint32_t next32();
    double random();  // 53-bit float in [0, 1)
    std::array<uint32_t, 624> m_state{};
    double m_gaussNext = 0.0;  // random.gauss() keeps a second value
    bool m_hasGaussNext = false;
    int m_index = 625;

private:
    void initGenrand(uint32_t s);
};

}  // namespace taskscope::core::lang
