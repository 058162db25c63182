#include "core/trace/image_options.h"

#include <array>
#include <cctype>
#include <utility>

namespace taskscope::core {

namespace {
using View = ImageOptions::View;
constexpr std::array<std::pair<View, std::string_view>, 10> kViews = {{
    {View::Timeline, "timeline"},
    {View::States, "states"},
    {View::ProcessTree, "processes"},
    {View::WaitFor, "wait-for"},
    {View::Stats, "stats"},
    {View::WaitingChart, "waiting-chart"},
    {View::UtilizationChart, "utilization-chart"},
    {View::Gil, "gil"},
    {View::SyncObjects, "sync-objects"},
    {View::Code, "code"},
}};

bool sameIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}
}  // namespace

std::optional<ImageOptions::View> imageViewForName(std::string_view name) {
    for (const auto& [view, text] : kViews)
        if (sameIgnoringCase(name, text)) return view;
    return std::nullopt;
}

std::string_view imageViewName(ImageOptions::View view) {
    for (const auto& [v, text] : kViews)
        if (v == view) return text;
    return {};
}

const std::vector<std::string_view>& imageViewNameList() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> out;
        for (const auto& entry : kViews) out.push_back(entry.second);
        return out;
    }();
    return names;
}

std::string imageViewNames() {
    std::string out;
    for (const auto& entry : kViews) out += (out.empty() ? "" : "|") + std::string(entry.second);
    return out;
}

std::optional<ImageOptions::Format> imageFormatForSuffix(std::string_view suffix) {
    if (sameIgnoringCase(suffix, "png")) return ImageOptions::Format::Png;
    if (sameIgnoringCase(suffix, "svg")) return ImageOptions::Format::Svg;
    if (sameIgnoringCase(suffix, "pdf")) return ImageOptions::Format::Pdf;
    return std::nullopt;
}

const std::vector<std::string>& imagePageNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const char* p : {"A3", "A4", "A5", "Letter", "Legal"}) out.emplace_back(p);
        for (const char* p : {"A3", "A4", "A5", "Letter", "Legal"})
            out.push_back(std::string(p) + "-portrait");
        return out;
    }();
    return names;
}

}  // namespace taskscope::core
