#pragma once

#include <QAbstractScrollArea>
#include <QColor>
#include <QPoint>

#include <vector>

#include "ui/timeline/lane_index.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_math.h"

namespace taskscope::ui {

class SimulationController;
class Theme;

// The timeline: one lane per core (which thread runs; context switches hatched) and one per
// thread grouped under its process (its state; waiting coloured by reason), a time axis, the
// cursor line, and markers. Custom painted for speed: lanes are turned into whole-pixel spans
// once per (range, width, trace revision) and filled in one batch per colour.
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
    void setGilLanes(bool on);

    // Geometry of the viewport: labels on the left, the axis on top, lanes in the rest.
    int labelWidth() const { return m_labelWidth; }
    int axisHeight() const;
    QRect dataRect() const;
    const std::vector<TimelineRow>& rows() const { return m_rows; }
    // Sync glyphs (lock, queue, lost update, deadlock) drawn by the last paint, after the
    // level-of-detail thinning.
    int glyphsDrawn() const { return m_glyphsDrawn; }
    // The spans row `row` paints at the current scale (computed on demand).
    const std::vector<PixelSpan>& spansForRow(int row);
    // What the tooltip at viewport position `pos` says (empty: none).
    QString toolTipAt(const QPoint& pos);
    // Time of the cursor line under viewport x.
    core::SimTime timeAtX(int x) const { return m_scale.toTime(x - m_labelWidth); }

    // Paints the whole run (or the visible range) into `path` (.png or .svg).
    bool exportImage(const QString& path, bool wholeRun, QString* error);
    // For exports (ui/export): paints `rows` (a layoutTimeline of this run, perhaps with other
    // lane options) over `scale` into `area` of any paint device, as the viewport paints them
    // but with no cursor and no scrolling.
    void paintRows(QPainter& p, const QRect& area, const TimeScale& scale,
                   const std::vector<TimelineRow>& rows);
    // Wall time of the last paint event, for the frame budget.
    qint64 lastPaintNs() const { return m_lastPaintNs; }

signals:
    void runToRequested(core::SimTime t);
    void exportRequested();

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
    struct SpanCache {
        TimeScale scale;
        int width = -1;
        quint64 revision = ~0ull;
        int colourVersion = -1;
        std::vector<std::vector<PixelSpan>> rows;
        std::vector<char> valid;
    };

    void paintSyncGlyphs(QPainter& p, const QRect& data, const TimeScale& scale, int scrollY,
                         int firstRow);
    void onAdvanced(qint64 cursor, quint64 revision);
    void onProgramChanged();
    void rebuildLayout();
    void rebuildColours();
    void updateScrollBars();
    void keepCursorVisible();
    const std::vector<PixelSpan>& spans(SpanCache& cache, int row, const TimeScale& scale,
                                        int width);
    void computeSpans(const TimelineRow& row, const TimeScale& scale, int width,
                      std::vector<PixelSpan>& out);
    void paintContent(QPainter& p, const QRect& area, const TimeScale& scale, int scrollY,
                      SpanCache& cache, bool showCursor);
    int keyForRecord(const TimelineRow& row, std::uint32_t record) const;
    QString threadLabel(std::uint32_t thread) const;

    SimulationController* m_controller;
    Theme* m_theme;
    TimeScale m_scale;
    std::vector<TimelineRow> m_rows;
    int m_glyphsDrawn = 0;
    std::vector<int> m_threadRow;  // thread index -> row (-1: none)
    SpanCache m_cache;
    std::vector<core::Segment> m_segments;  // reused while building lanes
    std::vector<LaneIndex> m_lanes;         // per row, built on first paint
    std::vector<char> m_laneValid;
    quint64 m_lanesRevision = ~0ull;
    int m_lanesColourVersion = -1;
    std::vector<std::vector<QRect>> m_batches;  // reused: rects per colour key
    std::vector<QColor> m_colours;              // colour key -> colour
    int m_colourVersion = 0;
    int m_labelWidth = 150;
    bool m_follow = true;
    bool m_gilLanes = false;  // shown: asked for, or the run has GIL records
    bool m_gilRequested = false;
    bool m_fitPending = true;
    bool m_updatingScrollBars = false;
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
