#pragma once

#include <QScrollArea>

#include <vector>

#include "core/analysis/sync_object_rows.h"

namespace taskscope::ui {

class SimulationController;
class Theme;

// Every kernel object of the run at the cursor, one card each: a lock with its holder and
// the threads queued for it, a queue with its capacity drawn as boxes (filled = items) and
// its high-water mark, an event's flag, a semaphore's value, a barrier's arrivals, a shared
// value with the lost updates so far.
class SyncObjectsView : public QScrollArea {
    Q_OBJECT
public:
    SyncObjectsView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const std::vector<core::SyncObjectRow>& rows() const { return m_rows; }
    void refresh();
    int cardHeight() const;

    QSize sizeHint() const override { return {420, 300}; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    friend class SyncObjectsCanvas;
    void paintCards(QPainter& p, int width);

    SimulationController* m_controller;
    Theme* m_theme;
    QWidget* m_canvas;
    std::vector<core::SyncObjectRow> m_rows;
};

}  // namespace taskscope::ui
