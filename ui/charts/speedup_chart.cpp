#include "ui/charts/speedup_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/style/theme.h"

namespace taskscope::ui {

SpeedupChart::SpeedupChart(QWidget* parent) : QChartView(new QChart, parent) {
    setObjectName(QStringLiteral("speedupChart"));
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->hide();
    chart()->setAnimationOptions(QChart::NoAnimation);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(120);
}

void SpeedupChart::setRuns(const QStringList& labels, const std::vector<double>& speedups,
                           const QString& title) {
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* a : c->axes()) {
        c->removeAxis(a);
        delete a;
    }
    c->setTitle(title);
    auto* set = new QBarSet(tr("speed-up"));
    double top = 1.0;
    for (double s : speedups) top = std::max(top, s);
    set->setLabelColor(c->titleBrush().color());
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value×"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(3);
    c->addSeries(series);
    // The first run on top, as in the table.
    QStringList reversed;
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) reversed << *it;
    QList<qreal> values;
    for (auto it = speedups.rbegin(); it != speedups.rend(); ++it) values << *it;
    set->append(values);
    auto* categories = new QBarCategoryAxis;
    categories->append(reversed);
    c->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto* axis = new QValueAxis;
    // Round ticks: 0, 0.5, 1, ... up to a little past the largest bar (room for its label).
    const double step = top <= 2.5 ? 0.5 : top <= 6 ? 1.0 : std::ceil(top / 6.0);
    axis->setRange(0, std::ceil(top * 1.2 / step) * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(step < 1 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    axis->setTitleText(tr("speed-up against the first run (×)"));
    c->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
}

void SpeedupChart::applyTheme(const Theme& theme) {
    chart()->setTheme(theme.mode() == Theme::Mode::Dark ? QChart::ChartThemeDark
                                                        : QChart::ChartThemeLight);
    chart()->setBackgroundBrush(theme.background());
    QFont title = font();
    title.setBold(true);
    chart()->setTitleFont(title);
}

}  // namespace taskscope::ui
