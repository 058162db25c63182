#include "ui/export/compare_export.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <memory>

#include "ui/charts/speedup_chart.h"
#include "ui/export/image_export.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

QString compareRunLabel(const core::CompareRun& run) {
    QStringList parts;
    for (const auto& [name, value] : run.settings)
        parts << QStringLiteral("%1 %2").arg(
            QString::fromStdString(name),
            value.empty() ? QStringLiteral("''") : QString::fromStdString(value));
    return parts.join(QStringLiteral(", "));
}

bool exportComparison(const std::vector<core::CompareRun>& runs, const ExportOptions& o,
                      Theme& theme, QString* error) {
    if (runs.empty()) {
        if (error) *error = QApplication::translate("Export", "%1: nothing to draw").arg(o.path);
        return false;
    }
    const QFont font = QApplication::font();
    const QFontMetrics fm(font);
    QFont bold = font;
    bold.setBold(true);
    const int width = std::max(800, o.width);
    const int chartWidth = std::clamp(width / 3, 320, 560);
    const int timelineWidth = width - chartWidth;

    // One controller per run, showing it as simulated, all on one time axis.
    core::SimTime end = 1;
    for (const auto& r : runs) end = std::max(end, r.makespan);
    std::vector<std::unique_ptr<SimulationController>> controllers;
    std::vector<TimelinePicture> pictures;
    ExportOptions each = o;
    each.title.clear();
    each.legend = false;
    each.range = ExportOptions::Range::Custom;
    each.from = 0;
    each.to = end + end / 50;
    each.width = timelineWidth;
    each.gilLanes = false;
    for (const auto& r : runs) {
        auto c = std::make_unique<SimulationController>();
        core::Workload unit;  // the views read the program's time unit from it
        unit.unit = r.result.config.unit;
        unit.timeUnit = r.result.config.unitName;
        c->adoptRun(std::move(unit), compareRunLabel(r), r.result.config.machine, *r.result.machine,
                    *r.result.trace);
        pictures.push_back(planTimelinePicture(*c, theme, each));
        controllers.push_back(std::move(c));
    }
    const QString subtitle = QApplication::translate("Export", "%n run(s), one time axis", "",
                                                     static_cast<int>(runs.size()));
    const int titleH = titleBandHeight(font, o, subtitle);
    const int headH = QFontMetrics(bold).height() + 8;
    int height = titleH;
    for (const auto& pic : pictures) height += headH + pic.size.height() + 6;
    height = std::max(height, titleH + 260);

    SpeedupChart chart;
    chart.applyTheme(theme);
    QStringList labels;
    std::vector<double> speedups;
    for (const auto& r : runs) {
        labels << compareRunLabel(r);
        speedups.push_back(r.speedup);
    }
    chart.setRuns(labels, speedups, QApplication::translate("Export", "Speed-up"));
    chart.setAttribute(Qt::WA_DontShowOnScreen);
    const QSize chartSize(
        chartWidth - 10,
        std::min<int>(height - titleH - 10, 120 + 48 * static_cast<int>(labels.size())));
    chart.resize(chartSize);
    chart.show();
    QCoreApplication::processEvents();

    const QSize size(width, height);
    return writePicture(
        o, size, theme.background(),
        [&](QPainter& p) {
            p.fillRect(QRect(QPoint(0, 0), size), theme.background());
            paintTitleBand(p, QRect(0, 0, width, titleH), font, theme,
                           QString::fromStdString(o.title), subtitle);
            int y = titleH;
            for (std::size_t i = 0; i < runs.size(); ++i) {
                const auto& r = runs[i];
                p.setFont(bold);
                p.setPen(theme.text());
                const QString head =
                    QStringLiteral("%1 — %2 %3, %4")
                        .arg(compareRunLabel(r), QApplication::translate("Export", "makespan"),
                             QString::fromStdString(formatDuration(r.makespan)),
                             QApplication::translate("Export", "speed-up %1×")
                                 .arg(r.speedup, 0, 'f', 2));
                p.drawText(QRect(10, y + 4, timelineWidth - 20, headH - 4),
                           Qt::AlignLeft | Qt::AlignVCenter,
                           QFontMetrics(bold).elidedText(head, Qt::ElideRight, timelineWidth - 20));
                y += headH;
                p.save();
                p.translate(0, y);
                paintTimelinePicture(p, *controllers[i], theme, pictures[i], each);
                p.restore();
                y += pictures[i].size.height() + 6;
            }
            chart.QWidget::render(&p, QPoint(timelineWidth + 5, titleH + 5), QRegion(),
                                  QWidget::DrawWindowBackground | QWidget::DrawChildren);
        },
        error);
}

}  // namespace taskscope::ui
