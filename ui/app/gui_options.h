#pragma once
// What the GUI's command line asks for. Parsed by app/cli.cpp (the one command-line parser,
// shared with `taskscope run`), so it is a plain struct with no Qt type:
//   taskscope [FILE] [--lang zh_CN|en|system]
//   taskscope --screenshot OUT.png [FILE] [--at T] [--size WxH] [--dark] [--presenter]
//             [--colour-blind] [--raise VIEW] [--lang zh_CN|en]
// plus the run settings of `taskscope run` (--cores 2, --policy rr, ...), which override the
// opened program's header for that program.

#include <string>

#include "core/sim/run_config.h"

namespace taskscope::ui {

struct GuiOptions {
    std::string file;        // empty: the default lesson
    std::string screenshot;  // non-empty: render the window to this PNG and exit
    std::string at;          // cursor time for the screenshot ("50ms"; default: the end)
    int width = 1600;        // --size WxH of the screenshot
    int height = 1000;
    bool dark = false;         // --dark: the dark theme (screenshots)
    bool presenter = false;    // --presenter: large fonts and lanes
    bool colourBlind = false;  // --colour-blind: the Okabe-Ito palette
    std::string raise;         // --raise DOCK: bring a tabbed dock to the front (console...)
    std::string lang;          // --lang zh_CN|en|system; empty: the stored preference
                               // (screenshots: English, so that pictures are reproducible)
    core::RunOverrides run;    // --cores, --policy, ...: over the header of FILE
};

}  // namespace taskscope::ui
