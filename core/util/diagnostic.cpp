#include "core/util/diagnostic.h"

namespace taskscope::core {

std::string Diagnostic::format() const {
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0) out += ':' + std::to_string(column);
        }
        out += ": ";
    }
    out += message;
    return out;
}

}  // namespace taskscope::core
