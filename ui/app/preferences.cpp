#include "ui/app/preferences.h"

namespace taskscope::ui {

Preferences::Preferences(const QString& iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>(QStringLiteral("Taskscope"),
                                                                 QStringLiteral("Taskscope"))
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

QByteArray Preferences::geometry() const {
    return m_settings->value("window/geometry").toByteArray();
}
void Preferences::setGeometry(const QByteArray& g) {
    m_settings->setValue("window/geometry", g);
}
QByteArray Preferences::windowState() const {
    return m_settings->value("window/state").toByteArray();
}
void Preferences::setWindowState(const QByteArray& s) {
    m_settings->setValue("window/state", s);
}

QStringList Preferences::recentFiles() const {
    return m_settings->value("files/recent").toStringList();
}

void Preferences::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent) files.removeLast();
    m_settings->setValue("files/recent", files);
}

QString Preferences::stepMode() const {
    return m_settings->value("run/stepMode", "event").toString();
}
void Preferences::setStepMode(const QString& mode) {
    m_settings->setValue("run/stepMode", mode);
}
bool Preferences::darkTheme() const {
    return m_settings->value("view/dark", false).toBool();
}
void Preferences::setDarkTheme(bool on) {
    m_settings->setValue("view/dark", on);
}
bool Preferences::colourBlindSafe() const {
    return m_settings->value("view/colourBlindSafe", false).toBool();
}
void Preferences::setColourBlindSafe(bool on) {
    m_settings->setValue("view/colourBlindSafe", on);
}
bool Preferences::pauseOnMarkers() const {
    return m_settings->value("run/pauseOnMarkers", false).toBool();
}
void Preferences::setPauseOnMarkers(bool on) {
    m_settings->setValue("run/pauseOnMarkers", on);
}
bool Preferences::pauseOnDeadlock() const {
    return m_settings->value("run/pauseOnDeadlock", false).toBool();
}
void Preferences::setPauseOnDeadlock(bool on) {
    m_settings->setValue("run/pauseOnDeadlock", on);
}
bool Preferences::pauseOnLostUpdate() const {
    return m_settings->value("run/pauseOnLostUpdate", false).toBool();
}
void Preferences::setPauseOnLostUpdate(bool on) {
    m_settings->setValue("run/pauseOnLostUpdate", on);
}
QString Preferences::language() const {
    return m_settings->value("view/language", "system").toString();
}
void Preferences::setLanguage(const QString& code) {
    m_settings->setValue("view/language", code);
}

}  // namespace taskscope::ui
