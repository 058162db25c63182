#pragma once

#include <string>
#include <vector>

#include "core/os/program.h"

namespace taskscope::core {

// One step of a scripted thread in a workload: CPU work, blocking, or an operation on a
// kernel object (OSTEP process-run / Deadlock Empire style exercises).
struct ScriptOp {
    enum class Kind : std::uint8_t {
        Cpu,
        Io,
        Sleep,
        Acquire,
        Release,
        Wait,  // Event.wait / Condition.wait / Barrier.wait, by the object's kind
        Set,
        Clear,
        Notify,
        NotifyAll,
        Put,
        Get,
        Join,  // join the thread of another process of the workload (by index)
        Mark,
        Print,
        Load,        // read a shared value into the thread's register
        Store,       // write register + `value` (a signed delta) back
        PrintValue,  // print "name = value"
    };
    Kind kind = Kind::Cpu;
    SimTime time = 0;          // Cpu/Io/Sleep length; a timeout for Acquire/Wait/Get/Put
    std::uint32_t target = 0;  // object index, or thread index for Join
    std::uint64_t value = 0;   // Put: the item; Store: the delta (two's complement)
    std::string text;          // Mark/Print
};

// Runs a list of ScriptOps. CPU work is settled lazily like a burst; kernel operations run in
// lock step with the other cores so that their order follows simulated time.
class ScriptProgram final : public Program {
public:
    explicit ScriptProgram(std::vector<ScriptOp> ops) : m_ops(std::move(ops)) { enter(); }
    std::unique_ptr<Program> clone() const override {
        return std::make_unique<ScriptProgram>(*this);
    }
    RunOutcome run(ThreadContext& ctx, SimTime limit) override;
    SimTime remainingBurst() const override;
    bool isolated() const override;

private:
    void enter();  // prepares the op at m_pc
    std::vector<ScriptOp> m_ops;
    std::size_t m_pc = 0;
    SimTime m_left = 0;           // CPU left in the current Cpu op
    std::int64_t m_register = 0;  // the last value loaded
};

}  // namespace taskscope::core
