#include "core/lang/gcheap.h"

#include <cassert>
#include <limits>
#include <vector>

#include "core/lang/dictobject.h"
#include "core/lang/gcobject.h"
#include "core/lang/instanceobject.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

void Object::destroy() noexcept {
    delete this;
}

void Object::makeImmortal() noexcept {
    if (m_gcFlags & Object::kGcTracked) static_cast<GcObject*>(this)->untrack();
    m_refcount = -1;
}

void GcVisitor::visitCollected(Object* o) {
    switch (m_mode) {
        case Mode::Subtract:
            --o->m_refcount;
            break;
        case Mode::Restore:
            ++o->m_refcount;
            break;
        case Mode::Mark:
            if (!(o->m_gcFlags & Object::kGcReachable)) {
                o->m_gcFlags |= Object::kGcReachable;
                m_queue->push_back(static_cast<GcObject*>(o));
            }
            break;
    }
}

GcHeap::GcHeap() noexcept {
    m_head.m_gcPrev = m_head.m_gcNext = &m_head;
    updateThreshold();
}

GcHeap::~GcHeap() {
    // What is left is referenced from outside the interpreter: it lives on, untracked.
    GcLink* l = m_head.m_gcNext;
    while (l != &m_head) {
        GcLink* next = l->m_gcNext;
        GcObject::fromLink(l)->untrack();
        l = next;
    }
}

void GcHeap::setEnabled(bool on) noexcept {
    m_enabled = on;
    updateThreshold();
}

void GcHeap::updateThreshold() noexcept {
    const auto survivors = static_cast<int64_t>(m_survivors);
    m_threshold = !m_enabled ? std::numeric_limits<int64_t>::max()
                             : (survivors > kMinThreshold ? survivors : kMinThreshold);
}

std::size_t GcHeap::trackedCount() const noexcept {
    std::size_t n = 0;
    for (const GcLink* l = m_head.m_gcNext; l != &m_head; l = l->m_gcNext) ++n;
    return n;
}

namespace {

// Whether CPython 3.11 would count this unreachable object. It keeps an instance's
// attributes inline until __dict__ is asked for, and leaves a dict untracked while it holds
// no container: such dicts are freed here too, but not counted.
bool countedAsCPython(const GcObject* o) {
    if (o->kind() != ObjKind::Dict) return true;
    for (const auto& e : static_cast<const DictObject*>(o)->entries()) {
        if ((e.key.isPtr() && e.key.obj()->gcTracked()) ||
            (e.value.isPtr() && e.value.obj()->gcTracked()))
            return true;
    }
    return false;
}

}  // namespace

std::size_t GcHeap::collect() {
    if (m_collecting) return 0;
    m_collecting = true;
    // Objects freed below count against this heap's allocations.
    Scope scope(this);
    auto each = [this](auto&& fn) {
        for (GcLink* l = m_head.m_gcNext; l != &m_head; l = l->m_gcNext) fn(GcObject::fromLink(l));
    };

    // 1-2. gc_refs: the reference count (in place: nothing else runs until it is restored)
    // minus the references held by the tracked objects themselves.
    each([](GcObject* o) { o->m_gcFlags |= Object::kGcCollecting; });
    GcVisitor subtract(GcVisitor::Mode::Subtract);
    each([&](GcObject* o) { o->traverse(subtract); });

    // 3. What is held from outside is alive, and so is everything it reaches.
    std::vector<GcObject*> queue;
    GcVisitor mark(GcVisitor::Mode::Mark, &queue);
    each([&](GcObject* o) {
        assert(o->m_refcount >= 0 && "a traverse() visits a reference its object does not hold");
        if (o->m_refcount <= 0 || (o->m_gcFlags & Object::kGcReachable)) return;
        o->m_gcFlags |= Object::kGcReachable;
        queue.push_back(o);
        while (!queue.empty()) {
            GcObject* x = queue.back();
            queue.pop_back();
            x->traverse(mark);
        }
    });

    // 4. Back to the true reference counts.
    GcVisitor restore(GcVisitor::Mode::Restore);
    each([&](GcObject* o) { o->traverse(restore); });

    // 5. The rest is garbage: hold each (so none is freed while the cycles are broken).
    std::vector<Value> garbage;
    std::size_t found = 0;
    std::size_t survivors = 0;
    each([&](GcObject* o) {
        if (o->m_gcFlags & Object::kGcReachable) {
            ++survivors;
            return;
        }
        garbage.emplace_back(o);
        if (!countedAsCPython(o)) return;
        ++found;
        // An instance dict Python never saw is part of the instance in CPython 3.11.
        if (o->kind() == ObjKind::Instance) {
            const auto* inst = static_cast<const InstanceObject*>(o);
            const DictObject* d = inst->dictIfAny();
            if (d && !inst->dictExposed() && (d->m_gcFlags & Object::kGcCollecting) &&
                !(d->m_gcFlags & Object::kGcReachable) && countedAsCPython(d))
                --found;
        }
    });
    each([](GcObject* o) { o->m_gcFlags = Object::kGcTracked; });

    // 6. Break the cycles; dropping the last references frees them.
    for (Value& g : garbage) g.obj()->clearRefs();
    garbage.clear();

    ++m_collections;
    m_survivors = survivors;
    m_young = 0;
    updateThreshold();
    m_collecting = false;
    return found;
}

}  // namespace taskscope::core::lang
