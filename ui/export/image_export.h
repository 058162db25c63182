#pragma once

#include <QColor>
#include <QRect>
#include <QSize>
#include <QString>

#include <functional>
#include <vector>

#include "ui/export/export_options.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_math.h"

class QFont;
class QPainter;
class QWidget;

namespace taskscope::ui {

class SimulationController;
class Theme;
class TimelineView;

// One entry of an exported timeline's legend.
struct LegendEntry {
    QColor colour;
    QString label;
    bool hatched = false;  // drawn like a context switch
};

// Where everything of a timeline export goes, in logical pixels (tests sample pixels by it).
struct TimelinePicture {
    QSize size;
    QRect titleBand;   // empty without a title
    QRect timeline;    // axis, labels and lanes, painted by TimelineView::paintRows
    QRect data;        // the lanes: right of the labels, below the axis
    QRect legendBand;  // empty without a legend
    TimeScale scale;   // x = data.left() + scale.toX(t)
    core::SimTime from = 0;
    core::SimTime to = 0;
    std::vector<TimelineRow> rows;  // y relative to data.top()
    std::vector<LegendEntry> legend;
};

// The layout of a timeline export of `view`'s run with options `o` (range, lanes, title,
// legend, width).
TimelinePicture planTimelinePicture(const TimelineView& view, const ExportOptions& o);
// Paints that picture with any painter (image, SVG, PDF), in logical pixels.
void paintTimelinePicture(QPainter& p, TimelineView& view, const TimelinePicture& picture,
                          const ExportOptions& o);

// Writes the timeline of `view` as o.path in o.format.
bool exportTimeline(TimelineView& view, const ExportOptions& o, QString* error);
// Writes o.view: the timeline through `timeline` (if given, else a fresh TimelineView), any
// other view by rendering a fresh instance of it on `controller` and `theme`, so a picture
// never depends on how a dock happens to be sized or scrolled.
bool exportView(SimulationController& controller, Theme& theme, TimelineView* timeline,
                const ExportOptions& o, QString* error);

// Writes a picture of `size` logical pixels that `paint` draws, as PNG (scaled), SVG or PDF.
bool writePicture(const ExportOptions& o, QSize size, const QColor& background,
                  const std::function<void(QPainter&)>& paint, QString* error);

// The characters of `text` that come out as a missing glyph (a box) when drawn with
// `font` and Qt's font fallback; empty when every character has a glyph.
QString missingGlyphs(const QString& text, const QFont& font);

}  // namespace taskscope::ui
