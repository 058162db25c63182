#include "core/workload/workload.h"

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/workload/burst_program.h"

namespace taskscope::core {

namespace {

using nlohmann::json;

Diagnostic error(const std::string& file, std::string message, int line = 0, int column = 0) {
    return Diagnostic{file, line, column, std::move(message)};
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

// The line of the n-th object inside "processes": good enough to point at the row.
int lineOfProcess(std::string_view text, std::size_t n) {
    const auto at = text.find("\"processes\"");
    if (at == std::string_view::npos) return 0;
    std::size_t depth = 0;
    std::size_t count = 0;
    for (std::size_t i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '[' || c == '{') {
            if (c == '{' && depth == 1) {
                if (count == n) return lineColumn(text, i).first;
                ++count;
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
    return 0;
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
    if (ns > 9.0e17) return error(file, fmt::format("{}: {} is too large", field, describe(v)), line);
    return static_cast<SimTime>(std::llround(ns));
}

Expected<int> intValue(const json& v, const std::string& file, const std::string& field,
                       int line, int lo, int hi) {
    if (!v.is_number_integer() && !(v.is_number_float() && v.get<double>() == std::floor(v.get<double>())))
        return error(file, fmt::format("{}: expected a whole number, got {}", field, describe(v)), line);
    const double d = v.get<double>();
    if (d < lo || d > hi)
        return error(file, fmt::format("{}: must be between {} and {}, got {}", field, lo, hi, describe(v)), line);
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

const char* kKnownKeys[] = {"cores", "policy", "quantum", "context_switch", "time_unit",
                            "seed", "mlfq", "processes", "title", "description", "name"};

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
            return error(file, fmt::format("unknown field \"{}\"; expected one of cores, policy, "
                                           "quantum, context_switch, time_unit, seed, mlfq, processes",
                                           key));
    }
    Workload w;
    w.file = file;
    if (root.contains("time_unit")) {
        const auto& tu = root["time_unit"];
        const auto unit = tu.is_string() ? parseTimeUnit(tu.get<std::string>()) : std::nullopt;
        if (!unit)
            return error(file, fmt::format("time_unit: expected \"ns\", \"us\", \"ms\" or \"s\", got {}",
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
            return error(file, fmt::format("seed: expected a non-negative whole number, got {}", describe(s)));
        w.seed = s.get<std::uint64_t>();
    }
    if (root.contains("mlfq")) {
        const auto& m = root["mlfq"];
        if (!m.is_object())
            return error(file, "mlfq: expected an object like {\"quanta\": [8, 16, 0], \"boost\": 100}");
        MlfqSettings settings;
        if (m.contains("quanta")) {
            const auto& q = m["quanta"];
            if (!q.is_array() || q.empty())
                return error(file, "mlfq.quanta: expected a non-empty list of quanta, 0 = run to completion");
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
    if (!root.contains("processes"))
        return error(file, "missing \"processes\": a list like [{\"name\": \"P1\", \"arrival\": 0, \"bursts\": [5]}]");
    const auto& procs = root["processes"];
    if (!procs.is_array() || procs.empty())
        return error(file, "processes: expected a non-empty list of processes");
    for (std::size_t i = 0; i < procs.size(); ++i) {
        const json& p = procs[i];
        const int line = lineOfProcess(text, i);
        const std::string where = fmt::format("processes[{}]", i);
        if (!p.is_object())
            return error(file, fmt::format("{}: expected an object with name, arrival, bursts", where), line);
        WorkloadProcess wp;
        for (const auto& [key, value] : p.items()) {
            if (key == "name") {
                if (!value.is_string() || value.get<std::string>().empty())
                    return error(file, fmt::format("{}.name: expected a non-empty string", where), line);
                wp.name = value.get<std::string>();
            } else if (key == "arrival") {
                auto t = timeValue(value, w.unit, file, where + ".arrival", line, true);
                if (!t) return t.error();
                wp.arrival = *t;
            } else if (key == "bursts" || key == "burst") {
                auto b = burstList(value, w.unit, file, where + "." + key, line);
                if (!b) return b.error();
                wp.bursts = std::move(*b);
            } else if (key == "priority") {
                auto pr = intValue(value, file, where + ".priority", line, -1000000, 1000000);
                if (!pr) return pr.error();
                wp.priority = *pr;
            } else {
                return error(file, fmt::format("{}: unknown field \"{}\"; expected name, arrival, bursts, priority",
                                               where, key), line);
            }
        }
        if (wp.bursts.empty())
            return error(file, fmt::format("{}: missing \"bursts\" (CPU, I/O, CPU, ... lengths)", where), line);
        if (wp.name.empty()) wp.name = fmt::format("P{}", i + 1);
        w.processes.push_back(std::move(wp));
    }
    return w;
}

namespace {
std::vector<std::string> splitCsvLine(std::string_view line) {
    std::vector<std::string> fields;
    std::string cur;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cur += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields.push_back(cur);
    for (auto& f : fields) {
        const auto b = f.find_first_not_of(" \t\r");
        const auto e = f.find_last_not_of(" \t\r");
        f = b == std::string::npos ? std::string() : f.substr(b, e - b + 1);
    }
    return fields;
}

std::optional<double> number(const std::string& s) {
    if (s.empty()) return std::nullopt;
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
    std::istringstream in{std::string(text)};
    std::string line;
    int lineNo = 0;
    std::vector<std::string> header;
    int colName = -1, colArrival = -1, colBursts = -1, colPriority = -1;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos || line[0] == '#') continue;
        auto fields = splitCsvLine(line);
        if (header.empty()) {
            header = fields;
            for (std::size_t i = 0; i < header.size(); ++i) {
                std::string h = header[i];
                for (auto& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                const int idx = static_cast<int>(i);
                if (h == "name") colName = idx;
                else if (h == "arrival") colArrival = idx;
                else if (h == "bursts" || h == "burst") colBursts = idx;
                else if (h == "priority") colPriority = idx;
                else
                    return error(file, fmt::format("unknown column \"{}\"; expected name,arrival,bursts,priority", header[i]),
                                 lineNo, 1);
            }
            if (colBursts < 0)
                return error(file, "missing column \"bursts\"; the header must be name,arrival,bursts,priority", lineNo, 1);
            continue;
        }
        if (fields.size() > header.size())
            return error(file, fmt::format("{} fields but the header has {}", fields.size(), header.size()), lineNo, 1);
        fields.resize(header.size());
        WorkloadProcess wp;
        wp.name = colName >= 0 ? fields[static_cast<std::size_t>(colName)] : "";
        if (wp.name.empty()) wp.name = fmt::format("P{}", w.processes.size() + 1);
        if (colArrival >= 0 && !fields[static_cast<std::size_t>(colArrival)].empty()) {
            const auto a = number(fields[static_cast<std::size_t>(colArrival)]);
            if (!a || *a < 0)
                return error(file, fmt::format("arrival: must be a non-negative number, got \"{}\"",
                                               fields[static_cast<std::size_t>(colArrival)]), lineNo);
            wp.arrival = static_cast<SimTime>(std::llround(*a * static_cast<double>(w.unit)));
        }
        std::string bursts = fields[static_cast<std::size_t>(colBursts)];
        for (auto& c : bursts)
            if (c == ';' || c == '|' || c == ',' || c == '\t') c = ' ';
        std::istringstream bs(bursts);
        std::string item;
        while (bs >> item) {
            const auto b = number(item);
            if (!b || *b <= 0)
                return error(file, fmt::format("bursts: each burst must be a positive number, got \"{}\"", item), lineNo);
            wp.bursts.push_back(static_cast<SimTime>(std::llround(*b * static_cast<double>(w.unit))));
        }
        if (wp.bursts.empty())
            return error(file, "bursts: empty; give CPU, I/O, CPU, ... lengths separated by spaces or ';'", lineNo);
        if (wp.bursts.size() % 2 == 0)
            return error(file, "bursts: must end with a CPU burst (an odd number of entries)", lineNo);
        if (colPriority >= 0 && !fields[static_cast<std::size_t>(colPriority)].empty()) {
            const auto p = number(fields[static_cast<std::size_t>(colPriority)]);
            if (!p || *p != std::floor(*p))
                return error(file, fmt::format("priority: expected a whole number, got \"{}\"",
                                               fields[static_cast<std::size_t>(colPriority)]), lineNo);
            wp.priority = static_cast<int>(*p);
        }
        w.processes.push_back(std::move(wp));
    }
    if (w.processes.empty())
        return error(file, "no processes; expected a header name,arrival,bursts,priority and one row per process");
    return w;
}

Expected<Workload> loadWorkload(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return error(path, "cannot open the file; check the path and permissions");
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const auto dot = path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "csv") return parseWorkloadCsv(text, path);
    if (ext == "json") return parseWorkloadJson(text, path);
    return error(path, "unknown file type; expected a .json or .csv workload (or a .py program)");
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

void populate(Machine& machine, const Workload& w) {
    for (const auto& p : w.processes) {
        const ProcessId pid = machine.createProcess(p.name, p.name, ProcessId::invalid());
        machine.createThread(pid, p.name, std::make_unique<BurstProgram>(p.bursts), p.arrival,
                             p.priority);
    }
}

}  // namespace taskscope::core
