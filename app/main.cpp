#include <iostream>

#include "app/cli.h"

#ifdef TASKSCOPE_HAS_GUI
#include "ui/app/gui_main.h"
#endif

int main(int argc, char** argv) {
    if (taskscope::app::isHeadlessCommand(argc, argv))
        return taskscope::app::runCli(argc, argv, std::cout, std::cerr);
#ifdef TASKSCOPE_HAS_GUI
    return taskscope::ui::guiMain(argc, argv);
#else
    std::cerr << "taskscope: this build has no GUI; use 'taskscope run FILE' (see --help)\n";
    return taskscope::app::kExitBadInput;
#endif
}
