#pragma once

#include <QPageSize>
#include <QString>

#include <optional>

#include "core/util/time.h"

namespace taskscope::ui {

// What File > Export... and `taskscope run --png/--svg/--pdf` ask for.
struct ExportOptions {
    enum class Format { Png, Svg, Pdf };
    enum class View {
        Timeline,          // lanes, axis, labels, legend
        States,            // the five-state diagram
        ProcessTree,       // the pstree picture
        WaitFor,           // the wait-for graph and the Coffman checklist
        Stats,             // the statistics view: summary and both charts
        WaitingChart,      // waiting / turnaround bars (Qt Charts)
        UtilizationChart,  // CPU utilization per core (Qt Charts)
    };
    enum class Range { Whole, Visible, Custom };

    QString path;
    Format format = Format::Png;
    View view = View::Timeline;
    double scale = 1.0;  // PNG: device pixels per logical pixel (2 for slides)
    Range range = Range::Whole;
    core::SimTime from = 0;  // Range::Custom
    core::SimTime to = 0;
    bool gilLanes = true;  // when the run has a GIL
    bool threadLanes = true;
    bool legend = true;
    QString title;     // empty: no title band
    QString subtitle;  // empty: the run's settings and range
    int width = 1400;  // logical pixels (the timeline's width; views: their size)
    int height = 0;    // views only (0: a default for the view)
    // PDF only: the page (the picture is fitted into it). Unset: a page exactly the size
    // of the picture.
    std::optional<QPageSize> page;
    bool portrait = false;
};

// "png", "svg", "pdf" (any case) -> the format; nullopt otherwise.
std::optional<ExportOptions::Format> exportFormatForSuffix(const QString& suffix);
// "timeline", "states", "processes", "wait-for", "stats", "waiting-chart",
// "utilization-chart" -> the view.
std::optional<ExportOptions::View> exportViewForName(const QString& name);
QString exportViewName(ExportOptions::View view);
// The names above joined with '|', for messages.
QString exportViewNames();
// "A4", "A3", "Letter", "Legal", "A5" (landscape unless suffixed "-portrait"); nullopt otherwise.
std::optional<QPageSize> exportPageForName(const QString& name, bool* portrait = nullptr);

}  // namespace taskscope::ui
