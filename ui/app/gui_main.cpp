#include "ui/app/gui_main.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <string_view>

#include "ui/app/language.h"
#include "ui/app/main_window.h"
#include "ui/app/preferences.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/views/code_view.h"

namespace taskscope::ui {

namespace {
// Lets layouts, charts and timers settle before the window is grabbed.
void settle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int screenshot(const GuiOptions& o) {
    // A private settings file: the picture always shows the default layout.
    QTemporaryDir dir;
    auto prefs = std::make_shared<Preferences>(dir.filePath(QStringLiteral("taskscope.ini")));
    prefs->setDarkTheme(o.dark);
    prefs->setColourBlindSafe(o.colourBlind);
    applyLanguage(parseLanguageCode(o.lang.empty() ? "en" : o.lang).value_or(Language::English));
    MainWindow window(prefs);
    window.setQuietErrors(true);
    window.controller()->setStartupOverrides(o.run);
    // Never show the user's own saved edits of a Python program in a picture.
    window.codeView()->setAutosaveDirectory(dir.filePath(QStringLiteral("edits")));
    const bool ok = o.file.empty() ? window.openResource(MainWindow::defaultLesson())
                                   : window.openFile(QString::fromStdString(o.file));
    if (!ok) {
        std::fprintf(stderr, "taskscope: error: %s\n", qPrintable(window.lastError()));
        return 2;
    }
    SimulationController* c = window.controller();
    c->runToCompletion();
    core::SimTime at = c->endTime();
    if (!o.at.empty()) {
        const auto t = parseDuration(o.at, c->tickSize());
        if (!t) {
            std::fprintf(stderr,
                         "taskscope: error: --at: \"%s\" is not a time; write e.g. 50ms or 1.5s\n",
                         o.at.c_str());
            return 2;
        }
        at = *t;
    }
    // Seek before showing so the views paint the final picture, not an animation.
    c->seek(at);
    const QSize size(o.width, o.height);
    window.resize(size);
    window.show();
    if (o.presenter) {
        window.setPresenterMode(true);
        window.showNormal();  // a fixed-size picture, not the screen size
    }
    if (!o.raise.empty()) {
        auto* dock = window.findChild<QDockWidget*>(QString::fromStdString(o.raise) +
                                                    QStringLiteral("Dock"));
        if (!dock) {
            std::fprintf(
                stderr,
                "taskscope: error: --raise: no view \"%s\"; try timeline, processes, states, "
                "stats, console, settings, workload, syncObjects, waitFor, events, breakpoints, "
                "code, gil\n",
                o.raise.c_str());
            return 2;
        }
        dock->show();
        dock->raise();
    }
    settle(150);
    window.resize(size);
    settle(150);
    const QImage image = window.grab().toImage();
    if (!image.save(QString::fromStdString(o.screenshot))) {
        std::fprintf(
            stderr,
            "taskscope: error: cannot write \"%s\"; check the folder and the .png extension\n",
            o.screenshot.c_str());
        return 2;
    }
    return 0;
}
}  // namespace

namespace {
// Qt aborts when no display can be opened: a screenshot needs none (offscreen), and a
// window gets a message saying what to do instead of the abort.
bool prepareDisplay(int argc, char** argv, bool screenshot) {
    if (qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
        qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]) == "-platform") return true;
    if (screenshot) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return true;
    }
    std::fprintf(
        stderr,
        "taskscope: no display found (DISPLAY is not set). Run it in a desktop session, under\n"
        "  xvfb-run, or headless: taskscope --screenshot shot.png [FILE], taskscope run FILE "
        "--summary\n");
    return false;
}
}  // namespace

int guiMain(int argc, char** argv, const GuiOptions& o) {
    if (!prepareDisplay(argc, argv, !o.screenshot.empty())) return 1;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Taskscope"));
    QApplication::setOrganizationName(QStringLiteral("Taskscope"));
    QApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION_STRING));
    if (!o.screenshot.empty()) return screenshot(o);

    auto prefs = std::make_shared<Preferences>();
    const Language lang =
        (o.lang.empty() ? parseLanguage(prefs->language()) : parseLanguageCode(o.lang))
            .value_or(Language::System);
    if (!applyLanguage(lang))
        std::fprintf(stderr,
                     "taskscope: warning: the Chinese translation is missing from this build\n");
    MainWindow window(prefs);
    window.show();
    window.controller()->setStartupOverrides(o.run);
    if (o.file.empty())
        window.openResource(MainWindow::defaultLesson());
    else if (!window.openFile(QString::fromStdString(o.file)))
        window.openResource(MainWindow::defaultLesson());
    return QApplication::exec();
}

}  // namespace taskscope::ui
