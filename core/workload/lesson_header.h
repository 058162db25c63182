#pragma once
// The header of a lesson: the leading "# key: value" comment lines of a Python program
// (resources/lessons/README.md). Some keys describe the lesson (title, watch, expect, in
// English and Chinese); the others set it up: the run settings it needs ("# cores: 2"), the
// views to raise, the initial zoom and the markers to pause at. Every front end reads headers
// here: `taskscope run`, the GUI and the lesson lists.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sim/run_config.h"
#include "core/util/diagnostic.h"
#include "core/util/time.h"

namespace taskscope::core {

// One run setting of a header, as written (for messages and the Run settings' "from the
// lesson" note).
struct HeaderSetting {
    std::string key;    // as the header spells it: "cores", "switch-interval", "random-seed"
    std::string field;  // the RunOverrides name it sets ("cores", ..., "seed")
    std::string value;  // the text after the colon
    int line = 0;       // 1-based line of the file
};

struct LessonHeader {
    // Description (empty when missing).
    std::string title, titleZh;
    std::string seed;            // the seed article ("000".."004"), not the random seed
    std::string topic;           // processes, threads, gil, pool, queue, ...
    std::string watch, watchZh;  // a workload's "description" / "description_zh"
    std::string expect, expectZh;

    // Run settings, each read by RunOverrides::set (so they are checked as the command
    // line's options are). Keys: cores, policy, quantum, context-switch, wake-latency,
    // random-seed (the machine's seed), gil, switch-interval, start-method, cost-scale, args.
    RunOverrides settings;
    std::vector<HeaderSetting> settingLines;  // in the order of the file

    // Set-up of the desktop app.
    std::vector<std::string> views;  // views to raise, canonical names (lessonViewNames())
    // The visible range when the lesson opens ("# zoom: 0:50ms", or "# zoom: 50ms" for
    // 0 to 50 ms); bare numbers are milliseconds.
    std::optional<SimTime> zoomFrom, zoomTo;
    std::vector<std::string> pauseAt;  // taskscope.mark labels where Play pauses
    // The settings to vary between runs side by side, as `taskscope compare --vary` takes
    // them: "# compare: cores=1,2; gil=on,off" (compareSettings() splits it).
    std::string compare;
    std::vector<std::string> compareSettings() const;

    // Bad values ("file:line:col: cores: expected a whole number from 1 to 64, got "0"")
    // and keys set twice. A front end refuses to run a program whose header has errors.
    std::vector<Diagnostic> errors;
    // Unknown keys in a lesson's header (one that has a "# title:"), e.g. "# core: 2".
    std::vector<Diagnostic> warnings;

    bool hasSettings() const { return !settingLines.empty(); }
    // The header line that set RunOverrides field `field`, or nullptr.
    const HeaderSetting* settingFor(std::string_view field) const {
        for (const HeaderSetting& s : settingLines)
            if (s.field == field) return &s;
        return nullptr;
    }
    // The Chinese text when `chinese` and it is there, else the English one.
    const std::string& localTitle(bool chinese) const {
        return chinese && !titleZh.empty() ? titleZh : title;
    }
    const std::string& localWatch(bool chinese) const {
        return chinese && !watchZh.empty() ? watchZh : watch;
    }
    const std::string& localExpect(bool chinese) const {
        return chinese && !expectZh.empty() ? expectZh : expect;
    }
};

// Reads the header of a Python program's text: the comment lines at its top (a "#!" line
// and a UTF-8 byte-order mark are skipped), up to the first line that is not a comment.
// A comment line is a key only when it reads "# word: value" with a known word, or any
// single word in a lesson's header. `file` names the errors.
LessonHeader readLessonHeader(std::string_view source, const std::string& file);

// Lays the header's run settings, then the command line's, over `config` (the program's
// defaults): command line > header > defaults. The notes say which given settings do nothing
// in the resulting run (a header setting the command line replaced gets none).
struct LessonSettingNotes {
    std::vector<OverrideNote> header;  // field: the RunOverrides name ("seed", "cores")
    std::vector<OverrideNote> commandLine;
};
LessonSettingNotes applyLessonSettings(RunConfig& config, const LessonHeader& header,
                                       const RunOverrides& commandLine);

// The views a header may raise, as the desktop app names its docks (without "Dock"):
// timeline, processes, states, stats, console, settings, workload, syncObjects, waitFor,
// events, breakpoints, code, gil.
const std::vector<std::string_view>& lessonViewNames();
// A view name as a header may write it ("Wait-for graph", "charts", "sync objects",
// "waitFor") to its canonical name, or nullopt.
std::optional<std::string> lessonViewForName(std::string_view name);

}  // namespace taskscope::core
