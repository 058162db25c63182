#include "ui/model/lesson_header.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/workload/lesson_header.h"

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
        // The same reader as `taskscope run` and the simulation controller.
        const core::LessonHeader c = core::readLessonHeader(
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
            fileName.toStdString());
        auto q = [](const std::string& v) { return QString::fromStdString(v); };
        h.title = q(c.title);
        h.titleZh = q(c.titleZh);
        h.watch = q(c.watch);
        h.watchZh = q(c.watchZh);
        h.expect = q(c.expect);
        h.expectZh = q(c.expectZh);
        h.seed = q(c.seed);
        h.topic = q(c.topic);
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
