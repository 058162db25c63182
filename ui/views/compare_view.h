#pragma once

#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

#include "core/session/compare.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace taskscope::ui {

class SimulationController;
class SpeedupChart;
class Theme;
class CompareTimelines;

// The Compare dock: the open program under one or two varied settings (cores, GIL, switch
// interval, start method, program arguments, policy, ...), run in the background with
// progress; a table of the runs, a speed-up chart and the runs' core lanes on one time axis.
// Activating a run applies its settings to the main views. "As the lesson suggests" runs the
// program's "# compare:" preset.
class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);
    ~CompareView() override;

    // Starts a comparison of the open program with these --vary texts ("cores=1,2"); false
    // with a message (shown in the dock) when one is wrong or nothing is open.
    bool compare(const std::vector<std::string>& vary, QString* error = nullptr);
    // The preset of the open program (empty: none).
    std::vector<std::string> lessonPreset() const;
    bool running() const { return m_worker != nullptr; }
    const std::vector<core::CompareRun>& runs() const { return m_runs; }
    // Applies run `i`'s settings to the main controller (the main views then show that run).
    void openRun(int i);
    QString varyText(int row) const;  // "cores=1,2,4" for the editor row (0 or 1)

signals:
    void finished();  // a comparison ended (its runs are in runs(), or none on error)

private:
    void onSettingChanged(int row);
    void onFinished();
    void showRuns();
    void updatePresetButton();

    SimulationController* m_controller;
    Theme* m_theme;
    QComboBox* m_name[2] = {};
    QLineEdit* m_values[2] = {};
    QPushButton* m_compare = nullptr;
    QPushButton* m_preset = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_message = nullptr;
    QTableWidget* m_table = nullptr;
    SpeedupChart* m_chart = nullptr;
    CompareTimelines* m_timelines = nullptr;

    QThread* m_worker = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    std::vector<core::Variation> m_variations;
    std::vector<core::CompareRun> m_runs;
    std::shared_ptr<core::Expected<std::vector<core::CompareRun>>> m_result;
    core::RunConfig m_baseConfig;
};

}  // namespace taskscope::ui
