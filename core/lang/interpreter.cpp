#include "core/lang/interpreter.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/lang/builtins_internal.h"
#include "core/lang/compiler.h"
#include "core/lang/copymemo.h"
#include "core/lang/internal.h"
#include "core/lang/lexer.h"
#include "core/lang/parser.h"

namespace taskscope::core::lang {

namespace {
std::vector<uint32_t> seedKey(uint64_t seed) {
    std::vector<uint32_t> key;
    while (seed) {
        key.push_back(static_cast<uint32_t>(seed & 0xFFFFFFFFu));
        seed >>= 32;
    }
    if (key.empty()) key.push_back(0);
    return key;
}
}  // namespace

Interpreter::Interpreter(Host& host, InterpreterConfig config)
    : Interpreter(host, std::move(config), false) {}

Interpreter::Interpreter(Host& host, InterpreterConfig config, bool bare)
    : m_host(&host), m_config(std::move(config)), m_costs(m_config.costs) {
    GcHeap::Scope scope(m_heap);
    m_argv = m_config.argv.empty() ? std::vector<std::string>{m_config.filename} : m_config.argv;
    m_random.seedArray(seedKey(m_config.seed));
    if (!bare) setupModules();
}

Interpreter::~Interpreter() {
    GcHeap::Scope scope(m_heap);
    // Break the cycles modules create (functions -> globals -> functions), also for what
    // outlives this interpreter (values the host still holds); the final collection below
    // frees every other cycle.
    if (m_modules.isKind(ObjKind::Dict)) {
        std::vector<Value> mods;
        for (const auto& e : m_modules.as<DictObject>()->entries()) {
            if (!e.key.isNull()) mods.push_back(e.value);
        }
        for (Value& m : mods) {
            if (m.isKind(ObjKind::Module) && !m.as<ModuleObject>()->m_shared) {
                auto* d = m.as<ModuleObject>()->dict();
                std::vector<Value> values;
                for (const auto& e : d->entries()) {
                    if (!e.key.isNull()) values.push_back(e.value);
                }
                d->clear();
                for (Value& v : values) {
                    if (v.isKind(ObjKind::Type) && !v.as<TypeObject>()->m_builtin)
                        v.as<TypeObject>()->dict()->clear();
                    if (v.isKind(ObjKind::Function)) v.obj()->clearRefs();
                }
            }
        }
        m_modules.as<DictObject>()->clear();
    }
    m_builtins = m_main = m_modules = m_stdout = m_stderr = Value();
    m_heap.collect();
}

void Interpreter::setupModules() {
    m_modules = makeDict();
    m_builtins = createBuiltinsModule(*this);
    m_main = makeModule(m_config.mainName);
    auto* md = m_main.as<ModuleObject>()->dict();
    md->setStr("__file__", makeStr(m_config.filename));
    md->setStr("__doc__", Value::none());
    md->setStr("__builtins__", m_builtins);
    auto* mods = m_modules.as<DictObject>();
    mods->setStr("builtins", m_builtins);
    mods->setStr("__main__", m_main);
    if (m_config.mainName != "__main__") mods->setStr(m_config.mainName, m_main);
    Value sys = createSysModule(*this);
    mods->setStr("sys", sys);
}

DictObject* Interpreter::mainGlobals() const {
    return m_main.as<ModuleObject>()->dict();
}
DictObject* Interpreter::builtinsDict() const {
    return m_builtins.as<ModuleObject>()->dict();
}

Expected<Value> Interpreter::compile(std::string_view source, const std::string& filename) {
    GcHeap::Scope scope(m_heap);
    m_sources[filename] = std::string(source);
    return compileModule(source, filename);
}

std::unique_ptr<VmThread> Interpreter::newThread() {
    return std::make_unique<VmThread>(*this);
}

void Interpreter::addModule(const Value& module) {
    m_modules.as<DictObject>()->setStr(module.as<ModuleObject>()->name(), module);
}

Value Interpreter::importModule(VmThread* thread, std::string_view name) {
    (void)thread;
    GcHeap::Scope scope(m_heap);
    auto* mods = m_modules.as<DictObject>();
    if (Value m = mods->getStr(name)) return m;
    Value mod;
    if (name == "math")
        mod = createMathModule(*this);
    else if (name == "random")
        mod = createRandomModule(*this);
    else if (name == "gc")
        mod = createGcModule(*this);
    else
        mod = m_host->createModule(*this, name);
    if (mod) mods->setStr(name, mod);
    return mod;
}

void Interpreter::write(VmThread* thread, OutStream stream, std::string_view text) {
    m_host->write(*this, thread, stream, text);
}

double Interpreter::switchInterval() const {
    // CPython: 1e-6 * gil->interval (microseconds).
    return 1e-6 * (static_cast<double>(m_host->switchIntervalNs(*this)) / 1000.0);
}

void Interpreter::setSwitchInterval(double seconds) {
    // CPython: (unsigned long)(1e6 * interval) microseconds; bounded so that timers stay finite.
    const double us = std::min(std::floor(1e6 * seconds), 1e15);
    m_host->setSwitchIntervalNs(*this, static_cast<std::int64_t>(us) * 1000);
}

std::unique_ptr<Interpreter> Interpreter::fork(CopyMemo& memo, Host& childHost) const {
    std::unique_ptr<Interpreter> child(new Interpreter(childHost, m_config, true));
    GcHeap::Scope scope(child->m_heap);
    child->m_heap.setEnabled(m_heap.enabled());  // os.fork() copies gc.disable() too
    child->m_costs = m_costs;
    child->m_sources = m_sources;
    child->m_argv = m_argv;
    child->m_random = m_random;
    child->m_serial = m_serial;
    child->m_addresses = m_addresses;
    child->m_builtins = deepCopy(m_builtins, memo);
    child->m_modules = deepCopy(m_modules, memo);
    child->m_main = deepCopy(m_main, memo);
    child->m_stdout = deepCopy(m_stdout, memo);
    child->m_stderr = deepCopy(m_stderr, memo);
    return child;
}

std::string Interpreter::sourceLine(const std::string& filename, int line) const {
    auto it = m_sources.find(filename);
    if (it == m_sources.end()) return {};
    return Lexer::lineOf(it->second, line);
}

uint64_t Interpreter::addressOf(const Value& v) {
    constexpr uint64_t kBase = 0x7f2a3c000000ULL;
    constexpr uint64_t kStride = 0x40;
    uint64_t* serial = nullptr;
    if (v.isPtr()) {
        switch (v.kind()) {
            case ObjKind::Instance:
            case ObjKind::Exception:
                serial = &v.as<InstanceObject>()->m_serial;
                break;
            case ObjKind::Function:
                serial = &v.as<FunctionObject>()->m_serial;
                break;
            case ObjKind::Type:
                if (!v.as<TypeObject>()->m_builtin) serial = &v.as<TypeObject>()->m_serial;
                break;
            case ObjKind::Generator:
                serial = &v.as<GeneratorObject>()->m_serial;
                break;
            default:
                break;
        }
    }
    if (serial) {
        if (*serial == 0) *serial = nextSerial();
        return kBase + *serial * kStride;
    }
    auto it = m_addresses.find(v.bits());
    if (it == m_addresses.end()) it = m_addresses.emplace(v.bits(), nextSerial()).first;
    return kBase + it->second * kStride;
}

namespace {

// ---- CPython 3.11's carets under the failing expression of a traceback line -------------

std::u32string decodeUtf8(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80         ? 1
                      : (c >> 5) == 6  ? 2
                      : (c >> 4) == 14 ? 3
                      : (c >> 3) == 30 ? 4
                                       : 1;
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp =
                (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out += cp;
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::string encodeUtf8(const std::u32string& s) {
    std::string out;
    for (const char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '\v';
}

// Terminal columns of the first `n` characters: East Asian wide and fullwidth characters take
// two (unicodedata.east_asian_width W or F), as CPython counts them for the carets.
int displayWidth(const std::u32string& s, std::size_t n) {
    int w = 0;
    for (std::size_t i = 0; i < n && i < s.size(); ++i) {
        const char32_t c = s[i];
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
                          (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                          (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
                          (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
                          (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

// The anchors of a BinOp (its operator) or a Subscript (its brackets) in `segment`, found by
// parsing the segment as CPython's traceback.c does; false for other expressions.
bool caretAnchors(const std::u32string& segment, std::size_t& left, std::size_t& right) {
    auto parsed = Parser(encodeUtf8(segment), "<segment>").parseModule();
    if (!parsed || parsed->body.size() != 1 || parsed->body[0]->kind != StmtKind::ExprStmt ||
        !parsed->body[0]->value)
        return false;
    const Expr& e = *parsed->body[0]->value;
    // Columns of the segment's one line, 1-based: offsets are column - 1.
    auto offset = [](SourcePos p) { return static_cast<std::size_t>(std::max(p.column - 1, 0)); };
    if (e.kind == ExprKind::BinOp && e.a && e.b && e.a->end.line == 1 && e.b->pos.line == 1) {
        const std::size_t from = offset(e.a->end), to = offset(e.b->pos);
        for (std::size_t i = from; i < to && i < segment.size(); ++i) {
            if (isSpace(segment[i])) continue;
            left = i;
            right = i + 1;
            if (i + 1 < to && !isSpace(segment[i + 1])) ++right;  // a two-character operator
            if (i + 1 < to && segment[i] == ')') continue;        // the left operand's parens
            return true;
        }
        return false;
    }
    if (e.kind == ExprKind::Subscript && e.a && e.b && e.a->end.line == 1 && e.b->end.line == 1) {
        left = offset(e.a->end);
        right = offset(e.b->end) + 1;
        while (left < segment.size() && segment[left] != '[') ++left;
        while (right < segment.size() && segment[right] != ']') ++right;
        if (right < segment.size()) ++right;
        return true;
    }
    return false;
}

// The caret line under `line` (as the file has it) for an expression from 1-based column
// `col` to `endCol` (just after it) on `endLine`, or "" when CPython prints none (the
// expression is the whole line).
std::string caretLine(const std::string& line, int lineNo, int col, int endLine, int endCol) {
    if (col <= 0 || endLine <= 0 || endLine < lineNo) return {};
    const std::u32string text = decodeUtf8(line);
    std::size_t lead = 0;
    while (lead < text.size() && isSpace(text[lead])) ++lead;
    std::size_t last = text.size();
    while (last > lead && isSpace(text[last - 1])) --last;
    const std::size_t stripped = last - lead;
    const std::size_t start = std::min(static_cast<std::size_t>(col - 1), text.size());
    std::size_t end = endLine == lineNo
                          ? std::min(static_cast<std::size_t>(std::max(endCol - 1, 0)), text.size())
                          : last;
    if (end <= start) return {};  // no range known (an f-string's field)
    const std::u32string segment = text.substr(start, end - start);
    std::size_t left = 0, right = 0;
    const bool anchored = endLine == lineNo && caretAnchors(segment, left, right);
    if (!(end - start < stripped || (anchored && right > left))) return {};
    const int from = displayWidth(text, start) + 1, to = displayWidth(text, end) + 1;
    std::string out =
        "    " +
        std::string(static_cast<std::size_t>(std::max(0, from - 1 - displayWidth(text, lead))),
                    ' ');
    if (anchored) {
        const int l = displayWidth(segment, left), r = displayWidth(segment, right);
        out += std::string(static_cast<std::size_t>(l), '~');
        out += std::string(static_cast<std::size_t>(std::max(0, r - l)), '^');
        out += std::string(static_cast<std::size_t>(std::max(0, to - from - r)), '~');
    } else {
        out += std::string(static_cast<std::size_t>(std::max(0, to - from)), '^');
    }
    return out + "\n";
}

std::string qualifiedExcName(const TypeObject* tp) {
    if (tp->m_module == "builtins" || tp->m_module == "__main__") return tp->m_qualname;
    return tp->m_module + "." + tp->m_qualname;
}

}  // namespace

std::string Interpreter::formatException(const Value& exc) const {
    auto* self = const_cast<Interpreter*>(this);
    GcHeap::Scope scope(self->m_heap);
    VmThread tmp(*self);
    std::vector<const Object*> seen;
    std::function<std::string(const Value&)> format = [&](const Value& e) -> std::string {
        std::string out;
        if (!e.isKind(ObjKind::Exception)) return "<non-exception>\n";
        seen.push_back(e.obj());
        const auto* eo = e.as<ExceptionObject>();
        auto unseen = [&](const Value& v) {
            return v.isKind(ObjKind::Exception) &&
                   std::find(seen.begin(), seen.end(), v.obj()) == seen.end();
        };
        if (unseen(eo->m_cause)) {
            out += format(eo->m_cause);
            out += "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (!eo->m_suppressContext && unseen(eo->m_context)) {
            out += format(eo->m_context);
            out += "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        if (!eo->m_traceback.empty()) {
            out += "Traceback (most recent call last):\n";
            std::string lastKey;
            int repeats = 0;
            auto flushRepeats = [&]() {
                if (repeats > 3) {
                    out += "  [Previous line repeated " + std::to_string(repeats - 3) +
                           " more time" + (repeats - 3 == 1 ? "" : "s") + "]\n";
                }
            };
            for (auto it = eo->m_traceback.rbegin(); it != eo->m_traceback.rend(); ++it) {
                const auto* co = it->code.as<CodeObject>();
                std::string key = co->filename + ":" + std::to_string(it->line) + ":" + co->name;
                if (key == lastKey) {
                    ++repeats;
                    if (repeats > 3) continue;
                } else {
                    flushRepeats();
                    lastKey = key;
                    repeats = 1;
                }
                out += "  File \"" + co->filename + "\", line " + std::to_string(it->line) +
                       ", in " + co->name + "\n";
                std::string src = sourceLine(co->filename, it->line);
                std::size_t a = src.find_first_not_of(" \t\f");
                if (a != std::string::npos) {
                    std::size_t b = src.find_last_not_of(" \t\r\f");
                    out += "    " + src.substr(a, b - a + 1) + "\n";
                    // CPython 3.11's carets under the expression that failed.
                    const auto pc = static_cast<std::size_t>(it->pc);
                    if (it->pc >= 0 && pc < co->endLines.size() &&
                        co->lines[pc] == static_cast<uint32_t>(it->line))
                        out += caretLine(src, it->line, co->columns[pc],
                                         static_cast<int>(co->endLines[pc]), co->endColumns[pc]);
                }
            }
            flushRepeats();
        }
        std::string msg;
        try {
            msg = str(tmp, e);
        } catch (PyException&) {
            msg = "<exception str() failed>";
        }
        std::string name = qualifiedExcName(eo->cls());
        out += msg.empty() ? name + "\n" : name + ": " + msg + "\n";
        return out;
    };
    return format(exc);
}

}  // namespace taskscope::core::lang
