#pragma once

#include <QWidget>

#include <vector>

#include "ui/model/run_events.h"

class QTreeWidget;
class QTreeWidgetItem;

namespace taskscope::ui {

class SimulationController;
class Theme;

// The notable moments of the run (spawn, exit, deadlock, lost update, marker, GIL drop
// request) in time order; clicking one moves the cursor there. Events after the cursor are
// greyed; the last one at or before it is selected.
class RunEventsView : public QWidget {
    Q_OBJECT
public:
    RunEventsView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const std::vector<RunEvent>& events() const { return m_events; }
    QTreeWidget* list() const { return m_list; }
    // Seeks to the event in row `row` (what a click does).
    void activate(int row);
    void refresh();

    QSize sizeHint() const override { return {420, 260}; }

signals:
    // An event was clicked and the cursor moved to it (the window raises the view that
    // explains it: the wait-for graph for a deadlock, the sync objects for a lost update).
    void eventActivated(int kind);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void rebuild();
    void followCursor();

    SimulationController* m_controller;
    Theme* m_theme;
    QTreeWidget* m_list;
    std::vector<RunEvent> m_events;
    quint64 m_builtRevision = ~quint64{0};
    int m_doneCount = -1;  // rows at or before the cursor when last coloured (-1: none yet)
};

}  // namespace taskscope::ui
