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

std::string Diagnostic::className() const {
    switch (kind) {
        case Kind::SyntaxError:
            return "SyntaxError";
        case Kind::IndentationError:
            return "IndentationError";
        case Kind::TabError:
            return "TabError";
        case Kind::NotSupported:
            return "NotSupportedError";
        case Kind::Error:
            return "Error";
    }
    return "Error";
}

std::string Diagnostic::brief() const {
    std::string out =
        file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: ";
    if (kind != Kind::NotSupported && kind != Kind::Error) out += className() + ": ";
    out += message;
    if (!hint.empty()) out += "\n  hint: " + hint;
    return out;
}

std::string Diagnostic::pythonStyle() const {
    std::string out = "  File \"" + file + "\", line " + std::to_string(line) + "\n";
    // CPython strips leading whitespace from the shown line and moves the caret with it.
    std::size_t skip = 0;
    while (skip < sourceLine.size() && (sourceLine[skip] == ' ' || sourceLine[skip] == '\t'))
        ++skip;
    std::string shown = sourceLine.substr(skip);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\r')) shown.pop_back();
    if (!sourceLine.empty()) {
        out += "    " + shown + "\n";
        int caret = column - 1 - static_cast<int>(skip);
        if (caret < 0) caret = 0;
        out += "    " + std::string(static_cast<std::size_t>(caret), ' ') + "^\n";
    }
    out += (kind == Kind::NotSupported ? std::string("SyntaxError") : className()) + ": " + message;
    return out;
}

}  // namespace taskscope::core
