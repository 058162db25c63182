#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "core/analysis/process_table.h"

namespace taskscope::ui {

class Theme;

// `ps aux` at the cursor: USER, PID, PPID, STAT, %CPU, TIME, COMMAND.
class PsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { User, Pid, Ppid, Stat, Cpu, Time, Command, ColumnCount };

    explicit PsTableModel(Theme* theme, QObject* parent = nullptr);

    void setRows(std::vector<core::PsRow> rows);
    const std::vector<core::PsRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Theme* m_theme;
    std::vector<core::PsRow> m_rows;
};

}  // namespace taskscope::ui
