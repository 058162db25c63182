#pragma once
// One run configuration: everything that decides how a program runs. Every front end starts
// from the program's defaults (runConfigFor(workload), runtime::pythonRunConfig()) and lays
// its settings over them with applyOverrides(): the CLI's options, the GUI's Run settings,
// and later a lesson's "# cores: 2" header or `compare`, which varies one field by name.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/os/start_method.h"
#include "core/sched/policy.h"
#include "core/sim/machine.h"
#include "core/util/defaults.h"

namespace taskscope::core {

// The settings of a Python run that the machine does not know (the runtime's options).
struct PythonConfig {
    bool gil = true;                                  // false: free-threaded (PEP 703, 3.13t)
    SimTime switchInterval = kDefaultSwitchInterval;  // the GIL's, until the program sets one
    StartMethod startMethod = StartMethod::Fork;
    double costScale = 1.0;         // multiplies every bytecode and runtime cost
    std::vector<std::string> args;  // the program's arguments, sys.argv[1:]
    friend bool operator==(const PythonConfig&, const PythonConfig&) = default;
};

struct RunConfig {
    bool isPython = false;        // a Python program (else a workload: `python` has no effect)
    SimTime unit = kMillisecond;  // the program's time unit; times given by name are in it
    std::string unitName = "ms";
    MachineSettings machine;  // cores, the policy and its time slice, costs, seed
    PythonConfig python;
};

// Settings given one at a time; unset ones keep the configuration's value. Times are in the
// program's unit (RunConfig::unit), the switch interval in milliseconds.
struct RunOverrides {
    std::optional<int> cores;
    std::optional<PolicyKind> policy;
    std::optional<double> quantum;
    std::optional<double> contextSwitch;
    std::optional<double> wakeLatency;
    std::optional<std::uint64_t> seed;
    // Python programs.
    std::optional<bool> gil;
    std::optional<double> switchInterval;
    std::optional<StartMethod> startMethod;
    std::optional<double> costScale;
    std::optional<std::vector<std::string>> args;

    // The names set() knows, as the command line spells them: cores, policy, quantum,
    // context-switch, wake-latency, seed, gil, switch-interval, start-method, cost-scale, args.
    static const std::vector<std::string_view>& names();
    // Sets the field `name` from `text` ("cores", "2"; "gil", "off"; "args", "a b"). False
    // with a message that starts with the name and says what is expected, e.g.
    // `cores: expected a whole number from 1 to 64, got "0"`.
    bool set(std::string_view name, std::string_view text, std::string* error);
};

// A setting that was given but has no effect on this run, and why (front ends show it: the
// CLI as a warning line, the GUI as a disabled control with a tooltip).
struct OverrideNote {
    std::string field;  // one of RunOverrides::names()
    std::string why;    // "has no effect under the fair policy: only rr uses a time slice"
};

// Lays `o` over `config`, the one place settings become a run. Returns a note for each set
// field that does nothing under the resulting policy or for this kind of program.
std::vector<OverrideNote> applyOverrides(RunConfig& config, const RunOverrides& o);

}  // namespace taskscope::core
