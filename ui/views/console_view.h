#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPlainTextEdit;

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

protected:
    void showEvent(QShowEvent* event) override;

private:
    void rebuild();
    void rebuildFilter();
    bool accepts(std::uint32_t record) const;
    QString lineHtml(std::uint32_t record) const;

    SimulationController* m_controller;
    Theme* m_theme;
    QPlainTextEdit* m_text;
    QComboBox* m_filter;
    QCheckBox* m_events;
    std::size_t m_shownCount = 0;  // records of the index list consumed
    int m_shownLines = 0;
    quint64 m_revision = ~0ull;
    std::uint32_t m_filterProcess = UINT32_MAX;  // UINT32_MAX: all
};

}  // namespace taskscope::ui
