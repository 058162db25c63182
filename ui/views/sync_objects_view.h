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

    // The card's title: kind and name, numbered when two objects share both ("Queue q #2").
    QString cardTitle(std::size_t row) const;
    // A thread as its chip names it: with its process when the run has several.
    QString threadChipLabel(std::uint32_t thread) const;

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    friend class SyncObjectsCanvas;
    void paintCards(QPainter& p, int width);
    QString detailText(const core::SyncObjectRow& row) const;
    int layoutCard(QPainter* p, std::size_t row, int top, int width) const;

    SimulationController* m_controller;
    Theme* m_theme;
    QWidget* m_canvas;
    std::vector<core::SyncObjectRow> m_rows;
};

}  // namespace taskscope::ui
