#include "ui/timeline/timeline_view.h"

#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "core/analysis/labels.h"
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
constexpr int kScrollSteps = 100000;
}  // namespace

TimelineView::TimelineView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QAbstractScrollArea(parent),
      m_controller(controller),
      m_theme(theme),
      m_painter(*controller, *theme) {
    setObjectName(QStringLiteral("timelineView"));
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    connect(controller, &SimulationController::advanced, this, &TimelineView::onAdvanced);
    connect(controller, &SimulationController::programChanged, this,
            &TimelineView::onProgramChanged);
    connect(controller, &SimulationController::hideFutureChanged, this, [this] {
        rebuildLayout();
        viewport()->update();
    });
    connect(theme, &Theme::changed, this, [this] {
        m_painter.themeChanged();
        rebuildLayout();
        viewport()->update();
    });
    onProgramChanged();
}

int TimelineView::axisHeight() const {
    return TimelinePainter::axisHeightFor(fontMetrics());
}

int TimelineView::contentHeightHint() const {
    return axisHeight() + layoutHeight(rows()) + horizontalScrollBar()->sizeHint().height() +
           2 * frameWidth();
}

QRect TimelineView::dataRect() const {
    const QRect v = viewport()->rect();
    return m_painter.dataRect({v, m_scale, axisHeight()});
}

void TimelineView::setGilLaneMode(GilLanes mode) {
    if (mode == m_gilMode) return;
    m_gilMode = mode;
    m_gilLanes = mode != GilLanes::None && m_controller->index().hasGil();
    rebuildLayout();
}

void TimelineView::onProgramChanged() {
    m_fitPending = true;
    m_gilLanes = m_gilMode != GilLanes::None && m_controller->index().hasGil();
    m_revision = ~0ull;
    rebuildLayout();
    if (isVisible()) fitInitial();
}

void TimelineView::rebuildLayout() {
    const auto& trace = m_controller->trace();
    TimelineLayoutOptions o;
    o.laneHeight = m_theme->laneHeight();
    o.headerHeight = m_theme->headerHeight();
    o.gilLanes = m_gilLanes;
    o.gilSingleThreaded = m_gilMode == GilLanes::Every;
    // Reveal as it plays: threads and processes created after the furthest point reached
    // are not listed yet; the earliest of them is when the layout grows next.
    m_nextReveal = -1;
    if (m_controller->hideFuture()) {
        const SimTime until = m_controller->revealedUntil();
        o.hiddenThreads.assign(trace.threads().size(), 0);
        for (std::uint32_t t = 0; t < trace.threads().size(); ++t) {
            const auto& lane = trace.threadLane(t);
            const SimTime created = lane.empty() ? trace.endTime() : trace.time(lane.front());
            if (created <= until) continue;
            o.hiddenThreads[t] = 1;
            if (m_nextReveal < 0 || created < m_nextReveal) m_nextReveal = created;
        }
        o.hiddenProcesses.assign(trace.processes().size(), 0);
        for (std::uint32_t p = 0; p < trace.processes().size(); ++p) {
            const SimTime created = m_controller->index().processTimes(p).created;
            if (created >= 0 && created <= until) continue;
            o.hiddenProcesses[p] = 1;
            if (created >= 0 && (m_nextReveal < 0 || created < m_nextReveal))
                m_nextReveal = created;
        }
    }
    std::vector<TimelineRow> rows = layoutTimeline(trace, o);
    const int before = layoutHeight(m_painter.rows());
    m_painter.setLabelWidth(TimelinePainter::labelWidthFor(rows, QFontMetrics(font())));
    m_painter.setRows(std::move(rows));
    m_knownThreads = trace.threads().size();
    m_knownProcesses = trace.processes().size();
    updateScrollBars();
    viewport()->update();
    if (layoutHeight(m_painter.rows()) != before) emit layoutChanged();
}

void TimelineView::fitAll() {
    const QRect d = dataRect();
    const SimTime end = std::max<SimTime>(m_controller->endTime(), 1);
    // A deadlock's threads wait on past the end: room to show it (their lanes go on).
    m_scale = fitScale(0, end + end / (m_controller->deadlockTime() ? 6 : 50), d.width());
    m_fitPending = false;
    updateScrollBars();
    viewport()->update();
}

void TimelineView::fitInitial() {
    // A lesson's "# zoom: 0:50ms" is the first view of its run; otherwise the whole run.
    const auto& h = m_controller->lessonHeader();
    if (!h.zoomFrom || !h.zoomTo) return fitAll();
    m_scale = fitScale(*h.zoomFrom, *h.zoomTo, dataRect().width());
    m_followedCursor = m_controller->cursor();
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
    const int content = layoutHeight(rows());
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
    if (m_fitPending) fitInitial();
}

void TimelineView::changeEvent(QEvent* event) {
    QAbstractScrollArea::changeEvent(event);
    // Presenter mode changes the font: label column and axis follow.
    if (event->type() == QEvent::FontChange) {
        rebuildLayout();
        if (!m_fitPending) keepCursorVisible();
    }
}

void TimelineView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (m_fitPending) fitInitial();
    updateScrollBars();
    // A narrower view (presenter mode's wider labels) keeps the cursor on screen.
    if (!m_fitPending) keepCursorVisible();
}

void TimelineView::onAdvanced(qint64, quint64 revision) {
    if (revision != m_revision) {
        m_revision = revision;
        const auto& trace = m_controller->trace();
        const bool gil = m_gilMode != GilLanes::None && m_controller->index().hasGil();
        if (trace.threads().size() != m_knownThreads ||
            trace.processes().size() != m_knownProcesses || gil != m_gilLanes) {
            m_gilLanes = gil;
            rebuildLayout();
        }
        if (m_fitPending && isVisible()) fitInitial();
        updateScrollBars();
    }
    if (m_nextReveal >= 0 && m_controller->revealedUntil() >= m_nextReveal) rebuildLayout();
    if (!isVisible()) return;  // hidden views do no work
    keepCursorVisible();
    viewport()->update();
}

void TimelineView::keepCursorVisible() {
    if (!m_follow || m_drag != Drag::None) return;
    // Only a moving cursor is followed: a lesson's first view stays until the cursor moves.
    if (m_controller->cursor() == m_followedCursor) return;
    m_followedCursor = m_controller->cursor();
    const double x = m_scale.toX(m_controller->cursor());
    const int w = dataRect().width();
    if (x >= 0 && x <= w * 0.95) return;
    TimeScale s = m_scale;
    s.origin = m_controller->cursor() - static_cast<SimTime>(w * 0.1 * s.nsPerPixel);
    setScale(s);
}

const std::vector<PixelSpan>& TimelineView::spansForRow(int row) {
    return m_painter.spansForRow(row, m_scale, dataRect().width());
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
    TimelinePainter::Frame frame{viewport()->rect(), m_scale, axisHeight(),
                                 verticalScrollBar()->value(), true};
    if (m_controller->hideFuture()) frame.hideAfter = m_controller->revealedUntil();
    m_painter.paint(p, frame);
    m_lastPaintNs = clock.nsecsElapsed();
}

QString TimelineView::toolTipAt(const QPoint& pos) {
    const QRect data = dataRect();
    if (!data.contains(pos)) return {};
    const int r = rowAt(rows(), pos.y() - data.top() + verticalScrollBar()->value());
    if (r < 0) return {};
    const TimelineRow& row = rows()[static_cast<std::size_t>(r)];
    const auto& trace = m_controller->trace();
    const SimTime t = m_scale.toTime(pos.x() - data.left());
    if (t > m_controller->visibleUntil()) return {};  // not played yet
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
        const core::ProcessTimes pt = m_controller->index().processTimes(row.index);
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
                QString::fromStdString(core::objectLabel(trace, g.object)).toHtmlEscaped();
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
            state += tr(" for %1").arg(
                QString::fromStdString(core::objectLabel(trace, o)).toHtmlEscaped());
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
    if (m_pressPos.y() < axisHeight() && m_pressPos.x() >= labelWidth()) {
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
    if (m_drag == Drag::Pending && event->position().x() >= labelWidth()) {
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
        const double anchor = event->position().x() - labelWidth();
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

}  // namespace taskscope::ui
