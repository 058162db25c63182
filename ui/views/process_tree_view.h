#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <vector>

#include "core/analysis/process_table.h"
#include "core/analysis/process_tree_layout.h"

namespace taskscope::ui {

class SimulationController;
class Theme;

// pstree as a picture: one box per process (name, pid, thread count) coloured by its state
// at the cursor, children to the right of their parent (or, when those columns do not fit the
// width, indented under it like `pstree`), every box as wide as its text. A new child grows out of
// its parent; a zombie is greyed and marked <defunct>; a reaped process disappears.
class ProcessTreeView : public QWidget {
    Q_OBJECT
public:
    ProcessTreeView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const std::vector<core::PsRow>& rows() const { return m_rows; }
    const std::vector<core::TreeNode>& nodes() const { return m_nodes; }
    // Where the box of `pid` is drawn (empty if not shown).
    QRectF nodeRect(int pid) const;
    // The box text of a row ("name (pid) xN threads <defunct>").
    QString boxText(const core::PsRow& row) const;
    // True when the tree is drawn indented (the columns did not fit).
    bool indented() const { return m_indented; }
    void refresh();

    QSize sizeHint() const override { return {360, 220}; }
    QSize minimumSizeHint() const override { return {120, 80}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF boxFor(const core::TreeNode& node) const;
    void updateLayoutMode();

    SimulationController* m_controller;
    Theme* m_theme;
    std::vector<core::PsRow> m_rows;
    std::vector<core::TreeNode> m_nodes;
    QHash<int, qint64> m_appeared;  // pid -> wall ms when it first appeared
    QElapsedTimer m_clock;
    qreal m_columnWidth = 150;
    bool m_indented = false;
};

}  // namespace taskscope::ui
