#include "ui/export/export_options.h"

#include <QStringList>

#include <array>
#include <utility>

namespace taskscope::ui {

// The names are core's (core/trace/image_options.h), shared with the command line.
std::optional<ExportOptions::Format> exportFormatForSuffix(const QString& suffix) {
    return core::imageFormatForSuffix(suffix.toStdString());
}

std::optional<ExportOptions::View> exportViewForName(const QString& name) {
    return core::imageViewForName(name.toStdString());
}

QString exportViewName(ExportOptions::View view) {
    return QString::fromStdString(std::string(core::imageViewName(view)));
}

QString exportViewNames() {
    return QString::fromStdString(core::imageViewNames());
}

std::optional<QPageSize> exportPageForName(const QString& name, bool* portrait) {
    QString base = name.trimmed();
    bool upright = false;
    if (base.endsWith(QLatin1String("-portrait"), Qt::CaseInsensitive)) {
        base.chop(9);
        upright = true;
    } else if (base.endsWith(QLatin1String("-landscape"), Qt::CaseInsensitive)) {
        base.chop(10);
    }
    static const std::array<std::pair<const char*, QPageSize::PageSizeId>, 5> kPages = {{
        {"A3", QPageSize::A3},
        {"A4", QPageSize::A4},
        {"A5", QPageSize::A5},
        {"Letter", QPageSize::Letter},
        {"Legal", QPageSize::Legal},
    }};
    for (const auto& [text, id] : kPages) {
        if (base.compare(QLatin1String(text), Qt::CaseInsensitive) != 0) continue;
        if (portrait) *portrait = upright;
        return QPageSize(id);
    }
    return std::nullopt;
}

}  // namespace taskscope::ui
