#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QPainterPath>
#include <QWidget>

#include <vector>

#include "core/analysis/state_tokens.h"

namespace taskscope::ui {

class SimulationController;
class Theme;

// The five-state diagram (New, Ready, Running, Waiting, Terminated) with one token per thread
// in the state it is in at the cursor. When a thread changes state the token travels along
// the arrow of that transition (admit, dispatch, timeout, wait, wake, exit).
class StatesView : public QWidget {
    Q_OBJECT
public:
    StatesView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    const std::vector<core::StateToken>& tokens() const { return m_tokens; }
    // The box of a state in widget coordinates.
    QRectF stateBox(core::ThreadState state) const;
    // Where the token of `thread` rests (its slot in its state box); null if not shown.
    QPointF tokenRestingPoint(std::uint32_t thread) const;
    // The label on a thread's token: "T1", "T2", ... (or a name of up to three characters).
    QString tokenLabel(std::uint32_t thread) const;
    // What the tooltip over viewport position `pos` says (empty: no token there).
    QString toolTipAt(const QPointF& pos) const;
    // The arrow a transition is drawn as.
    QPainterPath arrowPath(core::Transition t) const;
    // True while a token is travelling along an arrow.
    bool animating() const;
    void refresh();

    QSize sizeHint() const override { return {420, 260}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Travel {
        core::Transition transition = core::Transition::None;
        core::ThreadState from = core::ThreadState::New;
        qint64 start = 0;  // wall ms
    };
    QPointF slotPoint(core::ThreadState state, int slot, int count) const;
    qreal tokenRadius() const;
    QString transitionLabel(core::Transition t) const;
    QPainterPath pathBetween(core::ThreadState from, core::ThreadState to, qreal bend) const;

    SimulationController* m_controller;
    Theme* m_theme;
    std::vector<core::StateToken> m_tokens;
    QHash<std::uint32_t, Travel> m_travel;
    QHash<std::uint32_t, std::pair<core::ThreadState, core::SimTime>> m_shown;
    QElapsedTimer m_clock;
};

}  // namespace taskscope::ui
