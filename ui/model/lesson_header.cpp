#include "ui/model/lesson_header.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace taskscope::ui {

LessonHeader parseLessonHeader(const QByteArray& text, const QString& fileName) {
    LessonHeader h;
    h.workload = !fileName.endsWith(QLatin1String(".py"), Qt::CaseInsensitive);
    if (fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        const QJsonObject o = QJsonDocument::fromJson(text).object();
        h.title = o.value(QStringLiteral("title")).toString();
        h.titleZh = o.value(QStringLiteral("title_zh")).toString();
        h.watch = o.value(QStringLiteral("description")).toString();
        h.watchZh = o.value(QStringLiteral("description_zh")).toString();
        h.topic = o.value(QStringLiteral("topic")).toString();
    } else {
        // Only the leading comment block is the header.
        const QList<QByteArray> lines = text.split('\n');
        for (int n = 0; n < std::min<int>(40, static_cast<int>(lines.size())); ++n) {
            const QString line = QString::fromUtf8(lines[n]).trimmed();
            if (!line.startsWith(QLatin1Char('#'))) break;
            const int colon = line.indexOf(QLatin1Char(':'));
            if (colon < 0) continue;
            const QString key = line.mid(1, colon - 1).trimmed();
            const QString value = line.mid(colon + 1).trimmed();
            if (key == QLatin1String("title"))
                h.title = value;
            else if (key == QLatin1String("title_zh"))
                h.titleZh = value;
            else if (key == QLatin1String("watch") || key == QLatin1String("description"))
                h.watch = value;
            else if (key == QLatin1String("watch_zh") || key == QLatin1String("description_zh"))
                h.watchZh = value;
            else if (key == QLatin1String("expect"))
                h.expect = value;
            else if (key == QLatin1String("expect_zh"))
                h.expectZh = value;
            else if (key == QLatin1String("seed"))
                h.seed = value;
            else if (key == QLatin1String("topic"))
                h.topic = value;
        }
    }
    h.titled = !h.title.isEmpty();
    if (h.title.isEmpty()) h.title = QFileInfo(fileName).completeBaseName();
    return h;
}

LessonHeader readLessonHeader(const QString& path) {
    QFile f(path);
    return parseLessonHeader(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(), path);
}

QString lessonTopicName(const QString& topic) {
    static const struct {
        const char* key;
        const char* name;
    } topics[] = {
        {"processes", QT_TRANSLATE_NOOP("LessonTopic", "Processes")},
        {"threads", QT_TRANSLATE_NOOP("LessonTopic", "Threads")},
        {"gil", QT_TRANSLATE_NOOP("LessonTopic", "The GIL")},
        {"pool", QT_TRANSLATE_NOOP("LessonTopic", "Process pools")},
        {"queue", QT_TRANSLATE_NOOP("LessonTopic", "Queues")},
        {"shared-memory", QT_TRANSLATE_NOOP("LessonTopic", "Shared memory")},
        {"locks", QT_TRANSLATE_NOOP("LessonTopic", "Locks and events")},
        {"deadlock", QT_TRANSLATE_NOOP("LessonTopic", "Deadlock")},
        {"scheduling", QT_TRANSLATE_NOOP("LessonTopic", "Scheduling")},
        {"dataloader", QT_TRANSLATE_NOOP("LessonTopic", "Pipelines (DataLoader)")},
        {"races", QT_TRANSLATE_NOOP("LessonTopic", "Races")},
        {"io", QT_TRANSLATE_NOOP("LessonTopic", "I/O")},
    };
    for (const auto& t : topics)
        if (topic == QLatin1String(t.key))
            return QCoreApplication::translate("LessonTopic", t.name);
    return topic;
}

}  // namespace taskscope::ui
