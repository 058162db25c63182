#pragma once

#include <QString>

namespace taskscope::ui {

// The bilingual header of a lesson: "# title:" / "# title_zh:" / "# watch:" / "# watch_zh:"
// comment lines of a Python lesson (resources/lessons/README.md), or "title" / "title_zh" /
// "description" / "description_zh" of a JSON workload.
struct LessonHeader {
    QString title, titleZh;
    QString watch, watchZh;  // for a workload: its description
    QString expect, expectZh;

    // The Chinese text when `chinese` and it is there, else the English one.
    QString localTitle(bool chinese) const {
        return chinese && !titleZh.isEmpty() ? titleZh : title;
    }
    QString localWatch(bool chinese) const {
        return chinese && !watchZh.isEmpty() ? watchZh : watch;
    }
};

// Reads the header of a .py or .json file (a path or a Qt resource). Missing keys stay
// empty; the title falls back to the file's base name.
LessonHeader readLessonHeader(const QString& path);

}  // namespace taskscope::ui
