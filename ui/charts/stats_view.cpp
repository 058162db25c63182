#include "ui/charts/stats_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QResizeEvent>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
constexpr int kBins = 120;

QChartView* makeView() {
    auto* chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(140);
    return view;
}
// Round ticks with units on a value axis from 0: 0, 50, 100 ms (core::axisTicks). `toTop`:
// the axis ends at the tick above `max` (bars), else at `max` (a time axis ends at the run's
// end, its last tick before it).
core::AxisTicks setRoundTicks(QValueAxis* axis, double max, int intervals, const QString& suffix,
                              bool toTop) {
    const core::AxisTicks t = core::axisTicks(max, intervals);
    axis->setRange(0, toTop ? t.top : std::max(max, t.step / 1000));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(t.step);
    axis->setLabelFormat(QString::fromStdString(t.labelFormat(suffix.toStdString())));
    return t;
}
}  // namespace

StatsView::StatsView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_theme(theme) {
    m_barsView = makeView();
    m_barsView->setObjectName(QStringLiteral("waitingChart"));
    m_utilView = makeView();
    m_utilView->setObjectName(QStringLiteral("utilizationChart"));
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(6, 2, 6, 2);
    auto* split = m_split = new QSplitter(Qt::Vertical);
    split->addWidget(m_barsView);
    split->addWidget(m_utilView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(theme, &Theme::changed, this, [this] {
        applyTheme();
        m_revision = ~0ull;
        if (isVisible()) refresh();
    });
    applyTheme();
}

void StatsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void StatsView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Side by side in a wide dock, stacked in a tall one: charts need height for their axes.
    m_split->setOrientation(width() >= 760 && width() > 1.6 * height() ? Qt::Horizontal
                                                                       : Qt::Vertical);
}

void StatsView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) applyTheme();
}

void StatsView::applyTheme() {
    const auto chartTheme =
        m_theme->mode() == Theme::Mode::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChartView* v : {m_barsView, m_utilView}) {
        v->chart()->setTheme(chartTheme);
        v->chart()->setBackgroundBrush(m_theme->background());
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        v->chart()->legend()->setFont(f);
        QFont title = font();
        title.setBold(true);
        v->chart()->setTitleFont(title);
        for (QAbstractAxis* a : v->chart()->axes()) a->setLabelsFont(f);
    }
}

double StatsView::inUnits(core::SimTime t) const {
    return static_cast<double>(t) / static_cast<double>(m_controller->tickSize());
}

QString StatsView::unitName() const {
    return m_controller->workload() ? QString::fromStdString(m_controller->workload()->timeUnit)
                                    : QStringLiteral("ms");
}

QString StatsView::summaryText() const {
    // Durations in the unit that reads best ("7 ns", not "7e-06 ms").
    auto duration = [](double ns) {
        return QString::fromStdString(formatDuration(static_cast<core::SimTime>(std::llround(ns))));
    };
    return tr("At %1: average waiting %2 over %4 arrived, average turnaround %3 over %5 "
              "finished")
        .arg(QString::fromStdString(formatDuration(m_controller->cursor())),
             duration(m_figures.averageWaiting), duration(m_figures.averageTurnaround))
        .arg(std::count_if(m_figures.processes.begin(), m_figures.processes.end(),
                           [](const core::ProcessStats& p) { return p.arrival >= 0; }))
        .arg(m_figures.finished);
}

void StatsView::refresh() {
    m_figures =
        core::computeStats(m_controller->trace(), m_controller->index(), m_controller->cursor());
    m_summary->setText(summaryText());
    const QString unit = m_controller->workload()
                             ? QString::fromStdString(m_controller->workload()->timeUnit)
                             : QStringLiteral("ms");

    // Bars: rebuilt each time; a bar per process is a handful of items.
    QChart* bars = m_barsView->chart();
    bars->removeAllSeries();
    for (QAbstractAxis* a : bars->axes()) bars->removeAxis(a);
    auto* waiting = new QBarSet(tr("waiting"));
    auto* turnaround = new QBarSet(tr("turnaround"));
    waiting->setColor(m_theme->stateColour(core::ThreadState::Ready, core::WaitReason::None));
    turnaround->setColor(m_theme->stateColour(core::ThreadState::Waiting, core::WaitReason::Io));
    QStringList categories;
    double top = 1;
    for (const auto& p : m_figures.processes) {
        categories << QString::fromStdString(p.name);
        const double w = inUnits(p.waiting);
        const double t = p.turnaround >= 0 ? inUnits(p.turnaround) : 0;
        *waiting << w;
        *turnaround << t;
        top = std::max({top, w, t});
    }
    categories << tr("average");
    *waiting << inUnits(static_cast<core::SimTime>(m_figures.averageWaiting));
    *turnaround << inUnits(static_cast<core::SimTime>(m_figures.averageTurnaround));
    auto* series = new QBarSeries;
    series->append(waiting);
    series->append(turnaround);
    bars->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(categories);
    auto* axisY = new QValueAxis;
    setRoundTicks(axisY, top, 4, unit, /*toTop=*/true);
    bars->addAxis(axisX, Qt::AlignBottom);
    bars->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    bars->setTitle(tr("Waiting and turnaround per process"));

    if (m_revision != m_controller->revision()) {
        m_revision = m_controller->revision();
        rebuildUtilization();
    }
    if (m_cursorLine) {
        const double x = inUnits(m_controller->cursor());
        m_cursorLine->replace({QPointF(x, 0), QPointF(x, 100)});
    }
}

void StatsView::rebuildUtilization() {
    const auto& trace = m_controller->trace();
    const core::SimTime end = std::max<core::SimTime>(trace.endTime(), 1);
    m_utilization.clear();
    QChart* chart = m_utilView->chart();
    chart->removeAllSeries();
    m_cursorLine = nullptr;
    for (QAbstractAxis* a : chart->axes()) chart->removeAxis(a);
    auto* axisX = new QValueAxis;
    setRoundTicks(axisX, inUnits(end), 5, unitName(), /*toTop=*/false);
    auto* axisY = new QValueAxis;
    // A little headroom so a core busy all the time is not hidden under the frame.
    axisY->setRange(0, 106);
    axisY->setTickType(QValueAxis::TicksDynamic);
    axisY->setTickAnchor(0);
    axisY->setTickInterval(50);
    axisY->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    const int bins = std::clamp(
        static_cast<int>(end / std::max<core::SimTime>(1, m_controller->tickSize())), 8, kBins);
    for (int c = 0; c < trace.coreCount(); ++c) {
        m_utilization.push_back(core::coreUtilization(trace, c, 0, end, bins));
        // A step line per core; overlapping filled areas would mix into one colour.
        auto* line = new QLineSeries;
        QList<QPointF> points;
        const double w = inUnits(end) / bins;
        for (int k = 0; k < bins; ++k) {
            const double v = m_utilization.back()[static_cast<std::size_t>(k)] * 100;
            points << QPointF(k * w, v) << QPointF((k + 1) * w, v);
        }
        line->replace(points);
        line->setName(tr("CPU %1").arg(c));
        line->setPen(QPen(m_theme->threadColour(static_cast<std::uint32_t>(c) * 2), 2));
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
    m_cursorLine = new QLineSeries;
    m_cursorLine->setName(tr("cursor"));
    m_cursorLine->setPen(QPen(m_theme->cursor(), 2));
    chart->addSeries(m_cursorLine);
    m_cursorLine->attachAxis(axisX);
    m_cursorLine->attachAxis(axisY);
    chart->setTitle(tr("CPU utilization per core"));
}

}  // namespace taskscope::ui
