#include "ui/views/workload_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

#include "ui/sim/simulation_controller.h"

namespace taskscope::ui {

namespace {
enum Column { Name, Arrival, Bursts, Priority, ColumnCount };
}

WorkloadEditor::WorkloadEditor(SimulationController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("workloadEditor"));
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Arrival"), tr("Bursts (CPU I/O CPU ...)"), tr("Priority")});
    m_table->horizontalHeader()->setSectionResizeMode(Bursts, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    auto* add = new QPushButton(tr("Add"));
    auto* remove = new QPushButton(tr("Remove"));
    auto* run = new QPushButton(tr("Run"));
    run->setDefault(true);
    run->setToolTip(tr("Run this table with the current run settings"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(run);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, &WorkloadEditor::addRow);
    connect(remove, &QPushButton::clicked, this, &WorkloadEditor::removeSelectedRows);
    connect(run, &QPushButton::clicked, this, &WorkloadEditor::run);
    connect(controller, &SimulationController::programChanged, this,
            &WorkloadEditor::loadFromController);
    loadFromController();
}

QString WorkloadEditor::message() const {
    return m_message->text();
}

void WorkloadEditor::loadFromController() {
    const core::Workload* w = m_controller->workload();
    if (!w) return;
    m_base = *w;
    m_base.processes.clear();
    const double unit = static_cast<double>(w->unit);
    m_table->setRowCount(0);
    for (const auto& p : w->processes) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QStringList bursts;
        for (const auto b : p.bursts)
            bursts << QString::number(static_cast<double>(b) / unit, 'g', 10);
        m_table->setItem(row, Name, new QTableWidgetItem(QString::fromStdString(p.name)));
        m_table->setItem(
            row, Arrival,
            new QTableWidgetItem(QString::number(static_cast<double>(p.arrival) / unit, 'g', 10)));
        m_table->setItem(row, Bursts, new QTableWidgetItem(bursts.join(QLatin1Char(' '))));
        m_table->setItem(row, Priority, new QTableWidgetItem(QString::number(p.priority)));
    }
    m_message->setText(tr("Times in %1. Bursts alternate CPU and I/O and end with CPU.")
                           .arg(QString::fromStdString(w->timeUnit)));
}

void WorkloadEditor::addRow() {
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, Name, new QTableWidgetItem(QStringLiteral("P%1").arg(row + 1)));
    m_table->setItem(row, Arrival, new QTableWidgetItem(QStringLiteral("0")));
    m_table->setItem(row, Bursts, new QTableWidgetItem(QStringLiteral("5")));
    m_table->setItem(row, Priority, new QTableWidgetItem(QStringLiteral("0")));
    m_table->setCurrentCell(row, Name);
}

void WorkloadEditor::removeSelectedRows() {
    QList<int> rows;
    for (const auto& r : m_table->selectionModel()->selectedRows()) rows << r.row();
    if (rows.isEmpty() && m_table->currentRow() >= 0) rows << m_table->currentRow();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int r : rows) m_table->removeRow(r);
}

core::Expected<core::Workload> WorkloadEditor::toWorkload() const {
    core::Workload w = m_base;
    if (w.unit <= 0) w.unit = core::kMillisecond;
    const double unit = static_cast<double>(w.unit);
    auto cell = [this](int row, int col) {
        const QTableWidgetItem* item = m_table->item(row, col);
        return item ? item->text().trimmed() : QString();
    };
    auto fail = [](int row, const QString& what) {
        return core::Diagnostic{.message =
                                    QObject::tr("row %1: %2").arg(row + 1).arg(what).toStdString()};
    };
    for (int row = 0; row < m_table->rowCount(); ++row) {
        core::WorkloadProcess p;
        p.name = cell(row, Name).toStdString();
        if (p.name.empty()) p.name = "P" + std::to_string(row + 1);
        bool ok = true;
        const QString arrival = cell(row, Arrival);
        const double a = arrival.isEmpty() ? 0 : arrival.toDouble(&ok);
        if (!ok || a < 0 || !std::isfinite(a))
            return fail(row, tr("arrival must be a number >= 0, got \"%1\"").arg(arrival));
        p.arrival = std::llround(a * unit);
        const QStringList parts =
            cell(row, Bursts)
                .split(QRegularExpression(QStringLiteral("[\\s,;|]+")), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return fail(row, tr("give at least one CPU burst, e.g. \"5\" or \"5 2 3\""));
        for (const QString& s : parts) {
            const double b = s.toDouble(&ok);
            if (!ok || b <= 0 || !std::isfinite(b))
                return fail(row, tr("each burst must be a number > 0, got \"%1\"").arg(s));
            p.bursts.push_back(std::max<core::SimTime>(1, std::llround(b * unit)));
        }
        if (p.bursts.size() % 2 == 0)
            return fail(
                row,
                tr("bursts alternate CPU and I/O and must end with a CPU burst; add one more"));
        const QString prio = cell(row, Priority);
        p.priority = prio.isEmpty() ? 0 : prio.toInt(&ok);
        if (!ok) return fail(row, tr("priority must be a whole number, got \"%1\"").arg(prio));
        w.processes.push_back(std::move(p));
    }
    if (w.processes.empty())
        return core::Diagnostic{.message = tr("add at least one process").toStdString()};
    return w;
}

bool WorkloadEditor::run() {
    auto w = toWorkload();
    if (!w) {
        m_message->setText(QStringLiteral("<span style=\"color:#d93025\">%1</span>")
                               .arg(QString::fromStdString(w.error().message).toHtmlEscaped()));
        return false;
    }
    // Keep the settings the user chose (cores, policy...) for the edited table.
    const core::MachineSettings settings = m_controller->settings();
    m_controller->openWorkload(std::move(*w), tr("Edited workload"));
    m_controller->setSettings(settings);
    return true;
}

}  // namespace taskscope::ui
