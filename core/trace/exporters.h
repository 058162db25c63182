#pragma once

#include <ostream>
#include <string>

#include "core/trace/trace.h"
#include "core/util/time.h"

namespace taskscope::core {

// Chrome trace event JSON (Perfetto, chrome://tracing): one track per core under a
// "CPU cores" process, one track per thread under its process, ph "X" slices with ts/dur
// in microseconds from 0, "M" metadata names, "i" instants for markers and output.
void writeChromeTrace(const Trace& trace, std::ostream& out);

// One CSV row per run slice on a core: core,pid,tid,process,thread,start,end,duration,
// with times in `unit` (nanoseconds per unit, named `unitName`).
void writeSliceCsv(const Trace& trace, std::ostream& out, SimTime unit,
                   const std::string& unitName);

}  // namespace taskscope::core
