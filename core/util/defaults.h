#pragma once
// The defaults of a run, each written once: the CLI, the GUI, the runtime, the machine and
// the workload reader all read them here (README "Python programs", "Workload format").

#include "core/util/time.h"

namespace taskscope::core {

// The GIL: CPython's sys.getswitchinterval() (Python/ceval_gil.h, DEFAULT_INTERVAL 5000 us).
inline constexpr SimTime kDefaultSwitchInterval = 5 * kMillisecond;
// Up to this much OS wake-up latency on each GIL timed wait (REFERENCE.md §6: the interval
// plus tens of µs on bare metal).
inline constexpr SimTime kDefaultGilJitter = 50 * kMicrosecond;

// The machine Python programs run on (REFERENCE.md §6): 4 cores, the fair policy, a 2 µs
// context switch and a 12 µs wake-up latency for a thread woken by another.
inline constexpr int kPythonCores = 4;
inline constexpr SimTime kPythonContextSwitch = 2 * kMicrosecond;
inline constexpr SimTime kPythonWakeLatency = 12 * kMicrosecond;
// A Python run stops at this simulated time unless told otherwise (CLI --until/--max-steps;
// exit status 4), in the CLI and the GUI alike: every lesson ends well before it, and an
// endless program must not run forever.
inline constexpr SimTime kPythonTimeLimit = 10 * kSecond;

// The round-robin time slice when nothing sets one.
inline constexpr SimTime kDefaultQuantum = 10 * kMillisecond;

// Pictures (--png/--svg/--pdf, File > Export...).
inline constexpr int kDefaultImageWidth = 1400;  // logical pixels (points)
inline constexpr double kDefaultImageScale = 1.0;

}  // namespace taskscope::core
