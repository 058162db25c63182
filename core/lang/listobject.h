#pragma once

#include <vector>

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class ListObject final : public GcObject {
public:
    ListObject() : GcObject(ObjKind::List) {}
    explicit ListObject(std::vector<Value> items)
        : GcObject(ObjKind::List), m_items(std::move(items)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override {
        for (const Value& v : m_items) visit(v);
    }
    void clearRefs() override { std::vector<Value>().swap(m_items); }

    std::vector<Value>& items() noexcept { return m_items; }
    const std::vector<Value>& items() const noexcept { return m_items; }
    int64_t size() const noexcept { return static_cast<int64_t>(m_items.size()); }

private:
    std::vector<Value> m_items;
};

class TupleObject final : public GcObject {
public:
    TupleObject() : GcObject(ObjKind::Tuple) {}
    explicit TupleObject(std::vector<Value> items)
        : GcObject(ObjKind::Tuple), m_items(std::move(items)) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override {
        for (const Value& v : m_items) visit(v);
    }
    void clearRefs() override { std::vector<Value>().swap(m_items); }

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
