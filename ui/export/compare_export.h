#pragma once

#include <QString>

#include <vector>

#include "core/session/compare.h"
#include "ui/export/export_options.h"

namespace taskscope::ui {

class Theme;

// Labels of a comparison's runs for charts and pictures: "cores 2, gil off" (the settings
// that vary, as the command line names them; "args ''" for no arguments).
QString compareRunLabel(const core::CompareRun& run);

// The comparison picture: each run's timeline (core lanes; thread lanes when
// o.threadLanes) stacked on one time axis, each headed by its settings and makespan, and the
// speed-up chart beside them. `o` gives the path, format, title, width and scale; times are
// shown in `unit` (the program's time unit). Needs a QApplication.
bool exportComparison(const std::vector<core::CompareRun>& runs, const ExportOptions& o,
                      Theme& theme, QString* error);

}  // namespace taskscope::ui
