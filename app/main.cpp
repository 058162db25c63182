#include <iostream>

#include "app/cli.h"
#include "app/compare_command.h"

#ifdef TASKSCOPE_HAS_GUI
#include <QString>

#include "core/sim/machine.h"
#include "core/workload/workload.h"
#include "ui/app/gui_main.h"
#include "ui/export/headless_export.h"

namespace {
// `taskscope run ... --png/--svg/--pdf`: the Qt-free command line hands the finished run to
// the Qt exporter (which creates its QApplication only now, offscreen).
bool exportImagesWithQt(const taskscope::app::ImageExportRequest& r, std::string* error) {
    using taskscope::ui::ExportOptions;
    std::vector<ExportOptions> outputs;
    auto add = [&](const std::string& path, ExportOptions::Format format) {
        if (path.empty()) return;
        ExportOptions o;
        static_cast<taskscope::core::ImageOptions&>(o) = r.image;
        o.path = QString::fromStdString(path);
        o.format = format;
        outputs.push_back(o);
    };
    add(r.pngPath, ExportOptions::Format::Png);
    add(r.svgPath, ExportOptions::Format::Svg);
    add(r.pdfPath, ExportOptions::Format::Pdf);
    taskscope::ui::HeadlessRun run;
    run.machine = r.machine;
    run.trace = r.trace;
    run.settings = *r.settings;
    // The views read the program's time unit (charts, steps) from its workload.
    taskscope::core::Workload unit;
    unit.unit = r.unit;
    unit.timeUnit = r.unitName;
    unit.title = r.image.title;
    unit.file = r.file;
    run.workload = std::move(unit);
    run.title = QString::fromStdString(r.image.title);
    run.language =
        taskscope::ui::parseLanguageCode(r.lang).value_or(taskscope::ui::Language::System);
    run.titleZh = QString::fromStdString(r.titleZh);
    QString message;
    const bool ok = taskscope::ui::exportHeadless(run, outputs, &message);
    if (!ok && error) *error = message.toStdString();
    return ok;
}
// `taskscope compare ... --png/--svg/--pdf`: the comparison picture, drawn by Qt likewise.
bool exportComparisonWithQt(const taskscope::app::CompareImageRequest& r, std::string* error) {
    using taskscope::ui::ExportOptions;
    std::vector<ExportOptions> outputs;
    auto add = [&](const std::string& path, ExportOptions::Format format) {
        if (path.empty()) return;
        ExportOptions o;
        o.path = QString::fromStdString(path);
        o.format = format;
        o.title = r.title;
        o.threadLanes = r.threadLanes;
        outputs.push_back(o);
    };
    add(r.pngPath, ExportOptions::Format::Png);
    add(r.svgPath, ExportOptions::Format::Svg);
    add(r.pdfPath, ExportOptions::Format::Pdf);
    QString message;
    const bool ok = taskscope::ui::exportComparisonHeadless(*r.runs, outputs, &message);
    if (!ok && error) *error = message.toStdString();
    return ok;
}
}  // namespace
#endif

int main(int argc, char** argv) {
#ifdef TASKSCOPE_HAS_GUI
    taskscope::app::setImageExporter(&exportImagesWithQt);
    taskscope::app::setCompareImageExporter(&exportComparisonWithQt);
    taskscope::ui::GuiOptions gui;
    const int status = taskscope::app::runCli(argc, argv, std::cout, std::cerr, &gui);
    if (status != taskscope::app::kStartGui) return status;
    return taskscope::ui::guiMain(argc, argv, gui);
#else
    return taskscope::app::runCli(argc, argv, std::cout, std::cerr);
#endif
}
