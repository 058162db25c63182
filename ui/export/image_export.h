#pragma once

#include <QColor>
#include <QFont>
#include <QRect>
#include <QSize>
#include <QString>

#include <functional>
#include <vector>

#include "ui/export/export_options.h"
#include "ui/timeline/timeline_layout.h"
#include "ui/timeline/timeline_math.h"

class QPainter;

namespace taskscope::ui {

class SimulationController;
class Theme;

// What the on-screen timeline adds to an export of it: the font of its labels (presenter mode
// enlarges it) and the range it shows, for Range::Visible.
struct TimelineShown {
    QFont font;
    core::SimTime from = 0;
    core::SimTime to = 0;
};

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
    QRect timeline;    // axis, labels and lanes, painted by a TimelinePainter
    QRect data;        // the lanes: right of the labels, below the axis
    QRect legendBand;  // empty without a legend
    TimeScale scale;   // x = data.left() + scale.toX(t)
    core::SimTime from = 0;
    core::SimTime to = 0;
    std::vector<TimelineRow> rows;  // y relative to data.top()
    std::vector<LegendEntry> legend;
    QFont font;  // of the labels, axis and legend
};

// The layout of a timeline export of `controller`'s run with options `o` (range, lanes, title,
// legend, width). The font and the visible range come from `shown`; without it the font is
// the application's and Range::Visible is the whole run.
TimelinePicture planTimelinePicture(const SimulationController& controller, const Theme& theme,
                                    const ExportOptions& o, const TimelineShown* shown = nullptr);
// Paints that picture with any painter (image, SVG, PDF), in logical pixels.
void paintTimelinePicture(QPainter& p, const SimulationController& controller, const Theme& theme,
                          const TimelinePicture& picture, const ExportOptions& o);

// Writes the timeline of `controller`'s run as o.path in o.format.
bool exportTimeline(const SimulationController& controller, const Theme& theme,
                    const ExportOptions& o, QString* error, const TimelineShown* shown = nullptr);
// Writes o.view: the timeline (following `shown` if given), any other view by rendering a
// fresh instance of it on `controller` and `theme`, so a picture never depends on how a dock
// happens to be sized or scrolled.
bool exportView(SimulationController& controller, Theme& theme, const TimelineShown* shown,
                const ExportOptions& o, QString* error);

// The title band every export starts with (the title, then one muted line): its height for
// `o.title` (0 without one) and its painting.
int titleBandHeight(const QFont& base, const ExportOptions& o, const QString& subtitle);
void paintTitleBand(QPainter& p, const QRect& band, const QFont& base, const Theme& theme,
                    const QString& title, const QString& subtitle);

// Writes a picture of `size` logical pixels that `paint` draws, as PNG (scaled), SVG or PDF.
bool writePicture(const ExportOptions& o, QSize size, const QColor& background,
                  const std::function<void(QPainter&)>& paint, QString* error);

// The characters of `text` that come out as a missing glyph (a box) when drawn with
// `font` and Qt's font fallback; empty when every character has a glyph.
QString missingGlyphs(const QString& text, const QFont& font);

}  // namespace taskscope::ui
