#pragma once

namespace taskscope::core::lang {

// A position in a program's source (tokens, syntax tree, diagnostics).
struct SourcePos {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in code points
};

}  // namespace taskscope::core::lang
