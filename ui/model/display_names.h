#pragma once

#include <QString>

#include "core/os/state.h"

namespace taskscope::ui {

// The translated names of the model's enums, for every view (core::toString gives the
// English identifiers used in files and the command line).
QString stateName(core::ThreadState s);  // New, Ready, Running, Waiting, Terminated
QString reasonName(core::WaitReason r);  // I/O, sleep, lock, GIL, ...
QString causeName(core::Cause c);        // admitted, dispatched, time slice expired, ...

}  // namespace taskscope::ui
