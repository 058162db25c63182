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

GuiOptions parseGuiOptions(const std::vector<std::string>& args) {
    GuiOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) {
                o.error = QStringLiteral("%1 needs a value").arg(QString::fromLatin1(name));
                return std::nullopt;
            }
            return args[++i];
        };
        if (a == "--screenshot") {
            if (auto v = value("--screenshot")) o.screenshot = QString::fromStdString(*v);
        } else if (a == "--at") {
            if (auto v = value("--at")) o.at = QString::fromStdString(*v);
        } else if (a == "--size") {
            if (auto v = value("--size")) {
                int w = 0, h = 0;
                if (std::sscanf(v->c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 150 ||
                    w > 8000 || h > 8000)
                    o.error =
                        QStringLiteral("--size: expected WIDTHxHEIGHT like 1600x1000, got \"%1\"")
                            .arg(QString::fromStdString(*v));
                else
                    o.size = QSize(w, h);
            }
        } else if (a == "--dark") {
            o.dark = true;
        } else if (a == "--raise") {
            if (auto v = value("--raise")) o.raise = QString::fromStdString(*v);
        } else if (a == "--lang" || a == "--language") {
            if (auto v = value("--lang")) {
                o.lang = QString::fromStdString(*v);
                if (!parseLanguage(o.lang))
                    o.error = QStringLiteral("--lang: expected zh_CN, en or system, got \"%1\"")
                                  .arg(o.lang);
            }
        } else if (a == "--presenter") {
            o.presenter = true;
        } else if (a == "--colour-blind" || a == "--color-blind") {
            o.colourBlind = true;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            // Qt's own options (-platform, -style...) are consumed by QApplication first.
            o.error = QStringLiteral("unknown option \"%1\"").arg(QString::fromStdString(a));
        } else if (o.file.isEmpty()) {
            o.file = QString::fromStdString(a);
        } else {
            o.error =
                QStringLiteral("more than one file given (\"%1\")").arg(QString::fromStdString(a));
        }
        if (!o.error.isEmpty()) break;
    }
    return o;
}

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
    applyLanguage(parseLanguage(o.lang.isEmpty() ? QStringLiteral("en") : o.lang)
                      .value_or(Language::English));
    MainWindow window(prefs);
    window.setQuietErrors(true);
    // Never show the user's own saved edits of a Python program in a picture.
    window.codeView()->setAutosaveDirectory(dir.filePath(QStringLiteral("edits")));
    const bool ok = o.file.isEmpty() ? window.openResource(MainWindow::defaultLesson())
                                     : window.openFile(o.file);
    if (!ok) {
        std::fprintf(stderr, "taskscope: error: %s\n", qPrintable(window.lastError()));
        return 2;
    }
    SimulationController* c = window.controller();
    c->runToCompletion();
    core::SimTime at = c->endTime();
    if (!o.at.isEmpty()) {
        const auto t = parseDuration(o.at.toStdString(), c->tickSize());
        if (!t) {
            std::fprintf(stderr,
                         "taskscope: error: --at: \"%s\" is not a time; write e.g. 50ms or 1.5s\n",
                         qPrintable(o.at));
            return 2;
        }
        at = *t;
    }
    // Seek before showing so the views paint the final picture, not an animation.
    c->seek(at);
    window.resize(o.size);
    window.show();
    if (o.presenter) {
        window.setPresenterMode(true);
        window.showNormal();  // a fixed-size picture, not the screen size
    }
    if (!o.raise.isEmpty()) {
        auto* dock = window.findChild<QDockWidget*>(o.raise + QStringLiteral("Dock"));
        if (!dock) {
            std::fprintf(
                stderr,
                "taskscope: error: --raise: no view \"%s\"; try timeline, processes, states, "
                "stats, console, settings, workload, syncObjects, waitFor, events, breakpoints, "
                "code, gil\n",
                qPrintable(o.raise));
            return 2;
        }
        dock->show();
        dock->raise();
    }
    settle(150);
    window.resize(o.size);
    settle(150);
    const QImage image = window.grab().toImage();
    if (!image.save(o.screenshot)) {
        std::fprintf(
            stderr,
            "taskscope: error: cannot write \"%s\"; check the folder and the .png extension\n",
            qPrintable(o.screenshot));
        return 2;
    }
    return 0;
}
}  // namespace

namespace {
// Qt aborts when no display can be opened: a screenshot needs none (offscreen), and a
// window gets a message saying what to do instead of the abort.
bool prepareDisplay(int argc, char** argv) {
    if (qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
        qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true;
    bool screenshot = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "-platform") return true;
        if (a == "--screenshot") screenshot = true;
    }
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

int guiMain(int argc, char** argv) {
    if (!prepareDisplay(argc, argv)) return 1;
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Taskscope"));
    QApplication::setOrganizationName(QStringLiteral("Taskscope"));
    QApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION_STRING));
    std::vector<std::string> args;
    const QStringList qargs = QApplication::arguments();
    for (int i = 1; i < qargs.size(); ++i) args.push_back(qargs[i].toStdString());
    const GuiOptions o = parseGuiOptions(args);
    if (!o.error.isEmpty()) {
        std::fprintf(stderr,
                     "taskscope: error: %s\nusage: taskscope [FILE] [--lang zh_CN|en|system]\n"
                     "       taskscope --screenshot OUT.png [FILE] [--at T] [--size WxH] [--dark] "
                     "[--presenter] [--colour-blind] [--raise VIEW] [--lang zh_CN|en]\n",
                     qPrintable(o.error));
        return 2;
    }
    if (!o.screenshot.isEmpty()) return screenshot(o);

    auto prefs = std::make_shared<Preferences>();
    const Language lang =
        parseLanguage(o.lang.isEmpty() ? prefs->language() : o.lang).value_or(Language::System);
    if (!applyLanguage(lang))
        std::fprintf(stderr,
                     "taskscope: warning: the Chinese translation is missing from this build\n");
    MainWindow window(prefs);
    window.show();
    if (o.file.isEmpty())
        window.openResource(MainWindow::defaultLesson());
    else if (!window.openFile(o.file))
        window.openResource(MainWindow::defaultLesson());
    return QApplication::exec();
}

}  // namespace taskscope::ui
