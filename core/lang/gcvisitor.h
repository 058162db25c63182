#pragma once
// What Object::traverse() calls for each reference an object holds (CPython's visitproc).
// References to objects outside the running collection (immediates, untracked objects,
// other heaps' objects) are ignored with one flag test, inline.

#include <vector>

#include "core/lang/value.h"

namespace taskscope::core::lang {

class GcObject;

class GcVisitor {
public:
    enum class Mode : uint8_t {
        Subtract,  // the referent is held from inside: one outside reference less
        Restore,   // undoes Subtract
        Mark,      // the referent is alive: mark it and queue it for traversal
    };

    explicit GcVisitor(Mode mode, std::vector<GcObject*>* queue = nullptr) noexcept
        : m_mode(mode), m_queue(queue) {}

    void operator()(const Value& v) {
        if (v.isPtr() && (v.obj()->m_gcFlags & Object::kGcCollecting)) visitCollected(v.obj());
    }

private:
    void visitCollected(Object* o);

    Mode m_mode;
    std::vector<GcObject*>* m_queue;
};

// The body of traverse() and clearRefs() for an object whose references are Value members:
// `visitValues(visit, m_a, m_b);` and `clearValues(m_a, m_b);`.
template <class... V>
void visitValues(GcVisitor& visit, const V&... refs) {
    (visit(refs), ...);
}
template <class... V>
void clearValues(V&... refs) {
    ((refs = Value()), ...);
}

}  // namespace taskscope::core::lang
