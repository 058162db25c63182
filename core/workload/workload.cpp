#include "core/workload/workload.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/os/burst_program.h"

namespace taskscope::core {

namespace {

using nlohmann::json;

Diagnostic error(const std::string& file, std::string message, int line = 0, int column = 0) {
    return Diagnostic{.file = file, .line = line, .column = column, .message = std::move(message)};
}

// Line and column of a byte offset, for JSON syntax errors.
std::pair<int, int> lineColumn(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// The line of every object inside "processes", in one pass (a row's errors point at it).
std::vector<int> processLines(std::string_view text) {
    std::vector<int> lines;
    const auto at = text.find("\"processes\"");
    if (at == std::string_view::npos) return lines;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    std::size_t counted = at;  // newlines before `counted` are in `line`
    std::size_t depth = 0;
    for (std::size_t i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '[' || c == '{') {
            if (c == '{' && depth == 1) {
                line +=
                    static_cast<int>(std::count(text.begin() + counted, text.begin() + i, '\n'));
                counted = i;
                lines.push_back(line);
            }
            ++depth;
        } else if (c == ']' || c == '}') {
            if (depth == 0) break;
            --depth;
            if (depth == 0) break;
        } else if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
        }
    }
    return lines;
}

int lineOfProcess(const std::vector<int>& lines, std::size_t n) {
    return n < lines.size() ? lines[n] : 0;
}

std::string describe(const json& v) {
    std::string s = v.dump();
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

// A non-negative time in file units, converted to nanoseconds.
Expected<SimTime> timeValue(const json& v, SimTime unit, const std::string& file,
                            const std::string& field, int line, bool allowZero) {
    if (!v.is_number())
        return error(file, fmt::format("{}: expected a number, got {}", field, describe(v)), line);
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < 0 || (!allowZero && d == 0))
        return error(file,
                     fmt::format("{}: must be {} number of time units, got {}", field,
                                 allowZero ? "a non-negative" : "a positive", describe(v)),
                     line);
    const double ns = d * static_cast<double>(unit);
    if (ns > 9.0e17)
        return error(file, fmt::format("{}: {} is too large", field, describe(v)), line);
    return static_cast<SimTime>(std::llround(ns));
}

Expected<int> intValue(const json& v, const std::string& file, const std::string& field, int line,
                       int lo, int hi) {
    if (!v.is_number_integer() &&
        !(v.is_number_float() && v.get<double>() == std::floor(v.get<double>())))
        return error(file, fmt::format("{}: expected a whole number, got {}", field, describe(v)),
                     line);
    const double d = v.get<double>();
    if (d < lo || d > hi)
        return error(
            file, fmt::format("{}: must be between {} and {}, got {}", field, lo, hi, describe(v)),
            line);
    return static_cast<int>(d);
}

Expected<std::vector<SimTime>> burstList(const json& v, SimTime unit, const std::string& file,
                                         const std::string& field, int line) {
    std::vector<SimTime> bursts;
    if (v.is_number()) {
        auto t = timeValue(v, unit, file, field, line, false);
        if (!t) return t.error();
        bursts.push_back(*t);
        return bursts;
    }
    if (!v.is_array() || v.empty())
        return error(file,
                     fmt::format("{}: expected a list of burst lengths like [5, 2, 3] (CPU, I/O, "
                                 "CPU, ...), got {}",
                                 field, describe(v)),
                     line);
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto t = timeValue(v[i], unit, file, fmt::format("{}[{}]", field, i), line, false);
        if (!t) return t.error();
        bursts.push_back(*t);
    }
    if (bursts.size() % 2 == 0)
        return error(file,
                     fmt::format("{}: bursts alternate CPU, I/O, CPU, ... and must end with a CPU "
                                 "burst; add a final CPU burst (got {} entries)",
                                 field, bursts.size()),
                     line);
    return bursts;
}

const char* kKnownKeys[] = {"cores",          "policy", "quantum", "context_switch",  "time_unit",
                            "seed",           "mlfq",   "objects", "processes",       "title",
                            "description",    "name",   "gil",     "switch_interval", "title_zh",
                            "description_zh", "topic"};

struct ObjectType {
    std::string_view name;
    ObjectKind kind;
};
constexpr ObjectType kObjectTypes[] = {
    {"lock", ObjectKind::Lock},           {"rlock", ObjectKind::RLock},
    {"semaphore", ObjectKind::Semaphore}, {"bounded_semaphore", ObjectKind::BoundedSemaphore},
    {"event", ObjectKind::Event},         {"condition", ObjectKind::Condition},
    {"barrier", ObjectKind::Barrier},     {"queue", ObjectKind::Queue},
    {"value", ObjectKind::Value},
};

Expected<std::vector<WorkloadObject>> parseObjects(const json& list, const std::string& file) {
    std::vector<WorkloadObject> objects;
    if (!list.is_array())
        return error(file, "objects: expected a list like [{\"name\": \"A\", \"type\": \"lock\"}]");
    auto indexOf = [&](const std::string& name) -> std::uint32_t {
        for (std::size_t i = 0; i < objects.size(); ++i)
            if (objects[i].name == name) return static_cast<std::uint32_t>(i);
        return UINT32_MAX;
    };
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& o = list[i];
        const std::string where = fmt::format("objects[{}]", i);
        if (!o.is_object() || !o.contains("name") || !o["name"].is_string() ||
            !o.contains("type") || !o["type"].is_string())
            return error(file, where +
                                   ": expected {\"name\": ..., \"type\": lock|rlock|semaphore|"
                                   "bounded_semaphore|event|condition|barrier|queue}");
        WorkloadObject wo;
        wo.name = o["name"].get<std::string>();
        if (indexOf(wo.name) != UINT32_MAX)
            return error(file, fmt::format("{}: the name \"{}\" is used twice", where, wo.name));
        const std::string type = o["type"].get<std::string>();
        bool known = false;
        for (const auto& t : kObjectTypes)
            if (t.name == type) {
                wo.kind = t.kind;
                known = true;
            }
        if (!known)
            return error(
                file, fmt::format("{}.type: unknown type \"{}\"; expected lock, rlock, semaphore, "
                                  "bounded_semaphore, event, condition, barrier, queue or value",
                                  where, type));
        for (const auto& [key, value] : o.items()) {
            if (key == "name" || key == "type") continue;
            if (key == "value" || key == "parties" || key == "capacity") {
                auto v = intValue(value, file, where + "." + key, 0, 0, 1000000);
                if (!v) return v.error();
                if (key == "value")
                    wo.count = *v;
                else
                    wo.limit = *v;
                if (key == "value" && wo.kind == ObjectKind::BoundedSemaphore) wo.limit = *v;
            } else if (key == "lock") {
                const auto idx = value.is_string() ? indexOf(value.get<std::string>()) : UINT32_MAX;
                if (idx == UINT32_MAX)
                    return error(
                        file, fmt::format("{}.lock: expected the name of a lock declared before it",
                                          where));
                wo.lock = idx;
            } else {
                return error(file, fmt::format("{}: unknown field \"{}\"", where, key));
            }
        }
        if (wo.kind == ObjectKind::Barrier && wo.limit < 1)
            return error(file, where + ": a barrier needs \"parties\" >= 1");
        if (wo.kind == ObjectKind::Condition && wo.lock == UINT32_MAX) {
            // A condition without a lock gets its own, as threading.Condition() does.
            WorkloadObject lock;
            lock.name = wo.name + ".lock";
            lock.kind = ObjectKind::RLock;
            objects.push_back(lock);
            wo.lock = static_cast<std::uint32_t>(objects.size() - 1);
        }
        objects.push_back(std::move(wo));
    }
    return objects;
}

Expected<std::vector<ScriptOp>> parseScript(const json& list, const Workload& w,
                                            const std::vector<std::string>& processNames,
                                            const std::string& file, const std::string& where,
                                            int line) {
    std::vector<ScriptOp> ops;
    if (!list.is_array() || list.empty())
        return error(file,
                     where + ": expected a list of steps like [[\"cpu\", 2], [\"acquire\", \"A\"]]",
                     line);
    auto objectIndex = [&](const json& v, const std::string& at) -> Expected<std::uint32_t> {
        if (v.is_string())
            for (std::size_t i = 0; i < w.objects.size(); ++i)
                if (w.objects[i].name == v.get<std::string>()) return static_cast<std::uint32_t>(i);
        return error(
            file, fmt::format("{}: {} is not an object declared in \"objects\"", at, describe(v)),
            line);
    };
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& step = list[i];
        const std::string at = fmt::format("{}[{}]", where, i);
        if (!step.is_array() || step.empty() || !step[0].is_string())
            return error(file, at + ": expected a step like [\"cpu\", 2] or [\"acquire\", \"A\"]",
                         line);
        const std::string name = step[0].get<std::string>();
        ScriptOp op;
        using K = ScriptOp::Kind;
        auto needArgs = [&](std::size_t n) -> bool { return step.size() >= n + 1; };
        if (name == "repeat") {
            if (step.size() != 3 || !step[1].is_number_integer() || step[1].get<int>() < 1 ||
                step[1].get<int>() > 100000)
                return error(file,
                             at + ": expected [\"repeat\", N, [steps...]] with 1 <= N <= 100000",
                             line);
            auto body = parseScript(step[2], w, processNames, file, at + "[2]", line);
            if (!body) return body.error();
            for (int r = 0; r < step[1].get<int>(); ++r)
                ops.insert(ops.end(), body->begin(), body->end());
            continue;
        }
        if (name == "cpu" || name == "io" || name == "sleep") {
            op.kind = name == "cpu" ? K::Cpu : name == "io" ? K::Io : K::Sleep;
            if (!needArgs(1))
                return error(file, at + ": expected [\"" + name + "\", length]", line);
            auto t = timeValue(step[1], w.unit, file, at + "[1]", line, false);
            if (!t) return t.error();
            op.time = *t;
        } else if (name == "acquire" || name == "release" || name == "wait" || name == "set" ||
                   name == "clear" || name == "notify" || name == "notify_all" || name == "put" ||
                   name == "get" || name == "load" || name == "store" || name == "print_value") {
            if (!needArgs(1))
                return error(file, at + ": expected [\"" + name + "\", \"object\"]", line);
            auto idx = objectIndex(step[1], at + "[1]");
            if (!idx) return idx.error();
            op.target = *idx;
            const ObjectKind kind = w.objects[*idx].kind;
            const bool lockish = kind == ObjectKind::Lock || kind == ObjectKind::RLock ||
                                 kind == ObjectKind::Semaphore ||
                                 kind == ObjectKind::BoundedSemaphore;
            bool fits = true;
            if (name == "acquire" || name == "release") {
                op.kind = name == "acquire" ? K::Acquire : K::Release;
                fits = lockish;
            } else if (name == "wait") {
                op.kind = K::Wait;
                fits = kind == ObjectKind::Event || kind == ObjectKind::Condition ||
                       kind == ObjectKind::Barrier;
            } else if (name == "set" || name == "clear") {
                op.kind = name == "set" ? K::Set : K::Clear;
                fits = kind == ObjectKind::Event;
            } else if (name == "notify" || name == "notify_all") {
                op.kind = name == "notify" ? K::Notify : K::NotifyAll;
                fits = kind == ObjectKind::Condition;
            } else if (name == "load" || name == "store" || name == "print_value") {
                op.kind = name == "load" ? K::Load : name == "store" ? K::Store : K::PrintValue;
                fits = kind == ObjectKind::Value;
                if (op.kind == K::Store) {
                    if (step.size() < 3 || !step[2].is_number_integer())
                        return error(file,
                                     at + ": expected [\"store\", \"value\", delta] (the loaded "
                                          "value + delta is written)",
                                     line);
                    op.value = static_cast<std::uint64_t>(step[2].get<std::int64_t>());
                }
            } else {
                op.kind = name == "put" ? K::Put : K::Get;
                fits = kind == ObjectKind::Queue;
            }
            if (!fits)
                return error(file,
                             fmt::format("{}: \"{}\" does not apply to {} \"{}\"", at, name,
                                         toString(kind), w.objects[*idx].name),
                             line);
            if (op.kind == K::Put && step.size() >= 3) {
                if (!step[2].is_number_unsigned())
                    return error(file, at + "[2]: expected a non-negative whole number (the item)",
                                 line);
                op.value = step[2].get<std::uint64_t>();
            } else if ((op.kind == K::Acquire || op.kind == K::Wait || op.kind == K::Get ||
                        op.kind == K::Put) &&
                       step.size() >= 3) {
                auto t = timeValue(step[2], w.unit, file, at + "[2] (timeout)", line, false);
                if (!t) return t.error();
                op.time = *t;
            }
        } else if (name == "join") {
            op.kind = K::Join;
            bool found = false;
            if (needArgs(1) && step[1].is_string())
                for (std::size_t p = 0; p < processNames.size(); ++p)
                    if (processNames[p] == step[1].get<std::string>()) {
                        op.target = static_cast<std::uint32_t>(p);
                        found = true;
                    }
            if (!found)
                return error(file, at + ": expected [\"join\", \"<name of another process>\"]",
                             line);
        } else if (name == "mark" || name == "print") {
            op.kind = name == "mark" ? K::Mark : K::Print;
            if (!needArgs(1) || !step[1].is_string())
                return error(file, at + ": expected [\"" + name + "\", \"text\"]", line);
            op.text = step[1].get<std::string>();
        } else {
            return error(
                file,
                fmt::format("{}: unknown step \"{}\"; expected cpu, io, sleep, acquire, release, "
                            "wait, set, clear, notify, notify_all, put, get, load, store, "
                            "print_value, join, mark, print, repeat",
                            at, name),
                line);
        }
        ops.push_back(std::move(op));
    }
    return ops;
}

}  // namespace

std::optional<SimTime> parseTimeUnit(std::string_view unit) {
    if (unit == "ns") return kNanosecond;
    if (unit == "us" || unit == "µs") return kMicrosecond;
    if (unit == "ms" || unit == "tick" || unit == "ticks" || unit == "unit") return kMillisecond;
    if (unit == "s") return kSecond;
    return std::nullopt;
}

Expected<Workload> parseWorkloadJson(std::string_view text, const std::string& file) {
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        const auto [line, column] = lineColumn(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        const auto pos = what.find("syntax error");
        return error(file,
                     "malformed JSON: " + (pos != std::string::npos ? what.substr(pos) : what),
                     line, column);
    }
    if (!root.is_object())
        return error(file, "expected a JSON object with a \"processes\" list", 1, 1);
    for (const auto& [key, value] : root.items()) {
        bool known = false;
        for (const char* k : kKnownKeys) known = known || key == k;
        if (!known)
            return error(file,
                         fmt::format("unknown field \"{}\"; expected one of cores, policy, "
                                     "quantum, context_switch, time_unit, seed, mlfq, processes",
                                     key));
    }
    Workload w;
    w.file = file;
    if (root.contains("title") && root["title"].is_string())
        w.title = root["title"].get<std::string>();
    if (root.contains("description") && root["description"].is_string())
        w.description = root["description"].get<std::string>();
    if (root.contains("time_unit")) {
        const auto& tu = root["time_unit"];
        const auto unit = tu.is_string() ? parseTimeUnit(tu.get<std::string>()) : std::nullopt;
        if (!unit)
            return error(file,
                         fmt::format("time_unit: expected \"ns\", \"us\", \"ms\" or \"s\", got {}",
                                     describe(tu)));
        w.timeUnit = tu.get<std::string>();
        w.unit = *unit;
    }
    if (root.contains("cores")) {
        auto c = intValue(root["cores"], file, "cores", 0, 1, 64);
        if (!c) return c.error();
        w.cores = *c;
    }
    if (root.contains("policy")) {
        const auto& p = root["policy"];
        const auto kind = p.is_string() ? parsePolicy(p.get<std::string>()) : std::nullopt;
        if (!kind)
            return error(file, fmt::format("policy: unknown policy {}; expected one of {}",
                                           describe(p), policyNames()));
        w.policy = *kind;
    }
    if (root.contains("quantum")) {
        auto q = timeValue(root["quantum"], w.unit, file, "quantum", 0, false);
        if (!q) return q.error();
        w.quantum = *q;
    }
    if (root.contains("context_switch")) {
        auto q = timeValue(root["context_switch"], w.unit, file, "context_switch", 0, true);
        if (!q) return q.error();
        w.contextSwitch = *q;
    }
    if (root.contains("seed")) {
        const auto& s = root["seed"];
        if (!s.is_number_unsigned())
            return error(file, fmt::format("seed: expected a non-negative whole number, got {}",
                                           describe(s)));
        w.seed = s.get<std::uint64_t>();
    }
    if (root.contains("mlfq")) {
        const auto& m = root["mlfq"];
        if (!m.is_object())
            return error(file,
                         "mlfq: expected an object like {\"quanta\": [8, 16, 0], \"boost\": 100}");
        MlfqSettings settings;
        if (m.contains("quanta")) {
            const auto& q = m["quanta"];
            if (!q.is_array() || q.empty())
                return error(
                    file,
                    "mlfq.quanta: expected a non-empty list of quanta, 0 = run to completion");
            settings.quanta.clear();
            for (std::size_t i = 0; i < q.size(); ++i) {
                auto t = timeValue(q[i], w.unit, file, fmt::format("mlfq.quanta[{}]", i), 0, true);
                if (!t) return t.error();
                settings.quanta.push_back(*t == 0 ? kNever : *t);
            }
        } else {
            settings.quanta = {8 * w.unit, 16 * w.unit, kNever};
        }
        if (m.contains("boost")) {
            auto t = timeValue(m["boost"], w.unit, file, "mlfq.boost", 0, true);
            if (!t) return t.error();
            settings.boostPeriod = *t;
        }
        w.mlfq = settings;
    }
    if (root.contains("gil")) {
        if (!root["gil"].is_boolean()) return error(file, "gil: expected true or false");
        w.gil = root["gil"].get<bool>();
    }
    if (root.contains("switch_interval")) {
        auto t = timeValue(root["switch_interval"], w.unit, file, "switch_interval", 0, false);
        if (!t) return t.error();
        w.switchInterval = *t;
    }
    if (root.contains("objects")) {
        auto objects = parseObjects(root["objects"], file);
        if (!objects) return objects.error();
        w.objects = std::move(*objects);
    }
    if (!root.contains("processes"))
        return error(file,
                     "missing \"processes\": a list like [{\"name\": \"P1\", \"arrival\": 0, "
                     "\"bursts\": [5]}]");
    const auto& procs = root["processes"];
    if (!procs.is_array() || procs.empty())
        return error(file, "processes: expected a non-empty list of processes");
    const std::vector<int> lines = processLines(text);
    w.processes.reserve(procs.size());
    for (std::size_t i = 0; i < procs.size(); ++i) {
        const json& p = procs[i];
        const int line = lineOfProcess(lines, i);
        const std::string where = fmt::format("processes[{}]", i);
        if (!p.is_object())
            return error(file,
                         fmt::format("{}: expected an object with name, arrival, bursts", where),
                         line);
        WorkloadProcess wp;
        for (const auto& [key, value] : p.items()) {
            if (key == "name") {
                if (!value.is_string() || value.get<std::string>().empty())
                    return error(file, fmt::format("{}.name: expected a non-empty string", where),
                                 line);
                wp.name = value.get<std::string>();
            } else if (key == "arrival") {
                auto t = timeValue(value, w.unit, file, where + ".arrival", line, true);
                if (!t) return t.error();
                wp.arrival = *t;
            } else if (key == "bursts" || key == "burst") {
                auto b = burstList(value, w.unit, file, where + "." + key, line);
                if (!b) return b.error();
                wp.bursts = std::move(*b);
            } else if (key == "script") {
                // parsed below, once every thread name is known
            } else if (key == "gil") {
                if (!value.is_boolean())
                    return error(file, where + ".gil: expected true or false", line);
                wp.gil = value.get<bool>();
            } else if (key == "threads") {
                if (!value.is_array())
                    return error(file,
                                 where +
                                     ".threads: expected a list like [{\"name\": \"T1\", "
                                     "\"script\": [...]}]",
                                 line);
                for (std::size_t k = 0; k < value.size(); ++k) {
                    const json& th = value[k];
                    const std::string at = fmt::format("{}.threads[{}]", where, k);
                    if (!th.is_object() || !th.contains("script"))
                        return error(file, at + ": expected {\"name\": ..., \"script\": [...]}",
                                     line);
                    WorkloadThread wt;
                    wt.name = th.contains("name") && th["name"].is_string()
                                  ? th["name"].get<std::string>()
                                  : fmt::format("Thread-{}", k + 1);
                    wt.arrival = -1;
                    if (th.contains("arrival")) {
                        auto t =
                            timeValue(th["arrival"], w.unit, file, at + ".arrival", line, true);
                        if (!t) return t.error();
                        wt.arrival = *t;
                    }
                    wp.threads.push_back(std::move(wt));
                }
            } else if (key == "priority") {
                auto pr = intValue(value, file, where + ".priority", line, -1000000, 1000000);
                if (!pr) return pr.error();
                wp.priority = *pr;
            } else {
                return error(file,
                             fmt::format("{}: unknown field \"{}\"; expected name, arrival, "
                                         "bursts, script, priority",
                                         where, key),
                             line);
            }
        }
        if (wp.bursts.empty() && !p.contains("script"))
            return error(
                file,
                fmt::format("{}: missing \"bursts\" (CPU, I/O, CPU, ... lengths) or \"script\"",
                            where),
                line);
        if (wp.name.empty()) wp.name = fmt::format("P{}", i + 1);
        for (auto& th : wp.threads)
            if (th.arrival < 0) th.arrival = wp.arrival;
        w.processes.push_back(std::move(wp));
    }
    // Threads are numbered in creation order: each process, then its further threads.
    std::vector<std::string> names;
    for (const auto& p : w.processes) {
        names.push_back(p.name);
        for (const auto& th : p.threads) names.push_back(th.name);
    }
    for (std::size_t i = 0; i < procs.size(); ++i) {
        const int line = lineOfProcess(lines, i);
        if (procs[i].contains("script")) {
            auto ops = parseScript(procs[i]["script"], w, names, file,
                                   fmt::format("processes[{}].script", i), line);
            if (!ops) return ops.error();
            w.processes[i].script = std::move(*ops);
        }
        for (std::size_t k = 0; k < w.processes[i].threads.size(); ++k) {
            auto ops = parseScript(procs[i]["threads"][k]["script"], w, names, file,
                                   fmt::format("processes[{}].threads[{}].script", i, k), line);
            if (!ops) return ops.error();
            w.processes[i].threads[k].script = std::move(*ops);
        }
    }
    return w;
}

namespace {
// Splits one CSV line into `fields` (reusing their memory: a row allocates nothing).
void splitCsvLine(std::string_view line, std::vector<std::string>& fields) {
    std::size_t n = 0;
    auto next = [&]() -> std::string& {
        if (n == fields.size()) fields.emplace_back();
        std::string& f = fields[n++];
        f.clear();
        return f;
    };
    std::string* cur = &next();
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                *cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                *cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cur = &next();
        } else {
            // The run of plain characters up to the next comma or quote, at once.
            std::size_t j = i + 1;
            while (j < line.size() && line[j] != ',' && line[j] != '"') ++j;
            cur->append(line.substr(i, j - i));
            i = j - 1;
        }
    }
    fields.resize(n);
    for (auto& f : fields) {
        const auto b = f.find_first_not_of(" \t\r");
        if (b == std::string::npos) {
            f.clear();
            continue;
        }
        f.erase(f.find_last_not_of(" \t\r") + 1);
        f.erase(0, b);
    }
}

std::optional<double> number(const std::string& s) {
    if (s.empty()) return std::nullopt;
    // A plain decimal number (the common case) without strtod's locale and errno work; the
    // value is the same, correctly rounded. Anything else goes through std::stod as before.
    double fast = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), fast);
    if (ec == std::errc() && end == s.data() + s.size()) return fast;
    std::size_t used = 0;
    try {
        const double d = std::stod(s, &used);
        if (used != s.size()) return std::nullopt;
        return d;
    } catch (...) {
        return std::nullopt;
    }
}
}  // namespace

Expected<Workload> parseWorkloadCsv(std::string_view text, const std::string& file) {
    Workload w;
    w.file = file;
    int lineNo = 0;
    std::vector<std::string> header;
    std::vector<std::string> fields;
    std::string item;
    int colName = -1, colArrival = -1, colBursts = -1, colPriority = -1;
    w.processes.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    for (std::size_t pos = 0; pos < text.size();) {
        // Lines as std::getline cuts them: at '\n', the last one without it.
        const std::size_t eol = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos || line[0] == '#') continue;
        splitCsvLine(line, fields);
        if (header.empty()) {
            header = fields;
            for (std::size_t i = 0; i < header.size(); ++i) {
                std::string h = header[i];
                for (auto& c : h)
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                const int idx = static_cast<int>(i);
                if (h == "name")
                    colName = idx;
                else if (h == "arrival")
                    colArrival = idx;
                else if (h == "bursts" || h == "burst")
                    colBursts = idx;
                else if (h == "priority")
                    colPriority = idx;
                else
                    return error(
                        file,
                        fmt::format("unknown column \"{}\"; expected name,arrival,bursts,priority",
                                    header[i]),
                        lineNo, 1);
            }
            if (colBursts < 0)
                return error(
                    file,
                    "missing column \"bursts\"; the header must be name,arrival,bursts,priority",
                    lineNo, 1);
            continue;
        }
        if (fields.size() > header.size())
            return error(
                file, fmt::format("{} fields but the header has {}", fields.size(), header.size()),
                lineNo, 1);
        fields.resize(header.size());
        WorkloadProcess wp;
        wp.name = colName >= 0 ? fields[static_cast<std::size_t>(colName)] : "";
        if (wp.name.empty()) wp.name = fmt::format("P{}", w.processes.size() + 1);
        if (colArrival >= 0 && !fields[static_cast<std::size_t>(colArrival)].empty()) {
            const auto a = number(fields[static_cast<std::size_t>(colArrival)]);
            if (!a || *a < 0)
                return error(file,
                             fmt::format("arrival: must be a non-negative number, got \"{}\"",
                                         fields[static_cast<std::size_t>(colArrival)]),
                             lineNo);
            wp.arrival = static_cast<SimTime>(std::llround(*a * static_cast<double>(w.unit)));
        }
        const std::string& bursts = fields[static_cast<std::size_t>(colBursts)];
        // Separated by white space, ';', '|', ',' or tabs.
        auto separator = [](char c) {
            return c == ';' || c == '|' || c == ',' || std::isspace(static_cast<unsigned char>(c));
        };
        for (std::size_t i = 0; i < bursts.size();) {
            if (separator(bursts[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < bursts.size() && !separator(bursts[j])) ++j;
            item.assign(bursts, i, j - i);
            i = j;
            const auto b = number(item);
            if (!b || *b <= 0)
                return error(
                    file,
                    fmt::format("bursts: each burst must be a positive number, got \"{}\"", item),
                    lineNo);
            wp.bursts.push_back(
                static_cast<SimTime>(std::llround(*b * static_cast<double>(w.unit))));
        }
        if (wp.bursts.empty())
            return error(
                file, "bursts: empty; give CPU, I/O, CPU, ... lengths separated by spaces or ';'",
                lineNo);
        if (wp.bursts.size() % 2 == 0)
            return error(file, "bursts: must end with a CPU burst (an odd number of entries)",
                         lineNo);
        if (colPriority >= 0 && !fields[static_cast<std::size_t>(colPriority)].empty()) {
            const auto p = number(fields[static_cast<std::size_t>(colPriority)]);
            if (!p || *p != std::floor(*p))
                return error(file,
                             fmt::format("priority: expected a whole number, got \"{}\"",
                                         fields[static_cast<std::size_t>(colPriority)]),
                             lineNo);
            wp.priority = static_cast<int>(*p);
        }
        w.processes.push_back(std::move(wp));
    }
    if (w.processes.empty())
        return error(
            file,
            "no processes; expected a header name,arrival,bursts,priority and one row per process");
    return w;
}

Expected<Workload> parseWorkload(std::string_view text, const std::string& name) {
    const auto dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "csv") return parseWorkloadCsv(text, name);
    if (ext == "json") return parseWorkloadJson(text, name);
    return error(name, "unknown file type; expected a .json or .csv workload (or a .py program)");
}

Expected<Workload> loadWorkload(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return error(path, "cannot open the file; check the path and permissions");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseWorkload(ss.str(), path);
}

MachineSettings settingsFor(const Workload& w) {
    MachineSettings s;
    s.cores = w.cores.value_or(1);
    s.policy.kind = w.policy.value_or(PolicyKind::Fcfs);
    s.policy.quantum = w.quantum.value_or(4 * w.unit);
    s.contextSwitch = w.contextSwitch.value_or(0);
    s.seed = w.seed.value_or(1);
    s.policy.mlfq = w.mlfq.value_or(MlfqSettings{{8 * w.unit, 16 * w.unit, kNever}, 0});
    return s;
}

RunConfig runConfigFor(const Workload& w) {
    RunConfig c;
    c.isPython = false;
    c.unit = w.unit;
    c.unitName = w.timeUnit;
    c.machine = settingsFor(w);
    return c;
}

void populate(Machine& machine, const Workload& w) {
    std::size_t threads = 0;
    for (const auto& p : w.processes) threads += 1 + p.threads.size();
    machine.reserve(machine.processes().size() + w.processes.size(),
                    machine.threads().size() + threads);
    for (const auto& o : w.objects)
        machine.createObject(o.kind, o.name, o.count, o.limit,
                             o.lock == UINT32_MAX ? ObjectId::invalid() : ObjectId{o.lock});
    for (const auto& p : w.processes) {
        const ProcessId pid = machine.createProcess(p.name, p.name, ProcessId::invalid());
        std::unique_ptr<Program> program;
        if (!p.script.empty())
            program = std::make_unique<ScriptProgram>(p.script);
        else
            program = std::make_unique<BurstProgram>(p.bursts);
        machine.createThread(pid, p.name, std::move(program), p.arrival, p.priority);
        for (const auto& th : p.threads)
            machine.createThread(pid, th.name, std::make_unique<ScriptProgram>(th.script),
                                 th.arrival, p.priority);
        machine.setGil(pid, p.gil.value_or(w.gil), w.switchInterval);
    }
}

}  // namespace taskscope::core
