#include "ui/model/lesson_header.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/workload/lesson_header.h"

namespace taskscope::ui {

LessonHeader readLessonHeader(const QString& path) {
    LessonHeader h;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
            const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            h.title = o.value(QStringLiteral("title")).toString();
            h.titleZh = o.value(QStringLiteral("title_zh")).toString();
            h.watch = o.value(QStringLiteral("description")).toString();
            h.watchZh = o.value(QStringLiteral("description_zh")).toString();
        } else {
            // The leading comment block, read by the one header reader (core).
            const core::LessonHeader c =
                core::readLessonHeader(f.read(64 * 1024).toStdString(), path.toStdString());
            h.title = QString::fromStdString(c.title);
            h.titleZh = QString::fromStdString(c.titleZh);
            h.watch = QString::fromStdString(c.watch);
            h.watchZh = QString::fromStdString(c.watchZh);
            h.expect = QString::fromStdString(c.expect);
            h.expectZh = QString::fromStdString(c.expectZh);
        }
    }
    if (h.title.isEmpty()) h.title = QFileInfo(path).completeBaseName();
    return h;
}

}  // namespace taskscope::ui
