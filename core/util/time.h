#pragma once

#include <cstdint>
#include <limits>

namespace taskscope::core {

// Simulated time in integer nanoseconds. Integers keep every run bit-for-bit reproducible.
using SimTime = std::int64_t;

inline constexpr SimTime kNever = std::numeric_limits<SimTime>::max();
inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1000;
inline constexpr SimTime kMillisecond = 1000 * kMicrosecond;
inline constexpr SimTime kSecond = 1000 * kMillisecond;

}  // namespace taskscope::core
