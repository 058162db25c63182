#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QSize>
#include <QString>

namespace taskscope::ui {

// What the GUI command line asks for:
//   taskscope [FILE]
//   taskscope --screenshot OUT.png [FILE] [--at T] [--size WxH]
//   either with [--lang zh_CN|en|system]
struct GuiOptions {
    QString file;        // empty: the default lesson
    QString screenshot;  // non-empty: render the window to this PNG and exit
    QString at;          // cursor time for the screenshot ("50ms"; default: the end)
    QSize size{1600, 1000};
    bool dark = false;         // --dark: the dark theme (screenshots)
    bool presenter = false;    // --presenter: large fonts and lanes
    bool colourBlind = false;  // --colour-blind: the Okabe-Ito palette
    QString raise;             // --raise DOCK: bring a tabbed dock to the front (console...)
    QString lang;              // --lang zh_CN|en|system; empty: the stored preference
                               // (screenshots: English, so that pictures are reproducible)
    QString error;             // non-empty: the arguments were wrong
};

GuiOptions parseGuiOptions(const std::vector<std::string>& args);

// Starts the desktop application (QApplication, main window, event loop).
int guiMain(int argc, char** argv);

}  // namespace taskscope::ui
