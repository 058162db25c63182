#pragma once
// AST -> bytecode. The result is a module CodeObject; nested functions, classes, lambdas and
// comprehensions are CodeObjects in its constants.

#include <string>
#include <string_view>

#include "core/lang/ast.h"
#include "core/lang/source_pos.h"
#include "core/lang/value.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

// Parses and compiles a module. Never throws; errors are diagnostics.
Expected<Value> compileModule(std::string_view source, const std::string& filename);

}  // namespace taskscope::core::lang
