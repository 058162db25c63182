#include "core/sim/run_config.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace taskscope::core {

namespace {

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A finite number that is the whole of `text`.
std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<long long> wholeNumber(const std::string& text) {
    if (text.empty() || (text[0] != '-' && !std::isdigit(static_cast<unsigned char>(text[0]))))
        return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (end != text.c_str() + text.size() || errno == ERANGE) return std::nullopt;
    return v;
}

SimTime toTime(double v, SimTime unit) {
    return static_cast<SimTime>(std::llround(v * static_cast<double>(unit)));
}

}  // namespace

const std::vector<std::string_view>& RunOverrides::names() {
    static const std::vector<std::string_view> kNames = {
        "cores", "policy",          "quantum",      "context-switch", "wake-latency", "seed",
        "gil",   "switch-interval", "start-method", "cost-scale",     "args"};
    return kNames;
}

bool RunOverrides::set(std::string_view name, std::string_view text, std::string* error) {
    const std::string v = trimmed(text);
    auto fail = [&](const std::string& expected) {
        if (error) *error = std::string(name) + ": " + expected + ", got \"" + v + "\"";
        return false;
    };
    if (name == "cores") {
        const auto n = wholeNumber(v);
        if (!n || *n < 1 || *n > 64) return fail("expected a whole number from 1 to 64");
        cores = static_cast<int>(*n);
    } else if (name == "policy") {
        const auto kind = parsePolicy(lower(v));
        if (!kind) {
            if (error)
                *error = "policy: unknown policy '" + v + "'; expected one of " + policyNames();
            return false;
        }
        policy = *kind;
    } else if (name == "quantum" || name == "context-switch" || name == "wake-latency") {
        const bool positive = name == "quantum";
        const auto t = number(v);
        if (!t || *t < 0 || (positive && *t == 0))
            return fail(positive ? "expected a positive number of time units"
                                 : "expected a number of time units, 0 or more");
        (name == "quantum" ? quantum : name == "context-switch" ? contextSwitch : wakeLatency) = *t;
    } else if (name == "seed") {
        const auto n = wholeNumber(v);
        if (!n || *n < 0) return fail("expected a whole number, 0 or more");
        seed = static_cast<std::uint64_t>(*n);
    } else if (name == "gil") {
        const std::string s = lower(v);
        if (s == "on" || s == "true" || s == "yes" || s == "1")
            gil = true;
        else if (s == "off" || s == "false" || s == "no" || s == "0")
            gil = false;
        else
            return fail("expected on or off (true/false, yes/no, 1/0)");
    } else if (name == "switch-interval") {
        const auto t = number(v);
        if (!t || *t <= 0) return fail("expected a positive number of milliseconds");
        switchInterval = *t;
    } else if (name == "start-method") {
        const auto m = parseStartMethod(lower(v));
        if (!m) {
            if (error)
                *error =
                    "start-method: unknown method '" + v + "'; expected fork, spawn or forkserver";
            return false;
        }
        startMethod = *m;
    } else if (name == "cost-scale") {
        const auto k = number(v);
        if (!k || *k <= 0) return fail("expected a positive number (2 = a CPU twice as slow)");
        costScale = *k;
    } else if (name == "args") {
        std::vector<std::string> words;
        std::string word;
        for (const char c : v) {
            if (std::isspace(static_cast<unsigned char>(c))) {
                if (!word.empty()) words.push_back(std::move(word));
                word.clear();
            } else {
                word += c;
            }
        }
        if (!word.empty()) words.push_back(std::move(word));
        args = std::move(words);
    } else {
        if (error) {
            *error = "unknown setting \"" + std::string(name) + "\"; expected one of ";
            for (std::size_t i = 0; i < names().size(); ++i)
                *error += (i ? ", " : "") + std::string(names()[i]);
        }
        return false;
    }
    return true;
}

std::vector<OverrideNote> applyOverrides(RunConfig& config, const RunOverrides& o) {
    MachineSettings& m = config.machine;
    if (o.cores) m.cores = *o.cores;
    if (o.policy) m.policy.kind = *o.policy;
    if (o.quantum) m.policy.quantum = std::max<SimTime>(1, toTime(*o.quantum, config.unit));
    if (o.contextSwitch) m.contextSwitch = toTime(*o.contextSwitch, config.unit);
    if (o.wakeLatency) m.wakeLatency = toTime(*o.wakeLatency, config.unit);
    if (o.seed) m.seed = *o.seed;
    PythonConfig& py = config.python;
    if (o.gil) py.gil = *o.gil;
    if (o.switchInterval)
        py.switchInterval = std::max<SimTime>(1, toTime(*o.switchInterval, kMillisecond));
    if (o.startMethod) py.startMethod = *o.startMethod;
    if (o.costScale) py.costScale = *o.costScale;
    if (o.args) py.args = *o.args;

    std::vector<OverrideNote> notes;
    if (o.quantum && m.policy.kind != PolicyKind::RoundRobin)
        notes.push_back({"quantum", "has no effect under the " +
                                        std::string(policyName(m.policy.kind)) +
                                        " policy: only rr uses a time slice"});
    if (!config.isPython) {
        const std::string workload =
            "has no effect on a workload: it is a setting of Python programs";
        const std::string inFile = " (a workload sets \"gil\" and \"switch_interval\" in its file)";
        if (o.gil) notes.push_back({"gil", workload + inFile});
        if (o.switchInterval) notes.push_back({"switch-interval", workload + inFile});
        if (o.startMethod) notes.push_back({"start-method", workload});
        if (o.costScale) notes.push_back({"cost-scale", workload});
        if (o.args && !o.args->empty()) notes.push_back({"args", workload});
    } else if (o.switchInterval && !py.gil) {
        notes.push_back({"switch-interval", "has no effect without the GIL (free-threaded)"});
    }
    return notes;
}

}  // namespace taskscope::core
