#pragma once

#include <QMainWindow>

#include <memory>

#include "ui/timeline/timeline_view.h"

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QSlider;
class QToolBar;
class QToolButton;

namespace taskscope::ui {

struct ExportOptions;
struct TimelineShown;

class BreakpointsView;
class CodeView;
class GilView;
class CompareView;
class LegendStrip;
class LessonBrowser;
class LessonView;
class ConsoleView;
class RunEventsView;
class SyncObjectsView;
class WaitForGraphView;
class Preferences;
class ProcessView;
class SettingsPanel;
class SimulationController;
class StatesView;
class StatsView;
class Theme;
class TimelineView;
class WorkloadEditor;

// The Taskscope window: a toolbar to play, step and seek; every view in a dock that can be
// moved, tabbed, closed and restored; the layout and preferences remembered.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `preferences` may be shared with tests; when null the user's own settings are used.
    explicit MainWindow(std::shared_ptr<Preferences> preferences = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController* controller() const { return m_controller; }
    Theme* theme() const { return m_theme; }
    TimelineView* timeline() const { return m_timeline; }
    ProcessView* processView() const { return m_processView; }
    StatesView* statesView() const { return m_states; }
    ConsoleView* console() const { return m_console; }
    StatsView* stats() const { return m_stats; }
    SettingsPanel* settingsPanel() const { return m_settings; }
    SyncObjectsView* syncObjects() const { return m_sync; }
    WaitForGraphView* waitForGraph() const { return m_waitFor; }
    RunEventsView* runEvents() const { return m_events; }
    BreakpointsView* breakpoints() const { return m_breakpoints; }
    WorkloadEditor* workloadEditor() const { return m_editor; }
    CodeView* codeView() const { return m_code; }
    GilView* gilView() const { return m_gil; }
    CompareView* compareView() const { return m_compare; }
    LessonView* lessonView() const { return m_lesson; }
    LegendStrip* legend() const { return m_legend; }
    QLabel* clockLabel() const { return m_clock; }
    QSlider* speedSlider() const { return m_speedSlider; }

    // Opens a file; on failure shows an error naming file:line and keeps the current run.
    bool openFile(const QString& path);
    // Opens a built-in lesson (a resource path like ":/workloads/rr_classroom.json").
    bool openResource(const QString& resourcePath);
    static QString defaultLesson() { return QStringLiteral(":/workloads/rr_classroom.json"); }
    // The last error shown (for tests and the screenshot mode).
    QString lastError() const { return m_lastError; }
    // Errors go to lastError() only, never to a dialog (headless screenshot mode).
    void setQuietErrors(bool on) { m_quietErrors = on; }

    // The title File > Export offers: the open lesson's title, else the file's name.
    QString exportTitle() const;
    // View > GIL lane per process: the timeline's GIL lanes and the GIL view's cards.
    void setGilLaneMode(TimelineView::GilLanes mode);
    // Writes an export (File > Export... without the dialog; tests).
    bool exportWith(const ExportOptions& options, QString* error);
    // What the timeline dock shows, which a timeline export follows: its font and range.
    TimelineShown shownTimeline() const;

    // Opens the lesson browser (window-modal, not blocking); Open opens the chosen lesson.
    LessonBrowser* showLessonBrowser();

    void resetLayout();
    void setPresenterMode(bool on);
    bool presenterMode() const { return m_presenter; }
    // Slider position (0..1000) <-> speed (0.01x..1000x, logarithmic).
    static double speedForSlider(int value);
    static int sliderForSpeed(double speed);

    // The actions with a shortcut, each added to the window itself so that it works whatever
    // is hidden (the menu bar in presenter mode, a closed dock).
    QList<QAction*> windowShortcuts() const { return actions(); }

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildActions();
    void buildToolBar();
    void buildMenus();
    void buildDocks();
    void rebuildRecentMenu();
    void showError(const QString& title, const QString& message);
    // The opened file's lesson header goes to the Lesson panel (whatever way it was opened).
    void showLessonOf(const QString& path);
    void updateClock();
    void updateTitle();
    void onOpen();
    void onExport();
    void savePreferences();
    // Presenter layout: the timeline takes the height its lanes need (most of the window),
    // dock tabs show their whole titles.
    void applyPresenterLayout();
    void unclipDockTabs();

    std::shared_ptr<Preferences> m_prefs;
    SimulationController* m_controller;
    Theme* m_theme;
    TimelineView* m_timeline = nullptr;
    ProcessView* m_processView = nullptr;
    StatesView* m_states = nullptr;
    ConsoleView* m_console = nullptr;
    StatsView* m_stats = nullptr;
    SettingsPanel* m_settings = nullptr;
    WorkloadEditor* m_editor = nullptr;
    SyncObjectsView* m_sync = nullptr;
    WaitForGraphView* m_waitFor = nullptr;
    RunEventsView* m_events = nullptr;
    BreakpointsView* m_breakpoints = nullptr;
    CodeView* m_code = nullptr;
    GilView* m_gil = nullptr;
    CompareView* m_compare = nullptr;
    LessonView* m_lesson = nullptr;
    LegendStrip* m_legend = nullptr;
    QList<QDockWidget*> m_docks;
    QDockWidget* m_settingsDock = nullptr;
    QByteArray m_defaultState;

    QAction* m_openAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_stepAction = nullptr;
    QAction* m_stepBackAction = nullptr;
    QAction* m_runToAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_presenterAction = nullptr;
    QAction* m_leavePresenterAction = nullptr;  // Esc, only while presenting
    QAction* m_quitAction = nullptr;
    QAction* m_darkAction = nullptr;
    QAction* m_colourBlindAction = nullptr;
    QAction* m_pauseOnMarkersAction = nullptr;
    QAction* m_pauseOnDeadlockAction = nullptr;
    QAction* m_pauseOnLostUpdateAction = nullptr;
    QAction* m_stepEventAction = nullptr;
    QAction* m_stepTickAction = nullptr;
    QAction* m_lessonsAction = nullptr;
    QString m_lessonPath;  // the file or resource last opened (the browser preselects it)
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QToolButton* m_stepButton = nullptr;
    QToolBar* m_toolBar = nullptr;
    QSlider* m_speedSlider = nullptr;
    QLabel* m_speedLabel = nullptr;
    QLabel* m_clock = nullptr;
    QString m_lastError;
    bool m_quietErrors = false;
    bool m_presenter = false;
    QFont m_normalFont;
    QByteArray m_statePresenterSaved;     // the normal layout, kept while presenting
    QByteArray m_geometryPresenterSaved;  // the normal window geometry, likewise
};

}  // namespace taskscope::ui
