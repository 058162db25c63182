#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace taskscope::ui {

class SimulationController;

// Pause conditions for Play and Run to: on a deadlock, a lost update, a taskscope.mark, or
// when a chosen thread (or any) enters a chosen state ("when P3 becomes Waiting").
class BreakpointsView : public QWidget {
    Q_OBJECT
public:
    explicit BreakpointsView(SimulationController* controller, QWidget* parent = nullptr);

    QCheckBox* deadlockBox() const { return m_deadlock; }
    QCheckBox* lostUpdateBox() const { return m_lostUpdate; }
    QCheckBox* markerBox() const { return m_marker; }
    QComboBox* threadBox() const { return m_thread; }
    QComboBox* stateBox() const { return m_state; }
    QListWidget* watchList() const { return m_watches; }
    // Adds the watch chosen in the two boxes.
    void addWatch();
    // Keeps the check boxes in step with the controller (and the menu actions).
    void sync();

    QSize sizeHint() const override { return {380, 260}; }

private:
    void rebuildThreads();
    void rebuildWatches();

    SimulationController* m_controller;
    QCheckBox* m_deadlock;
    QCheckBox* m_lostUpdate;
    QCheckBox* m_marker;
    QComboBox* m_thread;
    QComboBox* m_state;
    QPushButton* m_add;
    QListWidget* m_watches;
    QPushButton* m_remove;
    QLabel* m_last;
    std::size_t m_threadCount = 0;
};

}  // namespace taskscope::ui
