#include "ui/views/lesson_view.h"

#include <QEvent>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace taskscope::ui {

LessonView::LessonView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel), m_body(new QTextBrowser) {
    setObjectName(QStringLiteral("lessonView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    updateTitleFont();
    m_body->setObjectName(QStringLiteral("lessonBody"));
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setOpenLinks(false);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    clear();
}

void LessonView::updateTitleFont() {
    // Bold and a little larger than the panel's font, which presenter mode enlarges.
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
}

void LessonView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateTitleFont();
}

void LessonView::clear() {
    m_header = {};
    m_watch.clear();
    m_expect.clear();
    m_title->setText(tr("No lesson open"));
    m_body->setHtml(
        tr("<p>Open a lesson from <b>Lessons</b> on the toolbar: its title, what to watch and "
           "what to expect appear here.</p>"));
}

QString LessonView::titleText() const {
    return m_title->text();
}

QString LessonView::plainText() const {
    return m_title->text() + QLatin1Char('\n') + m_body->toPlainText();
}

void LessonView::showLesson(const LessonHeader& header, bool chinese) {
    m_header = header;
    m_watch = header.localWatch(chinese);
    m_expect = header.localExpect(chinese);
    m_title->setText(header.localTitle(chinese));
    QString html;
    QStringList tags;
    if (!header.seed.isEmpty()) tags << tr("seed %1").arg(header.seed);
    if (!header.topic.isEmpty()) tags << lessonTopicName(header.topic);
    if (!tags.isEmpty())
        html += QStringLiteral("<p style='color:gray'>%1</p>")
                    .arg(tags.join(QStringLiteral(" \u00b7 ")).toHtmlEscaped());
    if (!m_watch.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(header.workload ? tr("What it shows") : tr("What to watch"),
                         m_watch.toHtmlEscaped());
    if (!m_expect.isEmpty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("What to expect"), m_expect.toHtmlEscaped());
    if (m_watch.isEmpty() && m_expect.isEmpty())
        html += tr("<p>This file has no lesson header (title, watch, expect).</p>");
    m_body->setHtml(html);
}

}  // namespace taskscope::ui
