#include "ui/model/lesson_header.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

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
            // Only the leading comment block is the header.
            for (int n = 0; n < 40 && !f.atEnd(); ++n) {
                const QString line = QString::fromUtf8(f.readLine()).trimmed();
                if (!line.startsWith(QLatin1Char('#'))) break;
                const int colon = line.indexOf(QLatin1Char(':'));
                if (colon < 0) continue;
                const QString key = line.mid(1, colon - 1).trimmed();
                const QString value = line.mid(colon + 1).trimmed();
                if (key == QLatin1String("title"))
                    h.title = value;
                else if (key == QLatin1String("title_zh"))
                    h.titleZh = value;
                else if (key == QLatin1String("watch"))
                    h.watch = value;
                else if (key == QLatin1String("watch_zh"))
                    h.watchZh = value;
            }
        }
    }
    if (h.title.isEmpty()) h.title = QFileInfo(path).completeBaseName();
    return h;
}

}  // namespace taskscope::ui
