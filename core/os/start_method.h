#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace taskscope::core {

// How multiprocessing starts a child process (fork copies the parent, spawn and forkserver
// start a new interpreter); the costs are the runtime's (core/runtime/python.h).
enum class StartMethod : std::uint8_t { Fork, Spawn, Forkserver };
std::string_view toString(StartMethod m);
// "fork", "spawn", "forkserver"; nullopt otherwise.
std::optional<StartMethod> parseStartMethod(std::string_view s);

}  // namespace taskscope::core
