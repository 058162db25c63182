#include "ui/views/code_view.h"

#include <QAbstractButton>
#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHelpEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextBlock>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/sim/simulation_controller.h"
#include "ui/style/theme.h"

namespace taskscope::ui {

namespace {

const QStringList& keywords() {
    static const QStringList k = {
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield")};
    return k;
}

const QStringList& builtins() {
    static const QStringList b = {QStringLiteral("print"),
                                  QStringLiteral("len"),
                                  QStringLiteral("range"),
                                  QStringLiteral("int"),
                                  QStringLiteral("str"),
                                  QStringLiteral("float"),
                                  QStringLiteral("list"),
                                  QStringLiteral("dict"),
                                  QStringLiteral("set"),
                                  QStringLiteral("tuple"),
                                  QStringLiteral("bool"),
                                  QStringLiteral("sum"),
                                  QStringLiteral("min"),
                                  QStringLiteral("max"),
                                  QStringLiteral("abs"),
                                  QStringLiteral("enumerate"),
                                  QStringLiteral("zip"),
                                  QStringLiteral("map"),
                                  QStringLiteral("filter"),
                                  QStringLiteral("sorted"),
                                  QStringLiteral("reversed"),
                                  QStringLiteral("isinstance"),
                                  QStringLiteral("input"),
                                  QStringLiteral("super"),
                                  QStringLiteral("object"),
                                  QStringLiteral("type"),
                                  QStringLiteral("id"),
                                  QStringLiteral("iter"),
                                  QStringLiteral("next"),
                                  QStringLiteral("repr"),
                                  QStringLiteral("round"),
                                  QStringLiteral("any"),
                                  QStringLiteral("all"),
                                  QStringLiteral("getattr"),
                                  QStringLiteral("setattr"),
                                  QStringLiteral("hasattr"),
                                  QStringLiteral("open"),
                                  QStringLiteral("format"),
                                  QStringLiteral("divmod"),
                                  QStringLiteral("Exception"),
                                  QStringLiteral("ValueError"),
                                  QStringLiteral("KeyError"),
                                  QStringLiteral("TypeError"),
                                  QStringLiteral("RuntimeError"),
                                  QStringLiteral("IndexError"),
                                  QStringLiteral("KeyboardInterrupt"),
                                  QStringLiteral("SystemExit"),
                                  QStringLiteral("StopIteration"),
                                  QStringLiteral("ZeroDivisionError"),
                                  QStringLiteral("AttributeError"),
                                  QStringLiteral("NameError"),
                                  QStringLiteral("__name__"),
                                  QStringLiteral("__main__")};
    return b;
}

bool isStringPrefix(const QString& word) {
    static const QStringList p = {QStringLiteral("f"),  QStringLiteral("r"),  QStringLiteral("b"),
                                  QStringLiteral("u"),  QStringLiteral("rb"), QStringLiteral("br"),
                                  QStringLiteral("fr"), QStringLiteral("rf")};
    return p.contains(word.toLower());
}

bool isIdentStart(QChar c) {
    return c.isLetter() || c == QLatin1Char('_');
}
bool isIdent(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// Block states: inside a ''' or a """ string that continues on the next line.
constexpr int kInSingleTriple = 1;
constexpr int kInDoubleTriple = 2;

class CodeGutter : public QWidget {
public:
    CodeGutter(CodeEditor* editor, CodeView* view)
        : QWidget(editor), m_editor(editor), m_view(view) {
        setMouseTracking(true);
        setCursor(Qt::PointingHandCursor);
        setToolTip(CodeView::tr("Click a line number to set or clear a breakpoint"));
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { m_editor->paintGutter(event); }
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    CodeEditor* m_editor;
    CodeView* m_view;
};

}  // namespace

// ---------------------------------------------------------------------------------------
// PythonHighlighter

PythonHighlighter::PythonHighlighter(QTextDocument* document, Theme* theme)
    : QSyntaxHighlighter(document), m_theme(theme) {
    updateColours();
}

void PythonHighlighter::updateColours() {
    const bool dark = m_theme && m_theme->mode() == Theme::Mode::Dark;
    m_keyword.setForeground(dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x8a, 0x1f, 0xa8));
    m_keyword.setFontWeight(QFont::Bold);
    m_builtin.setForeground(dark ? QColor(0x56, 0xb6, 0xc2) : QColor(0x00, 0x6e, 0x8a));
    m_string.setForeground(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x2e, 0x7d, 0x32));
    m_comment.setForeground(dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x80, 0x80, 0x80));
    m_comment.setFontItalic(true);
    m_number.setForeground(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0xb3, 0x58, 0x00));
    m_decorator.setForeground(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x9e, 0x6a, 0x00));
    m_definition.setForeground(dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x1a, 0x4f, 0xc4));
    m_definition.setFontWeight(QFont::Bold);
    m_self.setForeground(dark ? QColor(0xe0, 0x6c, 0x75) : QColor(0xa3, 0x2a, 0x2a));
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString& text) {
    const int n = static_cast<int>(text.size());
    int i = 0;
    setCurrentBlockState(0);
    // A triple-quoted string continued from the line before.
    if (const int prev = previousBlockState(); prev == kInSingleTriple || prev == kInDoubleTriple) {
        const QString delim =
            prev == kInSingleTriple ? QStringLiteral("'''") : QStringLiteral("\"\"\"");
        const auto end = text.indexOf(delim);
        if (end < 0) {
            setFormat(0, n, m_string);
            setCurrentBlockState(prev);
            return;
        }
        setFormat(0, static_cast<int>(end) + 3, m_string);
        i = static_cast<int>(end) + 3;
    }
    bool expectDefinition = false;
    bool lineStart = true;
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('#')) {
            setFormat(i, n - i, m_comment);
            break;
        }
        int stringStart = -1;
        int quoteAt = -1;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            stringStart = i;
            quoteAt = i;
        } else if (isIdentStart(c)) {
            int j = i + 1;
            while (j < n && isIdent(text[j])) ++j;
            const QString word = text.mid(i, j - i);
            if (j < n && (text[j] == QLatin1Char('\'') || text[j] == QLatin1Char('"')) &&
                isStringPrefix(word)) {
                stringStart = i;
                quoteAt = j;
            } else {
                if (expectDefinition) {
                    setFormat(i, j - i, m_definition);
                    expectDefinition = false;
                } else if (keywords().contains(word)) {
                    setFormat(i, j - i, m_keyword);
                    expectDefinition =
                        word == QLatin1String("def") || word == QLatin1String("class");
                } else if (word == QLatin1String("self") || word == QLatin1String("cls")) {
                    setFormat(i, j - i, m_self);
                } else if (builtins().contains(word)) {
                    setFormat(i, j - i, m_builtin);
                }
                i = j;
                lineStart = false;
                continue;
            }
        }
        if (quoteAt >= 0) {
            const QChar q = text[quoteAt];
            const QString triple(3, q);
            if (text.mid(quoteAt, 3) == triple) {
                const auto end = text.indexOf(triple, quoteAt + 3);
                if (end < 0) {
                    setFormat(stringStart, n - stringStart, m_string);
                    setCurrentBlockState(q == QLatin1Char('\'') ? kInSingleTriple
                                                                : kInDoubleTriple);
                    return;
                }
                setFormat(stringStart, static_cast<int>(end) + 3 - stringStart, m_string);
                i = static_cast<int>(end) + 3;
            } else {
                int j = quoteAt + 1;
                while (j < n && text[j] != q) j += text[j] == QLatin1Char('\\') ? 2 : 1;
                const int stop = std::min(j + 1, n);
                setFormat(stringStart, stop - stringStart, m_string);
                i = stop;
            }
            lineStart = false;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && text[i + 1].isDigit())) {
            int j = i + 1;
            while (j < n && (isIdent(text[j]) || text[j] == QLatin1Char('.'))) ++j;
            setFormat(i, j - i, m_number);
            i = j;
            lineStart = false;
            continue;
        }
        if (c == QLatin1Char('@') && lineStart) {
            int j = i + 1;
            while (j < n && (isIdent(text[j]) || text[j] == QLatin1Char('.'))) ++j;
            setFormat(i, j - i, m_decorator);
            i = j;
            lineStart = false;
            continue;
        }
        lineStart = false;
        ++i;
    }
}

// ---------------------------------------------------------------------------------------
// CodeEditor

void CodeGutter::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    if (const int line = m_editor->lineAt(static_cast<int>(event->position().y())); line > 0)
        m_view->lineClicked(line);
}

bool CodeGutter::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int line = m_editor->lineAt(help->pos().y());
        const auto threads = m_view->threadsOnLine(line);
        QString text = CodeView::tr("Line %1: click to set or clear a breakpoint").arg(line);
        if (line > 0 && line == m_view->errorLine())
            text = m_view->errorText();
        else if (!threads.empty())
            text = CodeView::tr("Line %1: %n thread(s) here; click to set or clear a breakpoint",
                                "", static_cast<int>(threads.size()))
                       .arg(line);
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

CodeEditor::CodeEditor(CodeView* view)
    : QPlainTextEdit(view), m_view(view), m_gutter(new CodeGutter(this, view)) {
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setFixedPitch(true);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    updateGutterWidth();
}

int CodeEditor::gutterWidth() const {
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10) ++digits;
    digits = std::max(digits, 3);
    // [breakpoint dot] [line number] [thread marker]
    return 16 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + 16;
}

void CodeEditor::updateGutterWidth() {
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEditor::updateGutter(const QRect& rect, int dy) {
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect())) updateGutterWidth();
}

void CodeEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

int CodeEditor::lineAt(int y) const {
    QTextBlock block = firstVisibleBlock();
    auto top = static_cast<int>(
        std::lround(blockBoundingGeometry(block).translated(contentOffset()).top()));
    while (block.isValid()) {
        const int bottom = top + static_cast<int>(std::lround(blockBoundingRect(block).height()));
        if (y >= top && y < bottom) return block.blockNumber() + 1;
        if (top > y) break;
        block = block.next();
        top = bottom;
    }
    return 0;
}

void CodeEditor::paintGutter(QPaintEvent* event) {
    QPainter p(m_gutter);
    p.setRenderHint(QPainter::Antialiasing);
    Theme* theme = m_view->m_theme;
    p.fillRect(event->rect(), theme ? theme->headerBackground() : palette().window().color());
    const auto& bps = m_view->m_controller->lineBreakpoints();
    QTextBlock block = firstVisibleBlock();
    int top = static_cast<int>(
        std::lround(blockBoundingGeometry(block).translated(contentOffset()).top()));
    const int h = fontMetrics().height();
    const int numberRight = m_gutter->width() - 16;
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + static_cast<int>(std::lround(blockBoundingRect(block).height()));
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            const bool hasBreak = std::binary_search(bps.begin(), bps.end(), line);
            if (hasBreak) {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(0xd3, 0x2f, 0x2f));
                p.drawEllipse(QPointF(8, top + h / 2.0), 5, 5);
            }
            const bool isError = line == m_view->m_errorLine;
            p.setPen(isError ? QColor(0xd3, 0x2f, 0x2f)
                     : theme ? theme->mutedText()
                             : palette().text().color());
            p.drawText(QRect(16, top, numberRight - 16 - 2, h), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(line));
            // One small arrow per thread on this line (up to three, then "+").
            const auto threads = m_view->threadsOnLine(line);
            for (std::size_t k = 0; k < threads.size() && k < 3; ++k) {
                const QColor colour = theme ? theme->threadColour(threads[k]) : QColor(Qt::blue);
                const double x = numberRight + 2 + static_cast<double>(k) * 4;
                const double cy = top + h / 2.0;
                QPolygonF arrow;
                arrow << QPointF(x, cy - 5) << QPointF(x + 9, cy) << QPointF(x, cy + 5);
                p.setPen(QPen(theme ? theme->background() : QColor(Qt::white), 1));
                p.setBrush(colour);
                p.drawPolygon(arrow);
            }
        }
        block = block.next();
        top = bottom;
    }
}

bool CodeEditor::event(QEvent* event) {
    // Ctrl+R runs the edited program while typing here (elsewhere it is "Run to...").
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_R && key->modifiers() == Qt::ControlModifier) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint vp = viewport()->mapFrom(this, help->pos());
        const int line = cursorForPosition(vp).blockNumber() + 1;
        if (line == m_view->m_errorLine && m_view->m_errorLine > 0) {
            QToolTip::showText(help->globalPos(), m_view->m_errorText, this);
            return true;
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void CodeEditor::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_R && event->modifiers() == Qt::ControlModifier) {
        m_view->runEdited();
        return;
    }
    // Tab indents with four spaces, as Python style asks.
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier &&
        !textCursor().hasSelection()) {
        insertPlainText(QStringLiteral("    "));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void CodeEditor::paintEvent(QPaintEvent* event) {
    QPlainTextEdit::paintEvent(event);
    // Thread names at the end of the line each thread is at.
    Theme* theme = m_view->m_theme;
    if (m_view->m_markers.empty() || !theme) return;
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    p.setFont(small);
    const QFontMetrics fm(small);
    QTextBlock block = firstVisibleBlock();
    const QPointF offset = contentOffset();
    while (block.isValid()) {
        const QRectF geom = blockBoundingGeometry(block).translated(offset);
        if (geom.top() > event->rect().bottom()) break;
        const int line = block.blockNumber() + 1;
        const auto threads = m_view->threadsOnLine(line);
        if (!threads.empty() && geom.bottom() >= event->rect().top()) {
            const double textWidth = block.layout() && block.layout()->lineCount() > 0
                                         ? block.layout()->lineAt(0).naturalTextWidth()
                                         : 0.0;
            double x = offset.x() + textWidth + 24;
            for (const std::uint32_t th : threads) {
                const QString name =
                    m_view->m_controller->trace().threads().size() > th
                        ? QString::fromStdString(m_view->m_controller->trace().threads()[th].name)
                        : QString::number(th);
                // Threads of another process are named after it ("Process-1"), not "MainThread".
                QString label = name;
                const auto& tinfo = m_view->m_controller->trace().threads()[th];
                const auto& procs = m_view->m_controller->trace().processes();
                if (tinfo.process != 0 && tinfo.process < procs.size() &&
                    name == QLatin1String("MainThread"))
                    label = QString::fromStdString(procs[tinfo.process].name);
                const QColor colour = theme->threadColour(th);
                const double w = fm.horizontalAdvance(label) + 12;
                const QRectF chip(x, geom.top() + 1, w, geom.height() - 2);
                p.setPen(Qt::NoPen);
                p.setBrush(colour);
                p.drawRoundedRect(chip, 4, 4);
                p.setPen(Theme::textOn(colour));
                p.drawText(chip, Qt::AlignCenter, label);
                x += w + 4;
            }
        }
        block = block.next();
    }
}

// ---------------------------------------------------------------------------------------
// CodeView

CodeView::CodeView(SimulationController* controller, Theme* theme, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_theme(theme),
      m_editor(new CodeEditor(this)),
      m_bar(new QToolBar),
      m_status(new QLabel) {
    setObjectName(QStringLiteral("codeView"));
    m_editor->setObjectName(QStringLiteral("codeEditor"));
    m_highlighter = new PythonHighlighter(m_editor->document(), theme);
    m_autosaveDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                    QStringLiteral("/edits");

    m_runAction = new QAction(QIcon(QStringLiteral(":/icons/play.svg")), tr("Run"), this);
    m_runAction->setToolTip(tr("Run the edited program from the start (Ctrl+R in the editor)"));
    connect(m_runAction, &QAction::triggered, this, [this] { runEdited(); });
    m_revertAction = new QAction(QIcon(QStringLiteral(":/icons/reset.svg")), tr("Revert"), this);
    m_revertAction->setToolTip(tr("Drop your edits and go back to the file's own text"));
    connect(m_revertAction, &QAction::triggered, this, &CodeView::askRevert);
    m_bar->setIconSize(QSize(16, 16));
    m_bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_bar->addAction(m_runAction);
    m_bar->addAction(m_revertAction);
    m_bar->addSeparator();
    m_bar->addWidget(m_status);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    layout->addWidget(m_editor, 1);

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(500);
    connect(&m_autosave, &QTimer::timeout, this, &CodeView::saveEditsNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading) return;
        m_autosave.start();
        updateStatus();
    });
    connect(controller, &SimulationController::programChanged, this, &CodeView::onProgramChanged);
    connect(controller, &SimulationController::advanced, this, [this] { updateMarkers(); });
    connect(controller, &SimulationController::breakpointsChanged, this,
            [this] { m_editor->m_gutter->update(); });
    connect(controller, &SimulationController::sourceErrorChanged, this, &CodeView::showError);
    if (theme)
        connect(theme, &Theme::changed, this, [this] {
            m_highlighter->updateColours();
            updateSelections();
            m_editor->viewport()->update();
            m_editor->m_gutter->update();
        });
    onProgramChanged();
}

QPlainTextEdit* CodeView::editor() const {
    return m_editor;
}

QString CodeView::autosavePath(const QString& key) const {
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    return m_autosaveDir + QLatin1Char('/') + hash + QLatin1Char('_') + QFileInfo(key).fileName();
}

void CodeView::onProgramChanged() {
    if (!m_controller->isPython()) {
        m_autosave.stop();
        m_loading = true;
        m_key.clear();
        m_original.clear();
        m_editor->setPlainText(QString());
        m_editor->setReadOnly(true);
        m_editor->setPlaceholderText(
            tr("Open a Python program (.py) to see its code here: File \u2192 Open or "
               "File \u2192 Lessons (Ctrl+L)."));
        m_loading = false;
        m_runAction->setEnabled(false);
        m_revertAction->setEnabled(false);
        m_markers.clear();
        m_errorLine = 0;
        m_errorText.clear();
        updateSelections();
        updateStatus();
        return;
    }
    m_editor->setReadOnly(false);
    m_runAction->setEnabled(true);
    m_revertAction->setEnabled(true);
    const QString key =
        m_controller->sourcePath().isEmpty() ? m_controller->title() : m_controller->sourcePath();
    const quint64 serial = m_controller->programSerial();
    if (key != m_key || serial != property("taskscopeSerial").toULongLong()) {
        if (m_autosave.isActive()) saveEditsNow();  // the edits of the file shown before
        setProperty("taskscopeSerial", serial);
        m_key = key;
        m_original = m_controller->sourceText();
        m_errorLine = 0;
        m_errorText.clear();
        m_loading = true;
        m_editor->setPlainText(m_original);
        m_loading = false;
        // Edits saved earlier for this file come back, and run.
        QFile saved(autosavePath(key));
        if (saved.open(QIODevice::ReadOnly)) {
            const QString edits = QString::fromUtf8(saved.readAll());
            saved.close();
            if (edits != m_original) {
                m_loading = true;
                m_editor->setPlainText(edits);
                m_loading = false;
                emit statusMessage(tr("Restored your edits of %1; Revert goes back to the file")
                                       .arg(m_controller->title()),
                                   8000);
                runEdited();  // re-enters here with the same serial: only the markers update
            }
        }
    }
    updateMarkers();
    updateSelections();
    updateStatus();
}

void CodeView::saveEditsNow() {
    m_autosave.stop();
    if (m_key.isEmpty()) return;
    const QString path = autosavePath(m_key);
    const QString text = m_editor->toPlainText();
    if (text == m_original) {
        QFile::remove(path);
        return;
    }
    QDir().mkpath(m_autosaveDir);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        emit statusMessage(tr("Cannot save your edits to %1: %2").arg(path, f.errorString()), 8000);
        return;
    }
    f.write(text.toUtf8());
    if (!f.commit())
        emit statusMessage(tr("Cannot save your edits to %1: %2").arg(path, f.errorString()), 8000);
}

bool CodeView::runEdited() {
    if (!m_controller->isPython()) return false;
    saveEditsNow();
    QString error;
    const bool ok = m_controller->runSource(m_editor->toPlainText(), &error);
    if (ok) emit statusMessage(tr("Running the edited program"), 4000);
    // On an error sourceErrorChanged() has underlined it; the text stays as typed.
    updateStatus();
    return ok;
}

void CodeView::askRevert() {
    if (!m_controller->isPython()) return;
    if (m_editor->toPlainText() == m_original) {
        emit statusMessage(tr("No edits to revert: this is the file's own text"), 4000);
        return;
    }
    // Window-modal but not blocking (the event loop, and tests, keep running).
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Revert"),
                        tr("Throw away your edits of %1 and go back to the file's own text?")
                            .arg(m_controller->title()),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("revertQuestion"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Discard)->setText(tr("Throw away my edits"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) revert();
    });
    box->open();
}

void CodeView::revert() {
    if (!m_controller->isPython()) return;
    m_loading = true;
    m_editor->setPlainText(m_original);
    m_loading = false;
    saveEditsNow();  // removes the saved edits
    runEdited();
}

void CodeView::showError() {
    const auto& e = m_controller->sourceError();
    // Only errors of the program shown here (opening another broken file keeps this one).
    if (e && QString::fromStdString(e->file) == m_controller->title() && m_controller->isPython()) {
        m_errorLine = e->line;
        m_errorColumn = e->column;
        const QString text = QString::fromStdString(e->format());
        m_errorText =
            text + (e->hint.empty() ? QString()
                                    : QStringLiteral("\n") +
                                          tr("hint: %1").arg(QString::fromStdString(e->hint)));
        emit statusMessage(text, 15000);
        if (e->line > 0) {
            const QTextBlock block = m_editor->document()->findBlockByNumber(e->line - 1);
            if (block.isValid()) {
                QTextCursor c(block);
                c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                               std::clamp(e->column - 1, 0, static_cast<int>(block.text().size())));
                m_editor->setTextCursor(c);
                m_editor->centerCursor();
            }
        }
    } else if (!e) {
        m_errorLine = 0;
        m_errorColumn = 0;
        m_errorText.clear();
    }
    updateSelections();
    updateStatus();
    m_editor->m_gutter->update();
}

void CodeView::updateStatus() {
    if (!m_controller->isPython()) {
        m_status->setText(tr("No Python program open"));
        return;
    }
    if (m_errorLine > 0) {
        m_status->setText(
            tr("Error on line %1 (the last good version keeps running)").arg(m_errorLine));
        m_status->setStyleSheet(QStringLiteral("color: #d32f2f"));
        return;
    }
    m_status->setStyleSheet(QString());
    if (m_editor->toPlainText() != m_controller->sourceText())
        m_status->setText(tr("Edited: Run (Ctrl+R) to see it run"));
    else if (m_editor->toPlainText() != m_original)
        m_status->setText(tr("Running your edited version"));
    else
        m_status->setText(tr("Running %1").arg(m_controller->title()));
}

std::vector<std::uint32_t> CodeView::threadsOnLine(int line) const {
    std::vector<std::uint32_t> out;
    for (const Marker& m : m_markers)
        if (m.line == line) out.push_back(m.thread);
    return out;
}

void CodeView::updateMarkers() {
    std::vector<Marker> markers;
    if (m_controller->isPython()) {
        const auto& threads = m_controller->state().threads;
        const int lines = m_editor->blockCount();
        for (std::uint32_t i = 0; i < threads.size(); ++i) {
            const auto& t = threads[i];
            if (!t.exists || t.state == core::ThreadState::Terminated || t.line == 0) continue;
            if (static_cast<int>(t.line) > lines) continue;
            markers.push_back({i, static_cast<int>(t.line)});
        }
    }
    const bool same = markers.size() == m_markers.size() &&
                      std::equal(markers.begin(), markers.end(), m_markers.begin(),
                                 [](const Marker& a, const Marker& b) {
                                     return a.thread == b.thread && a.line == b.line;
                                 });
    if (same) return;
    m_markers = std::move(markers);
    // Follow the threads (unless the user is typing): when no marker is in sight, bring the
    // first one to the middle.
    if (!m_markers.empty() && !m_editor->hasFocus()) {
        const int first = m_editor->firstVisibleBlock().blockNumber() + 1;
        const int rows = std::max(
            1, m_editor->viewport()->height() / std::max(1, m_editor->fontMetrics().height()));
        const bool inSight = std::any_of(m_markers.begin(), m_markers.end(), [&](const Marker& m) {
            return m.line >= first && m.line < first + rows;
        });
        if (!inSight)
            m_editor->verticalScrollBar()->setValue(
                std::max(0, m_markers.front().line - 1 - rows / 2));
    }
    updateSelections();
    m_editor->viewport()->update();
    m_editor->m_gutter->update();
}

void CodeView::updateSelections() {
    QList<QTextEdit::ExtraSelection> selections;
    QTextDocument* doc = m_editor->document();
    // A light band in the thread's colour on each line a thread is at.
    for (const Marker& m : m_markers) {
        const QTextBlock block = doc->findBlockByNumber(m.line - 1);
        if (!block.isValid()) continue;
        QTextEdit::ExtraSelection s;
        QColor band = m_theme ? m_theme->threadColour(m.thread) : QColor(Qt::blue);
        band.setAlphaF(m_theme && m_theme->mode() == Theme::Mode::Dark ? 0.30f : 0.18f);
        s.format.setBackground(band);
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        s.cursor = QTextCursor(block);
        selections << s;
    }
    if (m_errorLine > 0) {
        const QTextBlock block = doc->findBlockByNumber(m_errorLine - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection band;
            band.format.setBackground(QColor(0xd3, 0x2f, 0x2f, 40));
            band.format.setProperty(QTextFormat::FullWidthSelection, true);
            band.cursor = QTextCursor(block);
            selections << band;
            // The squiggle: from the column to the end of the word (the whole line when the
            // column is past its end).
            const QString text = block.text();
            const int len = static_cast<int>(text.size());
            int from = std::clamp(m_errorColumn - 1, 0, std::max(0, len - 1));
            int to = from;
            while (to < len && (text[to].isLetterOrNumber() || text[to] == QLatin1Char('_'))) ++to;
            if (to == from) to = std::min(len, from + 1);
            if (len == 0 || m_errorColumn - 1 >= len) {
                from = 0;
                while (from < len && text[from].isSpace()) ++from;
                to = len;
            }
            QTextEdit::ExtraSelection squiggle;
            squiggle.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            squiggle.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
            squiggle.format.setToolTip(m_errorText);
            squiggle.cursor = QTextCursor(block);
            squiggle.cursor.setPosition(block.position() + from);
            squiggle.cursor.setPosition(block.position() + to, QTextCursor::KeepAnchor);
            selections << squiggle;
        }
    }
    m_editor->setExtraSelections(selections);
}

void CodeView::lineClicked(int line) {
    if (line <= 0 || !m_controller->isPython()) return;
    m_controller->toggleLineBreakpoint(line);
    const auto& bps = m_controller->lineBreakpoints();
    emit statusMessage(
        std::binary_search(bps.begin(), bps.end(), line)
            ? tr("Breakpoint on line %1: Play pauses when a thread reaches it").arg(line)
            : tr("Breakpoint on line %1 cleared").arg(line),
        5000);
}

}  // namespace taskscope::ui
