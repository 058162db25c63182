#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/trace/trace_state.h"

namespace taskscope::core {

// A growable array in fixed pages that copies share: copying it copies the page table only,
// and a page is copied when it is written while another copy still holds it (copy on write).
// The trace's stored states are such copies of its live state, so a stored state costs its
// page table plus the pages written since the one before, never a whole copy of every thread
// and process (which made memory grow as processes x stored states).
template <typename T>
class CowArray {
public:
    static constexpr std::size_t kPageBits = 6;
    static constexpr std::size_t kPageSize = std::size_t{1} << kPageBits;
    struct Page {
        std::array<T, kPageSize> items{};
        std::uint32_t refs = 1;  // the arrays holding it (the trace is not shared by threads)
    };

    CowArray() = default;
    CowArray(const CowArray& o) : m_pages(o.m_pages), m_size(o.m_size) {
        for (Page* p : m_pages) ++p->refs;
    }
    CowArray& operator=(const CowArray& o) {
        if (this != &o) {
            CowArray copy(o);
            swap(copy);
        }
        return *this;
    }
    CowArray(CowArray&& o) noexcept { swap(o); }
    CowArray& operator=(CowArray&& o) noexcept {
        if (this != &o) {
            CowArray moved(std::move(o));
            swap(moved);
        }
        return *this;
    }
    ~CowArray() {
        for (Page* p : m_pages)
            if (--p->refs == 0) delete p;
    }

    std::size_t size() const { return m_size; }

    // Entry i for writing, growing the array to i + 1 (new entries are T{}) as
    // std::vector::resize would. Adds the bytes of pages copied because another copy held
    // them to `copied`, and of every page made (added or copied) to `made`.
    T& at(std::uint32_t i, std::size_t& copied, std::size_t& made) {
        if (i >= m_size) grow(i + std::size_t{1}, made);
        Page*& page = m_pages[i >> kPageBits];
        if (page->refs > 1) {
            --page->refs;
            page = new Page{page->items, 1};
            copied += sizeof(Page);
            made += sizeof(Page);
        }
        return page->items[i & (kPageSize - 1)];
    }

    // The entries as a plain vector (what TraceState holds).
    void copyTo(std::vector<T>& out) const {
        out.resize(m_size);
        for (std::size_t p = 0; p * kPageSize < m_size; ++p) {
            const std::size_t n = std::min(kPageSize, m_size - p * kPageSize);
            std::copy_n(m_pages[p]->items.begin(), n,
                        out.begin() + static_cast<std::ptrdiff_t>(p * kPageSize));
        }
    }

    std::size_t tableBytes() const { return m_pages.capacity() * sizeof(Page*); }

private:
    void swap(CowArray& o) noexcept {
        m_pages.swap(o.m_pages);
        std::swap(m_size, o.m_size);
    }
    void grow(std::size_t n, std::size_t& made) {
        while (m_pages.size() * kPageSize < n) {
            m_pages.push_back(new Page);
            made += sizeof(Page);
        }
        m_size = n;
    }

    std::vector<Page*> m_pages;
    std::size_t m_size = 0;
};

// The state after the first `applied` records, in the form the trace stores it (see
// CowArray). applyRecord() updates it; toState() gives the TraceState the views read.
struct StoredState {
    SimTime time = 0;
    std::size_t applied = 0;
    std::uint32_t deadlocks = 0;
    std::vector<TraceState::Core> cores;  // a few: copied whole
    CowArray<TraceState::Thread> threads;
    CowArray<TraceState::Process> processes;
    CowArray<TraceState::Object> objects;
    std::size_t copied = 0;  // bytes of shared pages copied since this counter was reset
    std::size_t made = 0;    // bytes of every page made (added or copied)

    TraceState::Thread& thread(std::uint32_t i) { return threads.at(i, copied, made); }
    TraceState::Process& process(std::uint32_t i) { return processes.at(i, copied, made); }
    TraceState::Object& object(std::uint32_t i) { return objects.at(i, copied, made); }
    TraceState::Core& core(std::uint32_t i) {
        if (i >= cores.size()) cores.resize(i + std::size_t{1});
        return cores[i];
    }

    void apply(const Record& r) { applyRecord(*this, r); }
    // Writes the state into `out`, reusing its memory.
    void toState(TraceState& out) const {
        out.time = time;
        out.applied = applied;
        out.deadlocks = deadlocks;
        out.cores = cores;
        threads.copyTo(out.threads);
        processes.copyTo(out.processes);
        objects.copyTo(out.objects);
    }
    // Bytes of this copy that are its own: the page tables and the cores (pages are counted
    // once, where they are made).
    std::size_t tableBytes() const {
        return sizeof(StoredState) + cores.capacity() * sizeof(TraceState::Core) +
               threads.tableBytes() + processes.tableBytes() + objects.tableBytes();
    }
};

extern template void applyRecord<StoredState>(StoredState&, const Record&);

}  // namespace taskscope::core
