#pragma once

#include <QString>
#include <QStringList>

#include <optional>

#include "ui/app/language_code.h"

namespace taskscope::ui {

// "system", "en", "zh_CN": the values of --lang and of the stored preference.
QString languageCode(Language lang);
std::optional<Language> parseLanguage(const QString& code);

// System resolved to English or Chinese from QLocale::system().
Language resolveLanguage(Language lang);

// Installs the translators for `lang` on the application (replacing those of an earlier
// call), sets the default QLocale and, for Chinese, a CJK-capable application font.
// Returns false when Chinese was asked for and the embedded catalogue did not load.
bool applyLanguage(Language lang);

// The language applyLanguage() last put in effect (English before any call).
Language currentLanguage();

// Installed font families that cover Simplified Chinese, best first (Noto Sans CJK SC,
// Source Han Sans SC, WenQuanYi, ...); empty when none is installed.
QStringList cjkFontFamilies();

// The embedded catalogue for Simplified Chinese (a Qt resource path).
QString chineseCatalogue();

}  // namespace taskscope::ui
