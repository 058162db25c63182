#pragma once

#include <QPageSize>
#include <QString>

#include <optional>

#include "core/trace/image_options.h"

namespace taskscope::ui {

// What File > Export... and `taskscope run --png/--svg/--pdf` ask for: what the picture shows
// (core::ImageOptions, the command line's too) and where it goes.
struct ExportOptions : core::ImageOptions {
    QString path;
    QString subtitle;  // empty: the run's settings and range
    // GIL lanes also for processes with one thread (the timeline's View > GIL lanes > Every
    // process); by default only processes with several threads get one.
    bool gilSingleThreaded = false;
};

// "png", "svg", "pdf" (any case) -> the format; nullopt otherwise.
std::optional<ExportOptions::Format> exportFormatForSuffix(const QString& suffix);
// "timeline", "states", "processes", "wait-for", "stats", "waiting-chart",
// "utilization-chart" -> the view.
std::optional<ExportOptions::View> exportViewForName(const QString& name);
QString exportViewName(ExportOptions::View view);
// The names above joined with '|', for messages.
QString exportViewNames();
// "A4", "A3", "Letter", "Legal", "A5" (landscape unless suffixed "-portrait"); nullopt otherwise
// (ExportOptions::page names one).
std::optional<QPageSize> exportPageForName(const QString& name, bool* portrait = nullptr);

}  // namespace taskscope::ui
