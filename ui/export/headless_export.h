#pragma once

#include <QString>

#include <optional>
#include <vector>

#include "core/session/compare.h"
#include "core/sim/machine.h"
#include "core/trace/trace.h"
#include "core/workload/workload.h"
#include "ui/app/language_code.h"
#include "ui/export/export_options.h"

namespace taskscope::ui {

// A run the headless command line has already simulated, to be drawn as it is.
struct HeadlessRun {
    const core::Machine* machine = nullptr;
    const core::Trace* trace = nullptr;
    core::MachineSettings settings;
    std::optional<core::Workload> workload;  // the workload it came from, when it is one
    QString title;                           // the program's title (file name by default)
    // The language of the pictures (System: the LANG of the environment), and the title to
    // use instead of each output's when they are Chinese (a lesson's title_zh; may be empty).
    Language language = Language::System;
    QString titleZh;
};

// Writes each of `outputs` for `run` without a window: creates the QApplication when there is
// none yet (on the "offscreen" platform unless QT_QPA_PLATFORM says otherwise, so no display
// is needed), renders with the light theme and the application's default font. Stops at the
// first failure with the reason in `error`.
bool exportHeadless(const HeadlessRun& run, const std::vector<ExportOptions>& outputs,
                    QString* error);

// Writes the comparison picture (compare_export.h) of `runs` to each of `outputs`, creating
// the QApplication as exportHeadless does.
bool exportComparisonHeadless(const std::vector<core::CompareRun>& runs,
                              const std::vector<ExportOptions>& outputs, QString* error);

}  // namespace taskscope::ui
