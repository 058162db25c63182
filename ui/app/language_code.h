#pragma once
// The interface languages and their codes, Qt-free so that the command line (app/cli.cpp)
// checks --lang with the same table as the app (ui/app/language.h).

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

namespace taskscope::ui {

// The user-interface language. System follows the system locale (Chinese locales give
// Simplified Chinese, everything else English).
enum class Language { System, English, Chinese };

// "system", "en", "zh_CN" and their spellings (zh-CN, zh_Hans, en_GB, C, ...), any case.
inline std::optional<Language> parseLanguageCode(std::string_view code) {
    while (!code.empty() && std::isspace(static_cast<unsigned char>(code.front())))
        code.remove_prefix(1);
    while (!code.empty() && std::isspace(static_cast<unsigned char>(code.back())))
        code.remove_suffix(1);
    std::string c;
    for (const char ch : code)
        c += ch == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (c == "system" || c.empty()) return Language::System;
    if (c == "en" || c.rfind("en_", 0) == 0 || c == "c") return Language::English;
    if (c == "zh" || c == "zh_cn" || c == "zh_hans" || c == "zh_sg") return Language::Chinese;
    return std::nullopt;
}

}  // namespace taskscope::ui
