#pragma once

#include <QWidget>

#include <vector>

#include "core/util/time.h"

class QCheckBox;
class QComboBox;
class QPlainTextEdit;

class QLineEdit;
class QPushButton;

namespace taskscope::ui {

class SimulationController;
class Theme;

// What the processes printed up to the cursor (stdout, stderr in red), coloured by process,
// optionally with the kernel's events (spawn, exit, reap, markers) between the lines.
// Moving forward appends; moving back rebuilds from the trace.
class ConsoleView : public QWidget {
    Q_OBJECT
public:
    ConsoleView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    // The text shown (plain), for tests.
    QString plainText() const;
    int lineCount() const { return m_shownLines; }
    void setShowEvents(bool on);
    void refresh();
    // The simulated time of line `line` (0-based; -1 if none). Double-clicking a line seeks there.
    core::SimTime lineTime(int line) const;

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void rebuildFilter();
    bool accepts(std::uint32_t record) const;
    QString lineHtml(std::uint32_t record) const;

    SimulationController* m_controller;
    Theme* m_theme;
    QPlainTextEdit* m_text;
    QLineEdit* m_input = nullptr;
    QPushButton* m_clearInput = nullptr;
    void updateInputHint();
    QComboBox* m_filter;
    QCheckBox* m_events;
    std::size_t m_shownCount = 0;  // records of the index list consumed
    int m_shownLines = 0;
    std::vector<core::SimTime> m_lineTimes;  // per line of the text
    quint64 m_revision = ~0ull;
    std::uint32_t m_filterProcess = UINT32_MAX;  // UINT32_MAX: all
};

}  // namespace taskscope::ui
