#pragma once

#include <QWidget>

#include "core/analysis/run_stats.h"

class QChart;
class QChartView;
class QBarSet;
class QBarCategoryAxis;
class QValueAxis;
class QLineSeries;
class QLabel;
class QSplitter;

namespace taskscope::ui {

class SimulationController;
class Theme;

// Qt Charts (only under ui/charts/): per-process waiting and turnaround bars with their
// averages at the cursor, and the utilization of each core over the whole run with the
// cursor marked. Data is reduced before it reaches a chart (a bar per process, ~120 points
// per core), so large runs stay cheap.
class StatsView : public QWidget {
    Q_OBJECT
public:
    StatsView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const core::RunStats& figures() const { return m_figures; }
    // Utilization per core (rows) per bin, as plotted.
    const std::vector<std::vector<double>>& utilization() const { return m_utilization; }
    QString summaryText() const;
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuildUtilization();
    void applyTheme();
    double inUnits(core::SimTime t) const;
    QString unitName() const;  // of the values in the charts: the program's time unit

    SimulationController* m_controller;
    Theme* m_theme;
    QChartView* m_barsView;
    QChartView* m_utilView;
    QLabel* m_summary;
    QSplitter* m_split;
    core::RunStats m_figures;
    std::vector<std::vector<double>> m_utilization;
    quint64 m_revision = ~0ull;
    QLineSeries* m_cursorLine = nullptr;
};

}  // namespace taskscope::ui
