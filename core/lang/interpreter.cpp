#include "core/lang/interpreter.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/lang/builtins_internal.h"
#include "core/lang/compiler.h"
#include "core/lang/copymemo.h"
#include "core/lang/internal.h"
#include "core/lang/lexer.h"

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
