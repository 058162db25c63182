#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/defaults.h"

namespace taskscope::core {

// What a picture of a run shows: `taskscope run --png/--svg/--pdf` and File > Export... fill
// the same value (the GUI's ui::ExportOptions adds the file path and Qt types).
struct ImageOptions {
    enum class Format : std::uint8_t { Png, Svg, Pdf };
    enum class View : std::uint8_t {
        Timeline,          // lanes, axis, labels, legend
        States,            // the five-state diagram
        ProcessTree,       // the pstree picture
        WaitFor,           // the wait-for graph and the Coffman checklist
        Stats,             // the statistics view: summary and both charts
        WaitingChart,      // waiting / turnaround bars
        UtilizationChart,  // CPU utilization per core
        Gil,               // the GIL view: holder, waiters, each thread's GIL wait
        SyncObjects,       // the sync objects' cards
        Code,              // the Python program with each thread's line
    };
    enum class Range : std::uint8_t { Whole, Visible, Custom };

    Format format = Format::Png;
    View view = View::Timeline;
    double scale = kDefaultImageScale;  // PNG: device pixels per logical pixel (2 for slides)
    Range range = Range::Whole;
    SimTime from = 0;  // Range::Custom
    SimTime to = 0;
    bool gilLanes = true;  // when the run has a GIL
    bool threadLanes = true;
    bool legend = true;
    std::string title;               // empty: no title band
    int width = kDefaultImageWidth;  // logical pixels (the timeline's width; views: their size)
    int height = 0;                  // views only (0: a default for the view)
    // PDF only: the page the picture is fitted into ("A4", "Letter-portrait"; see
    // imagePageNames()); empty: a page exactly the size of the picture.
    std::string page;

    friend bool operator==(const ImageOptions&, const ImageOptions&) = default;
};

// "timeline", "states", "processes", "wait-for", "stats", "waiting-chart",
// "utilization-chart", "gil", "sync-objects", "code" (any case) -> the view.
std::optional<ImageOptions::View> imageViewForName(std::string_view name);
std::string_view imageViewName(ImageOptions::View view);
const std::vector<std::string_view>& imageViewNameList();
std::string imageViewNames();  // joined with '|', for messages
// "png", "svg", "pdf" (any case) -> the format.
std::optional<ImageOptions::Format> imageFormatForSuffix(std::string_view suffix);
// The pages `page` accepts: A3, A4, A5, Letter, Legal (landscape) and each with "-portrait".
const std::vector<std::string>& imagePageNames();

}  // namespace taskscope::core
