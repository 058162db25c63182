#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetrics>
#include <QRect>
#include <QString>

#include <cstdint>
#include <vector>

#include "core/trace/trace.h"
#include "ui/timeline/lane_index.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_math.h"

class QPainter;

namespace taskscope::ui {

class SimulationController;
class Theme;

// Draws a run's timeline into any paint device: the label column, the time axis, the lanes
// (cores, threads, GIL), process lifetimes, taskscope.mark markers, sync glyphs and the cursor,
// each in its own pass. Shared by the TimelineView (which adds input and scrolling) and the
// image export, so neither depends on the other. Lanes are turned into whole-pixel spans once
// per (range, width, trace revision) and filled in one batch per colour.
class TimelinePainter {
public:
    TimelinePainter(const SimulationController& controller, const Theme& theme);

    // What one call of paint() draws.
    struct Frame {
        QRect area;  // labels on the left, the axis on top, lanes in the rest
        TimeScale scale;
        int axisHeight = 0;
        int scrollY = 0;  // content y at the top of the lanes
        bool cursor = false;
        // Reveal as it plays: nothing is drawn on the lanes after this time (-1: all).
        core::SimTime hideAfter = -1;
    };

    // The rows to draw (a layoutTimeline of the run); every cached lane is dropped.
    void setRows(std::vector<TimelineRow> rows);
    const std::vector<TimelineRow>& rows() const { return m_rows; }
    void setLabelWidth(int width) { m_labelWidth = width; }
    int labelWidth() const { return m_labelWidth; }
    // The theme's colours changed: the lanes are recoloured.
    void themeChanged();

    // The label column that fits the labels of `rows` in `fm` (threads indented, with a swatch).
    static int labelWidthFor(const std::vector<TimelineRow>& rows, const QFontMetrics& fm);
    static int axisHeightFor(const QFontMetrics& fm);
    // The lanes' rectangle of a frame.
    QRect dataRect(const Frame& frame) const;

    void paint(QPainter& p, const Frame& frame);
    // The spans row `row` paints over `width` pixels at `scale` (cached, as paint uses them).
    const std::vector<PixelSpan>& spansForRow(int row, const TimeScale& scale, int width);
    // Sync glyphs drawn by the last paint, after the level-of-detail thinning.
    int glyphsDrawn() const { return m_glyphsDrawn; }

private:
    // Where the passes of one frame draw.
    struct Pass {
        QRect area;
        QRect data;
        TimeScale scale;
        int axisHeight = 0;
        int scrollY = 0;
        int firstRow = 0;
        core::SimTime tickStep = 1;
        core::SimTime end = 0;  // time at the right edge of the lanes
        int rowTop(const TimelineRow& row) const { return data.top() + row.y - scrollY; }
    };
    // The label column's fonts, made once per frame.
    struct LabelFonts {
        QFont normal;
        QFont bold;
        QFontMetrics metrics;
    };

    void rebuildColours();
    int keyForRecord(const TimelineRow& row, std::uint32_t record) const;
    void buildLane(std::size_t row);
    void validateCache(const TimeScale& scale, int width);
    QString threadLabel(std::uint32_t thread) const;

    void paintLaneBands(QPainter& p, const Pass& f);
    void paintGrid(QPainter& p, const Pass& f);
    void paintBatches(QPainter& p);
    void paintSliceNames(QPainter& p, const Pass& f);
    void paintProcessLifetimes(QPainter& p, const Pass& f);
    void paintMarkers(QPainter& p, const Pass& f);
    void paintSyncGlyphs(QPainter& p, const Pass& f);
    void paintAxis(QPainter& p, const Pass& f);
    void paintRunEnd(QPainter& p, const Pass& f);
    void paintDeadlockWaits(QPainter& p, const Pass& f);
    void paintLabels(QPainter& p, const Pass& f);
    void paintLabel(QPainter& p, const Pass& f, const TimelineRow& row, const LabelFonts& fonts);
    void paintCursor(QPainter& p, const Pass& f);
    void paintHiddenFuture(QPainter& p, const Pass& f, core::SimTime after);

    const SimulationController& m_controller;
    const Theme& m_theme;
    std::vector<TimelineRow> m_rows;
    std::vector<int> m_threadRow;  // thread index -> row (-1: none)
    int m_labelWidth = 150;
    int m_glyphsDrawn = 0;

    // Per row: the lane as flat columns, rebuilt once per trace revision and colouring.
    std::vector<LaneIndex> m_lanes;
    std::vector<char> m_laneValid;
    quint64 m_lanesRevision = ~0ull;
    int m_lanesColourVersion = -1;
    std::vector<core::Segment> m_segments;  // reused while building a lane

    // Per row: its spans for the cached (scale, width, revision, colouring).
    TimeScale m_cacheScale;
    int m_cacheWidth = -1;
    quint64 m_cacheRevision = ~0ull;
    int m_cacheColourVersion = -1;
    std::vector<std::vector<PixelSpan>> m_spans;
    std::vector<char> m_spansValid;

    std::vector<std::vector<QRect>> m_batches;  // reused: rects per colour key
    std::vector<QColor> m_colours;              // colour key -> colour
    int m_colourVersion = 0;
};

}  // namespace taskscope::ui
