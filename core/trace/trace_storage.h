#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace taskscope::core {

// An append-only column in chunks that double in size (1024, 2048, 4096, ... entries):
// appending never moves what is stored (no copy of the whole log when a vector grows, and no
// moment holding the old and the new block at once), the unused tail of the last chunk is
// never touched (so not resident), and entry i is found with one bit scan.
template <typename T>
class ChunkedColumn {
public:
    static constexpr unsigned kFirstBits = 10;

    ChunkedColumn() = default;
    ChunkedColumn(const ChunkedColumn& o) { *this = o; }
    ChunkedColumn& operator=(const ChunkedColumn& o) {
        if (this == &o) return *this;
        clear();
        for (std::size_t i = 0; i < o.m_size; ++i) push_back(o[i]);
        return *this;
    }
    ChunkedColumn(ChunkedColumn&&) noexcept = default;
    ChunkedColumn& operator=(ChunkedColumn&&) noexcept = default;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    void push_back(const T& v) {
        if (m_pos == m_cap) nextChunk();
        m_cur[m_pos++] = v;
        ++m_size;
    }

    const T& operator[](std::size_t i) const {
        const std::size_t j = (i >> kFirstBits) + 1;
        const unsigned c = static_cast<unsigned>(std::bit_width(j)) - 1;
        return m_chunks[c][i -
                           ((std::size_t{1} << (c + kFirstBits)) - (std::size_t{1} << kFirstBits))];
    }
    const T& back() const { return (*this)[m_size - 1]; }

    // Forgets the entries, keeps the chunks for the next run.
    void clear() {
        m_size = 0;
        m_chunk = 0;
        m_pos = 0;
        m_cap = 0;
        m_cur = nullptr;
    }
    // Bytes written (the resident part of the chunks) plus the chunk table.
    std::size_t usedBytes() const {
        return m_size * sizeof(T) + m_chunks.capacity() * sizeof(std::unique_ptr<T[]>);
    }

private:
    static std::size_t chunkSize(std::size_t c) { return std::size_t{1} << (c + kFirstBits); }
    void nextChunk() {
        const std::size_t c = m_cur ? m_chunk + 1 : 0;
        if (c == m_chunks.size())
            m_chunks.push_back(std::make_unique_for_overwrite<T[]>(chunkSize(c)));
        m_chunk = c;
        m_cur = m_chunks[c].get();
        m_pos = 0;
        m_cap = chunkSize(c);
    }

    std::vector<std::unique_ptr<T[]>> m_chunks;
    std::size_t m_size = 0;
    std::size_t m_chunk = 0;  // the chunk being filled
    std::size_t m_pos = 0;    // entries used in it
    std::size_t m_cap = 0;    // its size (0: none yet)
    T* m_cur = nullptr;
};

// The time column: each record's time as 32 bits after the time of the first record of its
// block of 256 (4 bytes a record instead of 8). A record more than 4.29 s after the start of
// its block (a long idle stretch) keeps its full time aside.
class TimeColumn {
public:
    static constexpr unsigned kBlockBits = 8;

    std::size_t size() const { return m_delta.size(); }
    bool empty() const { return m_delta.empty(); }

    void push_back(std::int64_t t) {
        const std::size_t i = m_delta.size();
        if ((i & ((std::size_t{1} << kBlockBits) - 1)) == 0) m_base.push_back(t);
        const std::int64_t d = t - m_base.back();
        if (d >= 0 && d < kFar) {
            m_delta.push_back(static_cast<std::uint32_t>(d));
        } else {
            m_delta.push_back(kFar);
            m_far.push_back({i, t});
        }
    }

    std::int64_t operator[](std::size_t i) const {
        const std::uint32_t d = m_delta[i];
        if (d != kFar) [[likely]]
            return m_base[i >> kBlockBits] + d;
        return std::lower_bound(m_far.begin(), m_far.end(), i,
                                [](const Far& f, std::size_t k) { return f.index < k; })
            ->time;
    }
    std::int64_t back() const { return (*this)[size() - 1]; }

    void clear() {
        m_delta.clear();
        m_base.clear();
        m_far.clear();
    }
    std::size_t usedBytes() const {
        return m_delta.usedBytes() + m_base.capacity() * sizeof(std::int64_t) +
               m_far.capacity() * sizeof(Far);
    }

private:
    static constexpr std::uint32_t kFar = UINT32_MAX;
    struct Far {
        std::size_t index;
        std::int64_t time;
    };
    ChunkedColumn<std::uint32_t> m_delta;
    std::vector<std::int64_t> m_base;  // per block of 256 records
    std::vector<Far> m_far;            // in index order
};

// The record indexes of one lane (a core, a thread or a GIL), in time order. Up to four sit in
// the lane itself (most threads of a large workload have no more: created, ready, running,
// terminated), more on the heap: 20 bytes per lane instead of a vector and its allocation.
class LaneIndex {
public:
    static constexpr std::uint32_t kInline = 4;

    LaneIndex() = default;
    LaneIndex(const LaneIndex& o) { assign(o.view()); }
    LaneIndex& operator=(const LaneIndex& o) {
        if (this != &o) {
            LaneIndex copy(o);
            *this = std::move(copy);
        }
        return *this;
    }
    LaneIndex(LaneIndex&& o) noexcept { steal(o); }
    LaneIndex& operator=(LaneIndex&& o) noexcept {
        if (this != &o) {
            release();
            steal(o);
        }
        return *this;
    }
    ~LaneIndex() { release(); }

    std::uint32_t size() const { return m_size; }
    std::span<const std::uint32_t> view() const { return {data(), m_size}; }

    void push_back(std::uint32_t v) {
        if (m_size < kInline) {
            m_w[m_size++] = v;
            return;
        }
        if (m_size == kInline || m_size == capacity()) {
            const std::uint32_t cap = m_size == kInline ? 2 * kInline : 2 * capacity();
            auto* grown = new std::uint32_t[cap];
            std::memcpy(grown, data(), m_size * sizeof(std::uint32_t));
            if (m_size > kInline) delete[] heap();
            setHeap(grown, cap);
        }
        heap()[m_size++] = v;
    }
    void clear() {
        release();
        m_size = 0;
    }
    std::size_t heapBytes() const {
        return m_size > kInline ? capacity() * sizeof(std::uint32_t) : 0;
    }

private:
    // On the heap (m_size > kInline): m_w[0..1] hold the pointer, m_w[2] the capacity.
    std::uint32_t* heap() const {
        std::uint32_t* p = nullptr;
        std::memcpy(&p, m_w, sizeof p);
        return p;
    }
    std::uint32_t capacity() const { return m_w[2]; }
    void setHeap(std::uint32_t* p, std::uint32_t cap) {
        std::memcpy(m_w, &p, sizeof p);
        m_w[2] = cap;
    }
    const std::uint32_t* data() const { return m_size > kInline ? heap() : m_w; }
    void release() {
        if (m_size > kInline) delete[] heap();
    }
    void assign(std::span<const std::uint32_t> v) {
        m_size = 0;
        for (std::uint32_t x : v) push_back(x);
    }
    void steal(LaneIndex& o) {
        m_size = o.m_size;
        std::memcpy(m_w, o.m_w, sizeof m_w);
        o.m_size = 0;
    }

    std::uint32_t m_size = 0;
    std::uint32_t m_w[kInline]{};
};
static_assert(sizeof(LaneIndex) == 20);

}  // namespace taskscope::core
