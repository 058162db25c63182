#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace taskscope::ui {

// What the app remembers between sessions, over QSettings. The file is injectable so tests
// (and the screenshot mode) never touch the user's own settings.
class Preferences {
public:
    // Empty path: the platform's default place for "Taskscope".
    explicit Preferences(const QString& iniPath = {});

    QByteArray geometry() const;
    void setGeometry(const QByteArray& g);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& s);

    QStringList recentFiles() const;
    // Moves `path` to the front, keeping at most kMaxRecent entries.
    void addRecentFile(const QString& path);
    static constexpr int kMaxRecent = 8;

    QString stepMode() const;
    void setStepMode(const QString& mode);
    bool darkTheme() const;
    void setDarkTheme(bool on);
    bool colourBlindSafe() const;
    void setColourBlindSafe(bool on);
    bool pauseOnMarkers() const;
    void setPauseOnMarkers(bool on);
    bool pauseOnDeadlock() const;
    void setPauseOnDeadlock(bool on);
    bool pauseOnLostUpdate() const;
    void setPauseOnLostUpdate(bool on);
    // The interface language: "system" (default), "en" or "zh_CN"; read at startup.
    QString language() const;
    void setLanguage(const QString& code);

    QSettings& settings() { return *m_settings; }
    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace taskscope::ui
