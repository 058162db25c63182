#pragma once

#include <memory>

namespace taskscope::core {

// Owning pointer with value semantics: copying clones the pointee through T::clone().
// It lets polymorphic parts (programs, scheduling policies) live inside the copyable Machine.
template <typename T>
class ClonePtr {
public:
    ClonePtr() = default;
    ClonePtr(std::unique_ptr<T> p) : m_ptr(std::move(p)) {}
    ClonePtr(const ClonePtr& other) : m_ptr(other.m_ptr ? other.m_ptr->clone() : nullptr) {}
    ClonePtr(ClonePtr&&) noexcept = default;
    ClonePtr& operator=(const ClonePtr& other) {
        if (this != &other) m_ptr = other.m_ptr ? other.m_ptr->clone() : nullptr;
        return *this;
    }
    ClonePtr& operator=(ClonePtr&&) noexcept = default;

    T* get() const { return m_ptr.get(); }
    T* operator->() const { return m_ptr.get(); }
    T& operator*() const { return *m_ptr; }
    explicit operator bool() const { return static_cast<bool>(m_ptr); }

private:
    std::unique_ptr<T> m_ptr;
};

}  // namespace taskscope::core
