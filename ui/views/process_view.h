#pragma once

#include <QWidget>

class QTableView;

namespace taskscope::ui {

class SimulationController;
class Theme;
class ProcessTreeView;
class PsTableModel;

// The "Processes" dock: the pstree picture above a `ps aux` table, both at the cursor.
class ProcessView : public QWidget {
    Q_OBJECT
public:
    ProcessView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    ProcessTreeView* tree() const { return m_tree; }
    PsTableModel* table() const { return m_model; }
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    SimulationController* m_controller;
    ProcessTreeView* m_tree;
    PsTableModel* m_model;
    QTableView* m_table;
};

}  // namespace taskscope::ui
