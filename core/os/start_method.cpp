#include "core/os/start_method.h"

namespace taskscope::core {

std::string_view toString(StartMethod m) {
    switch (m) {
        case StartMethod::Fork:
            return "fork";
        case StartMethod::Spawn:
            return "spawn";
        case StartMethod::Forkserver:
            return "forkserver";
    }
    return "fork";
}

std::optional<StartMethod> parseStartMethod(std::string_view s) {
    if (s == "fork") return StartMethod::Fork;
    if (s == "spawn") return StartMethod::Spawn;
    if (s == "forkserver") return StartMethod::Forkserver;
    return std::nullopt;
}

}  // namespace taskscope::core
