#pragma once

#include <QWidget>

#include "ui/model/lesson_header.h"

class QLabel;
class QTextBrowser;

namespace taskscope::ui {

// The open lesson's header in the interface language: its title, the seed and topic it
// belongs to, what to watch and in which view, and what the run demonstrates.
class LessonView : public QWidget {
    Q_OBJECT
public:
    explicit LessonView(QWidget* parent = nullptr);

    // Shows `header` (in Chinese when `chinese` and the lesson has the Chinese text).
    void showLesson(const LessonHeader& header, bool chinese);
    // No lesson open (a program without a header shows its file name only).
    void clear();

    const LessonHeader& header() const { return m_header; }
    // What it shows, as plain text (tests).
    QString titleText() const;
    QString watchText() const { return m_watch; }
    QString expectText() const { return m_expect; }
    QString plainText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTitleFont();

    LessonHeader m_header;
    QString m_watch;
    QString m_expect;
    QLabel* m_title;
    QTextBrowser* m_body;
};

}  // namespace taskscope::ui
