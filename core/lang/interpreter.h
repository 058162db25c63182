#pragma once
// One Python interpreter per simulated process: modules (incl. __main__'s globals), builtins,
// sys state (argv, switch interval), the source text for tracebacks, the random generator,
// the cost table, and the heap whose cycle collector frees its garbage cycles (gcheap.h).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang/cost_model.h"
#include "core/lang/gcheap.h"
#include "core/lang/host.h"
#include "core/lang/mt19937.h"
#include "core/lang/source_pos.h"
#include "core/lang/value.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

class VmThread;
class DictObject;
class CopyMemo;
class TypeObject;

struct InterpreterConfig {
    std::string mainName = "__main__";  // "__mp_main__" when a spawn child re-runs the module
    std::string filename = "main.py";
    std::vector<std::string> argv;  // sys.argv; defaults to {filename}
    uint64_t seed = 0;              // seeds `random` (as random.seed(seed))
    CostModel costs = CostModel::calibrated();
    int recursionLimit = 1000;
};

class Interpreter {
public:
    Interpreter(Host& host, InterpreterConfig config);
    ~Interpreter();
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Compiles a module; keeps the source for tracebacks. Errors are values.
    Expected<Value> compile(std::string_view source, const std::string& filename);
    Expected<Value> compileMain(std::string_view source) {
        return compile(source, m_config.filename);
    }

    std::unique_ptr<VmThread> newThread();

    // fork(): a child interpreter whose modules (and so __main__'s globals) are deep copies
    // of this one's. Use the same memo to copy values the child needs (the target callable,
    // its args): deepCopy(target, memo) then refers to the child's copies; do that inside
    // GcHeap::Scope(child->heap()) so the copies belong to the child's heap.
    std::unique_ptr<Interpreter> fork(CopyMemo& memo, Host& childHost) const;

    // The cycle collector of this interpreter's objects. Host code that builds objects for
    // this interpreter outside its VM threads makes it current with GcHeap::Scope.
    GcHeap& heap() { return m_heap; }

    Host& host() const { return *m_host; }
    void setHost(Host& host) { m_host = &host; }
    const InterpreterConfig& config() const { return m_config; }
    const std::string& mainName() const { return m_config.mainName; }

    Value mainModule() const { return m_main; }
    DictObject* mainGlobals() const;
    Value builtinsModule() const { return m_builtins; }
    DictObject* builtinsDict() const;
    Value sysModules() const { return m_modules; }  // dict name -> module
    // Imports (or returns the cached) module: lang's own (math, random, sys), then the host's.
    // Throws PyException (ModuleNotFoundError) from the VM; returns null here if unknown.
    Value importModule(VmThread* thread, std::string_view name);
    void addModule(const Value& module);

    const CostModel& costs() const { return m_costs; }
    void setCosts(const CostModel& costs) { m_costs = costs; }
    // sys.getswitchinterval / setswitchinterval, in seconds, kept by the host. As CPython, a
    // value set is truncated to whole microseconds.
    double switchInterval() const;
    void setSwitchInterval(double seconds);
    const std::vector<std::string>& argv() const { return m_argv; }
    Mt19937& random() { return m_random; }

    // Console output through the host (print, sys.stdout/stderr, tracebacks).
    void write(VmThread* thread, OutStream stream, std::string_view text);

    // "Traceback (most recent call last):\n  File ...\nValueError: msg\n", with chained
    // exceptions as CPython prints them.
    std::string formatException(const Value& exc) const;
    std::string sourceLine(const std::string& filename, int line) const;

    uint64_t nextSerial() { return ++m_serial; }
    // A stable fake address for id() and default reprs (no real addresses leak out).
    uint64_t addressOf(const Value& v);

    int recursionLimit() const { return m_config.recursionLimit; }
    void setRecursionLimit(int n) { m_config.recursionLimit = n; }

    // The VmThread whose native is running (for natives that need the thread).
    VmThread* m_currentThread = nullptr;
    Value m_stdout, m_stderr;  // sys.stdout / sys.stderr objects

private:
    Interpreter(Host& host, InterpreterConfig config, bool bare);
    void setupModules();

    GcHeap m_heap;  // first: it outlives every object the other members hold
    Host* m_host;
    InterpreterConfig m_config;
    CostModel m_costs;
    Value m_builtins;  // module
    Value m_main;      // module
    Value m_modules;   // dict
    std::map<std::string, std::string, std::less<>> m_sources;
    std::vector<std::string> m_argv;
    Mt19937 m_random;
    uint64_t m_serial = 0;
    std::map<uint64_t, uint64_t> m_addresses;  // object bits -> serial, for non-instance ids
};

}  // namespace taskscope::core::lang
