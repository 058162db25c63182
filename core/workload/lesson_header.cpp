#include "core/workload/lesson_header.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/workload/workload.h"

namespace taskscope::core {

namespace {

constexpr int kMaxHeaderLines = 60;

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lowerDashed(std::string_view s) {
    std::string out;
    for (const char c : s)
        out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isKeyWord(std::string_view s) {
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

// The header keys that are run settings, and the RunOverrides name each one sets.
struct SettingKey {
    std::string_view key, field;
};
constexpr SettingKey kSettingKeys[] = {
    {"cores", "cores"},
    {"policy", "policy"},
    {"quantum", "quantum"},
    {"context-switch", "context-switch"},
    {"wake-latency", "wake-latency"},
    {"random-seed", "seed"},  // "# seed:" is the seed article of the lesson
    {"gil", "gil"},
    {"switch-interval", "switch-interval"},
    {"start-method", "start-method"},
    {"cost-scale", "cost-scale"},
    {"args", "args"},
};
// "description" is a workload's "watch" (CSV workloads carry the same header).
constexpr std::string_view kTextKeys[] = {
    "title",     "title-zh", "seed", "topic",    "watch",   "watch-zh",    "expect",
    "expect-zh", "views",    "zoom", "pause-at", "compare", "description", "description-zh"};

std::string knownKeys() {
    std::string out;
    for (const auto k : kTextKeys) out += (out.empty() ? "" : ", ") + std::string(k);
    for (const auto& k : kSettingKeys) out += ", " + std::string(k.key);
    return out;
}

// "50ms", "0.5 s", "300us", or a bare number of milliseconds.
std::optional<SimTime> parseTime(std::string_view text) {
    const std::string s(trim(text));
    if (s.empty() || s[0] == '-' || s[0] == '+') return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v) || v < 0) return std::nullopt;
    const std::string_view suffix = trim(std::string_view(end));
    SimTime unit = kMillisecond;
    if (!suffix.empty()) {
        const auto u = parseTimeUnit(suffix);
        if (!u) return std::nullopt;
        unit = *u;
    }
    const double t = v * static_cast<double>(unit);
    if (t > 9.0e18) return std::nullopt;
    return static_cast<SimTime>(std::llround(t));
}

// Items separated by commas (or, when there is no comma, by spaces).
std::vector<std::string> listItems(std::string_view value, bool spacesSeparate) {
    std::vector<std::string> out;
    const char sep = value.find(',') != std::string_view::npos || !spacesSeparate ? ',' : ' ';
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto end = std::min(value.find(sep, start), value.size());
        std::string_view item = trim(value.substr(start, end - start));
        if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') &&
            item.back() == item.front())
            item = item.substr(1, item.size() - 2);
        if (!item.empty()) out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

}  // namespace

const std::vector<std::string_view>& lessonViewNames() {
    static const std::vector<std::string_view> kNames = {
        "timeline",    "processes", "states", "stats",       "console", "settings", "workload",
        "syncObjects", "waitFor",   "events", "breakpoints", "code",    "gil"};
    return kNames;
}

std::optional<std::string> lessonViewForName(std::string_view name) {
    // Compared without case, spaces, dashes and underscores: "Wait-for graph" = "waitForGraph".
    std::string key;
    for (const char c : name)
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::pair<std::string_view, std::string_view> kAliases[] = {
        {"processtree", "processes"},
        {"process", "processes"},
        {"ps", "processes"},
        {"state", "states"},
        {"statediagram", "states"},
        {"charts", "stats"},
        {"chart", "stats"},
        {"statistics", "stats"},
        {"runsettings", "settings"},
        {"workloadtable", "workload"},
        {"sync", "syncObjects"},
        {"waitforgraph", "waitFor"},
        {"runevents", "events"},
        {"gillane", "gil"},
        {"source", "code"}};
    for (const auto& [alias, view] : kAliases)
        if (key == alias) return std::string(view);
    for (const auto v : lessonViewNames()) {
        std::string lower;
        for (const char c : v)
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (key == lower) return std::string(v);
    }
    return std::nullopt;
}

LessonHeader readLessonHeader(std::string_view source, const std::string& file) {
    LessonHeader h;
    if (source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
    struct Pending {
        std::string key;
        std::string_view value;
        int line, column;
        std::string text;
    };
    std::vector<Pending> unknown;
    std::vector<std::pair<std::string, int>> seen;  // key, line: a key set twice is an error
    std::size_t pos = 0;
    for (int lineNo = 1; lineNo <= kMaxHeaderLines && pos < source.size(); ++lineNo) {
        const auto nl = source.find('\n', pos);
        std::string_view raw =
            source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
        pos = nl == std::string_view::npos ? source.size() : nl + 1;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        const std::string_view line = trim(raw);
        if (line.empty() || line[0] != '#') break;
        if (lineNo == 1 && line.substr(0, 2) == "#!") continue;
        const std::string_view body = line.substr(1);
        const auto colon = body.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view word = trim(body.substr(0, colon));
        if (!isKeyWord(word)) continue;
        const std::string key = lowerDashed(word);
        const std::string_view value = trim(body.substr(colon + 1));
        // 1-based column of the value in the raw line.
        const int column = static_cast<int>(value.data() - raw.data()) + 1;
        auto error = [&](std::string message, std::string hint = {}) {
            h.errors.push_back(Diagnostic{.file = file,
                                          .line = lineNo,
                                          .column = column,
                                          .message = std::move(message),
                                          .hint = std::move(hint),
                                          .sourceLine = std::string(raw)});
        };
        const SettingKey* setting = nullptr;
        for (const auto& s : kSettingKeys)
            if (s.key == key) setting = &s;
        const bool text =
            std::find(std::begin(kTextKeys), std::end(kTextKeys), key) != std::end(kTextKeys);
        if (!setting && !text) {
            unknown.push_back({key, value, lineNo, column, std::string(raw)});
            continue;
        }
        if (const auto it = std::find_if(seen.begin(), seen.end(),
                                         [&](const auto& s) { return s.first == key; });
            it != seen.end()) {
            error("\"" + key + "\" is set twice (first on line " + std::to_string(it->second) +
                  ")");
            continue;
        }
        // A bad value sets nothing: a later line may still set the key.
        if (!setting) seen.emplace_back(key, lineNo);
        if (setting) {
            std::string why;
            if (!h.settings.set(setting->field, value, &why)) {
                // The message names the header's key, not the option's field.
                if (setting->key != setting->field && why.rfind(setting->field, 0) == 0)
                    why = std::string(setting->key) + why.substr(setting->field.size());
                error(why);
                continue;
            }
            seen.emplace_back(key, lineNo);
            h.settingLines.push_back({std::string(setting->key), std::string(setting->field),
                                      std::string(value), lineNo});
            continue;
        }
        const std::string v(value);
        if (key == "title")
            h.title = v;
        else if (key == "title-zh")
            h.titleZh = v;
        else if (key == "seed")
            h.seed = v;
        else if (key == "topic")
            h.topic = v;
        else if (key == "watch" || key == "description")
            h.watch = v;
        else if (key == "watch-zh" || key == "description-zh")
            h.watchZh = v;
        else if (key == "expect")
            h.expect = v;
        else if (key == "expect-zh")
            h.expectZh = v;
        else if (key == "compare")
            h.compare = v;
        else if (key == "views") {
            for (const std::string& item : listItems(value, true)) {
                const auto view = lessonViewForName(item);
                if (!view) {
                    std::string names;
                    for (const auto n : lessonViewNames())
                        names += (names.empty() ? "" : ", ") + std::string(n);
                    error("views: no view \"" + item + "\"; expected some of " + names);
                    h.views.clear();
                    break;
                }
                if (std::find(h.views.begin(), h.views.end(), *view) == h.views.end())
                    h.views.push_back(*view);
            }
        } else if (key == "zoom") {
            const auto c = value.find(':');
            const std::string_view a = trim(value.substr(0, c));
            const std::string_view b =
                c == std::string_view::npos ? std::string_view() : trim(value.substr(c + 1));
            const auto from = c == std::string_view::npos
                                  ? std::optional<SimTime>(0)
                                  : (a.empty() ? std::optional<SimTime>(0) : parseTime(a));
            const auto to = parseTime(c == std::string_view::npos ? a : b);
            if (!from || !to || *to <= *from) {
                error(
                    "zoom: expected START:END or a length, e.g. 0:50ms or 50ms (bare numbers "
                    "are ms), with END after START, got \"" +
                    v + "\"");
                continue;
            }
            h.zoomFrom = *from;
            h.zoomTo = *to;
        } else if (key == "pause-at") {
            h.pauseAt = listItems(value, false);
            if (h.pauseAt.empty())
                error("pause-at: expected one or more taskscope.mark labels, separated by commas");
        }
    }
    // Free comments ("# note: ...") are not errors, but in a lesson's header an unknown word
    // is most likely a misspelt key.
    if (!h.title.empty())
        for (const Pending& u : unknown)
            h.warnings.push_back(Diagnostic{.file = file,
                                            .line = u.line,
                                            .column = u.column - static_cast<int>(u.key.size()) - 2,
                                            .message = "unknown header key \"" + u.key +
                                                       "\" (ignored); the keys are " + knownKeys(),
                                            .sourceLine = u.text});
    return h;
}

std::vector<std::string> LessonHeader::compareSettings() const {
    std::vector<std::string> out;
    std::string_view rest = compare;
    while (!rest.empty()) {
        const auto semi = rest.find(';');
        const std::string_view v = trim(rest.substr(0, semi));
        if (!v.empty()) out.emplace_back(v);
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
    }
    return out;
}

LessonSettingNotes applyLessonSettings(RunConfig& config, const LessonHeader& header,
                                       const RunOverrides& commandLine) {
    LessonSettingNotes notes;
    applyOverrides(config, header.settings);
    notes.commandLine = applyOverrides(config, commandLine);
    // The header's settings that the command line leaves, judged in the final configuration
    // (applying them again changes nothing): "# quantum: 3" under "--policy rr" is no note.
    RunOverrides left = header.settings;
    auto drop = [](auto& field, const auto& over) {
        if (over) field.reset();
    };
    drop(left.cores, commandLine.cores);
    drop(left.policy, commandLine.policy);
    drop(left.quantum, commandLine.quantum);
    drop(left.contextSwitch, commandLine.contextSwitch);
    drop(left.wakeLatency, commandLine.wakeLatency);
    drop(left.seed, commandLine.seed);
    drop(left.gil, commandLine.gil);
    drop(left.switchInterval, commandLine.switchInterval);
    drop(left.startMethod, commandLine.startMethod);
    drop(left.costScale, commandLine.costScale);
    drop(left.args, commandLine.args);
    RunConfig scratch = config;
    notes.header = applyOverrides(scratch, left);
    return notes;
}

}  // namespace taskscope::core
