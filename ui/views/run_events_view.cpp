#include "ui/views/run_events_view.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/model/time_format.h"
#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {
QString kindLabel(RunEvent::Kind k) {
    switch (k) {
        case RunEvent::Kind::Spawn:
            return RunEventsView::tr("spawn");
        case RunEvent::Kind::Exit:
            return RunEventsView::tr("exit");
        case RunEvent::Kind::Deadlock:
            return RunEventsView::tr("DEADLOCK");
        case RunEvent::Kind::LostUpdate:
            return RunEventsView::tr("lost update");
        case RunEvent::Kind::Marker:
            return RunEventsView::tr("mark");
        case RunEvent::Kind::GilDropRequest:
            return RunEventsView::tr("GIL drop request");
    }
    return {};
}
}  // namespace

RunEventsView::RunEventsView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_theme(theme), m_list(new QTreeWidget) {
    setObjectName(QStringLiteral("runEventsView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    m_list->setObjectName(QStringLiteral("runEventsList"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Time"), tr("Event"), tr("What happened")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setToolTip(tr("Click an event to move the cursor there"));
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { activate(m_list->indexOfTopLevelItem(item)); });
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { activate(m_list->indexOfTopLevelItem(item)); });
    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
    connect(theme, &Theme::changed, this, [this] {
        m_builtRevision = ~quint64{0};
        if (isVisible()) refresh();
    });
}

void RunEventsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void RunEventsView::activate(int row) {
    if (row < 0 || static_cast<std::size_t>(row) >= m_events.size()) return;
    m_controller->pause();
    const RunEvent& e = m_events[static_cast<std::size_t>(row)];
    m_controller->seek(e.time);
    emit eventActivated(static_cast<int>(e.kind));
}

void RunEventsView::refresh() {
    if (m_builtRevision != m_controller->revision()) rebuild();
    followCursor();
}

void RunEventsView::rebuild() {
    const SimulationController& c = *m_controller;
    m_builtRevision = c.revision();
    m_events = runEvents(c.trace(), c.index(), c.machine());
    const QColor alert = m_theme->colourBlindSafe() ? QColor(213, 94, 0) : QColor(214, 39, 40);
    const QSignalBlocker block(m_list);
    m_list->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(static_cast<qsizetype>(m_events.size()));
    for (const RunEvent& e : m_events) {
        auto* item =
            new QTreeWidgetItem({QString::fromStdString(formatInUnit(e.time, c.tickSize())),
                                 kindLabel(e.kind), QString::fromStdString(e.text)});
        item->setToolTip(2, QString::fromStdString(e.text));
        if (e.kind == RunEvent::Kind::Deadlock || e.kind == RunEvent::Kind::LostUpdate) {
            item->setForeground(1, alert);
            QFont f = item->font(1);
            f.setBold(true);
            item->setFont(1, f);
        }
        items << item;
    }
    m_list->addTopLevelItems(items);
    m_doneCount = -1;
}

void RunEventsView::followCursor() {
    const core::SimTime now = m_controller->cursor();
    const QSignalBlocker block(m_list);
    // Only the rows whose side of the cursor changed are recoloured (runs can have
    // thousands of GIL drop requests).
    const auto done = static_cast<int>(
        std::upper_bound(m_events.begin(), m_events.end(), now,
                         [](core::SimTime t, const RunEvent& e) { return t < e.time; }) -
        m_events.begin());
    const int from = std::min(done, m_doneCount < 0 ? 0 : m_doneCount);
    const int to = m_doneCount < 0 ? m_list->topLevelItemCount() : std::max(done, m_doneCount);
    for (int i = from; i < to; ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const QColor c = i < done ? m_theme->text() : m_theme->mutedText();
        item->setForeground(0, c);
        item->setForeground(2, c);
    }
    m_doneCount = done;
    // Reveal as it plays: events after the furthest point reached are not listed yet.
    const core::SimTime until = m_controller->visibleUntil();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const bool hide = m_events[static_cast<std::size_t>(i)].time > until;
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->isHidden() != hide) item->setHidden(hide);
    }
    QTreeWidgetItem* current = done > 0 ? m_list->topLevelItem(done - 1) : nullptr;
    m_list->setCurrentItem(current);
    if (current) m_list->scrollToItem(current);
}

}  // namespace taskscope::ui
