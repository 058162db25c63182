#pragma once

#include <vector>

#include "core/lang/object.h"

namespace taskscope::core::lang {

class ListObject final : public Object {
public:
    ListObject() : Object(ObjKind::List) {}
    explicit ListObject(std::vector<Value> items)
        : Object(ObjKind::List), m_items(std::move(items)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void clearRefs() override { m_items.clear(); }

    std::vector<Value>& items() noexcept { return m_items; }
    const std::vector<Value>& items() const noexcept { return m_items; }
    int64_t size() const noexcept { return static_cast<int64_t>(m_items.size()); }

private:
    std::vector<Value> m_items;
};

class TupleObject final : public Object {
public:
    TupleObject() : Object(ObjKind::Tuple) {}
    explicit TupleObject(std::vector<Value> items)
        : Object(ObjKind::Tuple), m_items(std::move(items)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void clearRefs() override { m_items.clear(); }

    const std::vector<Value>& items() const noexcept { return m_items; }
    std::vector<Value>& mutableItems() noexcept { return m_items; }  // only while building
    int64_t size() const noexcept { return static_cast<int64_t>(m_items.size()); }

private:
    std::vector<Value> m_items;
};

Value makeList(std::vector<Value> items = {});
Value makeTuple(std::vector<Value> items = {});
Value emptyTuple();

}  // namespace taskscope::core::lang
