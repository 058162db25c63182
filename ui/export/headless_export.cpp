#include "ui/export/headless_export.h"

#include <QApplication>

#include <memory>

#include "ui/app/language.h"
#include "ui/export/compare_export.h"
#include "ui/export/image_export.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
// QApplication keeps references to argc and argv for its lifetime.
int g_argc = 1;
char g_arg0[] = "taskscope";
char* g_argv[] = {g_arg0, nullptr};

// The application a headless export draws with: none is made when one exists. A headless
// export never needs a display: it draws on the offscreen platform unless the user chose
// another one.
std::unique_ptr<QApplication> ensureApplication() {
    if (QCoreApplication::instance()) return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(g_argc, g_argv);
}
}  // namespace

bool exportHeadless(const HeadlessRun& run, const std::vector<ExportOptions>& outputs,
                    QString* error) {
    if (!run.machine || !run.trace) {
        if (error) *error = QStringLiteral("nothing was run");
        return false;
    }
    const auto app = ensureApplication();
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

bool exportComparisonHeadless(const std::vector<core::CompareRun>& runs,
                              const std::vector<ExportOptions>& outputs, QString* error) {
    const auto app = ensureApplication();
    Theme theme;
    theme.applyToApplication();
    for (const ExportOptions& o : outputs)
        if (!exportComparison(runs, o, theme, error)) return false;
    return true;
}

}  // namespace taskscope::ui
