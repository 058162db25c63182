// Exports checked for what they show, not only that a file appears: PNG size, lanes and the
// colour at known slices; SVG structure, labels and size bound; PDF page size; CJK glyphs.
#include <QApplication>
#include <QDomDocument>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <algorithm>

#include "ui/app/main_window.h"
#include "ui/app/preferences.h"
#include "ui/export/export_dialog.h"
#include "ui/export/image_export.h"
#include "ui/model/lesson_header.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_view.h"

using namespace taskscope;
using namespace taskscope::ui;
using core::kMillisecond;
using core::SimTime;

namespace {

int countRows(const std::vector<TimelineRow>& rows, TimelineRow::Kind kind) {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(),
                                          [&](const TimelineRow& r) { return r.kind == kind; }));
}

const TimelineRow* findRow(const std::vector<TimelineRow>& rows, TimelineRow::Kind kind,
                           std::uint32_t index) {
    for (const auto& r : rows)
        if (r.kind == kind && r.index == index) return &r;
    return nullptr;
}

// The pixel (in device pixels of a `scale` image) in the middle of [t0, t1) on `row`.
QPoint middleOf(const TimelinePicture& pic, const TimelineRow& row, SimTime t0, SimTime t1,
                double scale) {
    const double x = pic.data.left() + pic.scale.toX((t0 + t1) / 2);
    const double y = pic.data.top() + row.y + row.height / 2.0;
    return QPoint(static_cast<int>(x * scale), static_cast<int>(y * scale));
}

// A generated run with at least 100,000 core slices: 40 CPU-bound processes round robin
// with a 1 ms time slice on 4 cores.
QByteArray bigWorkload() {
    QByteArray json =
        R"({"title": "100k slices", "cores": 4, "policy": "rr", "quantum": 1, "processes": [)";
    for (int i = 0; i < 40; ++i) {
        if (i) json += ',';
        json +=
            QStringLiteral(R"({"name": "W%1", "arrival": 0, "bursts": [2500]})").arg(i).toUtf8();
    }
    json += "]}";
    return json;
}

QString svgTexts(const QString& path, int* rects, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open");
        return {};
    }
    QXmlStreamReader xml(&f);
    QString texts;
    *rects = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("rect")) ++*rects;
        // Runs of rectangles are written as one path of "M x y h w v h h -w z" subpaths.
        if (xml.name() == QLatin1String("path"))
            *rects += static_cast<int>(
                xml.attributes().value(QLatin1String("d")).count(QLatin1Char('M')));
        if (xml.name() == QLatin1String("text"))
            texts +=
                xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char('\n');
    }
    if (xml.hasError()) *error = xml.errorString();
    return texts;
}

}  // namespace

class ExportTest : public QObject {
    Q_OBJECT
private slots:
    void pngHasTheLanesAndTheColoursOfTheView() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/fcfs_convoy.json"), nullptr));
        c.runToCompletion();
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath(QStringLiteral("convoy.png"));
        o.scale = 2;
        o.title = "FCFS convoy";
        const TimelinePicture pic = planTimelinePicture(c, theme, o);
        QString error;
        QVERIFY2(exportTimeline(c, theme, o, &error), qPrintable(error));
        const QImage image(o.path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), pic.size * 2);
        QCOMPARE(image.width(), 2800);
        // One lane per core and per thread; no GIL in this run.
        QCOMPARE(countRows(pic.rows, TimelineRow::Kind::Core), 1);
        QCOMPARE(countRows(pic.rows, TimelineRow::Kind::Thread), 3);
        QCOMPARE(countRows(pic.rows, TimelineRow::Kind::Gil), 0);
        QVERIFY(!pic.titleBand.isEmpty());
        QVERIFY(!pic.legendBand.isEmpty());

        // Core 0 runs P1 for [0, 24 ms), P2 [24, 27), P3 [27, 30): each in its thread colour.
        const TimelineRow* core0 = findRow(pic.rows, TimelineRow::Kind::Core, 0);
        QVERIFY(core0);
        const QColor p1 = image.pixelColor(middleOf(pic, *core0, 0, 24 * kMillisecond, 2));
        QCOMPARE(p1.rgb(), theme.threadColour(0).rgb());
        const QColor p3 =
            image.pixelColor(middleOf(pic, *core0, 27 * kMillisecond, 30 * kMillisecond, 2));
        QCOMPARE(p3.rgb(), theme.threadColour(2).rgb());
        // P3's own lane: Ready while P1 and P2 run, then Running.
        const TimelineRow* lane3 = findRow(pic.rows, TimelineRow::Kind::Thread, 2);
        QVERIFY(lane3);
        QCOMPARE(
            image.pixelColor(middleOf(pic, *lane3, 2 * kMillisecond, 22 * kMillisecond, 2)).rgb(),
            theme.stateColour(core::ThreadState::Ready, core::WaitReason::None).rgb());
        QCOMPARE(
            image.pixelColor(middleOf(pic, *lane3, 27 * kMillisecond, 30 * kMillisecond, 2)).rgb(),
            theme.stateColour(core::ThreadState::Running, core::WaitReason::None).rgb());
        // The SVG draws the same picture: rendered back, the same colours at the same places.
        ExportOptions svg = o;
        svg.format = ExportOptions::Format::Svg;
        svg.path = dir.filePath(QStringLiteral("convoy.svg"));
        QVERIFY2(exportTimeline(c, theme, svg, &error), qPrintable(error));
        QSvgRenderer renderer(svg.path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox().size(), pic.size);
        QImage back(pic.size, QImage::Format_RGB32);
        back.fill(Qt::white);
        {
            QPainter painter(&back);
            renderer.render(&painter);
        }
        QCOMPARE(back.pixelColor(middleOf(pic, *core0, 0, 24 * kMillisecond, 1)).rgb(),
                 theme.threadColour(0).rgb());
        QCOMPARE(
            back.pixelColor(middleOf(pic, *lane3, 27 * kMillisecond, 30 * kMillisecond, 1)).rgb(),
            theme.stateColour(core::ThreadState::Running, core::WaitReason::None).rgb());
        // The legend names the states that occur.
        QStringList labels;
        for (const auto& e : pic.legend) labels << e.label;
        QVERIFY2(
            labels.contains(QStringLiteral("Running")) && labels.contains(QStringLiteral("Ready")),
            qPrintable(labels.join(", ")));
    }

    void lanesCanBeLeftOutAndTheRangeChosen() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/gil_two_cpu_threads.json"), nullptr));
        c.runToCompletion();
        QVERIFY(c.index().hasGil());
        ExportOptions all;
        const TimelinePicture full = planTimelinePicture(c, theme, all);
        QVERIFY(countRows(full.rows, TimelineRow::Kind::Gil) > 0);
        QVERIFY(countRows(full.rows, TimelineRow::Kind::Thread) > 0);
        ExportOptions noGil;
        noGil.gilLanes = false;
        QCOMPARE(countRows(planTimelinePicture(c, theme, noGil).rows, TimelineRow::Kind::Gil), 0);
        ExportOptions cores;
        cores.gilLanes = false;
        cores.threadLanes = false;
        const TimelinePicture coresOnly = planTimelinePicture(c, theme, cores);
        QCOMPARE(countRows(coresOnly.rows, TimelineRow::Kind::Thread), 0);
        QCOMPARE(countRows(coresOnly.rows, TimelineRow::Kind::Process), 0);
        QCOMPARE(countRows(coresOnly.rows, TimelineRow::Kind::Core), c.trace().coreCount());
        QVERIFY(coresOnly.size.height() < full.size.height());
        // Without thread lanes the legend keys the threads' colours instead.
        QVERIFY(!coresOnly.legend.empty());
        QCOMPARE(coresOnly.legend.front().colour.rgb(), theme.threadColour(0).rgb());
        // A range: the axis spans exactly it.
        ExportOptions part;
        part.range = ExportOptions::Range::Custom;
        part.from = 10 * kMillisecond;
        part.to = 30 * kMillisecond;
        const TimelinePicture pp = planTimelinePicture(c, theme, part);
        QCOMPARE(pp.scale.origin, 10 * kMillisecond);
        QVERIFY(std::abs(pp.scale.toX(30 * kMillisecond) - pp.data.width()) < 1.0);
    }

    void svgParsesWithLabelsAndStaysSmallForBigRuns() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openWorkloadText(bigWorkload(), QStringLiteral("big.json"), nullptr));
        c.runToCompletion();
        std::size_t slices = 0;
        std::vector<core::Segment> segs;
        for (int k = 0; k < c.trace().coreCount(); ++k) {
            c.trace().coreSegments(k, 0, c.endTime() + 1, segs);
            slices += segs.size();
        }
        QVERIFY2(slices >= 100000, qPrintable(QString::number(slices)));
        QTemporaryDir dir;
        ExportOptions o;
        o.format = ExportOptions::Format::Svg;
        o.path = dir.filePath(QStringLiteral("big.svg"));
        o.title = "100k slices";
        const TimelinePicture pic = planTimelinePicture(c, theme, o);
        QString error;
        QVERIFY2(exportTimeline(c, theme, o, &error), qPrintable(error));
        const qint64 bytes = QFileInfo(o.path).size();
        int rects = 0;
        const QString texts = svgTexts(o.path, &rects, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("100,000-slice SVG: %lld bytes, %d rects, %zu slices", bytes, rects, slices);
        QVERIFY2(bytes < 2'000'000, qPrintable(QString::number(bytes)));
        // Sub-pixel slices merged: at most one rect per lane pixel, plus the furniture.
        const int lanes = countRows(pic.rows, TimelineRow::Kind::Core) +
                          countRows(pic.rows, TimelineRow::Kind::Thread);
        QVERIFY2(rects < lanes * pic.data.width() + 500, qPrintable(QString::number(rects)));
        QVERIFY(static_cast<std::size_t>(rects) < slices / 4);
        for (const QString& label :
             {QStringLiteral("CPU 0"), QStringLiteral("CPU 3"), QStringLiteral("100k slices"),
              QStringLiteral("W0"), QStringLiteral("W39"), QStringLiteral("Running")})
            QVERIFY2(texts.contains(label), qPrintable(label));
        // And it is a well-formed SVG document with the picture's size.
        QFile f(o.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&f));
        QCOMPARE(doc.documentElement().tagName(), QStringLiteral("svg"));
        QCOMPARE(doc.documentElement().attribute(QStringLiteral("viewBox")),
                 QStringLiteral("0 0 %1 %2").arg(pic.size.width()).arg(pic.size.height()));
    }

    void pdfHasThePageAskedFor() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/rr_classroom.json"), nullptr));
        c.runToCompletion();
        QTemporaryDir dir;
        auto mediaBox = [](const QString& path) {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            const QByteArray pdf = f.readAll();
            const QRegularExpression re(
                QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
            const auto m = re.match(QString::fromLatin1(pdf));
            return std::make_pair(pdf.startsWith("%PDF-"),
                                  m.hasMatch()
                                      ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble())
                                      : QSizeF());
        };
        ExportOptions a4;
        a4.format = ExportOptions::Format::Pdf;
        a4.path = dir.filePath(QStringLiteral("a4.pdf"));
        a4.page = "A4";
        QString error;
        QVERIFY2(exportTimeline(c, theme, a4, &error), qPrintable(error));
        auto [isPdf, box] = mediaBox(a4.path);
        QVERIFY(isPdf);
        QVERIFY2(std::abs(box.width() - 841.9) < 1 && std::abs(box.height() - 595.3) < 1,
                 qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
        // Default: a page the size of the picture (96 px per inch, 72 pt per inch).
        ExportOptions fit;
        fit.format = ExportOptions::Format::Pdf;
        fit.path = dir.filePath(QStringLiteral("fit.pdf"));
        fit.title = "Round robin";
        const TimelinePicture pic = planTimelinePicture(c, theme, fit);
        QVERIFY2(exportTimeline(c, theme, fit, &error), qPrintable(error));
        std::tie(isPdf, box) = mediaBox(fit.path);
        QVERIFY(isPdf);
        QVERIFY2(std::abs(box.width() - pic.size.width() * 0.75) < 1.5 &&
                     std::abs(box.height() - pic.size.height() * 0.75) < 1.5,
                 qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
    }

    void chineseTitleAndLabelsHaveEveryGlyph() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/io_overlap_zh.json"), nullptr));
        c.runToCompletion();
        QTemporaryDir dir;
        ExportOptions o;
        o.path = dir.filePath(QStringLiteral("zh.png"));
        o.title = readLessonHeader(QStringLiteral(":/workloads/io_overlap_zh.json"))
                      .titleZh.toStdString();
        QVERIFY(QString::fromStdString(o.title).contains(QStringLiteral("重叠")));
        const TimelinePicture pic = planTimelinePicture(c, theme, o);
        QString error;
        QVERIFY2(exportTimeline(c, theme, o, &error), qPrintable(error));
        QVERIFY(!QImage(o.path).isNull());
        QString text = QString::fromStdString(o.title);
        for (const auto& r : pic.rows) text += QString::fromStdString(r.label);
        QVERIFY(text.contains(QStringLiteral("下载器")));
        QFont bold = pic.font;
        bold.setBold(true);
        for (const QFont& f : {pic.font, bold}) {
            const QString missing = missingGlyphs(text, f);
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no glyph for: ") + missing));
        }
        // The check itself sees a missing glyph (an unassigned code point).
        QVERIFY(!missingGlyphs(QStringLiteral("a\u0378b"), pic.font).isEmpty());
    }

    void everyViewExportsAsPngAndSvg() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/deadlock_two_locks.json"), nullptr));
        c.runToCompletion();
        QTemporaryDir dir;
        using V = ExportOptions::View;
        for (const V v : {V::States, V::ProcessTree, V::WaitFor, V::Stats, V::WaitingChart,
                          V::UtilizationChart}) {
            const QString name = exportViewName(v);
            ExportOptions o;
            o.view = v;
            o.title = name.toStdString();
            o.path = dir.filePath(name + QStringLiteral(".png"));
            QString error;
            QVERIFY2(exportView(c, theme, nullptr, o, &error), qPrintable(name + ": " + error));
            const QImage image(o.path);
            QVERIFY2(!image.isNull(), qPrintable(name));
            QVERIFY2(image.width() >= 900 && image.height() >= 400, qPrintable(name));
            // Something was drawn: more than a handful of distinct colours.
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 5, qPrintable(name));
            o.format = ExportOptions::Format::Svg;
            o.path = dir.filePath(name + QStringLiteral(".svg"));
            QVERIFY2(exportView(c, theme, nullptr, o, &error), qPrintable(name + ": " + error));
            QFile f(o.path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QDomDocument doc;
            QVERIFY2(doc.setContent(&f), qPrintable(name));
            QVERIFY2(f.size() > 1000, qPrintable(name));
        }
    }

    // The wait-for graph at the size asked for: the graph over the top, the checklist under
    // it, no splitter handle, no empty lower half.
    void waitForGraphExportsAtTheSizeAskedFor() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/deadlock_two_locks.json"), nullptr));
        c.runToCompletion();
        QTemporaryDir dir;
        for (const QSize asked : {QSize(1400, 0), QSize(800, 600)}) {
            ExportOptions o;
            o.view = ExportOptions::View::WaitFor;
            o.width = asked.width();
            o.height = asked.height();
            o.title = "Deadlock";
            o.path = dir.filePath(QStringLiteral("wf%1.png").arg(asked.width()));
            QString error;
            QVERIFY2(exportView(c, theme, nullptr, o, &error), qPrintable(error));
            const QImage image(o.path);
            QCOMPARE(image.width(), asked.width());
            if (asked.height() > 0) QCOMPARE(image.height(), asked.height());
            // No row of the lower half is blank from edge to edge for more than a quarter of
            // the picture: the checklist sits right under the graph.
            const QRgb bg = theme.background().rgb();
            int blankRun = 0, longest = 0;
            for (int y = image.height() / 2; y < image.height(); ++y) {
                bool blank = true;
                for (int x = 0; x < image.width() && blank; x += 3) blank = image.pixel(x, y) == bg;
                blankRun = blank ? blankRun + 1 : 0;
                longest = std::max(longest, blankRun);
            }
            QVERIFY2(longest < image.height() / 4,
                     qPrintable(QStringLiteral("%1 blank rows").arg(longest)));
            // The splitter's handle (its dotted grip) is not in the picture: no pixel of the
            // window's button colour.
            const QRgb handle = QApplication::palette().color(QPalette::Button).rgb();
            int handlePixels = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) handlePixels += image.pixel(x, y) == handle;
            QVERIFY2(handlePixels < 20, qPrintable(QString::number(handlePixels)));
        }
    }

    // The GIL view, the sync objects' cards and a Python program's code export too.
    void gilSyncObjectsAndCodeExport() {
        SimulationController c;
        Theme theme;
        QString error;
        QVERIFY2(
            c.openFile(QStringLiteral(TASKSCOPE_SOURCE_DIR "/resources/lessons/003_deadlock.py"),
                       &error),
            qPrintable(error));
        c.runToCompletion();
        QTemporaryDir dir;
        using V = ExportOptions::View;
        for (const V v : {V::Gil, V::SyncObjects, V::Code}) {
            const QString name = exportViewName(v);
            QCOMPARE(exportViewForName(name), std::optional<V>(v));
            ExportOptions o;
            o.view = v;
            o.width = 900;
            o.title = name.toStdString();
            o.path = dir.filePath(name + QStringLiteral(".png"));
            QVERIFY2(exportView(c, theme, nullptr, o, &error), qPrintable(name + ": " + error));
            const QImage image(o.path);
            QVERIFY2(!image.isNull(), qPrintable(name));
            QCOMPARE(image.width(), 900);
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 5)
                for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 5, qPrintable(name));
        }
        // The whole program, not the first screenful: 003_deadlock.py has ~50 lines.
        ExportOptions code;
        code.view = V::Code;
        code.path = dir.filePath(QStringLiteral("all.png"));
        QVERIFY2(exportView(c, theme, nullptr, code, &error), qPrintable(error));
        const int lines = static_cast<int>(c.sourceText().count(QLatin1Char('\n')));
        QVERIFY(lines > 40);
        QVERIFY2(
            QImage(code.path).height() > lines * QFontMetrics(QApplication::font()).lineSpacing(),
            qPrintable(QString::number(QImage(code.path).height())));
        // A workload has no code to draw: a clear error.
        QVERIFY(c.openFile(QStringLiteral(":/workloads/fcfs_convoy.json"), nullptr));
        code.path = dir.filePath(QStringLiteral("none.png"));
        QVERIFY(!exportView(c, theme, nullptr, code, &error));
        QVERIFY2(error.contains(QStringLiteral("Python program")), qPrintable(error));
    }

    void unwritablePathIsAnError() {
        SimulationController c;
        Theme theme;
        QVERIFY(c.openFile(QStringLiteral(":/workloads/fcfs_convoy.json"), nullptr));
        ExportOptions o;
        o.path = QStringLiteral("/nonexistent-folder/x.png");
        QString error;
        QVERIFY(!exportTimeline(c, theme, o, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
    }

    void mainWindowExportsThroughTheDialogsOptions() {
        QTemporaryDir dir;
        auto prefs = std::make_shared<Preferences>(dir.filePath(QStringLiteral("prefs.ini")));
        MainWindow window(prefs);
        window.setQuietErrors(true);
        QVERIFY(window.openResource(QStringLiteral(":/workloads/rr_classroom.json")));
        ExportDialog dialog(QStringLiteral("RR"), &prefs->settings());
        ExportOptions o;
        o.path = dir.filePath(QStringLiteral("w.svg"));
        o.format = ExportOptions::Format::Svg;
        o.threadLanes = false;
        o.scale = 3;
        o.title = "RR";
        dialog.setOptions(o);
        const ExportOptions back = dialog.options();
        QCOMPARE(back.path, o.path);
        QVERIFY(back.format == ExportOptions::Format::Svg);
        QVERIFY(!back.threadLanes);
        QCOMPARE(back.scale, 3.0);
        QString error;
        QVERIFY2(window.exportWith(back, &error), qPrintable(error));
        // "Visible range": what the window's timeline shows, after a zoom.
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TimelineView* timeline = window.timeline();
        timeline->fitAll();
        timeline->zoomBy(4.0, 0);
        ExportOptions visible;
        visible.range = ExportOptions::Range::Visible;
        const TimelineShown shown = window.shownTimeline();
        const TimelinePicture vp =
            planTimelinePicture(*window.controller(), *window.theme(), visible, &shown);
        QCOMPARE(vp.from, timeline->scale().origin);
        QCOMPARE(vp.to, timeline->scale().toTime(timeline->dataRect().width()));
        QVERIFY(vp.to < window.controller()->endTime());
        QVERIFY(QFileInfo(o.path).size() > 1000);
        // The dialog's default title is the lesson's title, not the file name.
        QCOMPARE(window.exportTitle(), QStringLiteral("Round robin on two cores"));
        // Ctrl+E is the export action.
        bool found = false;
        for (QAction* a : window.findChildren<QAction*>())
            found = found || a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E);
        QVERIFY(found);
    }
};

QTEST_MAIN(ExportTest)
#include "tst_export.moc"
