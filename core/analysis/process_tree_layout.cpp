#include "core/analysis/process_tree_layout.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace taskscope::core {

std::vector<TreeNode> layoutProcessTree(const std::vector<PsRow>& rows) {
    std::unordered_map<int, int> byPid;
    for (int i = 0; i < static_cast<int>(rows.size()); ++i)
        byPid[rows[static_cast<std::size_t>(i)].pid] = i;
    std::vector<std::vector<int>> children(rows.size());
    std::vector<int> roots;
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        const auto& r = rows[static_cast<std::size_t>(i)];
        auto it = byPid.find(r.ppid);
        if (it == byPid.end() || it->second == i)
            roots.push_back(i);
        else
            children[static_cast<std::size_t>(it->second)].push_back(i);
    }
    auto byPidOrder = [&](int a, int b) {
        return rows[static_cast<std::size_t>(a)].pid < rows[static_cast<std::size_t>(b)].pid;
    };
    std::sort(roots.begin(), roots.end(), byPidOrder);
    for (auto& c : children) std::sort(c.begin(), c.end(), byPidOrder);

    std::vector<TreeNode> nodes;
    nodes.reserve(rows.size());
    int line = 0;
    std::function<void(int, int, int)> visit = [&](int row, int depth, int parent) {
        const int self = static_cast<int>(nodes.size());
        // pstree draws the first child on its parent's line.
        if (parent >= 0 &&
            children[static_cast<std::size_t>(nodes[static_cast<std::size_t>(parent)].row)]
                    .front() == row)
            --line;
        nodes.push_back({row, depth, line, parent});
        ++line;
        for (const int c : children[static_cast<std::size_t>(row)]) visit(c, depth + 1, self);
    };
    for (const int r : roots) visit(r, 0, -1);
    return nodes;
}

}  // namespace taskscope::core
