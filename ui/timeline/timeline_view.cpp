#include "ui/timeline/timeline_view.h"

#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/sync/kernel_object.h"
#include "ui/export/image_export.h"
#include "ui/model/display_names.h"
#include "ui/model/sync_object_rows.h"
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
constexpr int kScrollSteps = 100000;

int stateKey(ThreadState s, core::WaitReason r) {
    return static_cast<int>(s) * core::kWaitReasonCount + static_cast<int>(r);
}
}  // namespace

TimelineView::TimelineView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QAbstractScrollArea(parent), m_controller(controller), m_theme(theme) {
    setObjectName(QStringLiteral("timelineView"));
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    m_batches.resize(kKeyCount);
    connect(controller, &SimulationController::advanced, this, &TimelineView::onAdvanced);
    connect(controller, &SimulationController::programChanged, this,
            &TimelineView::onProgramChanged);
    connect(theme, &Theme::changed, this, [this] {
        rebuildColours();
        rebuildLayout();
        viewport()->update();
    });
    rebuildColours();
    onProgramChanged();
}

int TimelineView::axisHeight() const {
    return fontMetrics().height() + 10;
}

QRect TimelineView::dataRect() const {
    const QRect v = viewport()->rect();
    return QRect(m_labelWidth, axisHeight(), std::max(1, v.width() - m_labelWidth),
                 std::max(1, v.height() - axisHeight()));
}

void TimelineView::setGilLanes(bool on) {
    m_gilRequested = on;
    const bool show = on || m_controller->index().hasGil();
    if (show == m_gilLanes) return;
    m_gilLanes = show;
    rebuildLayout();
}

void TimelineView::rebuildColours() {
    m_colours.assign(kKeyCount, QColor());
    for (int s = 0; s < core::kThreadStateCount; ++s)
        for (int r = 0; r < core::kWaitReasonCount; ++r)
            m_colours[static_cast<std::size_t>(
                stateKey(static_cast<ThreadState>(s), static_cast<core::WaitReason>(r)))] =
                m_theme->stateColour(static_cast<ThreadState>(s), static_cast<core::WaitReason>(r));
    m_colours[kSwitchKey] = m_theme->switchColour();
    for (int i = 0; i < kPaletteSize; ++i)
        m_colours[static_cast<std::size_t>(kThreadKeyBase + i)] =
            m_theme->threadColour(static_cast<std::uint32_t>(i));
    ++m_colourVersion;
}

int TimelineView::keyForRecord(const TimelineRow& row, std::uint32_t record) const {
    const core::RecordBody& b = m_controller->trace().body(record);
    if (row.kind == TimelineRow::Kind::Core) {
        switch (b.kind) {
            case RecordKind::CoreRun: {
                // The palette repeats, so threads are spread by index modulo its size.
                const int size = m_theme->colourBlindSafe() ? 8 : kPaletteSize;
                return kThreadKeyBase +
                       static_cast<int>(b.subject % static_cast<std::uint32_t>(size));
            }
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
        const int size = m_theme->colourBlindSafe() ? 8 : kPaletteSize;
        return kThreadKeyBase + static_cast<int>(b.subject % static_cast<std::uint32_t>(size));
    }
    if (b.kind == RecordKind::ThreadCreate)
        return stateKey(ThreadState::New, core::WaitReason::None);
    if (b.state == ThreadState::Terminated) return -1;
    return stateKey(b.state, b.reason);
}

void TimelineView::onProgramChanged() {
    m_fitPending = true;
    m_gilLanes = m_gilRequested || m_controller->index().hasGil();
    m_revision = ~0ull;
    rebuildLayout();
    if (isVisible()) fitAll();
}

void TimelineView::rebuildLayout() {
    const auto& trace = m_controller->trace();
    TimelineLayoutOptions o;
    o.laneHeight = m_theme->laneHeight();
    o.headerHeight = m_theme->headerHeight();
    o.gilLanes = m_gilLanes;
    m_rows = layoutTimeline(trace, o);
    m_threadRow.assign(trace.threads().size(), -1);
    int widest = 0;
    const QFontMetrics fm(font());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].kind == TimelineRow::Kind::Thread && m_rows[i].index < m_threadRow.size())
            m_threadRow[m_rows[i].index] = static_cast<int>(i);
        // Matches paintContent: threads are indented and carry a colour swatch.
        const int swatch = std::max(8, m_rows[i].height / 2) + 5;
        const int indent = m_rows[i].kind == TimelineRow::Kind::Thread    ? 8 + 14 + swatch
                           : m_rows[i].kind == TimelineRow::Kind::Process ? 8 + swatch
                                                                          : 8;
        widest = std::max(widest,
                          fm.horizontalAdvance(QString::fromStdString(m_rows[i].label)) + indent);
    }
    m_labelWidth = std::clamp(widest + 12, 110, 320);
    m_knownThreads = trace.threads().size();
    m_knownProcesses = trace.processes().size();
    m_cache.revision = ~0ull;  // rows changed: every cached row is stale
    updateScrollBars();
    viewport()->update();
}

void TimelineView::fitAll() {
    const QRect d = dataRect();
    const SimTime end = std::max<SimTime>(m_controller->endTime(), 1);
    m_scale = fitScale(0, end + end / 50, d.width());
    m_fitPending = false;
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setScale(const TimeScale& scale) {
    const SimTime end = std::max<SimTime>(m_controller->endTime(), 1);
    const double maxNs = static_cast<double>(end) * 4 / std::max(1, dataRect().width());
    TimeScale s = scale;
    s.nsPerPixel = std::clamp(s.nsPerPixel, ZoomLimits{}.minNsPerPixel, std::max(maxNs, 1.0));
    s = clampToRun(s, dataRect().width(), end);
    if (s == m_scale) return;
    m_scale = s;
    updateScrollBars();
    viewport()->update();
}

void TimelineView::zoomBy(double factor, double anchorX) {
    setScale(zoomAround(m_scale, anchorX, factor, ZoomLimits{}));
}

void TimelineView::updateScrollBars() {
    m_updatingScrollBars = true;
    const QRect d = dataRect();
    const int content = layoutHeight(m_rows);
    verticalScrollBar()->setRange(0, std::max(0, content - d.height()));
    verticalScrollBar()->setPageStep(d.height());
    verticalScrollBar()->setSingleStep(m_theme->laneHeight());
    // The horizontal bar works in fixed steps over [0, end]: simulated times overflow int.
    const double end = static_cast<double>(std::max<SimTime>(m_controller->endTime(), 1));
    const double visible = d.width() * m_scale.nsPerPixel;
    const double maxOrigin = std::max(0.0, end * 1.05 - visible);
    if (maxOrigin <= 0) {
        horizontalScrollBar()->setRange(0, 0);
    } else {
        horizontalScrollBar()->setRange(0, kScrollSteps);
        horizontalScrollBar()->setPageStep(
            std::max(1, static_cast<int>(kScrollSteps * visible / std::max(end, visible))));
        horizontalScrollBar()->setSingleStep(std::max(1, horizontalScrollBar()->pageStep() / 10));
        horizontalScrollBar()->setValue(static_cast<int>(
            std::lround(static_cast<double>(m_scale.origin) / maxOrigin * kScrollSteps)));
    }
    m_updatingScrollBars = false;
}

void TimelineView::scrollContentsBy(int, int) {
    if (m_updatingScrollBars) {
        viewport()->update();
        return;
    }
    const double end = static_cast<double>(std::max<SimTime>(m_controller->endTime(), 1));
    const double visible = dataRect().width() * m_scale.nsPerPixel;
    const double maxOrigin = std::max(0.0, end * 1.05 - visible);
    m_scale.origin = static_cast<SimTime>(
        std::llround(maxOrigin * horizontalScrollBar()->value() / kScrollSteps));
    viewport()->update();
}

void TimelineView::showEvent(QShowEvent* event) {
    QAbstractScrollArea::showEvent(event);
    if (m_fitPending) fitAll();
}

void TimelineView::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    // Presenter mode changes the font: label column and axis follow.
    if (event->type() == QEvent::FontChange) rebuildLayout();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitPending) fitAll();
    updateScrollBars();
}

void TimelineView::onAdvanced(qint64, quint64 revision) {
    if (revision != m_revision) {
        m_revision = revision;
        const auto& trace = m_controller->trace();
        const bool gil = m_gilRequested || m_controller->index().hasGil();
        if (trace.threads().size() != m_knownThreads ||
            trace.processes().size() != m_knownProcesses || gil != m_gilLanes) {
            m_gilLanes = gil;
            rebuildLayout();
        }
        if (m_fitPending && isVisible()) fitAll();
        updateScrollBars();
    }
    if (!isVisible()) return;  // hidden views do no work
    keepCursorVisible();
    viewport()->update();
}

void TimelineView::keepCursorVisible() {
    if (!m_follow || m_drag != Drag::None) return;
    const double x = m_scale.toX(m_controller->cursor());
    const int w = dataRect().width();
    if (x >= 0 && x <= w * 0.95) return;
    TimeScale s = m_scale;
    s.origin = m_controller->cursor() - static_cast<SimTime>(w * 0.1 * s.nsPerPixel);
    setScale(s);
}

void TimelineView::computeSpans(const TimelineRow& row, const TimeScale& scale, int width,
                                std::vector<PixelSpan>& out) {
    const auto& trace = m_controller->trace();
    if (m_lanesRevision != m_revision || m_lanesColourVersion != m_colourVersion ||
        m_lanes.size() != m_rows.size()) {
        m_lanes.resize(m_rows.size());
        m_laneValid.assign(m_rows.size(), 0);
        m_lanesRevision = m_revision;
        m_lanesColourVersion = m_colourVersion;
    }
    const auto r = static_cast<std::size_t>(&row - m_rows.data());
    if (r >= m_rows.size()) {
        out.clear();
        return;
    }
    if (!m_laneValid[r]) {
        // Once per trace revision: the lane as flat columns, so frames can skip by search.
        const core::SimTime end = trace.endTime() + 1;
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
    m_lanes[r].spans(scale, width, out);
}

const std::vector<PixelSpan>& TimelineView::spans(SpanCache& cache, int row, const TimeScale& scale,
                                                  int width) {
    if (!(cache.scale == scale) || cache.width != width || cache.revision != m_revision ||
        cache.colourVersion != m_colourVersion || cache.rows.size() != m_rows.size()) {
        cache.scale = scale;
        cache.width = width;
        cache.revision = m_revision;
        cache.colourVersion = m_colourVersion;
        cache.rows.resize(m_rows.size());
        cache.valid.assign(m_rows.size(), 0);
    }
    const auto r = static_cast<std::size_t>(row);
    if (!cache.valid[r]) {
        computeSpans(m_rows[r], scale, width, cache.rows[r]);
        cache.valid[r] = 1;
    }
    return cache.rows[r];
}

const std::vector<PixelSpan>& TimelineView::spansForRow(int row) {
    m_revision = m_controller->revision();
    return spans(m_cache, row, m_scale, dataRect().width());
}

QString TimelineView::threadLabel(std::uint32_t thread) const {
    const auto& threads = m_controller->trace().threads();
    if (thread >= threads.size()) return {};
    return QString::fromStdString(threads[thread].name);
}

void TimelineView::paintEvent(QPaintEvent*) {
    QElapsedTimer clock;
    clock.start();
    QPainter p(viewport());
    m_revision = m_controller->revision();
    paintContent(p, viewport()->rect(), m_scale, verticalScrollBar()->value(), m_cache, true);
    m_lastPaintNs = clock.nsecsElapsed();
}

void TimelineView::paintRows(QPainter& p, const QRect& area, const TimeScale& scale,
                             const std::vector<TimelineRow>& rows) {
    m_revision = m_controller->revision();
    std::vector<TimelineRow> ownRows = std::exchange(m_rows, rows);
    std::vector<int> ownThreadRow = m_threadRow;
    m_threadRow.assign(m_controller->trace().threads().size(), -1);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].kind == TimelineRow::Kind::Thread && m_rows[i].index < m_threadRow.size())
            m_threadRow[m_rows[i].index] = static_cast<int>(i);
    // Lane indexes are kept per row: rebuilt for these rows, and again for the view's own.
    m_lanesRevision = ~0ull;
    SpanCache cache;
    paintContent(p, area, scale, 0, cache, false);
    m_rows = std::move(ownRows);
    m_threadRow = std::move(ownThreadRow);
    m_lanesRevision = ~0ull;
    m_cache.revision = ~0ull;
}

void TimelineView::paintSyncGlyphs(QPainter& p, const QRect& data, const TimeScale& scale,
                                   int scrollY, int firstRow) {
    // Lock acquire (filled triangle) / release (hollow), queue put (filled square) / get
    // (hollow), lost update and deadlock (a cross in the alert colour), at the top of the
    // thread lanes. Level of detail: a glyph closer than kMinGap px to the previous one on
    // its lane is skipped (alerts are always drawn).
    constexpr double kMinGap = 6.0;
    const auto& trace = m_controller->trace();
    const auto& index = m_controller->index();
    const QColor alert = m_theme->colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    const SimTime t0 = scale.origin;
    const SimTime t1 = scale.toTime(data.width());
    m_glyphsDrawn = 0;
    for (std::size_t r = static_cast<std::size_t>(std::max(0, firstRow)); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = data.top() + row.y - scrollY;
        if (y > data.bottom()) break;
        if (row.kind != TimelineRow::Kind::Thread) continue;
        const auto& marks = index.syncMarks(row.index);
        auto it = std::lower_bound(marks.begin(), marks.end(), t0,
                                   [&](std::uint32_t i, SimTime t) { return trace.time(i) < t; });
        const double g = std::max(3.0, row.height / 4.0);  // half the glyph size
        double lastX = -1e9;
        for (; it != marks.end(); ++it) {
            const SimTime t = trace.time(*it);
            if (t > t1) break;
            const double x = data.left() + scale.toX(t);
            const core::RecordBody& b = trace.body(*it);
            const bool isAlert = b.kind == RecordKind::Deadlock ||
                                 static_cast<core::SyncOp>(b.extra16) == core::SyncOp::LostUpdate;
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
            const auto op = static_cast<core::SyncOp>(b.extra16);
            const bool filled = op == core::SyncOp::Acquired || op == core::SyncOp::Put;
            p.setPen(QPen(m_theme->text(), 1.2));
            p.setBrush(filled ? QBrush(m_theme->text()) : QBrush(m_theme->background()));
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

void TimelineView::paintContent(QPainter& p, const QRect& area, const TimeScale& scale, int scrollY,
                                SpanCache& cache, bool showCursor) {
    const auto& trace = m_controller->trace();
    const int axisH = axisHeight();
    const QRect data(area.left() + m_labelWidth, area.top() + axisH,
                     std::max(1, area.width() - m_labelWidth), std::max(1, area.height() - axisH));
    p.fillRect(area, m_theme->background());
    const QFontMetrics fm = p.fontMetrics();

    // Grid lines at the axis ticks.
    const SimTime step =
        tickStep(scale.nsPerPixel, fm.horizontalAdvance(QStringLiteral("000.000 ms")) + 16);
    const SimTime tEnd = scale.toTime(data.width());

    // Rows: backgrounds and spans into colour batches.
    for (auto& b : m_batches) b.clear();
    const int firstRow = std::max(0, rowAt(m_rows, scrollY));
    p.setClipRect(QRect(data.left(), data.top(), data.width(), data.height()));
    for (std::size_t r = static_cast<std::size_t>(firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = data.top() + row.y - scrollY;
        if (y > data.bottom()) break;
        const QRect band(data.left(), y, data.width(), row.height);
        if (row.kind == TimelineRow::Kind::Section || row.kind == TimelineRow::Kind::Process)
            p.fillRect(band, m_theme->headerBackground());
        else if (r % 2 == 1)
            p.fillRect(band, m_theme->alternateBackground());
        if (row.kind != TimelineRow::Kind::Core && row.kind != TimelineRow::Kind::Thread &&
            row.kind != TimelineRow::Kind::Gil)
            continue;
        const int pad = std::max(2, row.height / 8);
        for (const PixelSpan& s : spans(cache, static_cast<int>(r), scale, data.width()))
            m_batches[static_cast<std::size_t>(s.colour)].push_back(
                QRect(data.left() + s.x0, y + pad, s.x1 - s.x0, row.height - 2 * pad));
    }
    // Faint tick lines under the spans' gaps.
    p.setPen(QPen(m_theme->grid(), 1));
    for (SimTime t = firstTick(scale.origin, step); t <= tEnd; t += step) {
        const int x = data.left() + static_cast<int>(std::lround(scale.toX(t)));
        p.drawLine(x, data.top(), x, data.bottom());
    }
    p.setPen(Qt::NoPen);
    for (int k = 0; k < kKeyCount; ++k) {
        const auto& rects = m_batches[static_cast<std::size_t>(k)];
        if (rects.empty()) continue;
        if (k == kSwitchKey) {
            p.setBrush(m_theme->background());
            p.drawRects(rects.data(), static_cast<int>(rects.size()));
            p.setBrush(QBrush(m_colours[static_cast<std::size_t>(k)], Qt::BDiagPattern));
        } else {
            p.setBrush(m_colours[static_cast<std::size_t>(k)]);
        }
        p.drawRects(rects.data(), static_cast<int>(rects.size()));
    }
    // Names on core slices wide enough to hold them: which thread runs is the point.
    p.setPen(QColor(Qt::black));
    for (std::size_t r = static_cast<std::size_t>(firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = data.top() + row.y - scrollY;
        if (y > data.bottom()) break;
        if (row.kind != TimelineRow::Kind::Core && row.kind != TimelineRow::Kind::Gil) continue;
        for (const PixelSpan& s : cache.rows[r]) {
            if (s.x1 - s.x0 < 28 || s.colour < kThreadKeyBase) continue;
            const QRect box(data.left() + s.x0 + 3, y, s.x1 - s.x0 - 6, row.height);
            const QString name = threadLabel(trace.body(s.record).subject);
            p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(name, Qt::ElideRight, box.width()));
        }
    }
    // Process lifetimes on their header rows, and taskscope.mark markers on thread lanes.
    const auto& index = m_controller->index();
    for (std::size_t r = static_cast<std::size_t>(firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = data.top() + row.y - scrollY;
        if (y > data.bottom()) break;
        if (row.kind != TimelineRow::Kind::Process) continue;
        const ProcessTimes pt = index.processTimes(row.index);
        if (pt.created < 0) continue;
        const SimTime until = pt.exited >= 0 ? pt.exited : trace.endTime();
        const double x0 = std::max(-1.0, scale.toX(pt.created));
        const double x1 = std::min(static_cast<double>(data.width()) + 1, scale.toX(until));
        if (x1 > x0)
            p.fillRect(QRectF(data.left() + x0, y + row.height - 4, x1 - x0, 3),
                       m_theme->mutedText());
    }
    p.setBrush(m_theme->marker());
    for (const std::uint32_t e : index.events()) {
        const auto& b = trace.body(e);
        if (b.kind != RecordKind::Marker || b.subject >= m_threadRow.size()) continue;
        const SimTime t = trace.time(e);
        if (t < scale.origin || t > tEnd) continue;
        const int r = m_threadRow[b.subject];
        if (r < 0) continue;
        const int y = data.top() + m_rows[static_cast<std::size_t>(r)].y - scrollY;
        const double x = data.left() + scale.toX(t);
        const double h = m_rows[static_cast<std::size_t>(r)].height / 2.0;
        const QPointF diamond[4] = {
            {x, y + 1.0}, {x + h / 2, y + h}, {x, y + 2 * h - 1}, {x - h / 2, y + h}};
        p.setPen(Qt::NoPen);
        p.drawPolygon(diamond, 4);
        p.setPen(m_theme->text());
        p.drawText(QPointF(x + h / 2 + 2, y + h + fm.ascent() / 2.0 - 1),
                   QString::fromStdString(trace.text(b.object)));
    }
    paintSyncGlyphs(p, data, scale, scrollY, firstRow);
    p.setClipping(false);

    // The axis.
    const QRect axis(data.left(), area.top(), data.width(), axisH);
    p.fillRect(QRect(area.left(), area.top(), area.width(), axisH), m_theme->headerBackground());
    p.setPen(m_theme->text());
    for (SimTime t = firstTick(scale.origin, step); t <= tEnd; t += step) {
        const int x = axis.left() + static_cast<int>(std::lround(scale.toX(t)));
        p.drawLine(x, axis.bottom() - 4, x, axis.bottom());
        p.drawText(QRect(x + 3, axis.top(), 200, axisH - 2), Qt::AlignVCenter | Qt::AlignLeft,
                   QString::fromStdString(formatTick(t, step)));
    }
    p.setPen(m_theme->grid());
    p.drawLine(area.left(), axis.bottom(), area.right(), axis.bottom());

    // The run's end, dimmed past it.
    const double endX = scale.toX(trace.endTime());
    if (endX < data.width()) {
        QColor shade = m_theme->mutedText();
        shade.setAlpha(40);
        p.fillRect(QRectF(data.left() + std::max(0.0, endX), data.top(),
                          data.width() - std::max(0.0, endX), data.height()),
                   shade);
    }

    // Labels on the left.
    const QRect labels(area.left(), data.top(), m_labelWidth, data.height());
    p.fillRect(QRect(area.left(), area.top(), m_labelWidth, area.height()),
               m_theme->headerBackground());
    p.setClipRect(labels);
    QFont bold = p.font();
    bold.setBold(true);
    const QFont normal = p.font();
    const auto& state = m_controller->state();
    for (std::size_t r = static_cast<std::size_t>(firstRow); r < m_rows.size(); ++r) {
        const TimelineRow& row = m_rows[r];
        const int y = data.top() + row.y - scrollY;
        if (y > data.bottom()) break;
        const QString text = QString::fromStdString(row.label);
        QRect box(area.left() + 8, y, m_labelWidth - 12, row.height);
        switch (row.kind) {
            case TimelineRow::Kind::Section:
                p.setFont(bold);
                p.setPen(m_theme->mutedText());
                p.drawText(box, Qt::AlignVCenter | Qt::AlignLeft,
                           row.index == 0 ? tr("CPU cores") : text);
                p.setFont(normal);
                break;
            case TimelineRow::Kind::Process: {
                const QColor dot = m_theme->lookColour(processLook(trace, state, row.index));
                p.setPen(Qt::NoPen);
                p.setBrush(dot);
                const int d = std::max(6, row.height / 3);
                p.drawEllipse(QRect(box.left(), y + (row.height - d) / 2, d, d));
                p.setFont(bold);
                p.setPen(m_theme->text());
                p.drawText(box.adjusted(d + 5, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                           fm.elidedText(text, Qt::ElideRight, box.width() - d - 5));
                p.setFont(normal);
                break;
            }
            case TimelineRow::Kind::Core:
            case TimelineRow::Kind::Gil:
                p.setPen(m_theme->text());
                p.drawText(
                    box, Qt::AlignVCenter | Qt::AlignLeft,
                    row.kind == TimelineRow::Kind::Core ? tr("CPU %1").arg(row.index) : tr("GIL"));
                break;
            case TimelineRow::Kind::Thread: {
                box.adjust(14, 0, 0, 0);
                const int sw = std::max(8, row.height / 2);
                p.fillRect(QRect(box.left(), y + (row.height - sw) / 2, sw, sw),
                           m_theme->threadColour(row.index));
                p.setPen(m_theme->text());
                p.drawText(box.adjusted(sw + 5, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                           fm.elidedText(text, Qt::ElideRight, box.width() - sw - 5));
                break;
            }
        }
    }
    p.setClipping(false);
    p.setPen(m_theme->grid());
    p.drawLine(data.left() - 1, area.top(), data.left() - 1, area.bottom());

    // The cursor.
    if (showCursor) {
        const double cx = scale.toX(m_controller->cursor());
        if (cx >= -1 && cx <= data.width() + 1) {
            const int x = data.left() + static_cast<int>(std::lround(cx));
            p.setPen(QPen(m_theme->cursor(), 2));
            p.drawLine(x, axis.top(), x, data.bottom());
            const QString label = QString::fromStdString(formatDuration(m_controller->cursor(), 3));
            const int w = fm.horizontalAdvance(label) + 10;
            QRect tag(x + 2, axis.top() + 1, w, axisH - 3);
            if (tag.right() > area.right()) tag.moveRight(x - 2);
            p.fillRect(tag, m_theme->cursor());
            p.setPen(Qt::white);
            p.drawText(tag, Qt::AlignCenter, label);
        }
    }
}

QString TimelineView::toolTipAt(const QPoint& pos) {
    const QRect data = dataRect();
    if (!data.contains(pos)) return {};
    const int r = rowAt(m_rows, pos.y() - data.top() + verticalScrollBar()->value());
    if (r < 0) return {};
    const TimelineRow& row = m_rows[static_cast<std::size_t>(r)];
    const auto& trace = m_controller->trace();
    const SimTime t = m_scale.toTime(pos.x() - data.left());
    // The slice under the pointer: the pixel may hold several; name the first.
    const SimTime t1 = m_scale.toTime(pos.x() - data.left() + 1);
    std::vector<core::Segment> segs;
    if (row.kind == TimelineRow::Kind::Core)
        trace.coreSegments(static_cast<int>(row.index), t, std::max(t1, t + 1), segs);
    else if (row.kind == TimelineRow::Kind::Thread)
        trace.threadSegments(row.index, t, std::max(t1, t + 1), segs);
    else if (row.kind == TimelineRow::Kind::Gil)
        trace.gilSegments(row.index, t, std::max(t1, t + 1), segs);
    else if (row.kind == TimelineRow::Kind::Process) {
        const ProcessTimes pt = m_controller->index().processTimes(row.index);
        const auto& info = trace.processes()[row.index];
        return tr("<b>%1</b> pid %2, parent %3<br>created %4%5")
            .arg(QString::fromStdString(info.name).toHtmlEscaped())
            .arg(info.pid)
            .arg(info.ppid)
            .arg(QString::fromStdString(formatDuration(pt.created)))
            .arg(pt.exited >= 0
                     ? tr(", exited %1").arg(QString::fromStdString(formatDuration(pt.exited)))
                     : QString());
    }
    if (segs.empty()) return {};
    const core::Segment& s = segs.front();
    const auto& b = trace.body(s.record);
    const QString span = tr("from %1 for %2")
                             .arg(QString::fromStdString(formatDuration(s.start)),
                                  QString::fromStdString(formatDuration(s.end - s.start)));
    const QString more = segs.size() > 1 ? tr("<br><i>%n more slice(s) in this pixel; zoom in</i>",
                                              "", static_cast<int>(segs.size() - 1))
                                         : QString();
    if (row.kind == TimelineRow::Kind::Gil) {
        const bool held = b.kind == RecordKind::Gil &&
                          static_cast<core::GilOp>(b.extra16) == core::GilOp::Acquire;
        return (held ? tr("GIL held by <b>%1</b><br>%2")
                           .arg(threadLabel(b.subject).toHtmlEscaped(), span)
                     : tr("GIL free<br>%1").arg(span)) +
               more;
    }
    if (row.kind == TimelineRow::Kind::Core) {
        QString what;
        switch (b.kind) {
            case RecordKind::CoreRun:
                what = tr("runs <b>%1</b>").arg(threadLabel(b.subject).toHtmlEscaped());
                break;
            case RecordKind::CoreSwitch:
                what =
                    tr("context switch to <b>%1</b>").arg(threadLabel(b.subject).toHtmlEscaped());
                break;
            default:
                what = tr("idle");
                break;
        }
        return tr("CPU %1 %2<br>%3").arg(row.index).arg(what, span) + more;
    }
    // Sync glyphs within a few pixels of the pointer, named first.
    QString glyphs;
    {
        const auto& marks = m_controller->index().syncMarks(row.index);
        const SimTime from = m_scale.toTime(pos.x() - data.left() - 5);
        const SimTime to = m_scale.toTime(pos.x() - data.left() + 5);
        auto it = std::lower_bound(marks.begin(), marks.end(), from,
                                   [&](std::uint32_t i, SimTime v) { return trace.time(i) < v; });
        for (int shown = 0; it != marks.end() && trace.time(*it) <= to && shown < 4;
             ++it, ++shown) {
            const auto& g = trace.body(*it);
            const QString obj =
                QString::fromStdString(objectLabel(trace, g.object)).toHtmlEscaped();
            QString what;
            if (g.kind == RecordKind::Deadlock) {
                what = tr("<b style='color:#d62728'>deadlock</b>: waits for %1, closing the cycle")
                           .arg(obj);
            } else {
                switch (static_cast<core::SyncOp>(g.extra16)) {
                    case core::SyncOp::Acquired:
                        what = tr("acquired %1").arg(obj);
                        break;
                    case core::SyncOp::Release:
                        what = tr("released %1").arg(obj);
                        break;
                    case core::SyncOp::Put:
                        what = tr("put an item into %1 (now %2)").arg(obj).arg(g.core);
                        break;
                    case core::SyncOp::Get:
                        what = tr("got an item from %1 (now %2)").arg(obj).arg(g.core);
                        break;
                    case core::SyncOp::LostUpdate:
                        what = tr("<b style='color:#d62728'>lost update</b> on %1: wrote over "
                                  "another thread's write")
                                   .arg(obj);
                        break;
                    default:
                        continue;
                }
            }
            glyphs +=
                tr("%1 %2<br>").arg(QString::fromStdString(formatDuration(trace.time(*it))), what);
        }
    }
    QString state = stateName(b.kind == RecordKind::ThreadCreate ? ThreadState::New : b.state);
    if (b.kind == RecordKind::State && b.state == ThreadState::Waiting) {
        state += tr(" (%1)").arg(reasonName(b.reason));
        // What it waits for, and who holds that (the wait-for graph in one line).
        const core::TraceState at = trace.stateAt(t);
        if (row.index < at.threads.size() && at.threads[row.index].waitingOn != core::kNone) {
            const std::uint32_t o = at.threads[row.index].waitingOn;
            state +=
                tr(" for %1").arg(QString::fromStdString(objectLabel(trace, o)).toHtmlEscaped());
            const auto kind = o < trace.objects().size()
                                  ? static_cast<core::ObjectKind>(trace.objects()[o].kind)
                                  : core::ObjectKind::Value;
            if ((kind == core::ObjectKind::Lock || kind == core::ObjectKind::RLock) &&
                o < at.objects.size() && at.objects[o].holder != core::kNone)
                state += tr(", held by %1").arg(threadLabel(at.objects[o].holder).toHtmlEscaped());
        }
    }
    if (b.kind == RecordKind::State && b.state == ThreadState::Running && b.core != 0xffff)
        state += tr(" on CPU %1").arg(b.core);
    const QString cause = b.kind == RecordKind::State && b.cause != core::Cause::None
                              ? tr("<br>after: %1").arg(causeName(b.cause))
                              : QString();
    return glyphs +
           tr("<b>%1</b>: %2<br>%3%4")
               .arg(threadLabel(row.index).toHtmlEscaped(), state, span, cause) +
           more;
}

bool TimelineView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    m_pressPos = event->position().toPoint();
    m_pressScale = m_scale;
    m_pressScrollY = verticalScrollBar()->value();
    if (m_pressPos.y() < axisHeight() && m_pressPos.x() >= m_labelWidth) {
        // The axis is a scrubber: drag the cursor along it.
        m_drag = Drag::Scrub;
        m_controller->pause();
        m_controller->seek(timeAtX(m_pressPos.x()));
    } else {
        m_drag = Drag::Pending;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Scrub) {
        m_controller->seek(timeAtX(pos.x()));
        return;
    }
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() > 4) m_drag = Drag::Pan;
    if (m_drag == Drag::Pan) {
        TimeScale s = m_pressScale;
        s.origin = m_pressScale.origin -
                   static_cast<SimTime>((pos.x() - m_pressPos.x()) * m_pressScale.nsPerPixel);
        setScale(s);
        verticalScrollBar()->setValue(m_pressScrollY - (pos.y() - m_pressPos.y()));
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    if (m_drag == Drag::Pending && event->position().x() >= m_labelWidth) {
        // A click seeks: every view jumps to that instant.
        m_controller->pause();
        m_controller->seek(timeAtX(event->position().toPoint().x()));
    }
    m_drag = Drag::None;
    viewport()->unsetCursor();
}

void TimelineView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (event->modifiers() & Qt::ControlModifier) {
        const double anchor = event->position().x() - m_labelWidth;
        zoomBy(std::pow(1.25, steps), std::max(0.0, anchor));
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier || event->angleDelta().x() != 0) {
        const double dx = event->angleDelta().x() != 0 ? event->angleDelta().x() / 120.0 : steps;
        TimeScale s = m_scale;
        s.origin -= static_cast<SimTime>(dx * dataRect().width() / 8.0 * s.nsPerPixel);
        setScale(s);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    const SimTime t = timeAtX(event->pos().x());
    QAction* runTo = menu.addAction(tr("Run to %1").arg(QString::fromStdString(formatDuration(t))));
    QAction* seekHere = menu.addAction(tr("Move cursor here"));
    menu.addSeparator();
    QAction* fit = menu.addAction(tr("Show whole run"));
    QAction* follow = menu.addAction(tr("Follow cursor"));
    follow->setCheckable(true);
    follow->setChecked(m_follow);
    menu.addSeparator();
    QAction* exportImg = menu.addAction(tr("Export image..."));
    QAction* chosen = menu.exec(event->globalPos());
    if (chosen == runTo)
        emit runToRequested(t);
    else if (chosen == seekHere)
        m_controller->seek(t);
    else if (chosen == fit)
        fitAll();
    else if (chosen == follow)
        m_follow = follow->isChecked();
    else if (chosen == exportImg)
        emit exportRequested();
}

bool TimelineView::exportImage(const QString& path, bool wholeRun, QString* error) {
    // One export path for the whole app (ui/export): title, legend, PDF and all.
    ExportOptions o;
    o.path = path;
    o.format = exportFormatForSuffix(QFileInfo(path).suffix()).value_or(ExportOptions::Format::Png);
    o.range = wholeRun ? ExportOptions::Range::Whole : ExportOptions::Range::Visible;
    o.scale = 2.0;  // sharp on slides
    o.width = std::max(800, viewport()->width());
    o.title = m_controller->title().toStdString();
    return exportTimeline(*this, o, error);
}

}  // namespace taskscope::ui
