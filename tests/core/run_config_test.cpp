// The run configuration: settings by name (what the CLI, lesson headers and `compare` give),
// applyOverrides over a program's defaults, and the notes for settings that do nothing.
#include <gtest/gtest.h>

#include "core/sim/run_config.h"
#include "core/workload/workload.h"

using namespace taskscope::core;

namespace {

RunConfig pythonDefaults() {
    RunConfig c;
    c.isPython = true;
    c.machine.cores = 4;
    c.machine.policy.kind = PolicyKind::Fair;
    return c;
}

std::string setError(std::string_view name, std::string_view value) {
    RunOverrides o;
    std::string why;
    EXPECT_FALSE(o.set(name, value, &why)) << name << " = " << value;
    return why;
}

}  // namespace

TEST(RunConfig, EveryFieldCanBeSetByName) {
    RunOverrides o;
    std::string why;
    for (const auto& [name, value] :
         std::vector<std::pair<const char*, const char*>>{{"cores", "2"},
                                                          {"policy", "rr"},
                                                          {"quantum", "3"},
                                                          {"context-switch", "0.5"},
                                                          {"wake-latency", "0.012"},
                                                          {"seed", "7"},
                                                          {"gil", "off"},
                                                          {"switch-interval", "1"},
                                                          {"start-method", "spawn"},
                                                          {"cost-scale", "2"},
                                                          {"args", " a  b "}})
        ASSERT_TRUE(o.set(name, value, &why)) << name << ": " << why;
    EXPECT_EQ(RunOverrides::names().size(), 11u);

    RunConfig c = pythonDefaults();
    const auto notes = applyOverrides(c, o);
    EXPECT_EQ(c.machine.cores, 2);
    EXPECT_EQ(c.machine.policy.kind, PolicyKind::RoundRobin);
    EXPECT_EQ(c.machine.policy.quantum, 3 * kMillisecond);
    EXPECT_EQ(c.machine.contextSwitch, 500 * kMicrosecond);
    EXPECT_EQ(c.machine.wakeLatency, 12 * kMicrosecond);
    EXPECT_EQ(c.machine.seed, 7u);
    EXPECT_FALSE(c.python.gil);
    EXPECT_EQ(c.python.switchInterval, 1 * kMillisecond);
    EXPECT_EQ(c.python.startMethod, StartMethod::Spawn);
    EXPECT_EQ(c.python.costScale, 2.0);
    EXPECT_EQ(c.python.args, (std::vector<std::string>{"a", "b"}));
    // The switch interval without the GIL is the one setting here that does nothing.
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].field, "switch-interval");
    EXPECT_EQ(notes[0].why, "has no effect without the GIL (free-threaded)");
}

TEST(RunConfig, BadValuesSayWhatIsExpected) {
    EXPECT_EQ(setError("cores", "0"), "cores: expected a whole number from 1 to 64, got \"0\"");
    EXPECT_EQ(setError("cores", "two"), "cores: expected a whole number from 1 to 64, got \"two\"");
    EXPECT_EQ(setError("cores", "2.5"), "cores: expected a whole number from 1 to 64, got \"2.5\"");
    EXPECT_EQ(setError("policy", "lottery"),
              "policy: unknown policy 'lottery'; expected one of " + policyNames());
    EXPECT_EQ(setError("quantum", "-3"),
              "quantum: expected a positive number of time units, got \"-3\"");
    EXPECT_EQ(setError("quantum", "0"),
              "quantum: expected a positive number of time units, got \"0\"");
    EXPECT_EQ(setError("wake-latency", "-1"),
              "wake-latency: expected a number of time units, 0 or more, got \"-1\"");
    EXPECT_EQ(setError("context-switch", "5ms"),
              "context-switch: expected a number of time units, 0 or more, got \"5ms\"");
    EXPECT_EQ(setError("seed", "-1"), "seed: expected a whole number, 0 or more, got \"-1\"");
    EXPECT_EQ(setError("gil", "maybe"),
              "gil: expected on or off (true/false, yes/no, 1/0), got \"maybe\"");
    EXPECT_EQ(setError("switch-interval", "nan"),
              "switch-interval: expected a positive number of milliseconds, got \"nan\"");
    EXPECT_EQ(setError("start-method", "vfork"),
              "start-method: unknown method 'vfork'; expected fork, spawn or forkserver");
    EXPECT_EQ(setError("cost-scale", "0"),
              "cost-scale: expected a positive number (2 = a CPU twice as slow), got \"0\"");
    EXPECT_EQ(setError("corez", "2"),
              "unknown setting \"corez\"; expected one of cores, policy, quantum, context-switch, "
              "wake-latency, seed, gil, switch-interval, start-method, cost-scale, args");
}

TEST(RunConfig, AFailedSetLeavesTheFieldUnset) {
    RunOverrides o;
    std::string why;
    EXPECT_FALSE(o.set("cores", "100", &why));
    EXPECT_FALSE(o.cores.has_value());
    EXPECT_TRUE(o.set("cores", "8", &why));
    EXPECT_FALSE(o.set("cores", "x", &why));
    EXPECT_EQ(o.cores, 8);
}

TEST(RunConfig, UnsetFieldsKeepTheProgramDefaults) {
    auto w = parseWorkloadJson(
        R"({"cores": 2, "policy": "rr", "quantum": 3, "time_unit": "us", "seed": 9,
            "processes": [{"bursts": [5]}]})",
        "w.json");
    ASSERT_TRUE(w);
    RunConfig c = runConfigFor(*w);
    EXPECT_FALSE(c.isPython);
    EXPECT_EQ(c.unit, kMicrosecond);
    EXPECT_EQ(c.unitName, "us");
    RunOverrides o;
    o.quantum = 2;  // in the file's unit
    EXPECT_TRUE(applyOverrides(c, o).empty());
    EXPECT_EQ(c.machine.cores, 2);
    EXPECT_EQ(c.machine.seed, 9u);
    EXPECT_EQ(c.machine.policy.quantum, 2 * kMicrosecond);
    // Nothing given, nothing changed.
    RunConfig same = runConfigFor(*w);
    EXPECT_TRUE(applyOverrides(same, RunOverrides{}).empty());
    EXPECT_EQ(same.machine.policy.quantum, 3 * kMicrosecond);
}

TEST(RunConfig, SettingsWithNoEffectAreNamed) {
    RunOverrides o;
    o.quantum = 5;
    RunConfig fair = pythonDefaults();
    auto notes = applyOverrides(fair, o);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].field, "quantum");
    EXPECT_EQ(notes[0].why, "has no effect under the fair policy: only rr uses a time slice");
    // The policy the overrides choose counts, not the one they replace.
    o.policy = PolicyKind::RoundRobin;
    RunConfig rr = pythonDefaults();
    EXPECT_TRUE(applyOverrides(rr, o).empty());
    o.policy = PolicyKind::Mlfq;
    RunConfig mlfq = pythonDefaults();
    notes = applyOverrides(mlfq, o);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].why, "has no effect under the mlfq policy: only rr uses a time slice");

    // Python settings on a workload.
    RunOverrides py;
    py.switchInterval = 1;
    py.gil = false;
    py.startMethod = StartMethod::Spawn;
    py.costScale = 2;
    py.args = std::vector<std::string>{"x"};
    RunConfig workload;
    notes = applyOverrides(workload, py);
    ASSERT_EQ(notes.size(), 5u);
    EXPECT_EQ(notes[0].field, "gil");
    EXPECT_EQ(notes[1].field, "switch-interval");
    EXPECT_EQ(notes[4].field, "args");
    EXPECT_EQ(notes[4].why, "has no effect on a workload: it is a setting of Python programs");
    EXPECT_EQ(notes[1].why,
              "has no effect on a workload: it is a setting of Python programs (a workload sets "
              "\"gil\" and \"switch_interval\" in its file)");
}
