#include "ui/export/image_export.h"

#include <QApplication>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGlyphRun>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QRawFont>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSvgGenerator>
#include <QTextLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "core/sched/policy.h"
#include "ui/charts/stats_view.h"
#include "ui/model/display_names.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/timeline_painter.h"
#include "ui/views/code_view.h"
#include "ui/views/gil_view.h"
#include "ui/views/process_tree_view.h"
#include "ui/views/states_view.h"
#include "ui/views/sync_objects_view.h"
#include "ui/views/wait_for_graph_view.h"

namespace taskscope::ui {

using core::SimTime;
using core::ThreadState;
using core::WaitReason;

namespace {

// Context "Export" for the translators (lupdate reads Export::tr("...")).
struct Export {
    Q_DECLARE_TR_FUNCTIONS(Export)
};

QString fromView(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QFont titleFont(const QFont& base) {
    QFont f = base;
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.5);
    else
        f.setPixelSize(std::max(12, f.pixelSize() * 3 / 2));
    return f;
}

// The legend: the colours the lanes of this run use, grouped when several states share one.
std::vector<LegendEntry> legendFor(const SimulationController& c, const Theme& theme,
                                   bool threadLanes, bool gilLanes) {
    const core::Trace& trace = c.trace();
    bool state[core::kThreadStateCount][core::kWaitReasonCount] = {};
    bool switches = false;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const core::RecordBody& b = trace.body(i);
        switch (b.kind) {
            case core::RecordKind::ThreadCreate:
                state[static_cast<int>(ThreadState::New)][0] = true;
                break;
            case core::RecordKind::State:
                state[static_cast<int>(b.state)][static_cast<int>(b.reason)] = true;
                break;
            case core::RecordKind::CoreSwitch:
                switches = true;
                break;
            default:
                break;
        }
    }
    std::vector<LegendEntry> out;
    if (threadLanes) {
        for (const ThreadState s : {ThreadState::New, ThreadState::Ready, ThreadState::Running}) {
            bool any = false;
            for (int r = 0; r < core::kWaitReasonCount; ++r)
                any = any || state[static_cast<int>(s)][r];
            if (!any) continue;
            // The names the on-screen colour key uses (translated).
            out.push_back({theme.stateColour(s, WaitReason::None), stateName(s), false});
        }
        // Waiting, one entry per colour: "Waiting: io, disk", "Waiting: lock, queue".
        std::vector<std::pair<QRgb, QStringList>> waits;
        for (int r = 0; r < core::kWaitReasonCount; ++r) {
            if (!state[static_cast<int>(ThreadState::Waiting)][r]) continue;
            const auto reason = static_cast<WaitReason>(r);
            const QRgb rgb = theme.stateColour(ThreadState::Waiting, reason).rgb();
            auto it = std::find_if(waits.begin(), waits.end(),
                                   [&](const auto& w) { return w.first == rgb; });
            const QString name =
                reason == WaitReason::Gil ? Export::tr("the GIL") : reasonName(reason);
            if (it == waits.end())
                waits.push_back({rgb, QStringList{name}});
            else
                it->second << name;
        }
        for (const auto& [rgb, names] : waits)
            out.push_back({QColor::fromRgb(rgb),
                           Export::tr("Waiting: %1").arg(names.join(QStringLiteral(", "))), false});
    } else {
        // Without thread lanes the core lanes' colours need their key: one swatch per thread.
        const auto& threads = trace.threads();
        const std::size_t shown = std::min<std::size_t>(threads.size(), 24);
        for (std::size_t t = 0; t < shown; ++t)
            out.push_back({theme.threadColour(static_cast<std::uint32_t>(t)),
                           QString::fromStdString(threads[t].name), false});
        if (threads.size() > shown)
            out.push_back({theme.mutedText(),
                           Export::tr("... %1 more threads").arg(threads.size() - shown), false});
    }
    if (switches) out.push_back({theme.switchColour(), Export::tr("context switch"), true});
    if (gilLanes) out.push_back({QColor(), Export::tr("GIL lane: the holder's colour"), false});
    return out;
}

constexpr int kSwatch = 12;
constexpr int kLegendGap = 18;

int legendEntryWidth(const QFontMetrics& fm, const LegendEntry& e) {
    return (e.colour.isValid() ? kSwatch + 5 : 0) + fm.horizontalAdvance(e.label);
}

// Flows the entries left to right, wrapping at `width`; returns the height used.
int layoutLegend(const QFontMetrics& fm, const std::vector<LegendEntry>& entries, int width,
                 std::vector<QPoint>* positions) {
    const int line = std::max(fm.height(), kSwatch) + 6;
    int x = 10;
    int y = 8;
    for (const LegendEntry& e : entries) {
        const int w = legendEntryWidth(fm, e);
        if (x > 10 && x + w > width - 10) {
            x = 10;
            y += line;
        }
        if (positions) positions->push_back(QPoint(x, y));
        x += w + kLegendGap;
    }
    return entries.empty() ? 0 : y + line + 4;
}

QString subtitleFor(const SimulationController& c, const TimelinePicture& pic) {
    const core::MachineSettings& s = c.settings();
    QString text = fromView(core::policyName(s.policy.kind));
    text += s.cores == 1 ? Export::tr(", 1 core") : Export::tr(", %1 cores").arg(s.cores);
    if (s.policy.kind == core::PolicyKind::RoundRobin)
        text += Export::tr(", time slice %1")
                    .arg(QString::fromStdString(formatDuration(s.policy.quantum)));
    text += QStringLiteral("  \u00b7  ") +
            Export::tr("%1 to %2")
                .arg(pic.from == 0 ? QStringLiteral("0")
                                   : QString::fromStdString(formatDuration(pic.from)),
                     // Nothing happens after the run's end (the last exit): the margin
                     // drawn after it is no time of the run.
                     QString::fromStdString(formatDuration(std::min(pic.to, c.endTime()))));
    text += QStringLiteral("  \u00b7  Taskscope");
    return text;
}

// QSvgGenerator writes one `<rect x=".." y=".." width=".." height=".."/>` line per rectangle of
// a batch (the fill is on the enclosing <g>). A run of them becomes one <path> of "M x y h w v h
// h -w z" subpaths: the same shapes (they never overlap: one lane each, clockwise, nonzero)
// in about 40 % of the bytes, which keeps a busy 100-lane SVG under 2 MB.
QByteArray compactSvgRects(const QByteArray& svg) {
    static const QRegularExpression rect(QStringLiteral(
        R"re(^<rect x="(-?[0-9.e+-]+)" y="(-?[0-9.e+-]+)" width="([0-9.e+-]+)" height="([0-9.e+-]+)"/>$)re"));
    const QList<QByteArray> lines = svg.split('\n');
    QByteArray out;
    out.reserve(svg.size());
    QByteArray path;
    int inRun = 0;
    QByteArray firstLine;
    auto flush = [&] {
        if (inRun == 1)
            out += firstLine + '\n';
        else if (inRun > 1)
            out += "<path fill-rule=\"nonzero\" d=\"" + path + "\"/>\n";
        path.clear();
        inRun = 0;
    };
    for (const QByteArray& line : lines) {
        const auto m = line.startsWith("<rect x=") ? rect.match(QString::fromLatin1(line))
                                                   : QRegularExpressionMatch();
        if (!m.hasMatch()) {
            flush();
            out += line;
            out += '\n';
            continue;
        }
        if (inRun == 0) firstLine = line;
        ++inRun;
        path += 'M' + m.captured(1).toLatin1() + ' ' + m.captured(2).toLatin1() + 'h' +
                m.captured(3).toLatin1() + 'v' + m.captured(4).toLatin1() + "h-" +
                m.captured(3).toLatin1() + 'z';
    }
    flush();
    if (out.endsWith('\n') && !svg.endsWith('\n')) out.chop(1);
    return out;
}

}  // namespace

// Title and subtitle band shared by every export: the title, then one muted line.
int titleBandHeight(const QFont& base, const ExportOptions& o, const QString& subtitle) {
    if (o.title.empty()) return 0;
    return QFontMetrics(titleFont(base)).height() +
           (subtitle.isEmpty() ? 0 : QFontMetrics(base).height()) + 14;
}

void paintTitleBand(QPainter& p, const QRect& band, const QFont& base, const Theme& theme,
                    const QString& title, const QString& subtitle) {
    if (band.isEmpty()) return;
    p.fillRect(band, theme.background());
    const QFont tf = titleFont(base);
    const QFontMetrics tfm(tf);
    p.setFont(tf);
    p.setPen(theme.text());
    const QRect titleRect(band.left() + 10, band.top() + 6, band.width() - 20, tfm.height());
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
               tfm.elidedText(title, Qt::ElideRight, titleRect.width()));
    if (!subtitle.isEmpty()) {
        p.setFont(base);
        p.setPen(theme.mutedText());
        const QFontMetrics fm(base);
        const QRect sub(band.left() + 10, titleRect.bottom() + 2, band.width() - 20, fm.height());
        p.drawText(sub, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(subtitle, Qt::ElideRight, sub.width()));
    }
    p.setFont(base);
}

TimelinePicture planTimelinePicture(const SimulationController& c, const Theme& theme,
                                    const ExportOptions& o, const TimelineShown* shown) {
    TimelinePicture pic;
    const int width = std::max(400, o.width);
    pic.font = shown ? shown->font : QApplication::font();
    const QFont& font = pic.font;
    const QFontMetrics fm(font);

    const SimTime end = std::max<SimTime>(c.endTime(), 1);
    switch (o.range) {
        case ExportOptions::Range::Visible:
            if (shown) {
                pic.from = shown->from;
                pic.to = shown->to;
                break;
            }
            [[fallthrough]];  // no timeline on screen: it would show the whole run
        case ExportOptions::Range::Whole:
            pic.from = 0;
            pic.to = end + end / 50;
            break;
        case ExportOptions::Range::Custom:
            pic.from = o.from;
            pic.to = o.to;
            break;
    }
    if (pic.to <= pic.from) pic.to = pic.from + 1;

    const bool gil = o.gilLanes && c.index().hasGil();
    TimelineLayoutOptions lo;
    lo.laneHeight = theme.laneHeight();
    lo.headerHeight = theme.headerHeight();
    // The label column is as wide as the on-screen timeline's, whose lanes are all shown.
    lo.gilLanes = c.index().hasGil();
    lo.gilSingleThreaded = o.gilSingleThreaded;
    const int labelWidth = TimelinePainter::labelWidthFor(layoutTimeline(c.trace(), lo), fm);
    lo.gilLanes = gil;
    lo.threadLanes = o.threadLanes;
    pic.rows = layoutTimeline(c.trace(), lo);

    const QString subtitle = o.subtitle.isEmpty() ? subtitleFor(c, pic) : o.subtitle;
    int y = 0;
    if (const int h = titleBandHeight(font, o, subtitle); h > 0) {
        pic.titleBand = QRect(0, 0, width, h);
        y = h;
    }
    const int axisH = TimelinePainter::axisHeightFor(fm);
    // A margin on the right so that the last tick's label is not cut at the edge.
    const int margin = fm.horizontalAdvance(QStringLiteral("000.0 ms")) + 6;
    pic.timeline = QRect(0, y, width - margin, axisH + layoutHeight(pic.rows) + 1);
    pic.data =
        QRect(labelWidth, y + axisH, pic.timeline.width() - labelWidth, layoutHeight(pic.rows));
    pic.scale = fitScale(pic.from, pic.to, pic.data.width());
    y = pic.timeline.bottom() + 1;
    if (o.legend) {
        pic.legend = legendFor(c, theme, o.threadLanes, gil);
        const int h = layoutLegend(fm, pic.legend, width, nullptr);
        if (h > 0) pic.legendBand = QRect(0, y, width, h);
        y += h;
    }
    pic.size = QSize(width, y);
    return pic;
}

void paintTimelinePicture(QPainter& p, const SimulationController& c, const Theme& theme,
                          const TimelinePicture& pic, const ExportOptions& o) {
    const QFont& font = pic.font;
    p.setFont(font);
    p.fillRect(QRect(QPoint(0, 0), pic.size), theme.background());
    paintTitleBand(p, pic.titleBand, font, theme, QString::fromStdString(o.title),
                   o.subtitle.isEmpty() ? subtitleFor(c, pic) : o.subtitle);
    p.fillRect(QRect(pic.timeline.right() + 1, pic.timeline.top(),
                     pic.size.width() - pic.timeline.width(), pic.data.top() - pic.timeline.top()),
               theme.headerBackground());
    // The lanes as the view paints them, without cursor or scrolling; the label column and
    // the axis are what lies left of and above pic.data.
    TimelinePainter painter(c, theme);
    painter.setRows(pic.rows);
    painter.setLabelWidth(pic.data.left() - pic.timeline.left());
    painter.paint(p, {pic.timeline, pic.scale, pic.data.top() - pic.timeline.top(), 0, false});
    if (pic.legendBand.isEmpty()) return;
    p.setFont(font);
    const QFontMetrics fm(font);
    std::vector<QPoint> at;
    layoutLegend(fm, pic.legend, pic.size.width(), &at);
    p.fillRect(pic.legendBand, theme.background());
    p.setPen(theme.grid());
    p.drawLine(pic.legendBand.left(), pic.legendBand.top(), pic.legendBand.right(),
               pic.legendBand.top());
    const int line = std::max(fm.height(), kSwatch);
    for (std::size_t i = 0; i < pic.legend.size(); ++i) {
        const LegendEntry& e = pic.legend[i];
        const QPoint pos = at[i] + pic.legendBand.topLeft();
        int x = pos.x();
        if (e.colour.isValid()) {
            const QRect sw(x, pos.y() + (line - kSwatch) / 2, kSwatch, kSwatch);
            if (e.hatched) {
                p.fillRect(sw, theme.background());
                p.fillRect(sw, QBrush(e.colour, Qt::BDiagPattern));
                p.setPen(e.colour);
                p.setBrush(Qt::NoBrush);
                p.drawRect(sw.adjusted(0, 0, -1, -1));
            } else {
                p.fillRect(sw, e.colour);
            }
            x += kSwatch + 5;
        }
        p.setPen(theme.text());
        p.drawText(QRect(x, pos.y(), fm.horizontalAdvance(e.label) + 2, line),
                   Qt::AlignLeft | Qt::AlignVCenter, e.label);
    }
}

bool writePicture(const ExportOptions& o, QSize size, const QColor& background,
                  const std::function<void(QPainter&)>& paint, QString* error) {
    auto fail = [&](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (size.isEmpty()) return fail(Export::tr("%1: nothing to draw").arg(o.path));
    QSaveFile file(o.path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(Export::tr("cannot write '%1': check that the folder exists and is writable")
                        .arg(o.path));
    // Text is laid out in the screen's logical pixels (96 dpi offscreen): vector outputs use
    // the same resolution so that fonts keep their size relative to the lanes.
    const int dpi = 96;
    switch (o.format) {
        case ExportOptions::Format::Png: {
            const double scale = std::clamp(o.scale, 0.25, 8.0);
            const QSize pixels(static_cast<int>(std::ceil(size.width() * scale)),
                               static_cast<int>(std::ceil(size.height() * scale)));
            if (static_cast<qint64>(pixels.width()) * pixels.height() > 400'000'000LL)
                return fail(
                    Export::tr(
                        "%1: the image would be %2 x %3 pixels; lower the scale or the width")
                        .arg(o.path)
                        .arg(pixels.width())
                        .arg(pixels.height()));
            QImage image(pixels, QImage::Format_RGB32);
            if (image.isNull())
                return fail(Export::tr("%1: not enough memory for the image").arg(o.path));
            image.setDevicePixelRatio(scale);
            image.fill(background);
            {
                QPainter p(&image);
                paint(p);
            }
            image.setDotsPerMeterX(static_cast<int>(std::lround(dpi * scale / 0.0254)));
            image.setDotsPerMeterY(static_cast<int>(std::lround(dpi * scale / 0.0254)));
            if (!image.save(&file, "PNG"))
                return fail(Export::tr("cannot write '%1' as PNG").arg(o.path));
            break;
        }
        case ExportOptions::Format::Svg: {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(0, 0), size));
            svg.setResolution(dpi);
            svg.setTitle(o.title.empty() ? QStringLiteral("Taskscope")
                                         : QString::fromStdString(o.title));
            svg.setDescription(Export::tr("Exported by Taskscope"));
            QPainter p;
            if (!p.begin(&svg)) return fail(Export::tr("cannot write '%1' as SVG").arg(o.path));
            paint(p);
            p.end();
            if (file.write(compactSvgRects(buffer.data())) < 0)
                return fail(Export::tr("cannot write '%1': %2").arg(o.path, file.errorString()));
            break;
        }
        case ExportOptions::Format::Pdf: {
            QPdfWriter pdf(&file);
            pdf.setResolution(dpi);
            pdf.setCreator(QStringLiteral("Taskscope"));
            pdf.setTitle(o.title.empty() ? QStringLiteral("Taskscope")
                                         : QString::fromStdString(o.title));
            QPageLayout layout;
            bool portrait = false;
            if (const auto page = exportPageForName(QString::fromStdString(o.page), &portrait)) {
                layout =
                    QPageLayout(*page, portrait ? QPageLayout::Portrait : QPageLayout::Landscape,
                                QMarginsF(10, 10, 10, 10), QPageLayout::Millimeter);
            } else {
                const QPageSize exact(QSizeF(size.width() * 72.0 / dpi, size.height() * 72.0 / dpi),
                                      QPageSize::Point, QStringLiteral("Taskscope"),
                                      QPageSize::ExactMatch);
                layout = QPageLayout(exact, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout::Point);
            }
            if (!pdf.setPageLayout(layout))
                return fail(Export::tr("%1: the page size was refused").arg(o.path));
            QPainter p;
            if (!p.begin(&pdf)) return fail(Export::tr("cannot write '%1' as PDF").arg(o.path));
            const QRect paintRect = pdf.pageLayout().paintRectPixels(dpi);
            const double k = std::min(static_cast<double>(paintRect.width()) / size.width(),
                                      static_cast<double>(paintRect.height()) / size.height());
            // QPdfWriter's painter starts at the paint rect (inside the margins).
            p.translate((paintRect.width() - size.width() * k) / 2,
                        (paintRect.height() - size.height() * k) / 2);
            p.scale(k, k);
            paint(p);
            p.end();
            break;
        }
    }
    if (!file.commit())
        return fail(Export::tr("cannot write '%1': check that the folder exists and is writable")
                        .arg(o.path));
    return true;
}

bool exportTimeline(const SimulationController& c, const Theme& theme, const ExportOptions& o,
                    QString* error, const TimelineShown* shown) {
    const TimelinePicture pic = planTimelinePicture(c, theme, o, shown);
    return writePicture(
        o, pic.size, theme.background(),
        [&](QPainter& p) { paintTimelinePicture(p, c, theme, pic, o); }, error);
}

namespace {

QSize defaultViewSize(ExportOptions::View v) {
    switch (v) {
        case ExportOptions::View::States:
            return {960, 600};
        case ExportOptions::View::ProcessTree:
            return {960, 600};
        case ExportOptions::View::WaitFor:
            return {960, 860};
        case ExportOptions::View::Stats:
            return {1000, 900};
        case ExportOptions::View::WaitingChart:
        case ExportOptions::View::UtilizationChart:
            return {1000, 560};
        case ExportOptions::View::Gil:
        case ExportOptions::View::SyncObjects:
            return {960, 600};
        case ExportOptions::View::Code:
            return {960, 700};
        case ExportOptions::View::Timeline:
            break;
    }
    return {1000, 700};
}

// Shows `w` off screen so that layouts, charts and the view's refresh-on-show run.
void realize(QWidget& w, QSize size) {
    w.setAttribute(Qt::WA_DontShowOnScreen);
    w.resize(size);
    w.show();
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
    w.resize(size);
    QCoreApplication::processEvents();
}

}  // namespace

bool exportView(SimulationController& c, Theme& theme, const TimelineShown* shown,
                const ExportOptions& o, QString* error) {
    if (o.view == ExportOptions::View::Timeline) return exportTimeline(c, theme, o, error, shown);
    // The width asked for; the height asked for (title band included), else the view's own
    // proportions at that width.
    const QSize base = defaultViewSize(o.view);
    const int width = std::max(200, o.width);
    const QFont appFont = QApplication::font();
    const int titleH = titleBandHeight(appFont, o, o.subtitle);
    const bool fixedHeight = o.height > 0;
    QSize size(width, fixedHeight ? std::max(150, o.height - titleH)
                                  : base.height() * width / base.width());

    if (o.view == ExportOptions::View::Code && c.sourceText().isEmpty()) {
        if (error)
            *error = Export::tr(
                "the code view shows a Python program: open a .py file in the "
                "app and export it from there (File > Export)");
        return false;
    }
    if (o.view == ExportOptions::View::WaitFor) {
        // Painted by the view for the picture: the graph, then the checklist as tall as its
        // text; no splitter handle, no empty half.
        WaitForGraphView view(&c, &theme);
        realize(view, size);
        const QSize total(size.width(), size.height() + titleH);
        return writePicture(
            o, total, theme.background(),
            [&](QPainter& p) {
                p.fillRect(QRect(QPoint(0, 0), total), theme.background());
                paintTitleBand(p, QRect(0, 0, total.width(), titleH), view.font(), theme,
                               QString::fromStdString(o.title), o.subtitle);
                p.translate(0, titleH);
                view.renderPicture(p, size);
            },
            error);
    }

    std::unique_ptr<QWidget> owner;
    QWidget* target = nullptr;
    switch (o.view) {
        case ExportOptions::View::States:
            owner = std::make_unique<StatesView>(&c, &theme);
            break;
        case ExportOptions::View::ProcessTree:
            owner = std::make_unique<ProcessTreeView>(&c, &theme);
            break;
        case ExportOptions::View::WaitFor:
            owner = std::make_unique<WaitForGraphView>(&c, &theme);
            break;
        case ExportOptions::View::Gil:
            owner = std::make_unique<GilView>(&c, &theme);
            break;
        case ExportOptions::View::SyncObjects:
            owner = std::make_unique<SyncObjectsView>(&c, &theme);
            break;
        case ExportOptions::View::Code: {
            auto code = std::make_unique<CodeView>(&c, &theme);
            // A picture never shows the user's saved edits of another session.
            code->setAutosaveDirectory(QString());
            owner = std::move(code);
            break;
        }
        case ExportOptions::View::Stats:
        case ExportOptions::View::WaitingChart:
        case ExportOptions::View::UtilizationChart:
            owner = std::make_unique<StatsView>(&c, &theme);
            break;
        case ExportOptions::View::Timeline:
            break;
    }
    target = owner.get();
    if (o.view == ExportOptions::View::WaitingChart ||
        o.view == ExportOptions::View::UtilizationChart) {
        // One chart alone: the other one and the summary make room.
        const QString name = o.view == ExportOptions::View::WaitingChart
                                 ? QStringLiteral("waitingChart")
                                 : QStringLiteral("utilizationChart");
        static_cast<StatsView*>(owner.get())->setSingleChart(name);
        if (auto* keep = owner->findChild<QWidget*>(name)) target = keep;
    }
    // A light window background behind the widgets, as in the app.
    owner->setAutoFillBackground(true);
    QPalette pal = owner->palette();
    pal.setColor(QPalette::Window, theme.background());
    owner->setPalette(pal);
    realize(*owner, size);
    if (!fixedHeight) {
        // A large tree gets the room it asks for; the card views and the code are as tall
        // as what they hold (many cards, the whole program: no scroll bar, no empty half),
        // up to a poster's.
        QSize need = size;
        if (o.view == ExportOptions::View::ProcessTree)
            need = owner->minimumSize().expandedTo(size);
        if (o.view == ExportOptions::View::Gil) {
            if (auto* scroll = owner->findChild<QScrollArea*>(); scroll && scroll->widget())
                need.setHeight(std::max(150, owner->height() - scroll->viewport()->height() +
                                                 scroll->widget()->minimumHeight()));
        }
        if (auto* scroll = qobject_cast<QScrollArea*>(owner.get());
            scroll && scroll->widget() && o.view == ExportOptions::View::SyncObjects)
            need.setHeight(std::max(150, scroll->widget()->minimumHeight() + 4));
        if (auto* code = qobject_cast<CodeView*>(owner.get())) {
            QPlainTextEdit* editor = code->editor();
            const int lines = editor->document()->blockCount();
            need.setHeight(owner->height() - editor->viewport()->height() +
                           lines * editor->fontMetrics().lineSpacing() +
                           2 * static_cast<int>(editor->document()->documentMargin()) + 4);
        }
        need.setHeight(std::min(need.height(), 6000));
        if (need != size) realize(*owner, need);
    }
    const QSize body = target->size();
    const QFont font = owner->font();
    const QSize total(body.width(), body.height() + titleH);
    return writePicture(
        o, total, theme.background(),
        [&](QPainter& p) {
            p.fillRect(QRect(QPoint(0, 0), total), theme.background());
            paintTitleBand(p, QRect(0, 0, total.width(), titleH), font, theme,
                           QString::fromStdString(o.title), o.subtitle);
            target->render(&p, QPoint(0, titleH), QRegion(),
                           QWidget::DrawWindowBackground | QWidget::DrawChildren);
        },
        error);
}

QString missingGlyphs(const QString& text, const QFont& font) {
    QString missing;
    QTextLayout layout(text, font);
    layout.beginLayout();
    while (layout.createLine().isValid()) {
    }
    layout.endLayout();
    // Which characters each glyph came from is not exposed per glyph run; a run whose raw
    // font lacks a character, or a glyph index 0 (.notdef), is a missing glyph.
    for (const QGlyphRun& run : layout.glyphRuns()) {
        const QRawFont raw = run.rawFont();
        const auto glyphs = run.glyphIndexes();
        const bool notdef = std::find(glyphs.begin(), glyphs.end(), 0u) != glyphs.end();
        if (!notdef) continue;
        for (const QChar ch : text)
            if (!ch.isSpace() && !raw.supportsCharacter(ch) && !missing.contains(ch)) missing += ch;
        if (missing.isEmpty()) missing = QStringLiteral("?");
    }
    return missing;
}

}  // namespace taskscope::ui
