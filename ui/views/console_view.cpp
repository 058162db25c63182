#include "ui/views/console_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include "core/analysis/labels.h"
#include "core/analysis/wait_for_graph.h"
#include "ui/model/display_names.h"
#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

using core::RecordKind;

ConsoleView::ConsoleView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_theme(theme) {
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("consoleText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_text->setFont(mono);
    m_text->viewport()->installEventFilter(this);
    m_text->setToolTip(tr("Double-click a line to move the cursor to it"));
    m_filter = new QComboBox;
    m_events = new QCheckBox(tr("Kernel events"));
    m_events->setChecked(true);
    m_events->setToolTip(tr("Also list process creation, exit, reaping and markers"));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_events);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_text);
    // input() for Python programs: lines typed here are what the program reads.
    m_input = new QLineEdit;
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setToolTip(
        tr("A line for the program's input(): press Enter to add it; the run restarts with all "
           "lines given so far"));
    m_clearInput = new QPushButton(tr("Clear input"));
    m_clearInput->setToolTip(tr("Forget the input lines: input() sees the end of input again"));
    auto* inputBar = new QHBoxLayout;
    inputBar->setContentsMargins(4, 0, 4, 2);
    inputBar->addWidget(m_input, 1);
    inputBar->addWidget(m_clearInput);
    layout->addLayout(inputBar);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        auto settings = m_controller->pythonSettings();
        settings.input << m_input->text();
        m_input->clear();
        m_controller->setPythonSettings(settings);
        updateInputHint();
    });
    connect(m_clearInput, &QPushButton::clicked, this, [this] {
        auto settings = m_controller->pythonSettings();
        settings.input.clear();
        m_controller->setPythonSettings(settings);
        updateInputHint();
    });

    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        m_filterProcess =
            m_filter->currentData().isValid() ? m_filter->currentData().toUInt() : UINT32_MAX;
        rebuild();
    });
    connect(m_events, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(controller, &SimulationController::programChanged, this, [this] {
        rebuildFilter();
        m_revision = ~0ull;
        updateInputHint();
    });
    connect(theme, &Theme::changed, this, [this] { rebuild(); });
    rebuildFilter();
    updateInputHint();
}

void ConsoleView::updateInputHint() {
    const bool python = m_controller->isPython();
    m_input->setEnabled(python);
    m_clearInput->setEnabled(python && !m_controller->pythonSettings().input.isEmpty());
    const auto n = static_cast<int>(m_controller->pythonSettings().input.size());
    m_input->setPlaceholderText(python ? tr("input() line %1: type and press Enter").arg(n + 1)
                                       : tr("input() lines are for Python programs"));
}

void ConsoleView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

bool ConsoleView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_text->viewport() && event->type() == QEvent::MouseButtonDblClick) {
        const auto* me = static_cast<QMouseEvent*>(event);
        const core::SimTime t =
            lineTime(m_text->cursorForPosition(me->position().toPoint()).blockNumber());
        if (t >= 0) {
            m_controller->pause();
            m_controller->seek(t);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

core::SimTime ConsoleView::lineTime(int line) const {
    return line >= 0 && static_cast<std::size_t>(line) < m_lineTimes.size()
               ? m_lineTimes[static_cast<std::size_t>(line)]
               : -1;
}

void ConsoleView::setShowEvents(bool on) {
    m_events->setChecked(on);
}

QString ConsoleView::plainText() const {
    return m_text->toPlainText();
}

void ConsoleView::rebuildFilter() {
    const QSignalBlocker block(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("All processes"));
    const auto& procs = m_controller->trace().processes();
    // Processes appear in the trace as they are created; after a full run all are known.
    for (std::uint32_t p = 0; p < procs.size(); ++p)
        if (procs[p].pid != 0)
            m_filter->addItem(QStringLiteral("%1 (%2)")
                                  .arg(QString::fromStdString(procs[p].name))
                                  .arg(procs[p].pid),
                              p);
    m_filterProcess = UINT32_MAX;
}

bool ConsoleView::accepts(std::uint32_t record) const {
    const auto& trace = m_controller->trace();
    const auto& b = trace.body(record);
    std::uint32_t process = UINT32_MAX;
    switch (b.kind) {
        case RecordKind::Output:
        case RecordKind::Marker:
            if (b.subject < trace.threads().size()) process = trace.threads()[b.subject].process;
            break;
        default:
            process = b.subject;
            break;
    }
    // A deadlock is always said, as the command line says it.
    if (b.kind != RecordKind::Output && b.kind != RecordKind::Deadlock && !m_events->isChecked())
        return false;
    if (b.kind == RecordKind::Deadlock) return true;
    return m_filterProcess == UINT32_MAX || process == m_filterProcess;
}

QString ConsoleView::lineHtml(std::uint32_t record) const {
    const auto& trace = m_controller->trace();
    const auto& b = trace.body(record);
    const QString time =
        QString::fromStdString(formatInUnit(trace.time(record), m_controller->tickSize()));
    auto procName = [&](std::uint32_t p) {
        if (p >= trace.processes().size()) return QString();
        return QStringLiteral("%1 (%2)")
            .arg(QString::fromStdString(trace.processes()[p].name))
            .arg(trace.processes()[p].pid);
    };
    const QString muted = m_theme->mutedText().name();
    QString who, text, colour = m_theme->text().name();
    switch (b.kind) {
        case RecordKind::Output: {
            const std::uint32_t p = b.subject < trace.threads().size()
                                        ? trace.threads()[b.subject].process
                                        : core::kNone;
            who = procName(p);
            if (b.extra16 == 2) {
                colour = QStringLiteral("#d93025");
            } else {
                // The process's colour, made readable on the background: light ones darker on
                // the light theme, dark ones lighter on the dark theme.
                const QColor c = m_theme->threadColour(p == core::kNone ? 0 : p);
                const bool lightFill = Theme::textOn(c) != QColor(Qt::white);
                colour = (m_theme->mode() == Theme::Mode::Dark ? c.lighter(lightFill ? 110 : 170)
                                                               : c.darker(lightFill ? 190 : 120))
                             .name();
            }
            text = QString::fromStdString(trace.text(b.object));
            if (text.endsWith(QLatin1Char('\n'))) text.chop(1);
            // Several lines of one write stay one console entry.
            text = text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
            break;
        }
        case RecordKind::Marker:
            who = b.subject < trace.threads().size()
                      ? QString::fromStdString(trace.threads()[b.subject].name)
                      : QString();
            text = tr("\u25c6 mark: %1")
                       .arg(QString::fromStdString(trace.text(b.object)).toHtmlEscaped());
            colour = m_theme->marker().name();
            break;
        case RecordKind::Deadlock: {
            // The cycle, from the machine when it is the run's deadlock (it stops there).
            const core::Machine* m = m_controller->machine();
            const QString cycle =
                m && m->deadlock() && m->deadlock()->time == trace.time(record)
                    ? ui::describeCycle(trace, core::waitForGraph(*m))
                    : tr("%1 waits for %2")
                          .arg(QString::fromStdString(core::threadName(trace, b.subject)),
                               ui::objectLabel(trace, b.object));
            who = tr("DEADLOCK");
            text = tr("%1; no thread can go on").arg(cycle).toHtmlEscaped();
            colour = QStringLiteral("#d93025");
            break;
        }
        case RecordKind::ProcessCreate:
            who = procName(b.subject);
            text = b.object != core::kNone
                       ? tr("created by %1").arg(procName(b.object))
                       : tr("started by the shell (pid %1)").arg(trace.processes()[b.subject].ppid);
            colour = muted;
            break;
        case RecordKind::ProcessExit:
            who = procName(b.subject);
            text = tr("exited with code %1 (zombie until its parent waits)")
                       .arg(static_cast<std::int16_t>(b.extra16));
            colour = muted;
            break;
        case RecordKind::ProcessReap:
            who = procName(b.subject);
            text = tr("reaped by its parent");
            colour = muted;
            break;
        default:
            break;
    }
    return QStringLiteral(
               "<span style=\"color:%1\">[%2]</span> <b style=\"color:%3\">%4</b> <span "
               "style=\"color:%3\">%5</span>")
        .arg(muted, time, colour, who.toHtmlEscaped(), text);
}

void ConsoleView::rebuild() {
    m_text->clear();
    m_lineTimes.clear();
    m_shownCount = 0;
    m_shownLines = 0;
    refresh();
}

void ConsoleView::refresh() {
    const auto& trace = m_controller->trace();
    const auto& index = m_controller->index();
    if (m_controller->revision() != m_revision) {
        // A new trace (or more of it): the filter list and the lines may have changed.
        const bool newRun = m_shownCount > index.events().size() ||
                            m_filter->count() - 1 != static_cast<int>(trace.processes().size());
        m_revision = m_controller->revision();
        if (newRun) rebuildFilter();
        m_text->clear();
        m_lineTimes.clear();
        m_shownCount = 0;
        m_shownLines = 0;
    }
    const std::size_t upTo = index.eventCountAt(trace, m_controller->cursor());
    if (upTo < m_shownCount) {
        m_text->clear();
        m_lineTimes.clear();
        m_shownCount = 0;
        m_shownLines = 0;
    }
    // Keep the console bounded: only the last lines before the cursor are shown.
    constexpr std::size_t kMaxLines = 2000;
    std::size_t from = m_shownCount;
    if (m_shownCount == 0 && upTo > kMaxLines * 4) from = upTo - kMaxLines * 4;
    for (std::size_t i = from; i < upTo; ++i) {
        const std::uint32_t rec = index.events()[i];
        if (!accepts(rec)) continue;
        m_text->appendHtml(lineHtml(rec));
        m_lineTimes.push_back(trace.time(rec));
        ++m_shownLines;
    }
    m_shownCount = upTo;
    if (m_shownLines == 0 && m_text->document()->isEmpty())
        m_text->setPlaceholderText(
            tr("Nothing printed yet. Workload processes print nothing; "
               "turn on kernel events to see them start and exit."));
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
}

}  // namespace taskscope::ui
