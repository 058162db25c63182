#pragma once

#include <QTimer>
#include <QWidget>

#include "core/sim/machine.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace taskscope::ui {

class SimulationController;

// Run settings: cores, policy, time slice, context-switch cost, seed (and, greyed until
// Python programs run, the GIL and start-method settings). A change re-runs the program from
// the start and keeps the cursor time, so the what-if is visible at once.
class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(SimulationController* controller, QWidget* parent = nullptr);

    // The settings the form describes (applied after a short pause in typing).
    core::MachineSettings formSettings() const;
    // Applies the form now instead of after the pause.
    void applyNow();
    QSpinBox* coresBox() const { return m_cores; }
    QComboBox* policyBox() const { return m_policy; }
    QDoubleSpinBox* quantumBox() const { return m_quantum; }

private:
    void loadFromController();
    void scheduleApply();
    void updateEnabled();

    SimulationController* m_controller;
    QSpinBox* m_cores;
    QComboBox* m_policy;
    QDoubleSpinBox* m_quantum;
    QDoubleSpinBox* m_switch;
    QSpinBox* m_seed;
    QLabel* m_unitNote;
    QTimer m_debounce;
    bool m_loading = false;
};

}  // namespace taskscope::ui
