#pragma once
// A container object: one that can hold references to others and so be part of a cycle.
// It tracks itself in the current heap (gcheap.h) when constructed and untracks itself when
// destroyed; subclasses implement traverse() and clearRefs().

#include "core/lang/gcheap.h"
#include "core/lang/gcvisitor.h"
#include "core/lang/object.h"

namespace taskscope::core::lang {

class GcObject : public Object, public GcLink {
public:
    explicit GcObject(ObjKind kind) noexcept : Object(kind) {
        if (GcHeap* heap = GcHeap::current()) heap->track(this);
    }
    ~GcObject() override {
        if (m_gcFlags & kGcTracked) {
            untrack();
            if (GcHeap* heap = GcHeap::current()) heap->noteDeath();
        }
    }

    // Unlinks from whatever heap tracks it (no heap pointer needed).
    void untrack() noexcept {
        m_gcPrev->m_gcNext = m_gcNext;
        m_gcNext->m_gcPrev = m_gcPrev;
        m_gcPrev = m_gcNext = nullptr;
        m_gcFlags = 0;
    }

    static GcObject* fromLink(GcLink* l) noexcept { return static_cast<GcObject*>(l); }

private:
    friend class GcHeap;
};

inline void GcHeap::track(GcObject* o) noexcept {
    GcLink* last = m_head.m_gcPrev;
    o->m_gcPrev = last;
    o->m_gcNext = &m_head;
    last->m_gcNext = o;
    m_head.m_gcPrev = o;
    o->m_gcFlags = Object::kGcTracked;
    ++m_young;
}

}  // namespace taskscope::core::lang
