#pragma once

#include <iosfwd>

namespace taskscope::app {

// Exit statuses of the command line.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProgramError = 1;  // the simulated program raised
inline constexpr int kExitBadInput = 2;      // bad file, bad option, compile error
inline constexpr int kExitDeadlock = 3;      // every live thread blocked forever
inline constexpr int kExitStopped = 4;       // a Python program hit the default 30 s limit

// `taskscope run ...` and the other headless sub-commands. `argv[0]` is the program name.
// Returns the process exit status; never throws on user input.
int runCli(int argc, char** argv, std::ostream& out, std::ostream& err);

// True when argv asks for a headless sub-command (so no GUI must be created).
bool isHeadlessCommand(int argc, char** argv);

}  // namespace taskscope::app
