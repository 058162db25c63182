#pragma once

namespace taskscope::ui {

// Starts the desktop application (QApplication, main window, event loop).
int guiMain(int argc, char** argv);

}  // namespace taskscope::ui
