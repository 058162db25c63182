#include "ui/charts/stats_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "core/analysis/phases.h"
#include "ui/model/display_names.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
constexpr int kBins = 120;
constexpr std::size_t kMaxThreadBars = 24;
constexpr int kMinChartHeight = 200;  // below it axis labels are elided to "..."

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
    m_gilView = makeView();
    m_gilView->setObjectName(QStringLiteral("gilWaitChart"));
    m_phasesView = makeView();
    m_phasesView->setObjectName(QStringLiteral("phasesChart"));
    m_utilView = makeView();
    m_utilView->setObjectName(QStringLiteral("utilizationChart"));
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(6, 2, 6, 2);
    m_charts = new QWidget;
    m_charts->setObjectName(QStringLiteral("charts"));
    m_grid = new QGridLayout(m_charts);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_summary);
    // In a small dock the charts keep a readable height and scroll.
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_charts);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_scroll, 1);
    // Every chart is a child of the grid from the start (hidden ones keep their parent).
    for (QChartView* v : {m_barsView, m_gilView, m_phasesView, m_utilView}) m_grid->addWidget(v);
    m_gilView->hide();
    m_phasesView->hide();
    placeCharts();
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
    placeCharts();
}

QList<QChartView*> StatsView::shownCharts() const {
    QList<QChartView*> out;
    for (QChartView* v : {m_barsView, m_gilView, m_phasesView, m_utilView})
        if (!v->isHidden()) out << v;
    return out;
}

void StatsView::setSingleChart(const QString& objectName) {
    m_single = objectName;
    for (QChartView* v : {m_barsView, m_gilView, m_phasesView, m_utilView})
        v->setVisible(v->objectName() == objectName);
    placeCharts();
}

void StatsView::showChart(QChartView* view, bool shown) {
    if (!m_single.isEmpty()) shown = view->objectName() == m_single;
    if (view->isHidden() == !shown) return;
    view->setVisible(shown);
    placeCharts();
}

void StatsView::placeCharts() {
    // As many columns as suit the dock's shape: charts need height for their axes, so a tall
    // dock stacks them and a wide one puts them side by side (2 x 2 for four).
    const QList<QChartView*> shown = shownCharts();
    const int n = std::max<int>(1, static_cast<int>(shown.size()));
    const double aspect =
        static_cast<double>(std::max(width(), 1)) / std::max(height() - m_summary->height(), 1);
    int columns = std::clamp(static_cast<int>(std::lround(std::sqrt(n * aspect / 1.3))), 1, n);
    if (width() < 760) columns = 1;
    for (QChartView* v : {m_barsView, m_gilView, m_phasesView, m_utilView}) m_grid->removeWidget(v);
    for (int i = 0; i < m_grid->rowCount(); ++i) m_grid->setRowStretch(i, 0);
    for (int i = 0; i < m_grid->columnCount(); ++i) m_grid->setColumnStretch(i, 0);
    for (int i = 0; i < static_cast<int>(shown.size()); ++i) {
        m_grid->addWidget(shown[i], i / columns, i % columns);
        m_grid->setRowStretch(i / columns, 1);
        m_grid->setColumnStretch(i % columns, 1);
    }
    const int rows = (static_cast<int>(shown.size()) + columns - 1) / columns;
    m_charts->setMinimumHeight(rows * kMinChartHeight + (rows - 1) * m_grid->spacing());
}

void StatsView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) applyTheme();
}

void StatsView::applyTheme() {
    const auto chartTheme =
        m_theme->mode() == Theme::Mode::Dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChartView* v : {m_barsView, m_gilView, m_phasesView, m_utilView}) {
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
    const QString at = QString::fromStdString(formatDuration(m_controller->cursor()));
    if (m_controller->isPython()) {
        // Threads share a process and its GIL: per-thread time, not the textbook averages.
        core::SimTime cpu = 0, gil = 0;
        for (const auto& t : m_figures.threads) {
            cpu += t.cpu;
            gil += t.gilWait;
        }
        return tr("At %1: CPU %2 and waiting for the GIL %3, summed over %n thread(s)", "",
                  static_cast<int>(m_figures.threads.size()))
            .arg(at, duration(static_cast<double>(cpu)), duration(static_cast<double>(gil)));
    }
    return tr("At %1: average waiting %2 over %4 arrived, average turnaround %3 over %5 "
              "finished")
        .arg(at, duration(m_figures.averageWaiting), duration(m_figures.averageTurnaround))
        .arg(std::count_if(m_figures.processes.begin(), m_figures.processes.end(),
                           [](const core::ProcessStats& p) { return p.arrival >= 0; }))
        .arg(m_figures.finished);
}

QStringList StatsView::threadLabels(bool withProcess) const {
    // The thread's name, or "Process-1 · MainThread" where the name alone is ambiguous (every
    // process has a MainThread) or when asked.
    QStringList out;
    for (std::size_t i = 0; i < m_figures.threads.size() && i < kMaxThreadBars; ++i) {
        const auto& t = m_figures.threads[i];
        const bool ambiguous =
            std::count_if(m_figures.threads.begin(), m_figures.threads.end(),
                          [&](const core::ThreadStats& u) { return u.name == t.name; }) > 1;
        out << (withProcess || ambiguous
                    ? QStringLiteral("%1 \u00b7 %2")
                          .arg(QString::fromStdString(t.process), QString::fromStdString(t.name))
                    : QString::fromStdString(t.name));
    }
    return out;
}

void StatsView::refresh() {
    m_figures =
        core::computeStats(m_controller->trace(), m_controller->index(), m_controller->cursor());
    m_phases = core::phasesAt(m_controller->trace(), m_controller->index(), m_controller->cursor());
    m_summary->setText(summaryText());
    if (m_controller->isPython())
        refreshThreadBars();
    else
        refreshProcessBars();
    refreshGilBars();
    refreshPhaseBars();
    if (m_revision != m_controller->revision() || m_revealedBins != revealedBins()) {
        m_revision = m_controller->revision();
        rebuildUtilization();
    }
    if (m_cursorLine) {
        const double x = inUnits(m_controller->cursor());
        m_cursorLine->replace({QPointF(x, 0), QPointF(x, 100)});
    }
}

void StatsView::refreshProcessBars() {
    // The textbook figures of a workload: waiting and turnaround per process.
    const QString unit = unitName();
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
}

void StatsView::refreshThreadBars() {
    // A Python program: where each thread's time went, stacked (CPU, ready, waiting for the
    // GIL, blocked by reason), in the colours of the timeline.
    QChart* chart = m_barsView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) chart->removeAxis(a);
    const std::size_t n = std::min(m_figures.threads.size(), kMaxThreadBars);
    auto* series = new QHorizontalStackedBarSeries;
    double top = 1;
    std::vector<double> totals(n, 0.0);
    auto add = [&](const QString& name, const QColor& colour, auto value) {
        std::vector<double> v(n);
        double any = 0;
        for (std::size_t i = 0; i < n; ++i) {
            v[i] = inUnits(value(m_figures.threads[i]));
            any += v[i];
            totals[i] += v[i];
        }
        if (any <= 0) return;
        auto* set = new QBarSet(name);
        set->setColor(colour);
        set->setBorderColor(colour);
        for (const double x : v) *set << x;
        series->append(set);
    };
    using core::ThreadState;
    using core::WaitReason;
    add(stateName(ThreadState::Running),
        m_theme->stateColour(ThreadState::Running, WaitReason::None),
        [](const core::ThreadStats& t) { return t.cpu; });
    add(stateName(ThreadState::Ready), m_theme->stateColour(ThreadState::Ready, WaitReason::None),
        [](const core::ThreadStats& t) { return t.ready; });
    add(tr("waiting for the GIL"), m_theme->stateColour(ThreadState::Waiting, WaitReason::Gil),
        [](const core::ThreadStats& t) { return t.gilWait; });
    for (std::size_t r = 1; r < core::kWaitReasonCount; ++r) {
        const auto reason = static_cast<WaitReason>(r);
        if (reason == WaitReason::Gil) continue;
        add(tr("blocked: %1").arg(reasonName(reason)),
            m_theme->stateColour(ThreadState::Waiting, reason),
            [r](const core::ThreadStats& t) { return t.blockedByReason[r]; });
    }
    for (const double t : totals) top = std::max(top, t);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    QStringList labels = threadLabels();
    std::reverse(labels.begin(), labels.end());  // the first thread on top
    axisY->append(labels);
    // Horizontal bars run from the bottom category: reverse the values to match.
    for (QBarSet* set : series->barSets()) {
        QList<qreal> v;
        for (int i = set->count() - 1; i >= 0; --i) v << set->at(i);
        set->remove(0, set->count());
        set->append(v);
    }
    auto* axisX = new QValueAxis;
    setRoundTicks(axisX, top, 4, unitName(), /*toTop=*/true);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    chart->setTitle(m_figures.threads.size() > n
                        ? tr("Time per thread: CPU, ready, GIL, blocked (first %1 of %2)")
                              .arg(n)
                              .arg(m_figures.threads.size())
                        : tr("Time per thread: CPU, ready, GIL, blocked"));
}

void StatsView::refreshGilBars() {
    // The GIL wait of each thread that shares its process with others (only they can wait
    // for it), with its share of the thread's life so far.
    std::vector<std::size_t> rows;
    std::vector<int> threadsPerProcess;
    for (const auto& t : m_figures.threads) {
        int count = 0;
        for (const auto& u : m_figures.threads) count += u.pid == t.pid ? 1 : 0;
        threadsPerProcess.push_back(count);
    }
    for (std::size_t i = 0; i < m_figures.threads.size() && rows.size() < kMaxThreadBars; ++i)
        if (threadsPerProcess[i] > 1 && m_controller->isPython() &&
            m_controller->pythonSettings().gil)
            rows.push_back(i);
    // Only for a run where some thread waits for the GIL at all (whole run, so the chart does
    // not appear in the middle of playing).
    if (m_gilRevision != m_controller->revision()) {
        m_gilRevision = m_controller->revision();
        const auto& trace = m_controller->trace();
        m_anyGilWait = false;
        for (std::uint32_t th = 0; th < trace.threads().size() && !m_anyGilWait; ++th)
            m_anyGilWait =
                m_controller->index().blockedByReasonAt(
                    th, trace.endTime())[static_cast<std::size_t>(core::WaitReason::Gil)] > 0;
    }
    if (!m_anyGilWait) rows.clear();
    showChart(m_gilView, !rows.empty());
    if (rows.empty()) return;
    QChart* chart = m_gilView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) chart->removeAxis(a);
    auto* set = new QBarSet(tr("waiting for the GIL"));
    set->setColor(m_theme->stateColour(core::ThreadState::Waiting, core::WaitReason::Gil));
    QStringList labels;
    double top = 1;
    // One process: its threads' own names (the title says whose GIL).
    bool oneProcess = true;
    for (const std::size_t r : rows)
        oneProcess &= m_figures.threads[r].pid == m_figures.threads[rows[0]].pid;
    QStringList names;
    for (const auto& t : m_figures.threads) names << QString::fromStdString(t.name);
    if (!oneProcess) names = threadLabels(/*withProcess=*/true);
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) {  // the first thread on top
        const auto& t = m_figures.threads[*it];
        const core::SimTime life = t.cpu + t.ready + t.blocked;
        const int share = life > 0 ? static_cast<int>(std::lround(100.0 * t.gilWait / life)) : 0;
        labels << tr("%1 \u00b7 %2%").arg(names.value(static_cast<int>(*it))).arg(share);
        *set << inUnits(t.gilWait);
        top = std::max(top, inUnits(t.gilWait));
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(labels);
    auto* axisX = new QValueAxis;
    setRoundTicks(axisX, top, 4, unitName(), /*toTop=*/true);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    chart->legend()->hide();
    chart->setTitle(oneProcess
                        ? tr("GIL wait per thread of %1 (share of the thread's time)")
                              .arg(QString::fromStdString(m_figures.threads[rows[0]].process))
                        : tr("GIL wait per thread (share of the thread's time)"));
}

void StatsView::refreshPhaseBars() {
    // taskscope.mark() phases side by side: "serial vs threads vs processes".
    showChart(m_phasesView, !m_phases.empty());
    if (m_phases.empty()) return;
    QChart* chart = m_phasesView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* a : chart->axes()) chart->removeAxis(a);
    bool oneThread = true;
    for (const core::Phase& p : m_phases) oneThread &= p.thread == m_phases.front().thread;
    auto* set = new QBarSet(tr("duration"));
    set->setColor(m_theme->marker());
    QStringList labels;
    double top = 1;
    for (const core::Phase& p : m_phases) {
        QString label = QString::fromStdString(p.label);
        if (!oneThread) label += QStringLiteral(" (%1)").arg(QString::fromStdString(p.threadName));
        if (!p.ended) label += tr(" (so far)");
        labels << label;
        *set << inUnits(p.duration());
        top = std::max(top, inUnits(p.duration()));
    }
    auto* series = new QBarSeries;
    series->append(set);
    // Each bar says its duration ("107 ms").
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsPrecision(3);
    series->setLabelsFormat(QStringLiteral("@value ") + unitName());
    set->setLabelColor(Qt::white);
    chart->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(labels);
    auto* axisY = new QValueAxis;
    setRoundTicks(axisY, top, 4, unitName(), /*toTop=*/true);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    chart->legend()->hide();
    chart->setTitle(tr("Phases (taskscope.mark)"));
}

int StatsView::utilizationBins() const {
    const core::SimTime end = std::max<core::SimTime>(m_controller->trace().endTime(), 1);
    return std::clamp(static_cast<int>(end / std::max<core::SimTime>(1, m_controller->tickSize())),
                      8, kBins);
}

int StatsView::revealedBins() const {
    const core::SimTime end = std::max<core::SimTime>(m_controller->trace().endTime(), 1);
    const core::SimTime until = std::min(m_controller->visibleUntil(), end);
    const int bins = utilizationBins();
    return until >= end
               ? bins
               : static_cast<int>(static_cast<double>(until) / static_cast<double>(end) * bins);
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
    const int bins = utilizationBins();
    // Reveal as it plays: only the bins the cursor has reached.
    m_revealedBins = revealedBins();
    for (int c = 0; c < trace.coreCount(); ++c) {
        m_utilization.push_back(core::coreUtilization(trace, c, 0, end, bins));
        // A step line per core; overlapping filled areas would mix into one colour.
        auto* line = new QLineSeries;
        QList<QPointF> points;
        const double w = inUnits(end) / bins;
        for (int k = 0; k < m_revealedBins; ++k) {
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
