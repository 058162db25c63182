#pragma once
// The cycle collector of one interpreter (CPython's gc module, one generation). Reference
// counting frees most objects; the heap finds and frees the reference cycles it cannot.
//
// Tracking. Every container object (GcObject: list, dict, function, instance, ...) links
// itself at construction into the heap that is *current on this OS thread* (CPython finds
// its GC state through the thread state's interpreter the same way), and unlinks itself in
// its destructor; unlinking needs no heap pointer (an intrusive list with a sentinel).
// GcHeap::Scope makes an interpreter's heap current wherever its code runs or builds
// objects: VmThread::run and its other entry points, Interpreter construction, compile,
// fork (the child's heap while copying), imports, teardown, and the runtime's entries.
// An object created with no current heap stays untracked: never collected, never a crash.
// Immortal builtins (shared by every interpreter) are never tracked.
//
// Invariant (what makes this safe with several interpreters and OS threads): an object is
// only touched -- reference count, links, collector flags -- by the OS thread running the
// interpreters of its machine, one at a time. Objects shared by all interpreters are
// immortal and untracked; objects shared between the interpreters of one machine (shared
// host modules, values sent between processes) are tracked in one of them and only seen
// as outside references by the others. So a heap's list and its objects' flags are only
// written by the thread currently running its interpreter, and a collection never writes
// to an object of another heap. A heap being destroyed untracks whatever is left in it.
//
// Collection (CPython's algorithm, gcmodule.c): every tracked object's count minus the
// references other tracked objects hold (found with traverse()) is what the outside world
// holds; objects with outside references and all they reach are alive; the rest is
// garbage, whose clearRefs() breaks the cycles. It runs when the net number of tracked
// allocations since the last collection reaches max(700, survivors of the last one), so
// its cost is amortised O(live); at VM safe points only (function entry, backward jumps,
// returns from natives), by gc.collect(), and at interpreter teardown. It charges no
// simulated time and runs no Python code (the VM has no __del__), so it cannot change a
// program's output or its trace.

#include <cstddef>
#include <cstdint>

namespace taskscope::core::lang {

class GcObject;

// The links of a tracked object (and the heap's sentinel).
struct GcLink {
    GcLink* m_gcPrev = nullptr;
    GcLink* m_gcNext = nullptr;
};

class GcHeap {
public:
    // CPython's generation-0 threshold: the least number of net new containers between
    // two automatic collections.
    static constexpr int64_t kMinThreshold = 700;

    GcHeap() noexcept;
    ~GcHeap();
    GcHeap(const GcHeap&) = delete;
    GcHeap& operator=(const GcHeap&) = delete;

    // Makes `heap` (possibly null: track nothing) current on this thread for its lifetime.
    class Scope {
    public:
        explicit Scope(GcHeap* heap) noexcept : m_saved(s_current) { s_current = heap; }
        explicit Scope(GcHeap& heap) noexcept : Scope(&heap) {}
        ~Scope() { s_current = m_saved; }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        GcHeap* m_saved;
    };

    static GcHeap* current() noexcept { return s_current; }

    // Full collection: frees unreachable cycles; returns how many unreachable objects it
    // found, counted as CPython 3.11 counts them (see gcheap.cpp).
    std::size_t collect();
    // An automatic collection is due (checked by the VM at its safe points).
    bool collectionDue() const noexcept { return m_young >= m_threshold; }
    void collectIfDue() {
        if (collectionDue()) collect();
    }

    // gc.enable()/gc.disable(): automatic collections only; collect() always works.
    void setEnabled(bool on) noexcept;
    bool enabled() const noexcept { return m_enabled; }

    // Statistics (tests, gc module): tracked objects now (walks the list), collections run.
    std::size_t trackedCount() const noexcept;
    uint64_t collections() const noexcept { return m_collections; }
    int64_t young() const noexcept { return m_young; }

    // Links a new container (called by GcObject's constructor); see gcobject.h.
    inline void track(GcObject* o) noexcept;
    // A tracked object died while this heap was current (CPython decrements the current
    // interpreter's generation-0 count the same way).
    void noteDeath() noexcept {
        if (m_young > 0) --m_young;
    }

private:
    void updateThreshold() noexcept;

    static inline thread_local constinit GcHeap* s_current = nullptr;

    GcLink m_head;            // sentinel of the circular list of tracked objects
    int64_t m_young = 0;      // net tracked allocations since the last collection
    int64_t m_threshold = 0;  // m_young that triggers the next automatic collection
    std::size_t m_survivors = 0;
    uint64_t m_collections = 0;
    bool m_enabled = true;
    bool m_collecting = false;
};

}  // namespace taskscope::core::lang
