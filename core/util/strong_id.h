#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace taskscope::core {

// A dense index wrapped in its own type so that a thread id cannot be passed where a
// process id is expected. `invalid()` is the only value outside the dense range.
template <typename Tag>
struct StrongId {
    std::uint32_t value = UINT32_MAX;

    constexpr StrongId() = default;
    constexpr explicit StrongId(std::uint32_t v) : value(v) {}
    static constexpr StrongId invalid() { return StrongId{}; }
    constexpr bool valid() const { return value != UINT32_MAX; }
    constexpr std::size_t index() const { return value; }
    friend constexpr auto operator<=>(StrongId, StrongId) = default;
};

struct ThreadTag {};
struct ProcessTag {};
struct CoreTag {};
struct ObjectTag {};

using ThreadId = StrongId<ThreadTag>;
using ProcessId = StrongId<ProcessTag>;
using CoreId = StrongId<CoreTag>;
using ObjectId = StrongId<ObjectTag>;

}  // namespace taskscope::core

template <typename Tag>
struct std::hash<taskscope::core::StrongId<Tag>> {
    std::size_t operator()(taskscope::core::StrongId<Tag> id) const noexcept { return id.value; }
};
