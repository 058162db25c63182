#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include "core/analysis/phases.h"
#include "core/analysis/run_stats.h"

class QChart;
class QChartView;
class QBarSet;
class QBarCategoryAxis;
class QValueAxis;
class QLineSeries;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace taskscope::ui {

class SimulationController;
class Theme;

// Qt Charts (only under ui/charts/), at the cursor: for a workload the textbook waiting and
// turnaround bars per process with their averages; for a Python program each thread's time
// (CPU, ready, waiting for the GIL, blocked by reason) and the GIL wait per thread; the
// durations of taskscope.mark() phases when the program marks any; and the utilization of
// each core over the whole run with the cursor marked. Data is reduced before it reaches a
// chart (a bar per process or thread, ~120 points per core), so large runs stay cheap.
class StatsView : public QWidget {
    Q_OBJECT
public:
    StatsView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const core::RunStats& figures() const { return m_figures; }
    const std::vector<core::Phase>& phases() const { return m_phases; }
    // Only the chart of this objectName (waitingChart, gilWaitChart, phasesChart,
    // utilizationChart), for the export of one chart.
    void setSingleChart(const QString& objectName);
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
    void refreshProcessBars();
    void refreshThreadBars();
    void refreshGilBars();
    void refreshPhaseBars();
    QStringList threadLabels(bool withProcess = false) const;
    void showChart(QChartView* view, bool shown);
    QList<QChartView*> shownCharts() const;
    void placeCharts();
    void applyTheme();
    double inUnits(core::SimTime t) const;
    QString unitName() const;  // of the values in the charts: the program's time unit

    SimulationController* m_controller;
    Theme* m_theme;
    QChartView* m_barsView;  // per process (workloads) or per thread (Python programs)
    QChartView* m_gilView;
    QChartView* m_phasesView;
    QChartView* m_utilView;
    QLabel* m_summary;
    QWidget* m_charts;
    QGridLayout* m_grid;
    QString m_single;  // setSingleChart()
    QScrollArea* m_scroll = nullptr;
    quint64 m_gilRevision = ~0ull;
    bool m_anyGilWait = false;
    core::RunStats m_figures;
    std::vector<core::Phase> m_phases;
    std::vector<std::vector<double>> m_utilization;
    int utilizationBins() const;
    int revealedBins() const;
    quint64 m_revision = ~0ull;
    int m_revealedBins = -1;  // reveal as it plays: utilization bins drawn so far
    QLineSeries* m_cursorLine = nullptr;
};

}  // namespace taskscope::ui
