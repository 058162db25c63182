#pragma once

#include <QWidget>

#include <vector>

#include "core/analysis/gil_model.h"

class QLabel;
class QScrollArea;

namespace taskscope::ui {

class SimulationController;
class Theme;

// The GIL of each Python process at the cursor: the baton drawn at the thread that holds it,
// the threads waiting for it queued beside it (with how long each has waited), the drop
// request flag lit while a waiter has asked the holder to let go, and counters up to the
// cursor: hand-offs and the GIL wait of each thread. With the GIL off (free-threaded) it says so.
class GilView : public QWidget {
    Q_OBJECT
public:
    GilView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    // The processes drawn, at the cursor (empty when the GIL is off or nothing ran yet).
    const std::vector<core::GilProcessState>& states() const { return m_states; }
    const core::GilModel& model() const { return m_model; }
    // What the view says instead of drawing (free-threaded, no Python program, ...).
    QString message() const { return m_message; }
    void refresh();
    // Also draw the GIL of processes with one thread (by default only processes with several
    // threads: a lone thread's GIL never changes hands).
    void setShowSingleThreaded(bool on);
    bool showSingleThreaded() const { return m_singleThreaded; }

    QSize sizeHint() const override { return {520, 360}; }

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    friend class GilCanvas;
    struct Metrics;
    Metrics metrics() const;
    void paintCanvas(QPainter& p, const QRect& area);
    int canvasHeight() const;
    QString threadLabel(std::uint32_t thread) const;
    QString countersText(const core::GilProcessState& s) const;
    QString waitText(const core::GilProcessState::ThreadWait& tw) const;

    SimulationController* m_controller;
    Theme* m_theme;
    QScrollArea* m_scroll;
    QWidget* m_canvas;
    core::GilModel m_model;
    quint64 m_revision = ~quint64{0};
    std::vector<core::GilProcessState> m_states;
    QString m_message;
    bool m_singleThreaded = false;
};

}  // namespace taskscope::ui
