#include "ui/export/headless_export.h"

#include <QApplication>

#include <memory>

#include "ui/app/language.h"
#include "ui/export/image_export.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
// QApplication keeps references to argc and argv for its lifetime.
int g_argc = 1;
char g_arg0[] = "taskscope";
char* g_argv[] = {g_arg0, nullptr};
}  // namespace

bool exportHeadless(const HeadlessRun& run, const std::vector<ExportOptions>& outputs,
                    QString* error) {
    if (!run.machine || !run.trace) {
        if (error) *error = QStringLiteral("nothing was run");
        return false;
    }
    std::unique_ptr<QApplication> app;
    if (!QCoreApplication::instance()) {
        // A headless export never needs a display: draw on the offscreen platform unless
        // the user chose another one.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(g_argc, g_argv);
    }
    // The pictures speak the language asked for (or the environment's): labels, legend,
    // header and a lesson's Chinese title.
    applyLanguage(run.language);
    const bool chinese = currentLanguage() == Language::Chinese;
    bool ok = true;
    {
        Theme theme;
        theme.applyToApplication();
        SimulationController controller;
        controller.adoptRun(run.workload, run.title, run.settings, *run.machine, *run.trace);
        for (ExportOptions o : outputs) {
            if (chinese && !run.titleZh.isEmpty()) o.title = run.titleZh.toStdString();
            if (!exportView(controller, theme, nullptr, o, error)) {
                ok = false;
                break;
            }
        }
    }
    return ok;
}

}  // namespace taskscope::ui
