#pragma once

#include <QPointF>
#include <QWidget>

#include <vector>

#include "core/analysis/wait_for_graph.h"

class QLabel;

namespace taskscope::ui {

class SimulationController;
class Theme;

// The wait-for graph at the cursor: threads (round) and kernel objects (square), "waits for"
// edges from a thread to an object and "held by" edges from a lock to its holder; the cycle
// in red once a deadlock has formed; the four Coffman conditions ticked below, with evidence.
class WaitForGraphView : public QWidget {
    Q_OBJECT
public:
    WaitForGraphView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const core::WaitForGraph& graph() const { return m_graph; }
    // Where node `n` is drawn, in canvas coordinates.
    QPointF nodePosition(int n) const;
    QLabel* conditionsLabel() const { return m_conditions; }
    void refresh();
    // Draws the graph over the top of `size` and the Coffman checklist under it, as tall as
    // its text (no splitter, no empty half): the picture File > Export writes.
    void renderPicture(QPainter& p, const QSize& size);

    QSize sizeHint() const override { return {460, 380}; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    friend class WaitForCanvas;
    void paintGraph(QPainter& p, const QRect& area);
    void layoutNodes(const QRect& area);

    SimulationController* m_controller;
    Theme* m_theme;
    QWidget* m_canvas;
    QLabel* m_conditions;
    core::WaitForGraph m_graph;
    std::vector<QPointF> m_positions;
};

}  // namespace taskscope::ui
