#include "ui/views/breakpoints_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"

namespace taskscope::ui {

using core::ThreadState;

namespace {
QString stateName(ThreadState s) {
    switch (s) {
        case ThreadState::New:
            return BreakpointsView::tr("New");
        case ThreadState::Ready:
            return BreakpointsView::tr("Ready");
        case ThreadState::Running:
            return BreakpointsView::tr("Running");
        case ThreadState::Waiting:
            return BreakpointsView::tr("Waiting");
        case ThreadState::Terminated:
            return BreakpointsView::tr("Terminated");
    }
    return {};
}
}  // namespace

BreakpointsView::BreakpointsView(SimulationController* controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_deadlock(new QCheckBox(tr("Pause on a &deadlock"))),
      m_lostUpdate(new QCheckBox(tr("Pause on a &lost update (race)"))),
      m_marker(new QCheckBox(tr("Pause at &markers (taskscope.mark)"))),
      m_thread(new QComboBox),
      m_state(new QComboBox),
      m_add(new QPushButton(tr("Add"))),
      m_watches(new QListWidget),
      m_remove(new QPushButton(tr("Remove"))),
      m_last(new QLabel) {
    setObjectName(QStringLiteral("breakpointsView"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_deadlock);
    layout->addWidget(m_lostUpdate);
    layout->addWidget(m_marker);
    auto* watchBox = new QGroupBox(tr("Pause on a state change"));
    auto* wl = new QVBoxLayout(watchBox);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("when")));
    row->addWidget(m_thread, 1);
    row->addWidget(new QLabel(tr("becomes")));
    row->addWidget(m_state, 1);
    row->addWidget(m_add);
    wl->addLayout(row);
    wl->addWidget(m_watches);
    wl->addWidget(m_remove, 0, Qt::AlignRight);
    layout->addWidget(watchBox, 1);
    m_last->setObjectName(QStringLiteral("lastPause"));
    m_last->setWordWrap(true);
    layout->addWidget(m_last);
    m_thread->setObjectName(QStringLiteral("watchThread"));
    m_state->setObjectName(QStringLiteral("watchState"));
    for (const ThreadState s :
         {ThreadState::Waiting, ThreadState::Ready, ThreadState::Running, ThreadState::Terminated})
        m_state->addItem(stateName(s), static_cast<int>(s));
    m_watches->setObjectName(QStringLiteral("watchList"));
    m_deadlock->setToolTip(tr("Play stops when threads start waiting for each other in a cycle"));
    m_lostUpdate->setToolTip(
        tr("Play stops when a write overwrites another thread's write made after its read"));

    connect(m_deadlock, &QCheckBox::toggled, m_controller,
            &SimulationController::setPauseOnDeadlock);
    connect(m_lostUpdate, &QCheckBox::toggled, m_controller,
            &SimulationController::setPauseOnLostUpdate);
    connect(m_marker, &QCheckBox::toggled, m_controller, &SimulationController::setPauseOnMarkers);
    connect(m_add, &QPushButton::clicked, this, &BreakpointsView::addWatch);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_watches->currentRow();
        if (row >= 0) m_controller->removeStateWatch(static_cast<std::size_t>(row));
    });
    connect(m_controller, &SimulationController::breakpointsChanged, this, [this] {
        sync();
        rebuildWatches();
    });
    connect(m_controller, &SimulationController::programChanged, this, [this] {
        // Watches name threads by index: a new program has other threads.
        m_controller->clearStateWatches();
        m_last->clear();
        rebuildThreads();
    });
    connect(m_controller, &SimulationController::advanced, this, [this] {
        if (m_controller->trace().threads().size() != m_threadCount) rebuildThreads();
    });
    connect(m_controller, &SimulationController::pausedAtBreak, this,
            [this](qint64 t, const QString& reason) {
                m_last->setText(
                    tr("Paused at %1: %2")
                        .arg(QString::fromStdString(formatInUnit(t, m_controller->tickSize())),
                             reason));
            });
    rebuildThreads();
    sync();
    rebuildWatches();
}

void BreakpointsView::sync() {
    const QSignalBlocker a(m_deadlock), b(m_lostUpdate), c(m_marker);
    m_deadlock->setChecked(m_controller->pauseOnDeadlock());
    m_lostUpdate->setChecked(m_controller->pauseOnLostUpdate());
    m_marker->setChecked(m_controller->pauseOnMarkers());
}

void BreakpointsView::rebuildThreads() {
    const auto& threads = m_controller->trace().threads();
    m_threadCount = threads.size();
    const QVariant keep = m_thread->currentData();
    m_thread->clear();
    m_thread->addItem(tr("any thread"), QVariant::fromValue<uint>(core::kNone));
    for (std::size_t i = 0; i < threads.size(); ++i)
        m_thread->addItem(QString::fromStdString(threads[i].name),
                          QVariant::fromValue<uint>(static_cast<uint>(i)));
    const int at = m_thread->findData(keep);
    m_thread->setCurrentIndex(at >= 0 ? at : 0);
}

void BreakpointsView::addWatch() {
    SimulationController::StateWatch w;
    w.thread = m_thread->currentData().toUInt();
    w.state = static_cast<ThreadState>(m_state->currentData().toInt());
    m_controller->addStateWatch(w);
}

void BreakpointsView::rebuildWatches() {
    m_watches->clear();
    const auto& threads = m_controller->trace().threads();
    for (const auto& w : m_controller->stateWatches()) {
        const QString who = w.thread == core::kNone ? tr("any thread")
                            : w.thread < threads.size()
                                ? QString::fromStdString(threads[w.thread].name)
                                : QString::number(w.thread);
        m_watches->addItem(tr("when %1 becomes %2").arg(who, stateName(w.state)));
    }
    m_remove->setEnabled(!m_controller->stateWatches().empty());
}

}  // namespace taskscope::ui
