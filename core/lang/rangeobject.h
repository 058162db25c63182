#pragma once

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

// range over 64-bit bounds (enough for every loop a simulated program can run).
class RangeObject final : public Object {
public:
    RangeObject(int64_t start, int64_t stop, int64_t step)
        : Object(ObjKind::Range), m_start(start), m_stop(stop), m_step(step) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo&) const override { return Value(const_cast<RangeObject*>(this)); }
    int64_t start() const { return m_start; }
    int64_t stop() const { return m_stop; }
    int64_t step() const { return m_step; }
    int64_t length() const;
    int64_t at(int64_t i) const { return m_start + i * m_step; }

private:
    int64_t m_start, m_stop, m_step;
};

class SliceObject final : public GcObject {
public:
    SliceObject(Value start, Value stop, Value step)
        : GcObject(ObjKind::Slice),
          m_start(std::move(start)),
          m_stop(std::move(stop)),
          m_step(std::move(step)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visitValues(visit, m_start, m_stop, m_step); }
    void clearRefs() override { clearValues(m_start, m_stop, m_step); }
    const Value& start() const { return m_start; }
    const Value& stop() const { return m_stop; }
    const Value& step() const { return m_step; }

private:
    Value m_start, m_stop, m_step;
};

}  // namespace taskscope::core::lang
