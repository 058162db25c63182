#pragma once
// CPython 3.11's hash functions, so dict/set behaviour and hash() match CPython
// (strings: SipHash-1-3 with the key PYTHONHASHSEED=0 selects, i.e. all zeros).

#include <cstddef>
#include <cstdint>

namespace taskscope::core::lang {

inline constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
inline constexpr int kHashBits = 61;

uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, std::size_t size);
int64_t hashBytesLikeCPythonStr(const unsigned char* canonical, std::size_t size);
int64_t hashDouble(double v);
int64_t hashInt64(int64_t v);

// xxHash-based tuple hash (Objects/tupleobject.c).
class TupleHasher {
public:
    void add(int64_t itemHash);
    int64_t finish(std::size_t length) const;

private:
    uint64_t m_acc = 2870177450012600261ULL;
};

}  // namespace taskscope::core::lang
