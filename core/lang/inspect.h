#pragma once
// Looking at a paused program without running it: the frames of a thread with their
// locals, a module's own variables, and values as repr() shows them, computed without
// running any Python code (a class's own __repr__ is not called), so that looking never
// changes the run.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class VmThread;

// repr(v) for the builtin types (int, float, str, bool, None, list, tuple, dict, set,
// range); `<__main__.C object>` for instances; shortened to `limit` characters ("..." at
// the end), visiting no more of a container than that needs.
std::string inspectRepr(const Value& v, std::size_t limit = 200);

struct FrameView {
    std::string function;  // "<module>" for the module's own code
    std::string filename;
    int line = 0;
    std::vector<std::pair<std::string, Value>> locals;  // bound names only, in code order
};
// The frames of `t`, outermost first (as a traceback lists them).
std::vector<FrameView> frameViews(const VmThread& t);

// The variables a module's code defined: not modules, functions, classes or __dunder__ names.
std::vector<std::pair<std::string, Value>> moduleVariables(const Value& module);

}  // namespace taskscope::core::lang
