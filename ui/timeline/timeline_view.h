#pragma once

#include <QAbstractScrollArea>
#include <QPoint>

#include <vector>

#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_math.h"
#include "ui/timeline/timeline_painter.h"

namespace taskscope::ui {

class SimulationController;
class Theme;

// The timeline: one lane per core (which thread runs; context switches hatched) and one per
// thread grouped under its process (its state; waiting coloured by reason), a time axis, the
// cursor line, and markers. Drawn by a TimelinePainter (which exports share); the view adds
// zoom, scrolling, seeking, tooltips and following the cursor.
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    TimelineView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    SimulationController* controller() const { return m_controller; }
    Theme* theme() const { return m_theme; }
    const TimeScale& scale() const { return m_scale; }
    void setScale(const TimeScale& scale);
    // Shows the whole run.
    void fitAll();
    void zoomBy(double factor, double anchorX);
    bool followCursor() const { return m_follow; }
    void setFollowCursor(bool on) { m_follow = on; }
    // Which processes get a GIL lane (when the run has a GIL): those with several threads
    // (the default: a lone thread's GIL never changes hands), every process, or none.
    enum class GilLanes { MultiThreaded, Every, None };
    void setGilLaneMode(GilLanes mode);
    GilLanes gilLaneMode() const { return m_gilMode; }
    // On: every process; off: those with several threads.
    void setGilLanes(bool on) { setGilLaneMode(on ? GilLanes::Every : GilLanes::MultiThreaded); }

    // Geometry of the viewport: labels on the left, the axis on top, lanes in the rest.
    int labelWidth() const { return m_painter.labelWidth(); }
    int axisHeight() const;
    // The height that shows every lane without a vertical scroll bar (axis, lanes, the
    // horizontal scroll bar and the frame).
    int contentHeightHint() const;
    QRect dataRect() const;
    const std::vector<TimelineRow>& rows() const { return m_painter.rows(); }
    // Sync glyphs (lock, queue, lost update, deadlock) drawn by the last paint, after the
    // level-of-detail thinning.
    int glyphsDrawn() const { return m_painter.glyphsDrawn(); }
    // The spans row `row` paints at the current scale (computed on demand).
    const std::vector<PixelSpan>& spansForRow(int row);
    // What the tooltip at viewport position `pos` says (empty: none).
    QString toolTipAt(const QPoint& pos);
    // Time of the cursor line under viewport x.
    core::SimTime timeAtX(int x) const { return m_scale.toTime(x - labelWidth()); }

    // Wall time of the last paint event, for the frame budget.
    qint64 lastPaintNs() const { return m_lastPaintNs; }

signals:
    void runToRequested(core::SimTime t);
    void exportRequested();
    // The lanes changed in number or height (a program spawned, the theme changed).
    void layoutChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onAdvanced(qint64 cursor, quint64 revision);
    void onProgramChanged();
    void rebuildLayout();
    // The first view of a program: the lesson's zoom, or the whole run.
    void fitInitial();
    void updateScrollBars();
    void keepCursorVisible();
    QString threadLabel(std::uint32_t thread) const;

    SimulationController* m_controller;
    Theme* m_theme;
    TimelinePainter m_painter;
    TimeScale m_scale;
    bool m_follow = true;
    core::SimTime m_followedCursor = -1;  // the cursor keepCursorVisible() last acted on
    bool m_gilLanes = false;              // shown: the run has GIL records and the mode is not None
    GilLanes m_gilMode = GilLanes::MultiThreaded;
    bool m_fitPending = true;
    bool m_updatingScrollBars = false;
    core::SimTime m_nextReveal = -1;  // reveal as it plays: when a hidden lane appears
    std::size_t m_knownThreads = 0;
    std::size_t m_knownProcesses = 0;
    quint64 m_revision = ~0ull;

    enum class Drag { None, Pending, Pan, Scrub };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    TimeScale m_pressScale;
    int m_pressScrollY = 0;
    qint64 m_lastPaintNs = 0;
};

}  // namespace taskscope::ui
