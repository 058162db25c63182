#pragma once
// Builtin iterators (list_iterator, range_iterator, enumerate, zip, map, ...) share one kind;
// each concrete iterator implements next().

#include <vector>

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class VmThread;

// Each concrete iterator traverses and clears the references it holds.
class IteratorObject : public GcObject {
public:
    IteratorObject() : GcObject(ObjKind::Iterator) {}
    TypeObject* type() const override;
    // The next item, or null when exhausted. Errors throw PyException.
    virtual Value next(VmThread& t) = 0;
    virtual const char* typeName() const = 0;
};

// Iterator factories (defined in iterobject.cpp).
Value makeSequenceIterator(Value seq);  // list, tuple, str, range, dict(keys), set, dict views
Value makeReversedIterator(VmThread& t, Value seq);
Value makeEnumerate(Value it, Value start);
Value makeZip(std::vector<Value> iterators, bool strict);
Value makeMap(Value fn, std::vector<Value> iterators);
Value makeFilter(Value fn, Value it);
Value makeCallIterator(Value callable, Value sentinel);  // iter(callable, sentinel)

}  // namespace taskscope::core::lang

namespace taskscope::core::lang {

// dict.keys()/values()/items(): live views over a dict.
class DictViewObject final : public GcObject {
public:
    DictViewObject(Value dict, int which)
        : GcObject(ObjKind::DictView), m_dict(std::move(dict)), m_which(which) {}
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    void traverse(GcVisitor& visit) const override { visit(m_dict); }
    void clearRefs() override { m_dict = Value(); }
    const Value& dict() const { return m_dict; }
    int which() const { return m_which; }  // 0 keys, 1 values, 2 items

private:
    Value m_dict;
    int m_which;
};

}  // namespace taskscope::core::lang
