#pragma once

#include <QTimer>
#include <QWidget>

#include "core/sim/machine.h"
#include "core/sim/run_config.h"
#include "ui/sim/simulation_controller.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace taskscope::ui {

// Run settings: cores, policy, time slice, context-switch cost, seed and, for Python
// programs, the GIL (on/off, switch interval), the start method, the cost scale and the
// program's arguments. A change
// re-runs the program from the start and keeps the cursor time, so the what-if is visible at
// once.
class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(SimulationController* controller, QWidget* parent = nullptr);

    // The settings the form describes (applied after a short pause in typing).
    core::RunConfig formConfig() const;
    core::MachineSettings formSettings() const;
    SimulationController::PythonSettings formPythonSettings() const;
    // Applies the form now instead of after the pause.
    void applyNow();
    QSpinBox* coresBox() const { return m_cores; }
    QComboBox* policyBox() const { return m_policy; }
    QDoubleSpinBox* quantumBox() const { return m_quantum; }
    QCheckBox* gilBox() const { return m_gil; }
    QDoubleSpinBox* switchIntervalBox() const { return m_interval; }
    QComboBox* startMethodBox() const { return m_startMethod; }
    QDoubleSpinBox* costScaleBox() const { return m_costScale; }
    // The program's arguments (sys.argv[1:]), separated by spaces.
    QLineEdit* argsBox() const { return m_args; }
    // "From the lesson's header: cores 2, args 2" (hidden when the header sets nothing).
    QLabel* headerNote() const { return m_headerNote; }

private:
    void loadFromController();
    void scheduleApply();
    void updateEnabled();
    // The form as settings by name, laid over the program's configuration by formConfig().
    core::RunOverrides formOverrides() const;

    SimulationController* m_controller;
    QSpinBox* m_cores;
    QComboBox* m_policy;
    QDoubleSpinBox* m_quantum;
    QDoubleSpinBox* m_switch;
    QDoubleSpinBox* m_wake;
    QSpinBox* m_seed;
    QLabel* m_unitNote;
    QGroupBox* m_python;
    QCheckBox* m_gil;
    QDoubleSpinBox* m_interval;
    QComboBox* m_startMethod;
    QDoubleSpinBox* m_costScale;
    QLineEdit* m_args;
    QLabel* m_headerNote;
    QTimer m_debounce;
    bool m_loading = false;
};

}  // namespace taskscope::ui
