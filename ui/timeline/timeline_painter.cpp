#include "ui/timeline/timeline_painter.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "core/analysis/process_table.h"
#include "core/sync/kernel_object.h"
#include "ui/model/display_names.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

using core::RecordKind;
using core::SimTime;
using core::ThreadState;

namespace {
// Colour keys: thread states (state x reason), the context-switch hatch, thread colours.
constexpr int kStateKeys = core::kThreadStateCount * core::kWaitReasonCount;
constexpr int kSwitchKey = kStateKeys;
constexpr int kThreadKeyBase = kSwitchKey + 1;
constexpr int kPaletteSize = 10;
constexpr int kKeyCount = kThreadKeyBase + kPaletteSize;

int stateKey(ThreadState s, core::WaitReason r) {
    return static_cast<int>(s) * core::kWaitReasonCount + static_cast<int>(r);
}
}  // namespace

TimelinePainter::TimelinePainter(const SimulationController& controller, const Theme& theme)
    : m_controller(controller), m_theme(theme) {
    m_batches.resize(kKeyCount);
    rebuildColours();
}

void TimelinePainter::setRows(std::vector<TimelineRow> rows) {
    m_rows = std::move(rows);
    m_threadRow.assign(m_controller.trace().threads().size(), -1);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].kind == TimelineRow::Kind::Thread && m_rows[i].index < m_threadRow.size())
            m_threadRow[m_rows[i].index] = static_cast<int>(i);
    m_lanesRevision = ~0ull;
    m_cacheRevision = ~0ull;
}

void TimelinePainter::themeChanged() {
    rebuildColours();
}

int TimelinePainter::labelWidthFor(const std::vector<TimelineRow>& rows, const QFontMetrics& fm) {
    int widest = 0;
    for (const TimelineRow& row : rows) {
        // Matches paintLabel: threads are indented and carry a colour swatch.
        const int swatch = std::max(8, row.height / 2) + 5;
        const int indent = row.kind == TimelineRow::Kind::Thread    ? 8 + 14 + swatch
                           : row.kind == TimelineRow::Kind::Process ? 8 + swatch
                                                                    : 8;
        widest = std::max(widest, fm.horizontalAdvance(QString::fromStdString(row.label)) + indent);
    }
    return std::clamp(widest + 12, 110, 320);
}

int TimelinePainter::axisHeightFor(const QFontMetrics& fm) {
    return fm.height() + 10;
}

QRect TimelinePainter::dataRect(const Frame& f) const {
    return QRect(f.area.left() + m_labelWidth, f.area.top() + f.axisHeight,
                 std::max(1, f.area.width() - m_labelWidth),
                 std::max(1, f.area.height() - f.axisHeight));
}

void TimelinePainter::rebuildColours() {
    m_colours.assign(kKeyCount, QColor());
    for (int s = 0; s < core::kThreadStateCount; ++s)
        for (int r = 0; r < core::kWaitReasonCount; ++r)
            m_colours[static_cast<std::size_t>(
                stateKey(static_cast<ThreadState>(s), static_cast<core::WaitReason>(r)))] =
                m_theme.stateColour(static_cast<ThreadState>(s), static_cast<core::WaitReason>(r));
    m_colours[kSwitchKey] = m_theme.switchColour();
    for (int i = 0; i < kPaletteSize; ++i)
        m_colours[static_cast<std::size_t>(kThreadKeyBase + i)] =
            m_theme.threadColour(static_cast<std::uint32_t>(i));
    ++m_colourVersion;
}

int TimelinePainter::keyForRecord(const TimelineRow& row, std::uint32_t record) const {
    const core::RecordBody& b = m_controller.trace().body(record);
    // The palette repeats, so threads are spread by index modulo its size.
    const int palette = std::min(m_theme.threadPaletteSize(), kPaletteSize);
    const auto threadKey = [&](std::uint32_t thread) {
        return kThreadKeyBase + static_cast<int>(thread % static_cast<std::uint32_t>(palette));
    };
    if (row.kind == TimelineRow::Kind::Core) {
        switch (b.kind) {
            case RecordKind::CoreRun:
                return threadKey(b.subject);
            case RecordKind::CoreSwitch:
                return kSwitchKey;
            default:
                return -1;
        }
    }
    if (row.kind == TimelineRow::Kind::Gil) {
        // The GIL lane shows its holder in the holder's colour; released is empty.
        if (b.kind != RecordKind::Gil ||
            static_cast<core::GilOp>(b.extra16) != core::GilOp::Acquire)
            return -1;
        return threadKey(b.subject);
    }
    if (b.kind == RecordKind::ThreadCreate)
        return stateKey(ThreadState::New, core::WaitReason::None);
    if (b.state == ThreadState::Terminated) return -1;
    return stateKey(b.state, b.reason);
}

void TimelinePainter::buildLane(std::size_t r) {
    // Once per trace revision: the lane as flat columns, so frames can skip by search.
    const auto& trace = m_controller.trace();
    const TimelineRow& row = m_rows[r];
    const SimTime end = trace.endTime() + 1;
    if (row.kind == TimelineRow::Kind::Core)
        trace.coreSegments(static_cast<int>(row.index), 0, end, m_segments);
    else if (row.kind == TimelineRow::Kind::Thread)
        trace.threadSegments(row.index, 0, end, m_segments);
    else if (row.kind == TimelineRow::Kind::Gil)
        trace.gilSegments(row.index, 0, end, m_segments);
    else
        m_segments.clear();
    m_lanes[r].assign(m_segments, trace.endTime(),
                      [&](std::uint32_t record) { return keyForRecord(row, record); });
    m_laneValid[r] = 1;
    m_segments.clear();
    m_segments.shrink_to_fit();
}

void TimelinePainter::validateCache(const TimeScale& scale, int width) {
    const quint64 revision = m_controller.revision();
    if (m_lanesRevision != revision || m_lanesColourVersion != m_colourVersion ||
        m_lanes.size() != m_rows.size()) {
        m_lanes.resize(m_rows.size());
        m_laneValid.assign(m_rows.size(), 0);
        m_lanesRevision = revision;
        m_lanesColourVersion = m_colourVersion;
    }
    if (!(m_cacheScale == scale) || m_cacheWidth != width || m_cacheRevision != revision ||
        m_cacheColourVersion != m_colourVersion || m_spans.size() != m_rows.size()) {
        m_cacheScale = scale;
        m_cacheWidth = width;
        m_cacheRevision = revision;
        m_cacheColourVersion = m_colourVersion;
        m_spans.resize(m_rows.size());
        m_spansValid.assign(m_rows.size(), 0);
    }
}

const std::vector<PixelSpan>& TimelinePainter::spansForRow(int row, const TimeScale& scale,
                                                           int width) {
    static const std::vector<PixelSpan> kNone;
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size()) return kNone;
    validateCache(scale, width);
    const auto r = static_cast<std::size_t>(row);
    if (!m_spansValid[r]) {
        if (!m_laneValid[r]) buildLane(r);
        m_lanes[r].spans(scale, width, m_spans[r]);
        m_spansValid[r] = 1;
    }
    return m_spans[r];
}

QString TimelinePainter::threadLabel(std::uint32_t thread) const {
    const auto& threads = m_controller.trace().threads();
    if (thread >= threads.size()) return {};
    return QString::fromStdString(threads[thread].name);
}

void TimelinePainter::paint(QPainter& p, const Frame& frame) {
    Pass f;
    f.area = frame.area;
    f.data = dataRect(frame);
    f.scale = frame.scale;
    f.axisHeight = frame.axisHeight;
    f.scrollY = frame.scrollY;
    f.firstRow = std::max(0, rowAt(m_rows, frame.scrollY));
    p.fillRect(f.area, m_theme.background());
    // Grid lines at the axis ticks, far enough apart for a tick label.
    f.tickStep = tickStep(f.scale.nsPerPixel,
                          p.fontMetrics().horizontalAdvance(QStringLiteral("000.000 ms")) + 16);
    f.end = f.scale.toTime(f.data.width());

    // The lanes, clipped to their rectangle; then the axis and the labels around them.
    p.setClipRect(QRect(f.data.left(), f.data.top(), f.data.width(), f.data.height()));
    paintLaneBands(p, f);
    paintGrid(p, f);
    paintBatches(p);
    paintSliceNames(p, f);
    paintProcessLifetimes(p, f);
    paintMarkers(p, f);
    paintSyncGlyphs(p, f);
    p.setClipping(false);
    paintAxis(p, f);
    if (frame.hideAfter >= 0) {
        paintHiddenFuture(p, f, frame.hideAfter);
    } else {
        paintRunEnd(p, f);
        paintDeadlockWaits(p, f);
    }
    paintLabels(p, f);
    if (frame.cursor) paintCursor(p, f);
}

void TimelinePainter::paintLaneBands(QPainter& p, const Pass& f) {
    // Row backgrounds, and each lane's spans into the batch of its colour.
    for (auto& b : m_batches) b.clear();
    for (std::size_t r = static_cast<std::size_t>(f.firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = f.rowTop(row);
        if (y > f.data.bottom()) break;
        const QRect band(f.data.left(), y, f.data.width(), row.height);
        if (row.kind == TimelineRow::Kind::Section || row.kind == TimelineRow::Kind::Process)
            p.fillRect(band, m_theme.headerBackground());
        else if (r % 2 == 1)
            p.fillRect(band, m_theme.alternateBackground());
        if (row.kind != TimelineRow::Kind::Core && row.kind != TimelineRow::Kind::Thread &&
            row.kind != TimelineRow::Kind::Gil)
            continue;
        const int pad = std::max(2, row.height / 8);
        for (const PixelSpan& s : spansForRow(static_cast<int>(r), f.scale, f.data.width()))
            m_batches[static_cast<std::size_t>(s.colour)].push_back(
                QRect(f.data.left() + s.x0, y + pad, s.x1 - s.x0, row.height - 2 * pad));
    }
}

void TimelinePainter::paintGrid(QPainter& p, const Pass& f) {
    // Faint tick lines under the spans' gaps.
    p.setPen(QPen(m_theme.grid(), 1));
    for (SimTime t = firstTick(f.scale.origin, f.tickStep); t <= f.end; t += f.tickStep) {
        const int x = f.data.left() + static_cast<int>(std::lround(f.scale.toX(t)));
        p.drawLine(x, f.data.top(), x, f.data.bottom());
    }
}

void TimelinePainter::paintBatches(QPainter& p) {
    // One fill per colour; context switches hatched over the background.
    p.setPen(Qt::NoPen);
    for (int k = 0; k < kKeyCount; ++k) {
        const auto& rects = m_batches[static_cast<std::size_t>(k)];
        if (rects.empty()) continue;
        if (k == kSwitchKey) {
            p.setBrush(m_theme.background());
            p.drawRects(rects.data(), static_cast<int>(rects.size()));
            p.setBrush(QBrush(m_colours[static_cast<std::size_t>(k)], Qt::BDiagPattern));
        } else {
            p.setBrush(m_colours[static_cast<std::size_t>(k)]);
        }
        p.drawRects(rects.data(), static_cast<int>(rects.size()));
    }
}

void TimelinePainter::paintSliceNames(QPainter& p, const Pass& f) {
    // Names on core and GIL slices wide enough to hold them: which thread runs is the point.
    const auto& trace = m_controller.trace();
    const QFontMetrics fm = p.fontMetrics();
    for (std::size_t r = static_cast<std::size_t>(f.firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = f.rowTop(row);
        if (y > f.data.bottom()) break;
        if (row.kind != TimelineRow::Kind::Core && row.kind != TimelineRow::Kind::Gil) continue;
        for (const PixelSpan& s : m_spans[r]) {
            if (s.x1 - s.x0 < 28 || s.colour < kThreadKeyBase) continue;
            const QRect box(f.data.left() + s.x0 + 3, y, s.x1 - s.x0 - 6, row.height);
            const QString name = threadLabel(trace.body(s.record).subject);
            p.setPen(Theme::textOn(m_colours[static_cast<std::size_t>(s.colour)]));
            p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(name, Qt::ElideRight, box.width()));
        }
    }
}

void TimelinePainter::paintProcessLifetimes(QPainter& p, const Pass& f) {
    // A bar along the bottom of each process header, from its creation to its exit.
    const auto& trace = m_controller.trace();
    const auto& index = m_controller.index();
    for (std::size_t r = static_cast<std::size_t>(f.firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = f.rowTop(row);
        if (y > f.data.bottom()) break;
        if (row.kind != TimelineRow::Kind::Process) continue;
        const core::ProcessTimes pt = index.processTimes(row.index);
        if (pt.created < 0) continue;
        const SimTime until = pt.exited >= 0 ? pt.exited : trace.endTime();
        const double x0 = std::max(-1.0, f.scale.toX(pt.created));
        const double x1 = std::min(static_cast<double>(f.data.width()) + 1, f.scale.toX(until));
        if (x1 > x0)
            p.fillRect(QRectF(f.data.left() + x0, y + row.height - 4, x1 - x0, 3),
                       m_theme.mutedText());
    }
}

void TimelinePainter::paintMarkers(QPainter& p, const Pass& f) {
    // taskscope.mark markers: a diamond on the thread's lane, and the mark's text.
    const auto& trace = m_controller.trace();
    const QFontMetrics fm = p.fontMetrics();
    p.setBrush(m_theme.marker());
    for (const std::uint32_t e : m_controller.index().events()) {
        const auto& b = trace.body(e);
        if (b.kind != RecordKind::Marker || b.subject >= m_threadRow.size()) continue;
        const SimTime t = trace.time(e);
        if (t < f.scale.origin || t > f.end) continue;
        const int r = m_threadRow[b.subject];
        if (r < 0) continue;
        const TimelineRow& row = m_rows[static_cast<std::size_t>(r)];
        const int y = f.rowTop(row);
        const double x = f.data.left() + f.scale.toX(t);
        const double h = row.height / 2.0;
        const QPointF diamond[4] = {
            {x, y + 1.0}, {x + h / 2, y + h}, {x, y + 2 * h - 1}, {x - h / 2, y + h}};
        p.setPen(Qt::NoPen);
        p.drawPolygon(diamond, 4);
        p.setPen(m_theme.text());
        p.drawText(QPointF(x + h / 2 + 2, y + h + fm.ascent() / 2.0 - 1),
                   QString::fromStdString(trace.text(b.object)));
    }
}

void TimelinePainter::paintSyncGlyphs(QPainter& p, const Pass& f) {
    // Lock acquire (filled triangle) / release (hollow), queue put (filled square) / get
    // (hollow), lost update and deadlock (a cross in the alert colour), at the top of the
    // thread lanes. Level of detail: a glyph closer than kMinGap px to the previous one on
    // its lane is skipped (alerts are always drawn).
    constexpr double kMinGap = 6.0;
    const auto& trace = m_controller.trace();
    const auto& index = m_controller.index();
    const QColor alert = m_theme.colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    m_glyphsDrawn = 0;
    for (std::size_t r = static_cast<std::size_t>(f.firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = f.rowTop(row);
        if (y > f.data.bottom()) break;
        if (row.kind != TimelineRow::Kind::Thread) continue;
        const auto& marks = index.syncMarks(row.index);
        auto it = std::lower_bound(marks.begin(), marks.end(), f.scale.origin,
                                   [&](std::uint32_t i, SimTime t) { return trace.time(i) < t; });
        const double g = std::max(3.0, row.height / 4.0);  // half the glyph size
        double lastX = -1e9;
        for (; it != marks.end(); ++it) {
            const SimTime t = trace.time(*it);
            if (t > f.end) break;
            const double x = f.data.left() + f.scale.toX(t);
            const core::RecordBody& b = trace.body(*it);
            const auto op = static_cast<core::SyncOp>(b.extra16);
            const bool isAlert = b.kind == RecordKind::Deadlock || op == core::SyncOp::LostUpdate;
            if (!isAlert && x - lastX < kMinGap) continue;
            lastX = x;
            ++m_glyphsDrawn;
            const double top = y + 1.0;
            if (isAlert) {
                p.setPen(QPen(alert, 2.5));
                p.drawLine(QPointF(x - g, top), QPointF(x + g, top + 2 * g));
                p.drawLine(QPointF(x + g, top), QPointF(x - g, top + 2 * g));
                continue;
            }
            const bool filled = op == core::SyncOp::Acquired || op == core::SyncOp::Put;
            p.setPen(QPen(m_theme.text(), 1.2));
            p.setBrush(filled ? QBrush(m_theme.text()) : QBrush(m_theme.background()));
            if (op == core::SyncOp::Acquired || op == core::SyncOp::Release) {
                const QPointF tri[3] = {{x - g, top}, {x + g, top}, {x, top + 1.6 * g}};
                p.drawPolygon(tri, 3);
            } else {
                p.drawRect(QRectF(x - g * 0.8, top, g * 1.6, g * 1.6));
            }
        }
    }
    p.setBrush(Qt::NoBrush);
}

void TimelinePainter::paintAxis(QPainter& p, const Pass& f) {
    // Ticks and their times along the top, from the 1-2-5 series.
    const QRect axis(f.data.left(), f.area.top(), f.data.width(), f.axisHeight);
    p.fillRect(QRect(f.area.left(), f.area.top(), f.area.width(), f.axisHeight),
               m_theme.headerBackground());
    p.setPen(m_theme.text());
    for (SimTime t = firstTick(f.scale.origin, f.tickStep); t <= f.end; t += f.tickStep) {
        const int x = axis.left() + static_cast<int>(std::lround(f.scale.toX(t)));
        p.drawLine(x, axis.bottom() - 4, x, axis.bottom());
        p.drawText(QRect(x + 3, axis.top(), 200, f.axisHeight - 2),
                   Qt::AlignVCenter | Qt::AlignLeft,
                   QString::fromStdString(formatTick(t, f.tickStep)));
    }
    p.setPen(m_theme.grid());
    p.drawLine(f.area.left(), axis.bottom(), f.area.right(), axis.bottom());
}

void TimelinePainter::paintRunEnd(QPainter& p, const Pass& f) {
    // The run's end, dimmed past it.
    const double endX = f.scale.toX(m_controller.trace().endTime());
    if (endX >= f.data.width()) return;
    QColor shade = m_theme.mutedText();
    shade.setAlpha(40);
    p.fillRect(QRectF(f.data.left() + std::max(0.0, endX), f.data.top(),
                      f.data.width() - std::max(0.0, endX), f.data.height()),
               shade);
}

void TimelinePainter::paintHiddenFuture(QPainter& p, const Pass& f, SimTime after) {
    // What has not been played yet: the lanes are covered (and the run's end not shown).
    const double x = std::max(0.0, f.scale.toX(after));
    if (x >= f.data.width()) return;
    const QRectF future(f.data.left() + x, f.data.top(), f.data.width() - x, f.data.height());
    p.fillRect(future, m_theme.background());
    QColor hatch = m_theme.grid();
    hatch.setAlpha(120);
    p.fillRect(future, QBrush(hatch, Qt::FDiagPattern));
    const QString text =
        QCoreApplication::translate("TimelinePainter", "not played yet: what happens next?");
    const QFontMetrics fm = p.fontMetrics();
    if (future.width() > fm.horizontalAdvance(text) + 20) {
        const QRectF box(future.left() + 10, f.data.top() + 6, fm.horizontalAdvance(text) + 12,
                         fm.height() + 6);
        p.fillRect(box, m_theme.background());
        p.setPen(m_theme.mutedText());
        p.drawText(box, Qt::AlignCenter, text);
    }
}

void TimelinePainter::paintDeadlockWaits(QPainter& p, const Pass& f) {
    // A deadlock ends the run, but its threads wait for ever: past the end their lanes go on
    // to the edge of the view in the colour of their wait, saying what each waits for.
    const core::Machine* m = m_controller.machine();
    if (!m || !m->deadlock()) return;
    const auto& trace = m_controller.trace();
    const SimTime end = trace.endTime();
    const double endX = std::max(0.0, f.scale.toX(end));
    if (endX >= f.data.width()) return;
    const core::TraceState at = trace.stateAt(end);
    const QFontMetrics fm = p.fontMetrics();
    p.save();
    p.setClipRect(QRect(f.data.left(), f.data.top(), f.data.width(), f.data.height()));
    for (std::size_t th = 0; th < at.threads.size() && th < m_threadRow.size(); ++th) {
        const auto& t = at.threads[th];
        if (!t.exists || t.state != core::ThreadState::Waiting || m_threadRow[th] < 0) continue;
        const TimelineRow& row = m_rows[static_cast<std::size_t>(m_threadRow[th])];
        const int y = f.rowTop(row);
        if (y > f.data.bottom() || y + row.height < f.data.top()) continue;
        const int pad = std::max(2, row.height / 8);
        const QRectF band(f.data.left() + endX, y + pad, f.data.width() - endX,
                          row.height - 2 * pad);
        const QColor colour = m_theme.stateColour(t.state, t.reason);
        p.fillRect(band, colour);
        QColor hatch = m_theme.background();
        hatch.setAlpha(110);
        p.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
        const QString text =
            QCoreApplication::translate("taskscope::ui::TimelineView", "waiting for %1 (deadlock)")
                .arg(ui::objectLabel(trace, t.waitingOn));
        if (band.width() >= 60) {
            p.setPen(colour.lightness() > 140 ? QColor(Qt::black) : QColor(Qt::white));
            p.drawText(band.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(text, Qt::ElideRight, static_cast<int>(band.width()) - 6));
        }
    }
    p.restore();
}

void TimelinePainter::paintLabels(QPainter& p, const Pass& f) {
    // The label column on the left, clipped to the rows below the axis.
    const QRect labels(f.area.left(), f.data.top(), m_labelWidth, f.data.height());
    p.fillRect(QRect(f.area.left(), f.area.top(), m_labelWidth, f.area.height()),
               m_theme.headerBackground());
    p.setClipRect(labels);
    LabelFonts fonts{p.font(), p.font(), p.fontMetrics()};
    fonts.bold.setBold(true);
    for (std::size_t r = static_cast<std::size_t>(f.firstRow); r < m_rows.size(); ++r) {
        if (f.rowTop(m_rows[r]) > f.data.bottom()) break;
        paintLabel(p, f, m_rows[r], fonts);
    }
    p.setClipping(false);
    p.setPen(m_theme.grid());
    p.drawLine(f.data.left() - 1, f.area.top(), f.data.left() - 1, f.area.bottom());
}

void TimelinePainter::paintLabel(QPainter& p, const Pass& f, const TimelineRow& row,
                                 const LabelFonts& fonts) {
    // Sections and processes in bold; a process's dot has the colour of its look (running,
    // zombie, ...), a thread's swatch the colour of its slices on the core lanes. The texts
    // keep the translation context of the view that drew them first, so translations apply.
    const QFontMetrics& fm = fonts.metrics;
    const int y = f.rowTop(row);
    const QString text = QString::fromStdString(row.label);
    QRect box(f.area.left() + 8, y, m_labelWidth - 12, row.height);
    switch (row.kind) {
        case TimelineRow::Kind::Section:
            p.setFont(fonts.bold);
            p.setPen(m_theme.mutedText());
            p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                       row.index == 0
                           ? QCoreApplication::translate("taskscope::ui::TimelineView", "CPU cores")
                           : text);
            p.setFont(fonts.normal);
            break;
        case TimelineRow::Kind::Process: {
            const auto& c = m_controller;
            const QColor dot =
                m_theme.lookColour(core::processLook(c.trace(), c.state(), row.index));
            p.setPen(Qt::NoPen);
            p.setBrush(dot);
            const int d = std::max(6, row.height / 3);
            p.drawEllipse(QRect(box.left(), y + (row.height - d) / 2, d, d));
            p.setFont(fonts.bold);
            p.setPen(m_theme.text());
            p.drawText(box.adjusted(d + 5, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(text, Qt::ElideRight, box.width() - d - 5));
            p.setFont(fonts.normal);
            break;
        }
        case TimelineRow::Kind::Core:
        case TimelineRow::Kind::Gil:
            p.setPen(m_theme.text());
            p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                       row.kind == TimelineRow::Kind::Core
                           ? QCoreApplication::translate("taskscope::ui::TimelineView", "CPU %1")
                                 .arg(row.index)
                           : QCoreApplication::translate("taskscope::ui::TimelineView", "GIL"));
            break;
        case TimelineRow::Kind::Thread: {
            box.adjust(14, 0, 0, 0);
            const int sw = std::max(8, row.height / 2);
            p.fillRect(QRect(box.left(), y + (row.height - sw) / 2, sw, sw),
                       m_theme.threadColour(row.index));
            p.setPen(m_theme.text());
            p.drawText(box.adjusted(sw + 5, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(text, Qt::ElideRight, box.width() - sw - 5));
            break;
        }
    }
}

void TimelinePainter::paintCursor(QPainter& p, const Pass& f) {
    // The cursor line across the lanes, with its time in a tag on the axis.
    const SimTime cursor = m_controller.cursor();
    const double cx = f.scale.toX(cursor);
    if (cx < -1 || cx > f.data.width() + 1) return;
    const int x = f.data.left() + static_cast<int>(std::lround(cx));
    p.setPen(QPen(m_theme.cursor(), 2));
    p.drawLine(x, f.area.top(), x, f.data.bottom());
    const QString label = QString::fromStdString(formatDuration(cursor, 3));
    const int w = p.fontMetrics().horizontalAdvance(label) + 10;
    QRect tag(x + 2, f.area.top() + 1, w, f.axisHeight - 3);
    if (tag.right() > f.area.right()) tag.moveRight(x - 2);
    p.fillRect(tag, m_theme.cursor());
    p.setPen(Qt::white);
    p.drawText(tag, Qt::AlignCenter, label);
}

}  // namespace taskscope::ui
