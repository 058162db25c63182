#include "ui/views/ps_table_model.h"

#include <QColor>
#include <QFont>

#include "ui/model/time_format.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

PsTableModel::PsTableModel(Theme* theme, QObject* parent)
    : QAbstractTableModel(parent), m_theme(theme) {}

void PsTableModel::setRows(std::vector<core::PsRow> rows) {
    bool samePids = rows.size() == m_rows.size();
    for (std::size_t i = 0; samePids && i < rows.size(); ++i)
        samePids = rows[i].pid == m_rows[i].pid;
    if (samePids) {
        // Same processes: update in place so the selection and scroll position stay.
        m_rows = std::move(rows);
        if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int PsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const core::PsRow& r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case User:
                return QString::fromStdString(r.user);
            case Pid:
                return r.pid;
            case Ppid:
                return r.ppid;
            case Stat:
                return QString::fromStdString(r.stat);
            case Cpu:
                return QString::number(r.cpuPercent, 'f', 1);
            case Time:
                return QString::fromStdString(formatCpuTime(r.cpuTime));
            case Command:
                return r.look == core::ProcessLook::Zombie
                           ? QStringLiteral("[%1] <defunct>").arg(QString::fromStdString(r.command))
                           : QString::fromStdString(r.command);
            default:
                return {};
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Pid || index.column() == Ppid || index.column() == Cpu ||
            index.column() == Time)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::BackgroundRole && index.column() == Stat && r.process != core::kNone)
        return m_theme->lookColour(r.look);
    if (role == Qt::ForegroundRole) {
        if (index.column() == Stat && r.process != core::kNone) return QColor(0x202124);
        if (r.look == core::ProcessLook::Zombie) return m_theme->mutedText();
    }
    if (role == Qt::FontRole && index.column() != Command) {
        QFont f(QStringLiteral("monospace"));
        f.setStyleHint(QFont::Monospace);
        return f;
    }
    return {};
}

QVariant PsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case User:
            return tr("USER");
        case Pid:
            return tr("PID");
        case Ppid:
            return tr("PPID");
        case Stat:
            return tr("STAT");
        case Cpu:
            return tr("%CPU");
        case Time:
            return tr("TIME");
        case Command:
            return tr("COMMAND");
        default:
            return {};
    }
}

}  // namespace taskscope::ui
