#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "core/util/strong_id.h"
#include "core/util/time.h"

namespace taskscope::core {

enum class ObjectKind : std::uint8_t {
    Lock,   // threading.Lock / multiprocessing.Lock (holder tracked for the views)
    RLock,  // re-entrant: owner + count
    Semaphore,
    BoundedSemaphore,
    Event,
    Condition,  // waits on `lock`
    Barrier,
    Queue,  // bounded FIFO of item tokens
    Join,   // completion of `target` (Thread.join / Process.join)
    Value,  // shared memory (multiprocessing.Value, a global): `count` is the value
};

std::string_view toString(ObjectKind k);

// What a thread is doing at an object, for the views and the trace.
enum class SyncOp : std::uint8_t {
    Create,
    Request,   // asked (acquire, get, put, wait, join) and must wait
    Acquired,  // got the lock / semaphore / item / event
    Release,
    Timeout,
    Put,
    Get,
    Set,
    Clear,
    Notify,
    BarrierPass,
    Broken,
    Load,        // read a shared value
    Store,       // wrote a shared value
    LostUpdate,  // wrote over another thread's write made since its own read
};

std::string_view toString(SyncOp op);

struct Waiter {
    ThreadId thread;
    std::uint64_t arg = 0;    // put: the item token; condition: saved RLock count
    bool reacquire = false;   // condition: now waiting to take the lock back
    std::uint8_t result = 0;  // condition re-acquire: the WakeResult to deliver
};

// A thread between its read of a shared value and its write (a read-modify-write).
struct PendingRead {
    ThreadId thread;
    std::uint64_t version = 0;
    std::int64_t value = 0;
    SimTime at = 0;
    int line = 0;
};

// One synchronisation object of the simulated kernel. Plain data; the Machine keeps the
// invariants. Queues hold opaque item tokens: the runtime keeps the items themselves.
struct KernelObject {
    ObjectId id;
    ObjectKind kind = ObjectKind::Lock;
    std::string name;
    ThreadId holder;         // Lock/RLock owner; invalid when free
    std::int64_t count = 0;  // RLock depth; Semaphore value; Barrier arrivals
    std::int64_t limit = 0;  // BoundedSemaphore bound; Queue capacity (<= 0: none); Barrier parties
    bool flag = false;       // Event set; Barrier broken
    ObjectId lock;           // Condition: its lock
    ThreadId target;         // Join: the thread waited for
    std::uint64_t generation = 0;
    std::deque<std::uint64_t> items;  // Queue
    std::int64_t unfinished = 0;      // JoinableQueue tasks not yet done
    std::deque<Waiter> waiters;       // FIFO
    std::deque<Waiter> putters;       // Queue: blocked put()s with their items
    std::deque<Waiter> joiners;       // JoinableQueue.join()
    std::vector<PendingRead> reads;   // Value: open read-modify-writes
    ThreadId lastWriter;              // Value
    SimTime lastWrite = 0;

    // Statistics.
    std::uint64_t acquisitions = 0;
    std::uint64_t contended = 0;
    SimTime totalWait = 0;
    std::size_t highWater = 0;
    std::uint64_t lostUpdates = 0;
};

}  // namespace taskscope::core
