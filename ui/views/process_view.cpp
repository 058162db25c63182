#include "ui/views/process_view.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "core/analysis/process_table.h"
#include "ui/sim/simulation_controller.h"
#include "ui/views/process_tree_view.h"
#include "ui/views/ps_table_model.h"

namespace taskscope::ui {

ProcessView::ProcessView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    m_tree = new ProcessTreeView(controller, theme);
    m_model = new PsTableModel(theme, this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("psTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_tree);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(scroll);
    split->addWidget(m_table);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(controller, &SimulationController::advanced, this, [this] {
        if (isVisible()) refresh();
    });
}

void ProcessView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void ProcessView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
        if (isVisible()) refresh();
    }
}

void ProcessView::refresh() {
    m_model->setRows(
        core::psRows(m_controller->trace(), m_controller->index(), m_controller->state()));
    m_table->resizeColumnsToContents();
}

}  // namespace taskscope::ui
