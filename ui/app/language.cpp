#include "ui/app/language.h"

#include <QApplication>
#include <QFont>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace taskscope::ui {

namespace {
Language g_current = Language::English;
std::vector<std::unique_ptr<QTranslator>>& translators() {
    static std::vector<std::unique_ptr<QTranslator>> list;
    return list;
}
QFont& originalFont() {
    static QFont font;
    return font;
}
bool g_fontSaved = false;
}  // namespace

QString languageCode(Language lang) {
    switch (lang) {
        case Language::System:
            return QStringLiteral("system");
        case Language::English:
            return QStringLiteral("en");
        case Language::Chinese:
            return QStringLiteral("zh_CN");
    }
    return QStringLiteral("system");
}

std::optional<Language> parseLanguage(const QString& code) {
    return parseLanguageCode(code.toStdString());
}

Language resolveLanguage(Language lang) {
    if (lang != Language::System) return lang;
    return QLocale::system().language() == QLocale::Chinese ? Language::Chinese : Language::English;
}

QString chineseCatalogue() {
    return QStringLiteral(":/i18n/taskscope_zh_CN.qm");
}

QStringList cjkFontFamilies() {
    static const char* const preferred[] = {
        "Noto Sans CJK SC",    "Noto Sans SC",      "Source Han Sans SC",  "Source Han Sans CN",
        "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN"};
    const QStringList installed = QFontDatabase::families();
    QStringList found;
    for (const char* name : preferred) {
        const QString family = QString::fromLatin1(name);
        if (installed.contains(family, Qt::CaseInsensitive)) found << family;
    }
    return found;
}

bool applyLanguage(Language lang) {
    auto& list = translators();
    for (auto& t : list) QCoreApplication::removeTranslator(t.get());
    list.clear();
    if (!g_fontSaved && qobject_cast<QApplication*>(QCoreApplication::instance())) {
        originalFont() = QApplication::font();
        g_fontSaved = true;
    }

    const Language resolved = resolveLanguage(lang);
    g_current = resolved;
    if (resolved == Language::English) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        if (g_fontSaved) QApplication::setFont(originalFont());
        return true;
    }

    const QLocale zh(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    QLocale::setDefault(zh);
    auto own = std::make_unique<QTranslator>();
    const bool ok = own->load(chineseCatalogue());
    if (ok) {
        QCoreApplication::installTranslator(own.get());
        list.push_back(std::move(own));
    }
    // Qt's own dialogs and buttons (OK, Cancel, file dialogs), when the system has them.
    for (const char* base : {"qtbase_zh_CN", "qt_zh_CN"}) {
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QString::fromLatin1(base),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            list.push_back(std::move(qt));
            break;
        }
    }
    if (g_fontSaved) {
        const QStringList cjk = cjkFontFamilies();
        if (!cjk.isEmpty()) {
            QFont f = originalFont();
            // The CJK family first: its Latin letters are good too, and every Chinese
            // character then comes from one font instead of a per-glyph fallback.
            f.setFamilies(cjk + QStringList{originalFont().family()});
            QApplication::setFont(f);
        }
    }
    return ok;
}

Language currentLanguage() {
    return g_current;
}

}  // namespace taskscope::ui
