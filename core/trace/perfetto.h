#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/trace/trace.h"

namespace taskscope::core {

// Perfetto's native protobuf trace (a `Trace` message: repeated TracePacket, field 1), which
// ui.perfetto.dev and trace_processor open far beyond the JSON viewer's limits. The protobuf
// is written by hand (varints and length-delimited fields; no library):
//   - a track per core (top level, "CPU n"), per process (ProcessDescriptor pid and name)
//     with a track per thread (ThreadDescriptor pid, tid, name) and a "GIL" track when the
//     process had one, and a "ready queue" counter track;
//   - slices (TYPE_SLICE_BEGIN / TYPE_SLICE_END): the thread running on each core (or the
//     context switch towards it), each thread's states, the GIL's holder;
//   - instants (TYPE_INSTANT) on the thread's track: markers, output, kernel-object
//     operations, GIL drop requests, deadlocks; counters (TYPE_COUNTER): Ready threads.
// Packets are in time order on one sequence (id 1); event names are interned
// (InternedData.event_names, TrackEvent.name_iid). Times are the simulated nanoseconds.
void writePerfettoTrace(const Trace& trace, std::ostream& out);

// True for file names that ask for the protobuf format: *.perfetto-trace, *.pftrace.
bool isPerfettoPath(std::string_view path);

// Field numbers of the messages written, for readers (tests) of the file.
namespace perfetto_field {
inline constexpr int kTracePacket = 1;  // Trace.packet
// TracePacket
inline constexpr int kTimestamp = 8;
inline constexpr int kTrustedPacketSequenceId = 10;
inline constexpr int kTrackEvent = 11;
inline constexpr int kInternedData = 12;
inline constexpr int kSequenceFlags = 13;
inline constexpr int kTrackDescriptor = 60;
// TrackDescriptor
inline constexpr int kUuid = 1;
inline constexpr int kName = 2;
inline constexpr int kProcess = 3;
inline constexpr int kThread = 4;
inline constexpr int kParentUuid = 5;
inline constexpr int kCounter = 8;
// ProcessDescriptor / ThreadDescriptor
inline constexpr int kPid = 1;
inline constexpr int kTid = 2;
inline constexpr int kThreadName = 5;
inline constexpr int kProcessName = 6;
// TrackEvent
inline constexpr int kType = 9;
inline constexpr int kNameIid = 10;
inline constexpr int kTrackUuid = 11;
inline constexpr int kCounterValue = 30;
// InternedData / EventName
inline constexpr int kEventNames = 2;
inline constexpr int kIid = 1;
inline constexpr int kEventName = 2;
}  // namespace perfetto_field

// TrackEvent.Type and TracePacket.SequenceFlags values.
inline constexpr int kPerfettoSliceBegin = 1;
inline constexpr int kPerfettoSliceEnd = 2;
inline constexpr int kPerfettoInstant = 3;
inline constexpr int kPerfettoCounter = 4;
inline constexpr int kPerfettoStateCleared = 1;
inline constexpr int kPerfettoNeedsState = 2;

}  // namespace taskscope::core
