#pragma once

#include "ui/app/gui_options.h"

namespace taskscope::ui {

// Starts the desktop application (QApplication, main window, event loop) with the options
// the command line parsed (app/cli.cpp). `argc`/`argv` are the process's: QApplication reads
// Qt's own options (-platform, -style, ...) from them.
int guiMain(int argc, char** argv, const GuiOptions& options);

}  // namespace taskscope::ui
