#include "core/lang/diagnostic.h"

namespace taskscope::core::lang {

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
        case Kind::Other:
            return "Error";
    }
    return "Error";
}

std::string Diagnostic::brief() const {
    std::string out =
        file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": error: ";
    if (kind != Kind::NotSupported && kind != Kind::Other) out += className() + ": ";
    out += message;
    if (!hint.empty()) out += "\n  hint: " + hint;
    return out;
}

std::string Diagnostic::pythonStyle() const {
    std::string out = "  File \"" + file + "\", line " + std::to_string(pos.line) + "\n";
    // CPython strips leading whitespace from the shown line and moves the caret with it.
    std::size_t skip = 0;
    while (skip < sourceLine.size() && (sourceLine[skip] == ' ' || sourceLine[skip] == '\t'))
        ++skip;
    std::string shown = sourceLine.substr(skip);
    while (!shown.empty() && (shown.back() == ' ' || shown.back() == '\r')) shown.pop_back();
    if (!sourceLine.empty()) {
        out += "    " + shown + "\n";
        int caret = pos.column - 1 - static_cast<int>(skip);
        if (caret < 0) caret = 0;
        out += "    " + std::string(static_cast<std::size_t>(caret), ' ') + "^\n";
    }
    out += (kind == Kind::NotSupported ? std::string("SyntaxError") : className()) + ": " + message;
    return out;
}

}  // namespace taskscope::core::lang
