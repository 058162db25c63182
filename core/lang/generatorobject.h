#pragma once
// A generator owns the slots (locals + value stack) of its suspended frame, so a resumed
// generator runs on the thread's frame stack like any other Python frame.

#include <cstdint>
#include <memory>

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class GeneratorObject final : public GcObject {
public:
    enum class State : uint8_t { Created, Suspended, Running, Finished };

    GeneratorObject(Value func, std::size_t nslots);
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override;
    // Drops the frame's slots and the saved exception (also generator.close()); the
    // function stays: a cycle through it is broken by the function's own clearRefs().
    void clearRefs() override;

    const Value& func() const { return m_func; }
    Value* slots() { return m_slots.get(); }
    std::size_t nslots() const { return m_nslots; }

    State m_state = State::Created;
    uint32_t m_pc = 0;
    uint32_t m_stackDepth = 0;  // values on the saved value stack
    Value m_savedExc;           // the exception being handled when it yielded
    uint64_t m_serial = 0;

private:
    Value m_func;
    std::unique_ptr<Value[]> m_slots;
    std::size_t m_nslots;
};

}  // namespace taskscope::core::lang
