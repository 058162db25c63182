#pragma once

#include <QWidget>

#include <optional>

#include "core/workload/workload.h"

class QLabel;
class QTableWidget;

namespace taskscope::ui {

class SimulationController;

// The table of a classic scheduling exercise: name, arrival, bursts (CPU I/O CPU ...),
// priority. Rows can be added and removed; Run turns the table into a workload and runs it
// with the current run settings.
class WorkloadEditor : public QWidget {
    Q_OBJECT
public:
    explicit WorkloadEditor(SimulationController* controller, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // The table as a workload, or the first problem ("row 2: bursts: ...").
    core::Expected<core::Workload> toWorkload() const;
    // Runs the table; false (with the message shown under the table) when a cell is wrong.
    bool run();
    void addRow();
    void removeSelectedRows();
    QString message() const;

private:
    void loadFromController();

    SimulationController* m_controller;
    QTableWidget* m_table;
    QLabel* m_message;
    core::Workload m_base;  // settings and unit of the table (from the open program)
};

}  // namespace taskscope::ui
