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
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

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
#include "ui/timeline/timeline_view.h"
#include "ui/views/breakpoints_view.h"
#include "ui/views/code_view.h"
#include "ui/views/console_view.h"
#include "ui/views/gil_view.h"
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
    m_defaultState = saveState();
    const QByteArray geometry = m_prefs->geometry();
    if (!geometry.isEmpty()) restoreGeometry(geometry);
    const QByteArray state = m_prefs->windowState();
    if (!state.isEmpty()) restoreState(state);
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
    m_stepBytecodeAction = new QAction(tr("One bytecode (Python programs)"), modes);
    for (QAction* a : {m_stepEventAction, m_stepTickAction, m_stepBytecodeAction})
        a->setCheckable(true);
    m_stepBytecodeAction->setEnabled(false);
    (m_controller->stepMode() == SimulationController::StepMode::Tick ? m_stepTickAction
                                                                      : m_stepEventAction)
        ->setChecked(true);
    connect(modes, &QActionGroup::triggered, this, [this](QAction* a) {
        const bool tick = a == m_stepTickAction;
        m_controller->setStepMode(tick ? SimulationController::StepMode::Tick
                                       : SimulationController::StepMode::Event);
        m_prefs->setStepMode(tick ? QStringLiteral("tick") : QStringLiteral("event"));
    });

    m_presenterAction = new QAction(tr("&Presenter mode"), this);
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(Qt::Key_F11);
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);

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
    bar->setObjectName(QStringLiteral("simulationToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    auto* lessons = new QToolButton;
    lessons->setText(tr("Lessons"));
    lessons->setIcon(icon("lessons"));
    lessons->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    lessons->setPopupMode(QToolButton::InstantPopup);
    lessons->setMenu(m_lessonsMenu = new QMenu(tr("Lessons"), this));
    rebuildLessonsMenu();
    bar->addWidget(lessons);
    bar->addAction(m_exportAction);
    bar->addSeparator();
    bar->addAction(m_stepBackAction);
    bar->addAction(m_playAction);
    m_stepButton = new QToolButton;
    m_stepButton->setDefaultAction(m_stepAction);
    m_stepButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stepButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto* modeMenu = new QMenu(m_stepButton);
    modeMenu->addActions({m_stepEventAction, m_stepTickAction, m_stepBytecodeAction});
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
    connect(settingsButton, &QToolButton::clicked, this, [this] {
        m_settingsDock->show();
        m_settingsDock->raise();
    });
    bar->addWidget(settingsButton);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addMenu(m_lessonsMenu);
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    sim->addActions({m_playAction, m_stepAction, m_stepBackAction, m_runToAction, m_resetAction});
    QMenu* stepMenu = sim->addMenu(tr("Step &size"));
    stepMenu->addActions({m_stepEventAction, m_stepTickAction, m_stepBytecodeAction});
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
    QAction* gil = m_viewMenu->addAction(tr("&GIL lane per process"));
    gil->setCheckable(true);
    gil->setToolTip(tr("Which thread holds each process's GIL (Python programs)"));
    connect(gil, &QAction::toggled, m_timeline, &TimelineView::setGilLanes);
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
        d->setWidget(w);
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
    connect(m_code, &CodeView::statusMessage, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_timeline, &TimelineView::runToRequested, m_controller, &SimulationController::runTo);
    connect(m_timeline, &TimelineView::exportRequested, this, &MainWindow::onExport);
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

    QDockWidget* timeline = dock(m_timeline, tr("Timeline"), QStringLiteral("timelineDock"));
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

    // No central widget: every view is a dock, so any of them can take the big area.
    auto* spacer = new QWidget;
    spacer->setMaximumSize(0, 0);
    setCentralWidget(spacer);
    addDockWidget(Qt::TopDockWidgetArea, timeline);
    addDockWidget(Qt::BottomDockWidgetArea, processes);
    splitDockWidget(processes, states, Qt::Horizontal);
    splitDockWidget(states, stats, Qt::Horizontal);
    tabifyDockWidget(stats, console);
    tabifyDockWidget(stats, m_settingsDock);
    tabifyDockWidget(stats, editor);
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
}

void MainWindow::resetLayout() {
    restoreState(m_defaultState);
    for (QDockWidget* d : m_docks) {
        d->setFloating(false);
        d->show();
    }
    for (const char* name : {"statsDock", "statesDock", "processesDock"})
        if (QDockWidget* d = findChild<QDockWidget*>(QLatin1String(name))) d->raise();
}

void MainWindow::rebuildLessonsMenu() {
    m_lessonsMenu->clear();
    m_lessonsMenu->addSection(tr("Scheduling exercises"));
    const QDir workloads(QStringLiteral(":/workloads"));
    // Titles and descriptions in the interface language (title_zh / description_zh).
    const bool chinese = currentLanguage() == Language::Chinese;
    for (const QFileInfo& info : workloads.entryInfoList(
             {QStringLiteral("*.json"), QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        const LessonHeader header = readLessonHeader(info.filePath());
        const QString description = header.localWatch(chinese);
        QAction* a = m_lessonsMenu->addAction(header.localTitle(chinese));
        a->setToolTip(description);
        a->setStatusTip(description);
        const QString path = info.filePath();
        connect(a, &QAction::triggered, this, [this, path] { openResource(path); });
    }
    m_lessonsMenu->setToolTipsVisible(true);
    const QDir python(QStringLiteral(":/lessons"));
    const auto programs = python.entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    if (!programs.isEmpty()) {
        m_lessonsMenu->addSection(tr("Python programs"));
        for (const QFileInfo& info : programs) {
            const LessonHeader header = readLessonHeader(info.filePath());
            QAction* a = m_lessonsMenu->addAction(header.localTitle(chinese));
            a->setToolTip(header.localWatch(chinese));
            a->setStatusTip(header.localWatch(chinese));
            const QString path = info.filePath();
            connect(a, &QAction::triggered, this, [this, path] { openResource(path); });
        }
    }
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
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
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
        // The lesson's "# watch:" header says what to look at.
        for (const QString& line : source.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("# watch:"))) {
                statusBar()->showMessage(line.mid(8).trimmed());
                break;
            }
            if (!line.startsWith(QLatin1Char('#'))) break;
        }
        return true;
    }
    const QByteArray text = f.readAll();
    if (!m_controller->openWorkloadText(text, QFileInfo(resourcePath).fileName(), &error)) {
        showError(tr("Cannot open lesson"), error);
        return false;
    }
    const QString description =
        readLessonHeader(resourcePath).localWatch(currentLanguage() == Language::Chinese);
    if (!description.isEmpty()) statusBar()->showMessage(description);
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
    ExportDialog dialog(m_controller->title(), &m_prefs->settings(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    if (!exportWith(dialog.options(), &error)) {
        showError(tr("Export failed"), error);
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(dialog.options().path), 5000);
}

bool MainWindow::exportWith(const ExportOptions& options, QString* error) {
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
    const QString end = QString::fromStdString(formatDuration(m_controller->endTime()));
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
    QFont f = m_normalFont;
    if (on) {
        m_statePresenterSaved = saveState();
        f.setPointSizeF(m_normalFont.pointSizeF() * 1.6);
    }
    QApplication::setFont(f);
    m_theme->setPresenter(on);
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    if (on) {
        showFullScreen();
    } else {
        showNormal();
        if (!m_statePresenterSaved.isEmpty()) restoreState(m_statePresenterSaved);
    }
}

void MainWindow::savePreferences() {
    m_prefs->setGeometry(saveGeometry());
    m_prefs->setWindowState(saveState());
    m_prefs->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_presenter) setPresenterMode(false);
    savePreferences();
    QMainWindow::closeEvent(event);
}

}  // namespace taskscope::ui
