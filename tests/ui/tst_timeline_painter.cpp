// The timeline painter on its own: a known run painted into a QImage with no widget at all,
// sampled at the pixels where given slices, the cursor and the label column must be.
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include <algorithm>

#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_painter.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;
using core::ThreadState;
using core::WaitReason;

namespace {
const QString kIoTwoCores = QStringLiteral(TASKSCOPE_UI_TEST_DATA "/io_two_cores.json");

// Fixed geometry so that no expected pixel depends on the font: labels 100 px wide, the axis
// 24 px high, the whole picture shifted by (10, 40) as an export's title band shifts it.
constexpr int kLabels = 100;
constexpr int kAxis = 24;
const QRect kArea(10, 40, 500, 200);
const QPoint kData(kArea.left() + kLabels, kArea.top() + kAxis);

std::vector<TimelineRow> rowsOf(const SimulationController& c, const Theme& theme) {
    TimelineLayoutOptions o;
    o.laneHeight = theme.laneHeight();
    o.headerHeight = theme.headerHeight();
    return layoutTimeline(c.trace(), o);
}

int threadRow(const std::vector<TimelineRow>& rows, std::uint32_t thread) {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].kind == TimelineRow::Kind::Thread && rows[i].index == thread)
            return static_cast<int>(i);
    return -1;
}

QImage paintOnce(TimelinePainter& painter, const TimelinePainter::Frame& frame) {
    QImage image(kArea.right() + 10, kArea.bottom() + 10, QImage::Format_RGB32);
    image.fill(Qt::magenta);
    QPainter p(&image);
    painter.paint(p, frame);
    return image;
}

// The pixel in the middle of `row`'s lane at time `t` for 0.1 ms per pixel.
QPoint at(const TimelineRow& row, core::SimTime t, double nsPerPixel = 1e5) {
    return {kData.x() + static_cast<int>(static_cast<double>(t) / nsPerPixel),
            kData.y() + row.y + row.height / 2};
}
}  // namespace

class TimelinePainterTest : public QObject {
    Q_OBJECT
private slots:
    void paintsTheLanesWithoutAWidget() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.runToCompletion();
        TimelinePainter painter(c, theme);
        painter.setRows(rowsOf(c, theme));
        painter.setLabelWidth(kLabels);
        const TimelinePainter::Frame frame{kArea, TimeScale{0, 1e5}, kAxis, 0, false};
        QCOMPARE(painter.dataRect(frame), QRect(kData, QSize(400, 176)));
        const QImage image = paintOnce(painter, frame);
        QVERIFY(QApplication::allWidgets().isEmpty());
        const auto& rows = painter.rows();
        const TimelineRow& core0 = rows[1];
        QCOMPARE(core0.kind, TimelineRow::Kind::Core);
        // CPU 0: A 0..4 ms, C 4..7 ms, idle (an odd row: the alternate background) 7..10 ms.
        QCOMPARE(image.pixel(at(core0, 2 * kMillisecond)), theme.threadColour(0).rgb());
        QCOMPARE(image.pixel(at(core0, 6500000)), theme.threadColour(2).rgb());
        QCOMPARE(image.pixel(at(core0, 8500000)), theme.alternateBackground().rgb());
        // A's lane: running, then waiting for I/O from 4 to 10 ms.
        const int a = threadRow(rows, 0);
        QVERIFY(a > 0);
        const TimelineRow& laneA = rows[static_cast<std::size_t>(a)];
        QCOMPARE(image.pixel(at(laneA, 2 * kMillisecond)),
                 theme.stateColour(ThreadState::Running, WaitReason::None).rgb());
        QCOMPARE(image.pixel(at(laneA, 7 * kMillisecond)),
                 theme.stateColour(ThreadState::Waiting, WaitReason::Io).rgb());
        // The label column and the axis band are header-coloured; nothing outside the area.
        QCOMPARE(image.pixel(kArea.left() + 2, kData.y() + core0.y + 1),
                 theme.headerBackground().rgb());
        QCOMPARE(image.pixel(kData.x() + 295, kArea.top() + 1), theme.headerBackground().rgb());
        QCOMPARE(image.pixel(kArea.left() - 1, kArea.top() - 1), QColor(Qt::magenta).rgb());
        // Past the run's end (12 ms + B's tail at 13 ms) the lanes are dimmed.
        const QColor idle = image.pixelColor(at(core0, 31500000));
        QVERIFY(idle.rgb() != theme.alternateBackground().rgb());
        QVERIFY(idle.lightness() < theme.alternateBackground().lightness());
    }

    void spansAreCachedPerScaleAndRecolouredWithTheTheme() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.runToCompletion();
        TimelinePainter painter(c, theme);
        painter.setRows(rowsOf(c, theme));
        painter.setLabelWidth(kLabels);
        const auto& fine = painter.spansForRow(1, TimeScale{0, 1e5}, 400);
        QCOMPARE(fine.size(), std::size_t{3});
        QCOMPARE(fine[1].x0, 40);
        QCOMPARE(fine[1].x1, 70);
        // Twice as coarse: the same slices at half the x, recomputed for the new scale.
        TimelinePainter::Frame frame{kArea, TimeScale{0, 2e5}, kAxis, 0, false};
        QImage image = paintOnce(painter, frame);
        const auto& coarse = painter.spansForRow(1, frame.scale, 400);
        QCOMPARE(coarse[1].x0, 20);
        QCOMPARE(coarse[1].x1, 35);
        const TimelineRow& core0 = painter.rows()[1];
        QCOMPARE(image.pixel(at(core0, 5 * kMillisecond, 2e5)), theme.threadColour(2).rgb());
        // Out of range: no spans, no crash.
        QVERIFY(painter.spansForRow(-1, frame.scale, 400).empty());
        QVERIFY(painter.spansForRow(1000, frame.scale, 400).empty());
        // The colour-blind-safe palette, once the painter is told.
        const QRgb before = theme.threadColour(2).rgb();
        theme.setColourBlindSafe(true);
        painter.themeChanged();
        QVERIFY(theme.threadColour(2).rgb() != before);
        image = paintOnce(painter, frame);
        QCOMPARE(image.pixel(at(core0, 5 * kMillisecond, 2e5)), theme.threadColour(2).rgb());
    }

    void drawsTheCursorOnlyWhenAsked() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(kIoTwoCores, nullptr));
        c.runToCompletion();
        c.seek(2500000);  // x = 25 px into the lanes
        TimelinePainter painter(c, theme);
        painter.setRows(rowsOf(c, theme));
        painter.setLabelWidth(kLabels);
        TimelinePainter::Frame frame{kArea, TimeScale{0, 1e5}, kAxis, 0, false};
        const TimelineRow& core0 = painter.rows()[1];
        const QPoint line = at(core0, 2500000);
        QCOMPARE(paintOnce(painter, frame).pixel(line), theme.threadColour(0).rgb());
        frame.cursor = true;
        QCOMPARE(paintOnce(painter, frame).pixel(line), theme.cursor().rgb());
        // Scrolled down by one lane: CPU 0's lane is where CPU 1's was... and CPU 1 runs B.
        frame.cursor = false;
        frame.scrollY = core0.height;
        QCOMPARE(paintOnce(painter, frame).pixel(at(core0, 2 * kMillisecond)),
                 theme.threadColour(1).rgb());
    }

    void labelColumnFitsTheLabels() {
        const QFontMetrics fm(QApplication::font());
        std::vector<TimelineRow> rows{{TimelineRow::Kind::Core, 0, 0, 20, "CPU 0"}};
        QCOMPARE(TimelinePainter::labelWidthFor(rows, fm), 110);  // never narrower
        rows.push_back({TimelineRow::Kind::Thread, 0, 20, 20, std::string(200, 'W')});
        QCOMPARE(TimelinePainter::labelWidthFor(rows, fm), 320);  // never wider
        const std::string name = "worker [1001]";
        rows.back().label = name;
        // A thread: 8 px margin, 14 px indent, a 10 px swatch and 5 px gap, 12 px right.
        const int expected = std::clamp(
            fm.horizontalAdvance(QString::fromStdString(name)) + 8 + 14 + 15 + 12, 110, 320);
        QCOMPARE(TimelinePainter::labelWidthFor(rows, fm), expected);
        QCOMPARE(TimelinePainter::axisHeightFor(fm), fm.height() + 10);
    }

    void deadlockedThreadsWaitOnToTheEdgeOfTheView() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(
            QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/lessons/003_deadlock.py"), nullptr));
        c.runToCompletion();
        QVERIFY(c.deadlockTime().has_value());
        const core::SimTime end = c.endTime();
        TimelinePainter painter(c, theme);
        const auto rows = rowsOf(c, theme);
        painter.setRows(rows);
        painter.setLabelWidth(kLabels);
        TimelinePainter::Frame frame;
        frame.area = kArea;
        frame.axisHeight = kAxis;
        // The run takes the left half of the lanes; the rest is after the deadlock.
        frame.scale = fitScale(0, 2 * end, kArea.width() - kLabels);
        const QImage image = paintOnce(painter, frame);
        const double nsPerPixel = frame.scale.nsPerPixel;
        for (const char* name : {"thread-1", "thread-2"}) {
            std::uint32_t th = core::kNone;
            for (std::uint32_t i = 0; i < c.trace().threads().size(); ++i)
                if (c.trace().threads()[i].name == name) th = i;
            const int r = threadRow(rows, th);
            QVERIFY2(r >= 0, name);
            // Past the end, to the right edge: the colour of waiting for a lock (under a
            // light hatch), not the dimmed background.
            const QColor lock = theme.stateColour(ThreadState::Waiting, WaitReason::Lock);
            int matches = 0, samples = 0;
            for (core::SimTime t = end + end / 10; t < 2 * end - end / 20; t += end / 20) {
                const QColor px =
                    image.pixelColor(at(rows[static_cast<std::size_t>(r)], t, nsPerPixel));
                ++samples;
                if (std::abs(px.red() - lock.red()) < 40 &&
                    std::abs(px.green() - lock.green()) < 40 &&
                    std::abs(px.blue() - lock.blue()) < 40)
                    ++matches;
            }
            QVERIFY2(matches * 2 > samples, qPrintable(QStringLiteral("%1: %2 of %3")
                                                           .arg(QLatin1String(name))
                                                           .arg(matches)
                                                           .arg(samples)));
        }
    }
};

QTEST_MAIN(TimelinePainterTest)
#include "tst_timeline_painter.moc"
