#pragma once

#include <QByteArray>
#include <QString>

namespace taskscope::ui {

// The bilingual header of a lesson: the leading "# key: value" comment lines of a Python
// lesson (resources/lessons/README.md: title, title_zh, seed, topic, watch, watch_zh, expect,
// expect_zh) or of a CSV workload (title, title_zh, description, description_zh, topic), or
// "title" / "title_zh" / "description" / "description_zh" / "topic" of a JSON workload. The
// comment headers are read by core::readLessonHeader (the one reader of header keys); this is
// its Qt-string view for the lesson lists and panel, with JSON workloads' keys beside it.
struct LessonHeader {
    QString title, titleZh;
    QString watch, watchZh;    // for a workload: its description
    QString expect, expectZh;  // what the run demonstrates (Python lessons)
    QString seed;              // "000".."004": the seed article a lesson comes from
    QString topic;             // "gil", "locks", "scheduling", ...
    bool workload = false;     // a .json / .csv workload (else a Python program)
    bool titled = false;       // the file names a title (else `title` is the file's base name)

    // The Chinese text when `chinese` and it is there, else the English one.
    QString localTitle(bool chinese) const {
        return chinese && !titleZh.isEmpty() ? titleZh : title;
    }
    QString localWatch(bool chinese) const {
        return chinese && !watchZh.isEmpty() ? watchZh : watch;
    }
    QString localExpect(bool chinese) const {
        return chinese && !expectZh.isEmpty() ? expectZh : expect;
    }
};

// Reads the header of a .py, .csv or .json file (a path or a Qt resource). Missing keys stay
// empty; the title falls back to the file's base name.
LessonHeader readLessonHeader(const QString& path);
// The same from the file's text; `fileName` tells the kind (by its extension) and gives the
// fallback title.
LessonHeader parseLessonHeader(const QByteArray& text, const QString& fileName);

// A lesson topic ("gil", "locks", ...) in the interface language (the key itself when
// unknown).
QString lessonTopicName(const QString& topic);

}  // namespace taskscope::ui
