#pragma once

#include <QPlainTextEdit>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <vector>

class QAction;
class QLabel;
class QToolBar;

namespace taskscope::ui {

class SimulationController;
class Theme;

// Python syntax colouring: keywords, builtins, strings (triple-quoted ones across lines),
// comments, numbers, decorators and the names after def / class.
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    PythonHighlighter(QTextDocument* document, Theme* theme);
    void updateColours();

protected:
    void highlightBlock(const QString& text) override;

private:
    Theme* m_theme;
    QTextCharFormat m_keyword, m_builtin, m_string, m_comment, m_number, m_decorator, m_definition,
        m_self;
};

class CodeEditor;

// The Code view: the open Python program with its syntax coloured, line numbers, a coloured
// marker per thread on the line it is at (at the cursor time; the colours are the timeline's
// thread colours), breakpoints toggled in the gutter (Play pauses when a thread reaches the
// line), a compile error underlined with its message. Edits are saved as you type (per file)
// and Run (Ctrl+R in the editor) runs the edited text; an error never loses the edits.
class CodeView : public QWidget {
    Q_OBJECT
public:
    CodeView(SimulationController* controller, Theme* theme, QWidget* parent = nullptr);

    struct Marker {
        std::uint32_t thread = 0;
        int line = 0;  // 1-based
    };
    // The thread markers at the cursor, by thread index.
    const std::vector<Marker>& markers() const { return m_markers; }
    // The threads whose marker is on `line` (1-based).
    std::vector<std::uint32_t> threadsOnLine(int line) const;
    QPlainTextEdit* editor() const;
    QAction* runAction() const { return m_runAction; }
    QAction* revertAction() const { return m_revertAction; }
    // The line (1-based) with an error squiggle, 0 when none.
    int errorLine() const { return m_errorLine; }
    QString errorText() const { return m_errorText; }
    // Where edits are saved (default: QStandardPaths::AppDataLocation + "/edits").
    void setAutosaveDirectory(const QString& dir) { m_autosaveDir = dir; }
    QString autosaveDirectory() const { return m_autosaveDir; }
    // The file edits of `key` (a path or ":/lessons/..." resource) are saved in.
    QString autosavePath(const QString& key) const;
    // Runs the editor's text now (what Ctrl+R does). False on a compile error.
    bool runEdited();
    // Back to the file's text (drops the saved edits) and runs it.
    void revert();
    // The Revert button: asks before throwing edits away (nothing to ask without edits).
    void askRevert();
    // Saves the edits now instead of after the pause in typing.
    void saveEditsNow();
    // A click in the gutter: sets or clears the breakpoint on `line` (1-based).
    void lineClicked(int line);

signals:
    // A message for the status bar (compile errors, "restored your edits").
    void statusMessage(const QString& text, int timeoutMs);

private:
    friend class CodeEditor;
    void onProgramChanged();
    void updateMarkers();
    void updateSelections();
    void showError();
    void updateStatus();

    SimulationController* m_controller;
    Theme* m_theme;
    CodeEditor* m_editor;
    PythonHighlighter* m_highlighter;
    QToolBar* m_bar;
    QAction* m_runAction;
    QAction* m_revertAction;
    QLabel* m_status;
    QTimer m_autosave;
    QString m_autosaveDir;
    QString m_key;       // the file the editor shows (path or resource)
    QString m_original;  // the file's own text
    std::vector<Marker> m_markers;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorText;
    bool m_loading = false;
};

// The editor with a gutter (line numbers, breakpoints, thread markers).
class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeEditor(CodeView* view);
    int gutterWidth() const;
    // The 1-based line at a y position of the viewport (0: none).
    int lineAt(int y) const;
    void paintGutter(QPaintEvent* event);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    friend class CodeView;
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);

    CodeView* m_view;
    QWidget* m_gutter;
};

}  // namespace taskscope::ui
