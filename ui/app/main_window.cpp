#include "ui/app/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

#include "core/analysis/wait_for_graph.h"
#include "ui/app/language.h"
#include "ui/app/preferences.h"
#include "ui/charts/stats_view.h"
#include "ui/export/export_dialog.h"
#include "ui/export/image_export.h"
#include "ui/model/display_names.h"
#include "ui/model/lesson_header.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"
#include "ui/timeline/legend_strip.h"
#include "ui/timeline/timeline_view.h"
#include "ui/views/breakpoints_view.h"
#include "ui/views/code_view.h"
#include "ui/views/compare_view.h"
#include "ui/views/console_view.h"
#include "ui/views/gil_view.h"
#include "ui/views/lesson_browser.h"
#include "ui/views/lesson_view.h"
#include "ui/views/process_view.h"
#include "ui/views/run_events_view.h"
#include "ui/views/settings_panel.h"
#include "ui/views/states_view.h"
#include "ui/views/sync_objects_view.h"
#include "ui/views/wait_for_graph_view.h"
#include "ui/views/workload_editor.h"

namespace taskscope::ui {

namespace {
constexpr int kSliderSteps = 1000;
// Bumped when the docks change (1: the Lesson panel), so that a layout saved by an older
// version is not restored over a window it does not know.
constexpr int kLayoutVersion = 1;
const double kLogMin = std::log10(SimulationController::kMinSpeed);
const double kLogMax = std::log10(SimulationController::kMaxSpeed);
// Toolbar icons drawn for Taskscope (resources/icons): readable on light and dark themes.
QIcon icon(const char* name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
}  // namespace

double MainWindow::speedForSlider(int value) {
    const double f = std::clamp(value, 0, kSliderSteps) / static_cast<double>(kSliderSteps);
    return std::pow(10.0, kLogMin + f * (kLogMax - kLogMin));
}

int MainWindow::sliderForSpeed(double speed) {
    const double f = (std::log10(std::clamp(speed, SimulationController::kMinSpeed,
                                            SimulationController::kMaxSpeed)) -
                      kLogMin) /
                     (kLogMax - kLogMin);
    return static_cast<int>(std::lround(f * kSliderSteps));
}

MainWindow::MainWindow(std::shared_ptr<Preferences> preferences, QWidget* parent)
    : QMainWindow(parent),
      m_prefs(preferences ? std::move(preferences) : std::make_shared<Preferences>()),
      m_controller(new SimulationController(this)),
      m_theme(new Theme(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon("taskscope"));
    m_normalFont = QApplication::font();
    m_theme->setMode(m_prefs->darkTheme() ? Theme::Mode::Dark : Theme::Mode::Light);
    m_theme->setColourBlindSafe(m_prefs->colourBlindSafe());
    m_controller->setPauseOnMarkers(m_prefs->pauseOnMarkers());
    m_controller->setPauseOnDeadlock(m_prefs->pauseOnDeadlock());
    m_controller->setPauseOnLostUpdate(m_prefs->pauseOnLostUpdate());
    m_controller->setStepMode(m_prefs->stepMode() == QLatin1String("tick")
                                  ? SimulationController::StepMode::Tick
                                  : SimulationController::StepMode::Event);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks |
                   QMainWindow::AllowNestedDocks);
    setDockNestingEnabled(true);

    buildActions();
    buildDocks();
    buildToolBar();
    buildMenus();
    // Every shortcut belongs to the window too: a hidden menu bar (presenter mode) or toolbar
    // would otherwise take its keys with it.
    {
        QList<QAction*> pending = menuBar()->actions();
        QList<QAction*> shortcuts{m_leavePresenterAction};
        while (!pending.isEmpty()) {
            QAction* a = pending.takeFirst();
            if (a->menu()) pending += a->menu()->actions();
            if (!a->shortcut().isEmpty() && !shortcuts.contains(a)) shortcuts << a;
        }
        addActions(shortcuts);
    }
    statusBar()->showMessage(tr("Ready"));

    connect(m_controller, &SimulationController::advanced, this, [this] { updateClock(); });
    connect(m_controller, &SimulationController::programChanged, this, [this] {
        updateTitle();
        updateClock();
        // A newly opened Python program brings its code and its GIL to the front.
        static constexpr quint64 kNoSerial = ~quint64{0};
        if (m_controller->isPython() &&
            property("pythonSerial").value<quint64>() != m_controller->programSerial()) {
            setProperty("pythonSerial", QVariant::fromValue(m_controller->programSerial()));
            // Then the views its header names ("# views: waitFor, stats"), the first in front.
            QStringList names = {QStringLiteral("code"), QStringLiteral("gil")};
            const auto& views = m_controller->lessonHeader().views;
            for (auto v = views.rbegin(); v != views.rend(); ++v)
                names << QString::fromStdString(*v);
            for (const QString& name : names)
                if (QDockWidget* d = findChild<QDockWidget*>(name + QLatin1String("Dock"));
                    d && !d->isFloating()) {
                    d->show();
                    d->raise();
                }
        } else if (!m_controller->isPython()) {
            setProperty("pythonSerial", QVariant::fromValue(kNoSerial));
        }
    });
    // A deadlock forms: the Wait-for graph comes to the front and the status bar says it
    // (the Console has its line, the timeline the threads' endless waits).
    connect(m_controller, &SimulationController::deadlockReached, this, [this](qint64 t) {
        if (QDockWidget* d = findChild<QDockWidget*>(QStringLiteral("waitForDock"));
            d && !d->isFloating()) {
            d->show();
            d->raise();
        }
        const core::Machine* m = m_controller->machine();
        statusBar()->showMessage(
            tr("Deadlock at %1: %2. No thread of the cycle can go on.")
                .arg(QString::fromStdString(formatDuration(t)),
                     m ? ui::describeCycle(m_controller->trace(), core::waitForGraph(*m))
                       : QString()));
    });
    connect(m_controller, &SimulationController::playingChanged, this, [this](bool playing) {
        m_playAction->setText(playing ? tr("Pause") : tr("Play"));
        m_playAction->setIcon(icon(playing ? "pause" : "play"));
    });
    connect(m_controller, &SimulationController::speedChanged, this, [this](double speed) {
        const QSignalBlocker block(m_speedSlider);
        m_speedSlider->setValue(sliderForSpeed(speed));
        m_speedLabel->setText(
            tr("%1\u00d7")
                .arg(speed < 1 ? QString::number(speed, 'g', 2) : QString::number(speed, 'g', 4)));
    });
    connect(m_theme, &Theme::changed, this, [this] { m_theme->applyToApplication(); });
    m_theme->applyToApplication();

    resize(1400, 860);
    m_defaultState = saveState(kLayoutVersion);
    const QByteArray geometry = m_prefs->geometry();
    if (!geometry.isEmpty()) restoreGeometry(geometry);
    const QByteArray state = m_prefs->windowState();
    if (!state.isEmpty()) restoreState(state, kLayoutVersion);
    unclipDockTabs();
    updateTitle();
    updateClock();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    m_openAction = new QAction(icon("open"), tr("&Open..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(
        tr("Open a workload (.json, .csv) or a Python program (.py) (Ctrl+O)"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::onOpen);

    m_lessonsAction = new QAction(icon("lessons"), tr("&Lessons..."), this);
    m_lessonsAction->setObjectName(QStringLiteral("lessonsAction"));
    m_lessonsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lessonsAction->setToolTip(
        tr("Browse the built-in lessons by seed or topic, with what each one shows (Ctrl+L)"));
    connect(m_lessonsAction, &QAction::triggered, this, [this] { showLessonBrowser(); });

    m_exportAction = new QAction(icon("export"), tr("&Export..."), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Export the timeline, a diagram or a chart as PNG, SVG or PDF (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::onExport);

    m_playAction = new QAction(icon("play"), tr("Play"), this);
    m_playAction->setShortcut(Qt::Key_Space);
    m_playAction->setToolTip(tr("Play / pause (Space)"));
    connect(m_playAction, &QAction::triggered, m_controller, &SimulationController::togglePlay);

    m_stepAction = new QAction(icon("step-forward"), tr("Step"), this);
    m_stepAction->setShortcut(Qt::Key_Right);
    m_stepAction->setToolTip(tr("Step forward: one scheduler event or one tick (\u2192)"));
    connect(m_stepAction, &QAction::triggered, m_controller, &SimulationController::stepForward);

    m_stepBackAction = new QAction(icon("step-back"), tr("Step back"), this);
    m_stepBackAction->setShortcut(Qt::Key_Left);
    m_stepBackAction->setToolTip(tr("Step back: the previous scheduler event or tick (\u2190)"));
    connect(m_stepBackAction, &QAction::triggered, m_controller, &SimulationController::stepBack);

    m_runToAction = new QAction(icon("run-to"), tr("Run to..."), this);
    m_runToAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runToAction->setToolTip(
        tr("Play until a time (also: right-click the timeline, \"Run to\") (Ctrl+R)"));
    connect(m_runToAction, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getText(
            this, tr("Run to"), tr("Play until the time (e.g. 120 ms, 1.5 s):"), QLineEdit::Normal,
            QString::fromStdString(formatDuration(m_controller->endTime())), &ok);
        if (!ok) return;
        const auto t = parseDuration(text.toStdString(), m_controller->tickSize());
        if (!t) {
            showError(
                tr("Run to"),
                tr("\"%1\" is not a time; write a number with a unit, e.g. 120 ms").arg(text));
            return;
        }
        m_controller->runTo(*t);
    });

    m_resetAction = new QAction(icon("reset"), tr("Reset"), this);
    m_resetAction->setShortcut(Qt::Key_Home);
    m_resetAction->setToolTip(tr("Back to the start (Home)"));
    connect(m_resetAction, &QAction::triggered, m_controller, &SimulationController::reset);

    auto* modes = new QActionGroup(this);
    m_stepEventAction = new QAction(tr("One scheduler event"), modes);
    m_stepTickAction = new QAction(tr("One time tick"), modes);
    // (No "one bytecode" step: the trace records lines and scheduler events, not every
    // bytecode, so there is nothing to step to; it comes back when the VM can pause there.)
    for (QAction* a : {m_stepEventAction, m_stepTickAction}) a->setCheckable(true);
    (m_controller->stepMode() == SimulationController::StepMode::Tick ? m_stepTickAction
                                                                      : m_stepEventAction)
        ->setChecked(true);
    connect(modes, &QActionGroup::triggered, this, [this](QAction* a) {
        const bool tick = a == m_stepTickAction;
        m_controller->setStepMode(tick ? SimulationController::StepMode::Tick
                                       : SimulationController::StepMode::Event);
        m_prefs->setStepMode(tick ? QStringLiteral("tick") : QStringLiteral("event"));
    });

    m_presenterAction = new QAction(icon("presenter"), tr("&Presenter mode"), this);
    m_presenterAction->setObjectName(QStringLiteral("presenterAction"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(Qt::Key_F11);
    m_presenterAction->setToolTip(
        tr("Presenter mode: full screen, large text, the timeline on most of the screen (F11; "
           "Esc leaves)"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    // Esc leaves presenter mode; it is enabled only then, so it takes Esc from nobody else.
    m_leavePresenterAction = new QAction(tr("Leave presenter mode"), this);
    m_leavePresenterAction->setObjectName(QStringLiteral("leavePresenterAction"));
    m_leavePresenterAction->setShortcut(Qt::Key_Escape);
    m_leavePresenterAction->setEnabled(false);
    connect(m_leavePresenterAction, &QAction::triggered, this, [this] { setPresenterMode(false); });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_darkAction = new QAction(tr("&Dark theme"), this);
    m_darkAction->setCheckable(true);
    m_darkAction->setChecked(m_theme->mode() == Theme::Mode::Dark);
    connect(m_darkAction, &QAction::toggled, this, [this](bool on) {
        m_theme->setMode(on ? Theme::Mode::Dark : Theme::Mode::Light);
        m_prefs->setDarkTheme(on);
    });
    m_colourBlindAction = new QAction(tr("&Colour-blind-safe palette"), this);
    m_colourBlindAction->setCheckable(true);
    m_colourBlindAction->setChecked(m_theme->colourBlindSafe());
    connect(m_colourBlindAction, &QAction::toggled, this, [this](bool on) {
        m_theme->setColourBlindSafe(on);
        m_prefs->setColourBlindSafe(on);
    });
    m_pauseOnMarkersAction = new QAction(tr("Pause at &markers"), this);
    m_pauseOnMarkersAction->setCheckable(true);
    m_pauseOnMarkersAction->setChecked(m_controller->pauseOnMarkers());
    connect(m_pauseOnMarkersAction, &QAction::toggled, m_controller,
            &SimulationController::setPauseOnMarkers);
    m_pauseOnDeadlockAction = new QAction(tr("Pause on &deadlock"), this);
    m_pauseOnDeadlockAction->setCheckable(true);
    m_pauseOnDeadlockAction->setChecked(m_controller->pauseOnDeadlock());
    connect(m_pauseOnDeadlockAction, &QAction::toggled, m_controller,
            &SimulationController::setPauseOnDeadlock);
    m_pauseOnLostUpdateAction = new QAction(tr("Pause on &lost update"), this);
    m_pauseOnLostUpdateAction->setCheckable(true);
    m_pauseOnLostUpdateAction->setChecked(m_controller->pauseOnLostUpdate());
    connect(m_pauseOnLostUpdateAction, &QAction::toggled, m_controller,
            &SimulationController::setPauseOnLostUpdate);
    // The menu and the Breakpoints view both switch the conditions: follow the controller.
    connect(m_controller, &SimulationController::breakpointsChanged, this, [this] {
        const QSignalBlocker a(m_pauseOnMarkersAction), b(m_pauseOnDeadlockAction),
            c(m_pauseOnLostUpdateAction);
        m_pauseOnMarkersAction->setChecked(m_controller->pauseOnMarkers());
        m_pauseOnDeadlockAction->setChecked(m_controller->pauseOnDeadlock());
        m_pauseOnLostUpdateAction->setChecked(m_controller->pauseOnLostUpdate());
        m_prefs->setPauseOnMarkers(m_controller->pauseOnMarkers());
        m_prefs->setPauseOnDeadlock(m_controller->pauseOnDeadlock());
        m_prefs->setPauseOnLostUpdate(m_controller->pauseOnLostUpdate());
    });
    connect(
        m_controller, &SimulationController::pausedAtBreak, this,
        [this](qint64 t, const QString& reason) {
            statusBar()->showMessage(
                tr("Paused at %1: %2")
                    .arg(QString::fromStdString(formatInUnit(t, m_controller->tickSize())), reason),
                10000);
        });
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(tr("Simulation"));
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("simulationToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_lessonsAction);
    bar->addAction(m_exportAction);
    bar->addSeparator();
    bar->addAction(m_stepBackAction);
    bar->addAction(m_playAction);
    m_stepButton = new QToolButton;
    m_stepButton->setDefaultAction(m_stepAction);
    m_stepButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stepButton->setProperty("textButton", true);
    m_stepButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto* modeMenu = new QMenu(m_stepButton);
    modeMenu->addActions({m_stepEventAction, m_stepTickAction});
    m_stepButton->setMenu(modeMenu);
    bar->addWidget(m_stepButton);
    bar->addAction(m_runToAction);
    bar->addAction(m_resetAction);
    bar->addSeparator();
    auto* speedTitle = new QLabel(tr(" Speed "));
    bar->addWidget(speedTitle);
    m_speedSlider = new QSlider(Qt::Horizontal);
    m_speedSlider->setObjectName(QStringLiteral("speedSlider"));
    m_speedSlider->setRange(0, kSliderSteps);
    m_speedSlider->setFixedWidth(140);
    m_speedSlider->setToolTip(tr("Simulated time per wall-clock second: 0.01\u00d7 to 1000\u00d7"));
    m_speedSlider->setValue(sliderForSpeed(m_controller->speed()));
    bar->addWidget(m_speedSlider);
    m_speedLabel = new QLabel(tr("%1\u00d7").arg(m_controller->speed()));
    m_speedLabel->setMinimumWidth(
        m_speedLabel->fontMetrics().horizontalAdvance(QStringLiteral("0.005\u00d7  ")));
    bar->addWidget(m_speedLabel);
    connect(m_speedSlider, &QSlider::valueChanged, this,
            [this](int v) { m_controller->setSpeed(speedForSlider(v)); });
    bar->addSeparator();
    m_clock = new QLabel;
    m_clock->setObjectName(QStringLiteral("clockLabel"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setBold(true);
    m_clock->setFont(mono);
    m_clock->setToolTip(tr("Simulated time at the cursor / end of the run"));
    bar->addWidget(m_clock);
    bar->addSeparator();
    auto* settingsButton = new QToolButton;
    settingsButton->setText(tr("Run settings"));
    settingsButton->setIcon(icon("settings"));
    settingsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    settingsButton->setProperty("textButton", true);
    settingsButton->setToolTip(tr("Run settings"));
    connect(settingsButton, &QToolButton::clicked, this, [this] {
        m_settingsDock->show();
        m_settingsDock->raise();
    });
    bar->addWidget(settingsButton);
    bar->addAction(m_presenterAction);
    // An icon (with its tooltip) so that it stays on the toolbar of a narrow window.
    if (auto* b = qobject_cast<QToolButton*>(bar->widgetForAction(m_presenterAction)))
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addAction(m_lessonsAction);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    sim->addActions({m_playAction, m_stepAction, m_stepBackAction, m_runToAction, m_resetAction});
    QMenu* stepMenu = sim->addMenu(tr("Step &size"));
    stepMenu->addActions({m_stepEventAction, m_stepTickAction});
    sim->addSeparator();
    sim->addAction(m_pauseOnMarkersAction);
    sim->addAction(m_pauseOnDeadlockAction);
    sim->addAction(m_pauseOnLostUpdateAction);
    sim->addAction(tr("&Breakpoints..."), this, [this] {
        if (auto* d = findChild<QDockWidget*>(QStringLiteral("breakpointsDock"))) {
            d->show();
            d->raise();
        }
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* d : m_docks) m_viewMenu->addAction(d->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);
    QAction* fit = m_viewMenu->addAction(tr("&Show whole run"), m_timeline, &TimelineView::fitAll);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* zoomIn = m_viewMenu->addAction(tr("Zoom &in"), this, [this] {
        m_timeline->zoomBy(2.0, m_timeline->dataRect().width() / 2.0);
    });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = m_viewMenu->addAction(tr("Zoom &out"), this, [this] {
        m_timeline->zoomBy(0.5, m_timeline->dataRect().width() / 2.0);
    });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* reveal = m_viewMenu->addAction(tr("Reveal as it &plays (hide the future)"));
    reveal->setObjectName(QStringLiteral("revealAction"));
    reveal->setCheckable(true);
    reveal->setToolTip(
        tr("Show only what has happened up to the furthest point reached, so "
           "the class can guess what happens next before you step"));
    reveal->setChecked(
        m_prefs->settings().value(QStringLiteral("view/revealAsItPlays"), false).toBool());
    m_controller->setHideFuture(reveal->isChecked());
    connect(reveal, &QAction::toggled, this, [this](bool on) {
        m_controller->setHideFuture(on);
        m_prefs->settings().setValue(QStringLiteral("view/revealAsItPlays"), on);
        updateClock();
    });
    QAction* key = m_viewMenu->addAction(tr("Colour &key under the timeline"));
    key->setObjectName(QStringLiteral("legendAction"));
    key->setCheckable(true);
    key->setChecked(m_prefs->settings().value(QStringLiteral("view/legend"), true).toBool());
    m_legend->setVisible(key->isChecked());
    connect(key, &QAction::toggled, this, [this](bool on) {
        m_legend->setVisible(on);
        m_prefs->settings().setValue(QStringLiteral("view/legend"), on);
    });
    // Which processes get a GIL lane (and a GIL card): the menu shows what is drawn.
    QMenu* gilMenu = m_viewMenu->addMenu(tr("&GIL lane per process"));
    gilMenu->setObjectName(QStringLiteral("gilLanesMenu"));
    gilMenu->setToolTipsVisible(true);
    auto* gilModes = new QActionGroup(gilMenu);
    const struct {
        TimelineView::GilLanes mode;
        QString text;
        const char* name;
    } gilChoices[] = {
        {TimelineView::GilLanes::MultiThreaded, tr("Processes with several threads"),
         "gilLanesMultiThreaded"},
        {TimelineView::GilLanes::Every, tr("Every process"), "gilLanesEvery"},
        {TimelineView::GilLanes::None, tr("None"), "gilLanesNone"},
    };
    for (const auto& choice : gilChoices) {
        QAction* a = gilMenu->addAction(choice.text);
        a->setObjectName(QLatin1String(choice.name));
        a->setCheckable(true);
        a->setActionGroup(gilModes);
        a->setChecked(choice.mode == m_timeline->gilLaneMode());
        const TimelineView::GilLanes mode = choice.mode;
        connect(a, &QAction::triggered, this, [this, mode] { setGilLaneMode(mode); });
    }
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_presenterAction);
    m_viewMenu->addAction(m_darkAction);
    m_viewMenu->addAction(m_colourBlindAction);
    m_viewMenu->addSeparator();
    // The language is applied at startup (translators, fonts and lesson titles are chosen
    // once); a change is stored and takes effect at the next start.
    QMenu* language = m_viewMenu->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(language);
    const struct {
        Language lang;
        QString text;
    } choices[] = {{Language::System, tr("System")},
                   {Language::English, QStringLiteral("English")},
                   {Language::Chinese, QStringLiteral(u"简体中文")}};  // 简体中文
    const Language stored = parseLanguage(m_prefs->language()).value_or(Language::System);
    for (const auto& c : choices) {
        QAction* a = language->addAction(c.text);
        a->setObjectName(QStringLiteral("language_") + languageCode(c.lang));
        a->setCheckable(true);
        a->setChecked(c.lang == stored);
        a->setActionGroup(languages);
        const Language lang = c.lang;
        connect(a, &QAction::triggered, this, [this, lang] {
            m_prefs->setLanguage(languageCode(lang));
            m_prefs->sync();
            if (resolveLanguage(lang) == currentLanguage()) return;
            const QString note = tr("The language changes the next time Taskscope starts.");
            statusBar()->showMessage(note, 10000);
            if (m_quietErrors) return;
            auto* box = new QMessageBox(QMessageBox::Information, tr("Language"), note,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keys"), this, [this] {
        QMessageBox::information(
            this, tr("Keys"),
            tr("Space: play / pause\n\u2192 / \u2190: step forward / back\nHome: reset\n"
               "Ctrl+O: open\nCtrl+E: export the timeline or a view\nCtrl+R: run to a time\n"
               "F11: presenter mode\nTimeline: click to seek, drag to pan, "
               "Ctrl+wheel to zoom, drag the time axis to scrub"));
    });
    help->addAction(tr("&About Taskscope"), this, [this] {
        QMessageBox::about(
            this, tr("About Taskscope"),
            tr("<b>Taskscope %1</b><br>Watch how an operating system and CPython run "
               "concurrent programs: processes, states, the scheduler, cores, threads "
               "and the GIL.")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::buildDocks() {
    auto dock = [this](QWidget* w, const QString& title, const QString& name) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        // Forms (Run settings, Breakpoints, the workload table's buttons) and the charts
        // scroll rather than hold the whole bottom row to their height (presenter mode, small
        // screens).
        if (qobject_cast<SettingsPanel*>(w) || qobject_cast<BreakpointsView*>(w) ||
            qobject_cast<WorkloadEditor*>(w) || qobject_cast<StatsView*>(w)) {
            auto* scroll = new QScrollArea;
            scroll->setObjectName(name + QStringLiteral("Scroll"));
            scroll->setWidget(w);
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            d->setWidget(scroll);
        } else {
            d->setWidget(w);
        }
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                       QDockWidget::DockWidgetFloatable);
        m_docks << d;
        return d;
    };
    m_timeline = new TimelineView(m_controller, m_theme);
    m_processView = new ProcessView(m_controller, m_theme);
    m_states = new StatesView(m_controller, m_theme);
    m_console = new ConsoleView(m_controller, m_theme);
    m_stats = new StatsView(m_controller, m_theme);
    m_settings = new SettingsPanel(m_controller);
    m_editor = new WorkloadEditor(m_controller);
    m_sync = new SyncObjectsView(m_controller, m_theme);
    m_waitFor = new WaitForGraphView(m_controller, m_theme);
    m_events = new RunEventsView(m_controller, m_theme);
    m_breakpoints = new BreakpointsView(m_controller);
    m_code = new CodeView(m_controller, m_theme);
    m_gil = new GilView(m_controller, m_theme);
    m_compare = new CompareView(m_controller, m_theme);
    m_lesson = new LessonView;
    connect(m_code, &CodeView::statusMessage, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_timeline, &TimelineView::runToRequested, m_controller, &SimulationController::runTo);
    connect(m_timeline, &TimelineView::exportRequested, this, &MainWindow::onExport);
    connect(m_timeline, &TimelineView::layoutChanged, this, [this] { applyPresenterLayout(); });
    connect(m_events, &RunEventsView::eventActivated, this, [this](int kind) {
        const char* name = kind == static_cast<int>(RunEvent::Kind::Deadlock) ? "waitForDock"
                           : kind == static_cast<int>(RunEvent::Kind::LostUpdate)
                               ? "syncObjectsDock"
                               : nullptr;
        if (!name) return;
        if (QDockWidget* d = findChild<QDockWidget*>(QLatin1String(name)); d && !d->isFloating()) {
            d->show();
            d->raise();
        }
    });

    // The timeline with its colour key under it.
    auto* timelineBox = new QWidget;
    {
        auto* box = new QVBoxLayout(timelineBox);
        box->setContentsMargins(0, 0, 0, 0);
        box->setSpacing(0);
        m_legend = new LegendStrip(m_theme);
        box->addWidget(m_timeline, 1);
        box->addWidget(m_legend);
    }
    QDockWidget* timeline = dock(timelineBox, tr("Timeline"), QStringLiteral("timelineDock"));
    QDockWidget* processes = dock(m_processView, tr("Processes"), QStringLiteral("processesDock"));
    QDockWidget* states = dock(m_states, tr("States"), QStringLiteral("statesDock"));
    QDockWidget* stats = dock(m_stats, tr("Statistics"), QStringLiteral("statsDock"));
    QDockWidget* console = dock(m_console, tr("Console"), QStringLiteral("consoleDock"));
    m_settingsDock = dock(m_settings, tr("Run settings"), QStringLiteral("settingsDock"));
    QDockWidget* editor = dock(m_editor, tr("Workload table"), QStringLiteral("workloadDock"));
    QDockWidget* sync = dock(m_sync, tr("Sync objects"), QStringLiteral("syncObjectsDock"));
    QDockWidget* waitFor = dock(m_waitFor, tr("Wait-for graph"), QStringLiteral("waitForDock"));
    QDockWidget* events = dock(m_events, tr("Run events"), QStringLiteral("eventsDock"));
    QDockWidget* breakpoints =
        dock(m_breakpoints, tr("Breakpoints"), QStringLiteral("breakpointsDock"));
    QDockWidget* code = dock(m_code, tr("Code"), QStringLiteral("codeDock"));
    QDockWidget* gil = dock(m_gil, tr("GIL"), QStringLiteral("gilDock"));
    // The Compare dock scrolls rather than widen the window to its form.
    auto* compareScroll = new QScrollArea;
    compareScroll->setWidgetResizable(true);
    compareScroll->setFrameShape(QFrame::NoFrame);
    compareScroll->setWidget(m_compare);
    QDockWidget* compare = dock(compareScroll, tr("Compare"), QStringLiteral("compareDock"));
    QDockWidget* lesson = dock(m_lesson, tr("Lesson"), QStringLiteral("lessonDock"));

    // No central widget: every view is a dock, so any of them can take the big area.
    auto* spacer = new QWidget;
    spacer->setMaximumSize(0, 0);
    setCentralWidget(spacer);
    addDockWidget(Qt::TopDockWidgetArea, timeline);
    splitDockWidget(timeline, lesson, Qt::Horizontal);
    addDockWidget(Qt::BottomDockWidgetArea, processes);
    splitDockWidget(processes, states, Qt::Horizontal);
    splitDockWidget(states, stats, Qt::Horizontal);
    tabifyDockWidget(stats, console);
    tabifyDockWidget(stats, m_settingsDock);
    tabifyDockWidget(stats, editor);
    tabifyDockWidget(stats, compare);
    tabifyDockWidget(states, sync);
    tabifyDockWidget(states, waitFor);
    tabifyDockWidget(processes, events);
    tabifyDockWidget(processes, breakpoints);
    tabifyDockWidget(processes, code);
    tabifyDockWidget(states, gil);
    stats->raise();
    states->raise();
    processes->raise();
    resizeDocks({timeline, processes}, {470, 360}, Qt::Vertical);
    resizeDocks({processes, states, stats}, {430, 470, 500}, Qt::Horizontal);
    resizeDocks({timeline, lesson}, {1100, 300}, Qt::Horizontal);
}

void MainWindow::resetLayout() {
    restoreState(m_defaultState, kLayoutVersion);
    for (QDockWidget* d : m_docks) {
        d->setFloating(false);
        d->show();
    }
    for (const char* name : {"statsDock", "statesDock", "processesDock"})
        if (QDockWidget* d = findChild<QDockWidget*>(QLatin1String(name))) d->raise();
    unclipDockTabs();
}

LessonBrowser* MainWindow::showLessonBrowser() {
    if (auto* open = findChild<LessonBrowser*>(); open && open->isVisible()) {
        open->raise();
        return open;
    }
    auto* browser = new LessonBrowser(currentLanguage() == Language::Chinese, this);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_lessonPath.isEmpty()) browser->select(m_lessonPath);
    connect(browser, &QDialog::accepted, this, [this, browser] {
        const QString path = browser->selectedPath();
        if (!path.isEmpty()) openResource(path);
    });
    browser->open();
    return browser;
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_prefs->recentFiles();
    for (const QString& path : files) {
        QAction* a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

bool MainWindow::openFile(const QString& path) {
    QString error;
    if (!m_controller->openFile(path, &error)) {
        showError(tr("Cannot open %1").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    m_prefs->addRecentFile(QFileInfo(path).absoluteFilePath());
    rebuildRecentMenu();
    showLessonOf(path);
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

void MainWindow::showLessonOf(const QString& path) {
    m_lessonPath = path;
    const LessonHeader header = readLessonHeader(path);
    const bool chinese = currentLanguage() == Language::Chinese;
    m_lesson->showLesson(header, chinese);
}

bool MainWindow::openResource(const QString& resourcePath) {
    QFile f(resourcePath);
    QString error;
    if (!f.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot open lesson"), tr("%1: missing from this build").arg(resourcePath));
        return false;
    }
    if (resourcePath.endsWith(QLatin1String(".py"))) {
        const QString source = QString::fromUtf8(f.readAll());
        if (!m_controller->openPythonText(source, QFileInfo(resourcePath).fileName(), resourcePath,
                                          &error)) {
            showError(tr("Cannot open lesson"), error);
            return false;
        }
        showLessonOf(resourcePath);
        return true;
    }
    const QByteArray text = f.readAll();
    if (!m_controller->openWorkloadText(text, QFileInfo(resourcePath).fileName(), &error)) {
        showError(tr("Cannot open lesson"), error);
        return false;
    }
    showLessonOf(resourcePath);
    return true;
}

void MainWindow::showError(const QString& title, const QString& message) {
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    if (m_quietErrors) return;
    // Window-modal but not blocking: the event loop (and tests) keep running.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onOpen() {
    const QStringList recent = m_prefs->recentFiles();
    const QString dir = recent.isEmpty() ? QString() : QFileInfo(recent.front()).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a program or workload"), dir,
                                     tr("Taskscope programs (*.py *.json *.csv);;Workloads (*.json "
                                        "*.csv);;Python programs (*.py);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::onExport() {
    ExportDialog dialog(exportTitle(), &m_prefs->settings(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    if (!exportWith(dialog.options(), &error)) {
        showError(tr("Export failed"), error);
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(dialog.options().path), 5000);
}

QString MainWindow::exportTitle() const {
    // The lesson's title in the interface language, else the program's file name.
    const LessonHeader& h = m_lesson->header();
    return h.titled ? h.localTitle(currentLanguage() == Language::Chinese) : m_controller->title();
}

void MainWindow::setGilLaneMode(TimelineView::GilLanes mode) {
    m_timeline->setGilLaneMode(mode);
    m_gil->setShowSingleThreaded(mode == TimelineView::GilLanes::Every);
    const char* name = mode == TimelineView::GilLanes::Every  ? "gilLanesEvery"
                       : mode == TimelineView::GilLanes::None ? "gilLanesNone"
                                                              : "gilLanesMultiThreaded";
    if (auto* a = findChild<QAction*>(QLatin1String(name))) a->setChecked(true);
}

bool MainWindow::exportWith(const ExportOptions& requested, QString* error) {
    ExportOptions options = requested;
    // The timeline's GIL lanes as the View menu has them.
    options.gilSingleThreaded = m_timeline->gilLaneMode() == TimelineView::GilLanes::Every;
    if (m_timeline->gilLaneMode() == TimelineView::GilLanes::None) options.gilLanes = false;
    m_controller->runToCompletion();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const TimelineShown shown = shownTimeline();
    const bool ok = exportView(*m_controller, *m_theme, &shown, options, error);
    QApplication::restoreOverrideCursor();
    return ok;
}

TimelineShown MainWindow::shownTimeline() const {
    const TimeScale& s = m_timeline->scale();
    return {m_timeline->font(), s.origin, s.toTime(m_timeline->dataRect().width())};
}

void MainWindow::updateClock() {
    const QString now =
        QString::fromStdString(formatInUnit(m_controller->cursor(), m_controller->tickSize()));
    // Reveal as it plays: the end of the run is part of the future.
    const QString end = m_controller->hideFuture()
                            ? QStringLiteral("?")
                            : QString::fromStdString(formatDuration(m_controller->endTime()));
    m_clock->setText(tr(" t = %1 / %2 ").arg(now, end) +
                     (m_controller->runComplete() ? QString() : tr(" (computing\u2026)")));
}

void MainWindow::updateTitle() {
    const QString title = m_controller->title();
    setWindowTitle(title.isEmpty() ? tr("Taskscope") : tr("%1 \u2014 Taskscope").arg(title));
    const auto& s = m_controller->settings();
    if (m_controller->hasProgram())
        statusBar()->showMessage(
            tr("%1: %2 on %n core(s)", "", s.cores)
                .arg(title, QString::fromLatin1(core::policyName(s.policy.kind).data())),
            8000);
}

void MainWindow::setPresenterMode(bool on) {
    if (on == m_presenter) return;
    m_presenter = on;
    {
        const QSignalBlocker block(m_presenterAction);
        m_presenterAction->setChecked(on);
    }
    m_leavePresenterAction->setEnabled(on);
    QFont f = m_normalFont;
    if (on) {
        m_statePresenterSaved = saveState(kLayoutVersion);
        m_geometryPresenterSaved = saveGeometry();
        f.setPointSizeF(m_normalFont.pointSizeF() * 1.6);
    }
    QApplication::setFont(f);
    m_theme->setPresenter(on);
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    // The toolbar shows icons only (tooltips name them), so every button fits at 1.6x.
    m_toolBar->setToolButtonStyle(on ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    for (QToolButton* b : m_toolBar->findChildren<QToolButton*>())
        if (b->property("textButton").toBool())
            b->setToolButtonStyle(on ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    if (auto* b = qobject_cast<QToolButton*>(m_toolBar->widgetForAction(m_presenterAction)))
        b->setToolButtonStyle(Qt::ToolButtonIconOnly);
    if (on) {
        showFullScreen();
        // After the new font and the full-screen size have been laid out (a window manager
        // may take a moment to grant full screen; without one the size stays as it is).
        QTimer::singleShot(0, this, [this] { applyPresenterLayout(); });
        QTimer::singleShot(200, this, [this] { applyPresenterLayout(); });
    } else {
        showNormal();
        if (!m_statePresenterSaved.isEmpty()) restoreState(m_statePresenterSaved, kLayoutVersion);
        if (!m_geometryPresenterSaved.isEmpty()) restoreGeometry(m_geometryPresenterSaved);
        m_statePresenterSaved.clear();
        m_geometryPresenterSaved.clear();
    }
    unclipDockTabs();
}

void MainWindow::applyPresenterLayout() {
    if (!m_presenter) return;
    auto* timeline = findChild<QDockWidget*>(QStringLiteral("timelineDock"));
    if (!timeline || timeline->isFloating() || !timeline->isVisible()) return;
    // Below the timeline: the tab groups of the bottom area, one dock each.
    QList<QDockWidget*> below;
    QList<QDockWidget*> covered;
    for (QDockWidget* d : m_docks) {
        if (d == timeline || d->isFloating() || d->isHidden() || covered.contains(d) ||
            dockWidgetArea(d) != Qt::BottomDockWidgetArea)
            continue;
        below << d;
        covered << d << tabifiedDockWidgets(d);
    }
    const int available = height() - (m_toolBar ? m_toolBar->height() : 0);
    const int title = QFontMetrics(QApplication::font()).height() + 10;
    // Every lane, the axis and the scroll bar; at least 60% of the height, at most 80%.
    const int legend = m_legend->isVisible() ? m_legend->heightForWidth(m_timeline->width()) : 0;
    const int wanted = m_timeline->contentHeightHint() + title + legend + 8;
    const int h = std::clamp(wanted, available * 6 / 10, available * 8 / 10);
    if (below.isEmpty()) return;
    resizeDocks({timeline, below.front()}, {h, std::max(80, available - h)}, Qt::Vertical);
    // The groups below share the width, the middle one (states, sync objects, GIL: the
    // cards) a little more.
    QList<int> widths;
    for (int i = 0; i < below.size(); ++i)
        widths << (below.size() == 3 ? width() * (i == 1 ? 40 : 30) / 100
                                     : width() / static_cast<int>(below.size()));
    resizeDocks(below, widths, Qt::Horizontal);
}

void MainWindow::unclipDockTabs() {
    // The tab bars of tabbed docks belong to the window's layout: whole titles, scroll
    // buttons when they do not fit.
    // In presenter mode they keep the normal font: the views' contents are what the class
    // reads, and at 1.6x four tabs no longer fit in a third of the screen.
    for (QTabBar* bar : findChildren<QTabBar*>(QString(), Qt::FindDirectChildrenOnly)) {
        bar->setElideMode(Qt::ElideNone);
        bar->setUsesScrollButtons(true);
        bar->setExpanding(false);
        bar->setFont(m_normalFont);
    }
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    if (m_presenter) applyPresenterLayout();
}

void MainWindow::savePreferences() {
    // In presenter mode the normal layout is what comes back next time.
    const bool presenting = m_presenter && !m_statePresenterSaved.isEmpty();
    m_prefs->setGeometry(presenting ? m_geometryPresenterSaved : saveGeometry());
    m_prefs->setWindowState(presenting ? m_statePresenterSaved : saveState(kLayoutVersion));
    m_prefs->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    savePreferences();
    if (m_presenter) setPresenterMode(false);
    QMainWindow::closeEvent(event);
}

}  // namespace taskscope::ui
