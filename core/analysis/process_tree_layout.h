#pragma once

#include <vector>

#include "core/analysis/process_table.h"

namespace taskscope::core {

// A node of the pstree drawing: its ps row, its column (depth) and line (order).
struct TreeNode {
    int row = 0;  // index into the PsRow list
    int depth = 0;
    int line = 0;     // 0-based line from the top, in depth-first order
    int parent = -1;  // index of the parent node, -1 for a root
};

// pstree order: roots are processes whose parent is not listed; children by pid.
std::vector<TreeNode> layoutProcessTree(const std::vector<PsRow>& rows);

}  // namespace taskscope::core
