// The Compare dock and the comparison picture: the runs of a cross product in the background,
// their table, the speed-up chart's bars, opening a run in the main views, a lesson's preset.
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QHorizontalBarSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/charts/speedup_chart.h"
#include "ui/export/compare_export.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/views/compare_view.h"

using namespace taskscope;
using namespace taskscope::ui;

namespace {
const QString kFcfs = QStringLiteral(TASKSCOPE_TEST_DATA "/fcfs_silberschatz.json");

bool waitFinished(CompareView& view) {
    QSignalSpy spy(&view, &CompareView::finished);
    return spy.wait(60000);
}
}  // namespace

class CompareTest : public QObject {
    Q_OBJECT
private slots:
    void runsTheCrossProductAndShowsTheTable() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kFcfs, nullptr));
        CompareView view(&c, &theme);
        QString error;
        QVERIFY2(view.compare({"cores=1,2", "policy=fcfs,rr"}, &error), qPrintable(error));
        QVERIFY(view.running());
        QVERIFY(waitFinished(view));
        QCOMPARE(view.runs().size(), std::size_t(4));
        auto* table = view.findChild<QTableWidget*>(QStringLiteral("compareTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("cores"));
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("policy"));
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("fcfs"));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("24 ms"));
        QCOMPARE(table->item(2, table->columnCount() - 1)->text(), QStringLiteral("1.25×"));
        // The chart has one bar per run, the first run on top.
        auto* chart = view.findChild<SpeedupChart*>();
        QVERIFY(chart);
        const auto series = chart->chart()->series();
        QCOMPARE(series.size(), 1);
        auto* bars = qobject_cast<QHorizontalBarSeries*>(series.front());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().front()->count(), 4);
        QCOMPARE(bars->barSets().front()->at(3), 1.0);   // cores 1, fcfs
        QCOMPARE(bars->barSets().front()->at(1), 1.25);  // cores 2, fcfs
    }

    void openingARunAppliesItsSettingsToTheMainViews() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kFcfs, nullptr));
        QCOMPARE(c.settings().cores, 1);
        CompareView view(&c, &theme);
        QVERIFY(view.compare({"cores=1,2"}));
        QVERIFY(waitFinished(view));
        view.openRun(1);
        QCOMPARE(c.settings().cores, 2);
        c.runToCompletion();
        QCOMPARE(c.endTime(), view.runs()[1].makespan);
    }

    void badValuesAreRefusedWithTheOptionsMessage() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kFcfs, nullptr));
        CompareView view(&c, &theme);
        QString error;
        QVERIFY(!view.compare({"cores=0"}, &error));
        QCOMPARE(error,
                 QStringLiteral("--vary cores: expected a whole number from 1 to 64, got \"0\""));
        QVERIFY(!view.compare({}, &error));
        QVERIFY(!view.running());
    }

    void aLessonPresetIsOffered() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openPythonText(QStringLiteral("# title: t\n# compare: gil=on,off; cores=2\n"
                                                "import threading\nprint(1)\n"),
                                 QStringLiteral("t.py"), QString(), nullptr));
        CompareView view(&c, &theme);
        QCOMPARE(view.lessonPreset(), (std::vector<std::string>{"gil=on,off", "cores=2"}));
        auto* preset = view.findChild<QPushButton*>(QStringLiteral("comparePresetButton"));
        QVERIFY(preset && preset->isEnabled());
        preset->click();
        QVERIFY(waitFinished(view));
        QCOMPARE(view.runs().size(), std::size_t(2));
        QCOMPARE(view.runs()[1].settings,
                 (std::vector<core::Setting>{{"gil", "off"}, {"cores", "2"}}));
    }

    void thePictureHeadsEachRunAndDrawsTheChart() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kFcfs, nullptr));
        CompareView view(&c, &theme);
        QVERIFY(view.compare({"cores=1,2"}));
        QVERIFY(waitFinished(view));
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath(QStringLiteral("c.svg"));
        o.format = ExportOptions::Format::Svg;
        o.title = "cores";
        QString error;
        QVERIFY2(exportComparison(view.runs(), o, theme, &error), qPrintable(error));
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        QVERIFY(svg.contains(QStringLiteral("cores 1 — makespan 30 ms, speed-up 1.00×")));
        QVERIFY(svg.contains(QStringLiteral("cores 2 — makespan 24 ms, speed-up 1.25×")));
        QVERIFY(svg.contains(QStringLiteral("1.25×")));
        QVERIFY(svg.contains(QStringLiteral("Speed-up")));
    }
};

QTEST_MAIN(CompareTest)
#include "tst_compare.moc"
