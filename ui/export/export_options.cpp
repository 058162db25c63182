#include "ui/export/export_options.h"

#include <QStringList>

#include <array>
#include <utility>

namespace taskscope::ui {

namespace {
using View = ExportOptions::View;
constexpr std::array<std::pair<View, const char*>, 7> kViews = {{
    {View::Timeline, "timeline"},
    {View::States, "states"},
    {View::ProcessTree, "processes"},
    {View::WaitFor, "wait-for"},
    {View::Stats, "stats"},
    {View::WaitingChart, "waiting-chart"},
    {View::UtilizationChart, "utilization-chart"},
}};
}  // namespace

std::optional<ExportOptions::Format> exportFormatForSuffix(const QString& suffix) {
    const QString s = suffix.toLower();
    if (s == QLatin1String("png")) return ExportOptions::Format::Png;
    if (s == QLatin1String("svg")) return ExportOptions::Format::Svg;
    if (s == QLatin1String("pdf")) return ExportOptions::Format::Pdf;
    return std::nullopt;
}

std::optional<ExportOptions::View> exportViewForName(const QString& name) {
    for (const auto& [view, text] : kViews)
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0) return view;
    return std::nullopt;
}

QString exportViewName(ExportOptions::View view) {
    for (const auto& [v, text] : kViews)
        if (v == view) return QString::fromLatin1(text);
    return {};
}

QString exportViewNames() {
    QStringList names;
    for (const auto& entry : kViews) names << QString::fromLatin1(entry.second);
    return names.join(QLatin1Char('|'));
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
