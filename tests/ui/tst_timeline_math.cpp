// Pure coordinate maths of the timeline: scale, zoom, ticks, level of detail, layout, and
// the time formatting the axis uses.
#include <QtTest>

#include "core/trace/trace.h"
#include "ui/model/time_format.h"
#include "ui/timeline/lane_index.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_math.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMicrosecond;
using core::kMillisecond;
using core::kSecond;

class TimelineMathTest : public QObject {
    Q_OBJECT
private slots:
    void scaleMapsTimeToPixels() {
        TimeScale s{10 * kMillisecond, 1e5};  // 0.1 ms per pixel, starting at 10 ms
        QCOMPARE(s.toX(10 * kMillisecond), 0.0);
        QCOMPARE(s.toX(11 * kMillisecond), 10.0);
        QCOMPARE(s.toTime(25), 10 * kMillisecond + 2500 * kMicrosecond);
        QCOMPARE(s.toTime(s.toX(17 * kMillisecond)), 17 * kMillisecond);
    }

    void fitShowsTheRange() {
        const TimeScale s = fitScale(0, 200 * kMillisecond, 1000);
        QCOMPARE(s.origin, core::SimTime{0});
        QCOMPARE(s.nsPerPixel, 200000.0);
        QCOMPARE(s.toX(200 * kMillisecond), 1000.0);
    }

    void zoomKeepsTheAnchorTime() {
        const TimeScale s{0, 1e6};
        const core::SimTime anchorTime = s.toTime(300);
        const TimeScale z = zoomAround(s, 300, 4.0, ZoomLimits{});
        QCOMPARE(z.nsPerPixel, 250000.0);
        QCOMPARE(z.toTime(300), anchorTime);
        // Zooming back out restores the scale.
        const TimeScale back = zoomAround(z, 300, 0.25, ZoomLimits{});
        QCOMPARE(back.nsPerPixel, 1e6);
        QCOMPARE(back.origin, core::SimTime{0});
    }

    void zoomStopsAtTheLimits() {
        const TimeScale s{0, 1.0};
        QCOMPARE(zoomAround(s, 0, 100.0, ZoomLimits{0.05, 1e9}).nsPerPixel, 0.05);
        QCOMPARE(zoomAround(s, 0, 1e-12, ZoomLimits{0.05, 1e9}).nsPerPixel, 1e9);
    }

    void clampKeepsTheViewInTheRun() {
        // 100 px of 1 ms each over a 50 ms run: the origin cannot go negative nor far past it.
        QCOMPARE(clampToRun(TimeScale{-5 * kMillisecond, 1e6}, 100, 50 * kMillisecond).origin,
                 core::SimTime{0});
        // Visible 100 ms > run 50 ms: stays at 0.
        QCOMPARE(clampToRun(TimeScale{30 * kMillisecond, 1e6}, 100, 50 * kMillisecond).origin,
                 core::SimTime{0});
        // Visible 10 ms of a 50 ms run: the right edge may pass the end by 5 % of the view.
        QCOMPARE(clampToRun(TimeScale{45 * kMillisecond, 1e5}, 100, 50 * kMillisecond).origin,
                 core::SimTime{40 * kMillisecond + 500 * kMicrosecond});
    }

    void ticksFollowOneTwoFive_data() {
        QTest::addColumn<double>("nsPerPixel");
        QTest::addColumn<double>("minPixels");
        QTest::addColumn<qint64>("step");
        QTest::newRow("1 ns/px, 80 px") << 1.0 << 80.0 << qint64(100);
        QTest::newRow("0.1 ms/px, 80 px") << 1e5 << 80.0 << qint64(10 * kMillisecond);
        QTest::newRow("0.15 ms/px, 80 px") << 1.5e5 << 80.0 << qint64(20 * kMillisecond);
        QTest::newRow("0.5 ms/px, 80 px") << 5e5 << 80.0 << qint64(50 * kMillisecond);
        QTest::newRow("1 s/px, 100 px") << 1e9 << 100.0 << qint64(100 * kSecond);
    }
    void ticksFollowOneTwoFive() {
        QFETCH(double, nsPerPixel);
        QFETCH(double, minPixels);
        QFETCH(qint64, step);
        QCOMPARE(tickStep(nsPerPixel, minPixels), step);
    }

    void firstTickRoundsUp() {
        QCOMPARE(firstTick(0, 5), core::SimTime{0});
        QCOMPARE(firstTick(1, 5), core::SimTime{5});
        QCOMPARE(firstTick(10, 5), core::SimTime{10});
        QCOMPARE(firstTick(-7, 5), core::SimTime{-5});
    }

    void mergerKeepsWideSlices() {
        std::vector<PixelSpan> out;
        SpanMerger m(out, 100);
        m.add(0, 10.2, 1, 7);
        m.add(10.2, 30, 2, 8);
        m.add(30, 50, -1, 9);  // a gap (idle core)
        m.add(50, 60, 2, 10);
        QCOMPARE(out.size(), std::size_t{3});
        QCOMPARE(out[0], (PixelSpan{0, 10, 1, 7}));
        QCOMPARE(out[1], (PixelSpan{10, 30, 2, 8}));
        QCOMPARE(out[2], (PixelSpan{50, 60, 2, 10}));
    }

    void mergerFoldsSubPixelSlices() {
        // 10,000 slices alternating two colours over 100 px: at most one span per pixel.
        std::vector<PixelSpan> out;
        SpanMerger m(out, 100);
        for (int i = 0; i < 10000; ++i)
            m.add(i * 0.01, (i + 1) * 0.01, i % 2, static_cast<std::uint32_t>(i));
        QVERIFY(out.size() <= 100);
        // Every pixel is painted exactly once, left to right, without gaps.
        int x = 0;
        for (const PixelSpan& s : out) {
            QCOMPARE(s.x0, x);
            QVERIFY(s.x1 > s.x0);
            x = s.x1;
        }
        QCOMPARE(x, 100);
    }

    void mergerJoinsSameColourNeighbours() {
        std::vector<PixelSpan> out;
        SpanMerger m(out, 50);
        for (int i = 0; i < 40; ++i) m.add(i, i + 1, 3, static_cast<std::uint32_t>(i));
        QCOMPARE(out.size(), std::size_t{1});
        QCOMPARE(out[0], (PixelSpan{0, 40, 3, 0}));
    }

    void mergerClipsToTheView() {
        std::vector<PixelSpan> out;
        SpanMerger m(out, 100);
        m.add(-50, -10, 1, 0);  // left of the view
        m.add(-10, 20, 2, 1);   // crosses the left edge
        m.add(90, 500, 3, 2);   // crosses the right edge
        m.add(500, 600, 4, 3);  // right of the view
        QCOMPARE(out.size(), std::size_t{2});
        QCOMPARE(out[0], (PixelSpan{0, 20, 2, 1}));
        QCOMPARE(out[1], (PixelSpan{90, 100, 3, 2}));
    }

    void shortSliceGetsOnePixel() {
        std::vector<PixelSpan> out;
        SpanMerger m(out, 100);
        m.add(40.2, 40.3, 5, 0);
        QCOMPARE(out.size(), std::size_t{1});
        QCOMPARE(out[0], (PixelSpan{40, 41, 5, 0}));
    }

    void laneIndexSkipsToTheSameSpansAsMergingEverything_data() {
        QTest::addColumn<double>("nsPerPixel");
        QTest::addColumn<qint64>("origin");
        QTest::newRow("all in view, dense") << 700.0 << qint64(0);
        QTest::newRow("zoomed in") << 3.0 << qint64(5000);
        QTest::newRow("one slice per pixel") << 13.0 << qint64(0);
        QTest::newRow("panned") << 50.0 << qint64(123456);
    }
    void laneIndexSkipsToTheSameSpansAsMergingEverything() {
        QFETCH(double, nsPerPixel);
        QFETCH(qint64, origin);
        // 50,000 slices of irregular lengths (1..25 ns) and four colours, with gaps.
        std::vector<core::Segment> segs;
        core::SimTime t = 0;
        for (std::uint32_t i = 0; i < 50000; ++i) {
            const core::SimTime len = 1 + (i * 7919) % 25;
            segs.push_back({t, t + len, i});
            t += len;
        }
        auto key = [](std::uint32_t r) { return r % 9 == 0 ? -1 : static_cast<int>(r % 4); };
        LaneIndex lane;
        lane.assign(segs, t, key);
        const TimeScale scale{origin, nsPerPixel};
        std::vector<PixelSpan> fast, slow;
        lane.spans(scale, 500, fast);
        SpanMerger merger(slow, 500);
        for (const auto& s : segs)
            merger.add(scale.toX(s.start), scale.toX(s.end), key(s.record), s.record);
        QCOMPARE(fast.size(), slow.size());
        for (std::size_t i = 0; i < fast.size(); ++i) QCOMPARE(fast[i], slow[i]);
        QVERIFY(fast.size() <= 500);
    }

    void layoutGroupsThreadsUnderProcesses() {
        core::Trace trace;
        trace.setCoreCount(2);
        trace.defineProcess(1, {"worker", "python worker.py", 1002, 1000, core::kNone});
        trace.defineProcess(0, {"main", "python main.py", 1001, 1000, core::kNone});
        trace.defineThread(0, {"main", 1001, 0});
        trace.defineThread(1, {"worker", 1002, 1});
        trace.defineThread(2, {"Thread-1", 1003, 0});
        TimelineLayoutOptions o;
        o.laneHeight = 20;
        o.headerHeight = 16;
        const auto rows = layoutTimeline(trace, o);
        // Section, 2 cores, main (pid 1001) with 2 threads, worker with 1 thread.
        QCOMPARE(rows.size(), std::size_t{8});
        QCOMPARE(rows[0].kind, TimelineRow::Kind::Section);
        QCOMPARE(rows[1].kind, TimelineRow::Kind::Core);
        QCOMPARE(rows[2].label, std::string("CPU 1"));
        QCOMPARE(rows[3].kind, TimelineRow::Kind::Process);
        QCOMPARE(rows[3].label, std::string("main (1001)"));
        QCOMPARE(rows[4].index, 0u);
        QCOMPARE(rows[5].index, 2u);
        QCOMPARE(rows[5].label, std::string("Thread-1 [1003]"));
        QCOMPARE(rows[6].label, std::string("worker (1002)"));
        QCOMPARE(rows[7].y, 16 + 2 * 20 + 16 + 2 * 20 + 16);
        QCOMPARE(layoutHeight(rows), rows[7].y + 20);
        QCOMPARE(rowAt(rows, 0), 0);
        QCOMPARE(rowAt(rows, 16), 1);
        QCOMPARE(rowAt(rows, 55), 2);
        QCOMPARE(rowAt(rows, 1000), -1);
        // With GIL lanes a process with several threads gets one right below its header;
        // one with a single thread only when asked.
        o.gilLanes = true;
        const auto withGil = layoutTimeline(trace, o);
        QCOMPARE(withGil.size(), std::size_t{9});
        QCOMPARE(withGil[4].kind, TimelineRow::Kind::Gil);
        QCOMPARE(withGil[4].index, 0u);
        QCOMPARE(withGil[7].label, std::string("worker (1002)"));
        QCOMPARE(withGil[8].kind, TimelineRow::Kind::Thread);
        o.gilSingleThreaded = true;
        const auto everyGil = layoutTimeline(trace, o);
        QCOMPARE(everyGil.size(), std::size_t{10});
        QCOMPARE(everyGil[8].kind, TimelineRow::Kind::Gil);
        QCOMPARE(everyGil[8].index, 1u);
    }

    void formatsTimes() {
        QCOMPARE(formatDuration(12500 * kMicrosecond), std::string("12.5 ms"));
        QCOMPARE(formatDuration(3 * kSecond), std::string("3 s"));
        QCOMPARE(formatDuration(250 * kMicrosecond), std::string("250 \u00b5s"));
        QCOMPARE(formatDuration(0), std::string("0 ns"));
        QCOMPARE(formatTick(20 * kMillisecond, 10 * kMillisecond), std::string("20 ms"));
        QCOMPARE(formatTick(2500 * kMicrosecond, 500 * kMicrosecond), std::string("2500 \u00b5s"));
        QCOMPARE(formatTick(1500 * kMillisecond, 500 * kMillisecond), std::string("1500 ms"));
        QCOMPARE(formatInUnit(62 * kMillisecond, kMillisecond), std::string("62.000 ms"));
        QCOMPARE(formatCpuTime(61 * kSecond + 4 * kMillisecond), std::string("1:01.004"));
    }

    void axisTicksOfARunAreRoundWithUnits() {
        // The timeline's axis over whole runs (fit with the 2% margin, 1200 px, labels at
        // least 100 px apart): 1-2-5 steps, whole numbers in the step's unit.
        auto labels = [](core::SimTime end) {
            const TimeScale s = fitScale(0, end + end / 50, 1200);
            const core::SimTime step = tickStep(s.nsPerPixel, 100);
            QStringList out;
            for (core::SimTime t = firstTick(0, step); t <= s.toTime(1200); t += step)
                out << QString::fromStdString(formatTick(t, step));
            return out;
        };
        QCOMPARE(labels(493069 * kMicrosecond).join(QLatin1Char(',')),
                 QString::fromUtf8("0 ms,50 ms,100 ms,150 ms,200 ms,250 ms,300 ms,350 ms,400 ms,"
                                   "450 ms,500 ms"));
        QCOMPARE(labels(397950 * kMicrosecond).join(QLatin1Char(',')),
                 QString::fromUtf8("0 ms,50 ms,100 ms,150 ms,200 ms,250 ms,300 ms,350 ms,400 ms"));
        QCOMPARE(labels(3112 * kMillisecond).join(QLatin1Char(',')),
                 QString::fromUtf8("0 ms,500 ms,1000 ms,1500 ms,2000 ms,2500 ms,3000 ms"));
        QCOMPARE(labels(7 * kMicrosecond).mid(0, 2).join(QLatin1Char(',')),
                 QString::fromUtf8("0 \u00b5s,1 \u00b5s"));
        const QRegularExpression round(QStringLiteral("^\\d+ (s|ms|\u00b5s|ns)$"));
        for (const core::SimTime end : {core::SimTime{1}, 79590700 * core::SimTime{1},
                                        1620 * kMillisecond, 367 * kMicrosecond, 20 * kSecond})
            for (const QString& l : labels(end)) QVERIFY2(round.match(l).hasMatch(), qPrintable(l));
    }

    void parsesDurations() {
        QCOMPARE(parseDuration("12ms", kSecond), std::optional<core::SimTime>(12 * kMillisecond));
        QCOMPARE(parseDuration(" 1.5 s ", kMillisecond),
                 std::optional<core::SimTime>(1500 * kMillisecond));
        QCOMPARE(parseDuration("7", kMillisecond), std::optional<core::SimTime>(7 * kMillisecond));
        QCOMPARE(parseDuration("250us", kMillisecond),
                 std::optional<core::SimTime>(250 * kMicrosecond));
        QVERIFY(!parseDuration("soon", kMillisecond));
        QVERIFY(!parseDuration("5 parsecs", kMillisecond));
        QVERIFY(!parseDuration("-3", kMillisecond));
    }
};

QTEST_APPLESS_MAIN(TimelineMathTest)
#include "tst_timeline_math.moc"
