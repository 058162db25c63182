#pragma once

#include <QColor>
#include <QObject>

#include "core/analysis/process_table.h"
#include "core/os/state.h"

namespace taskscope::ui {

// Colours and sizes every view draws with: light or dark, a colour-blind-safe palette
// (Okabe & Ito), and presenter mode (large fonts, thick lanes for a projector).
class Theme : public QObject {
    Q_OBJECT
public:
    enum class Mode { Light, Dark };

    explicit Theme(QObject* parent = nullptr);

    Mode mode() const { return m_mode; }
    bool colourBlindSafe() const { return m_colourBlind; }
    bool presenter() const { return m_presenter; }
    void setMode(Mode mode);
    void setColourBlindSafe(bool on);
    void setPresenter(bool on);

    QColor background() const;
    QColor alternateBackground() const;
    QColor headerBackground() const;
    QColor text() const;
    QColor mutedText() const;
    QColor grid() const;
    QColor cursor() const;
    QColor marker() const;

    // A thread lane: what the thread is doing. "Waiting for the GIL" has its own colour.
    QColor stateColour(core::ThreadState state, core::WaitReason reason) const;
    // A core lane and the tokens: one colour per thread, cycling through a palette that
    // shares no colour with the states (threadPaletteSize() colours, then it repeats).
    QColor threadColour(std::uint32_t thread) const;
    int threadPaletteSize() const;
    // Black or white, whichever reads better on `fill` (labels on thread colours).
    static QColor textOn(const QColor& fill);
    QColor lookColour(core::ProcessLook look) const;
    QColor switchColour() const;

    int laneHeight() const { return m_presenter ? 34 : 20; }
    int headerHeight() const { return m_presenter ? 30 : 20; }
    double fontScale() const { return m_presenter ? 1.6 : 1.0; }

    // Sets the Fusion palette of the application to match (dark or light).
    void applyToApplication() const;

signals:
    void changed();

private:
    Mode m_mode = Mode::Light;
    bool m_colourBlind = false;
    bool m_presenter = false;
};

}  // namespace taskscope::ui
