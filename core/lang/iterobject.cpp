#include "core/lang/iterobject.h"

#include <algorithm>

#include "core/lang/copymemo.h"
#include "core/lang/internal.h"

namespace taskscope::core::lang {

TypeObject* IteratorObject::type() const {
    return builtinTypes().iterator;
}
TypeObject* DictViewObject::type() const {
    return m_which == 0   ? builtinTypes().dictKeys
           : m_which == 1 ? builtinTypes().dictValues
                          : builtinTypes().dictItems;
}
Value DictViewObject::deepCopy(CopyMemo& memo) const {
    Value r = make<DictViewObject>(lang::deepCopy(m_dict, memo), m_which);
    memo.remember(this, r);
    return r;
}
Value makeDictView(ObjKind, Value dict, int which) {
    return make<DictViewObject>(std::move(dict), which);
}

namespace {

class ListIter final : public IteratorObject {
public:
    explicit ListIter(Value seq, bool tuple) : m_seq(std::move(seq)), m_tuple(tuple) {}
    Value next(VmThread&) override {
        if (m_seq.isNull()) return Value();
        const auto& items =
            m_tuple ? m_seq.as<TupleObject>()->items() : m_seq.as<ListObject>()->items();
        if (m_index < items.size()) return items[m_index++];
        m_seq = Value();
        return Value();
    }
    const char* typeName() const override { return m_tuple ? "tuple_iterator" : "list_iterator"; }
    Value deepCopy(CopyMemo& memo) const override {
        auto* c = new ListIter(lang::deepCopy(m_seq, memo), m_tuple);
        c->m_index = m_index;
        Value r(c);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visit(m_seq); }
    void clearRefs() override { m_seq = Value(); }

private:
    Value m_seq;
    bool m_tuple;
    std::size_t m_index = 0;
};

class StrIter final : public IteratorObject {
public:
    explicit StrIter(Value s) : m_str(std::move(s)) {}
    Value next(VmThread&) override {
        const std::string& s = strOfValue(m_str);
        if (m_pos >= s.size()) return Value();
        std::size_t start = m_pos;
        decodeUtf8(s, m_pos);
        return make<StrObject>(s.substr(start, m_pos - start), 1);
    }
    const char* typeName() const override { return "str_ascii_iterator"; }
    Value deepCopy(CopyMemo& memo) const override {
        auto* c = new StrIter(m_str);
        c->m_pos = m_pos;
        Value r(c);
        memo.remember(this, r);
        return r;
    }

private:
    Value m_str;
    std::size_t m_pos = 0;
};

class RangeIter final : public IteratorObject {
public:
    RangeIter(int64_t next, int64_t step, int64_t remaining)
        : m_next(next), m_step(step), m_remaining(remaining) {}
    Value next(VmThread&) override {
        if (m_remaining <= 0) return Value();
        int64_t v = m_next;
        m_next += m_step;
        --m_remaining;
        return intFrom(v);
    }
    const char* typeName() const override { return "range_iterator"; }
    Value deepCopy(CopyMemo& memo) const override {
        Value r = make<RangeIter>(m_next, m_step, m_remaining);
        memo.remember(this, r);
        return r;
    }

private:
    int64_t m_next, m_step, m_remaining;
};

class DictIter final : public IteratorObject {
public:
    DictIter(Value dict, int which) : m_dict(std::move(dict)), m_which(which) {
        m_size = m_dict.as<DictObject>()->size();
    }
    Value next(VmThread&) override {
        if (m_dict.isNull()) return Value();
        auto* d = m_dict.as<DictObject>();
        if (d->size() != m_size) {
            m_size = -1;
            throwPy(builtinTypes().RuntimeError, "dictionary changed size during iteration");
        }
        const auto& entries = d->entries();
        while (m_index < entries.size() && entries[m_index].key.isNull()) ++m_index;
        if (m_index >= entries.size()) {
            m_dict = Value();
            return Value();
        }
        const auto& e = entries[m_index++];
        if (m_which == 0) return e.key;
        if (m_which == 1) return e.value;
        return makeTuple({e.key, e.value});
    }
    const char* typeName() const override {
        return m_which == 0   ? "dict_keyiterator"
               : m_which == 1 ? "dict_valueiterator"
                              : "dict_itemiterator";
    }
    Value deepCopy(CopyMemo& memo) const override {
        auto* c =
            new DictIter(lang::deepCopy(m_dict.isNull() ? makeDict() : m_dict, memo), m_which);
        c->m_index = m_index;
        c->m_size = m_size;
        Value r(c);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visit(m_dict); }
    void clearRefs() override { m_dict = Value(); }

private:
    Value m_dict;
    int m_which;
    std::size_t m_index = 0;
    int64_t m_size;
};

class SetIter final : public IteratorObject {
public:
    explicit SetIter(Value set) : m_set(std::move(set)) { m_size = m_set.as<SetObject>()->size(); }
    Value next(VmThread&) override {
        if (m_set.isNull()) return Value();
        auto* s = m_set.as<SetObject>();
        if (s->size() != m_size)
            throwPy(builtinTypes().RuntimeError, "Set changed size during iteration");
        const auto& slots = s->slots();
        while (m_index < slots.size() && slots[m_index].key.isNull()) ++m_index;
        if (m_index >= slots.size()) {
            m_set = Value();
            return Value();
        }
        return slots[m_index++].key;
    }
    const char* typeName() const override { return "set_iterator"; }
    Value deepCopy(CopyMemo& memo) const override {
        auto* c = new SetIter(lang::deepCopy(m_set.isNull() ? makeSet() : m_set, memo));
        c->m_index = m_index;
        Value r(c);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visit(m_set); }
    void clearRefs() override { m_set = Value(); }

private:
    Value m_set;
    std::size_t m_index = 0;
    int64_t m_size;
};

// Reversed iteration by index over a list/tuple/str/range or a __len__/__getitem__ object.
class ReversedIter final : public IteratorObject {
public:
    ReversedIter(Value seq, int64_t index) : m_seq(std::move(seq)), m_index(index) {}
    Value next(VmThread& t) override {
        if (m_index < 0 || m_seq.isNull()) return Value();
        if (m_seq.isKind(ObjKind::List)) {
            const auto& items = m_seq.as<ListObject>()->items();
            if (m_index >= static_cast<int64_t>(items.size())) {
                m_index = -1;
                return Value();
            }
        }
        Value v = getItem(t, m_seq, intFrom(m_index));
        --m_index;
        return v;
    }
    const char* typeName() const override { return "reversed"; }
    Value deepCopy(CopyMemo& memo) const override {
        Value r = make<ReversedIter>(lang::deepCopy(m_seq, memo), m_index);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visit(m_seq); }
    void clearRefs() override { m_seq = Value(); }

private:
    Value m_seq;
    int64_t m_index;
};

class EnumerateIter final : public IteratorObject {
public:
    EnumerateIter(Value it, Value start) : m_it(std::move(it)), m_count(std::move(start)) {}
    Value next(VmThread& t) override {
        Value v = iterNext(t, m_it);
        if (!v) return Value();
        Value idx = m_count;
        m_count = intAdd(m_count, Value::smallInt(1));
        return makeTuple({idx, v});
    }
    const char* typeName() const override { return "enumerate"; }
    Value deepCopy(CopyMemo& memo) const override {
        Value r = make<EnumerateIter>(lang::deepCopy(m_it, memo), m_count);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visitValues(visit, m_it, m_count); }
    void clearRefs() override { clearValues(m_it, m_count); }

private:
    Value m_it;
    Value m_count;
};

class ZipIter final : public IteratorObject {
public:
    ZipIter(std::vector<Value> its, bool strict) : m_its(std::move(its)), m_strict(strict) {}
    Value next(VmThread& t) override {
        if (m_its.empty() || m_done) return Value();
        std::vector<Value> items;
        for (std::size_t i = 0; i < m_its.size(); ++i) {
            Value v = iterNext(t, m_its[i]);
            if (!v) {
                m_done = true;
                if (m_strict) {
                    if (i > 0)
                        valueError("zip() argument " + std::to_string(i + 1) +
                                   " is shorter than argument 1");
                    for (std::size_t j = 1; j < m_its.size(); ++j) {
                        if (iterNext(t, m_its[j])) {
                            valueError("zip() argument " + std::to_string(j + 1) +
                                       " is longer than argument 1");
                        }
                    }
                }
                return Value();
            }
            items.push_back(std::move(v));
        }
        return makeTuple(std::move(items));
    }
    const char* typeName() const override { return "zip"; }
    Value deepCopy(CopyMemo& memo) const override {
        std::vector<Value> its;
        for (const auto& i : m_its) its.push_back(lang::deepCopy(i, memo));
        auto* c = new ZipIter(std::move(its), m_strict);
        c->m_done = m_done;
        Value r(c);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override {
        for (const Value& i : m_its) visit(i);
    }
    void clearRefs() override { std::vector<Value>().swap(m_its); }

private:
    std::vector<Value> m_its;
    bool m_strict;
    bool m_done = false;
};

class MapIter final : public IteratorObject {
public:
    MapIter(Value fn, std::vector<Value> its) : m_fn(std::move(fn)), m_its(std::move(its)) {}
    Value next(VmThread& t) override {
        std::vector<Value> args;
        for (auto& it : m_its) {
            Value v = iterNext(t, it);
            if (!v) return Value();
            args.push_back(std::move(v));
        }
        return t.callNested(m_fn, args);
    }
    const char* typeName() const override { return "map"; }
    Value deepCopy(CopyMemo& memo) const override {
        std::vector<Value> its;
        for (const auto& i : m_its) its.push_back(lang::deepCopy(i, memo));
        Value r = make<MapIter>(lang::deepCopy(m_fn, memo), std::move(its));
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override {
        visit(m_fn);
        for (const Value& i : m_its) visit(i);
    }
    void clearRefs() override {
        m_fn = Value();
        std::vector<Value>().swap(m_its);
    }

private:
    Value m_fn;
    std::vector<Value> m_its;
};

class FilterIter final : public IteratorObject {
public:
    FilterIter(Value fn, Value it) : m_fn(std::move(fn)), m_it(std::move(it)) {}
    Value next(VmThread& t) override {
        for (;;) {
            Value v = iterNext(t, m_it);
            if (!v) return Value();
            bool keep = m_fn.isNone() ? truthy(t, v) : truthy(t, t.call(m_fn, {v}));
            if (keep) return v;
        }
    }
    const char* typeName() const override { return "filter"; }
    Value deepCopy(CopyMemo& memo) const override {
        Value r = make<FilterIter>(lang::deepCopy(m_fn, memo), lang::deepCopy(m_it, memo));
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visitValues(visit, m_fn, m_it); }
    void clearRefs() override { clearValues(m_fn, m_it); }

private:
    Value m_fn;
    Value m_it;
};

// iter(callable, sentinel), or the old __getitem__ protocol when sentinel is null.
class CallIter final : public IteratorObject {
public:
    CallIter(Value callable, Value sentinel)
        : m_callable(std::move(callable)), m_sentinel(std::move(sentinel)) {}
    Value next(VmThread& t) override {
        if (m_done) return Value();
        if (m_sentinel.isNull()) {
            try {
                return getItem(t, m_callable, intFrom(m_index++));
            } catch (PyException& e) {
                if (typeOf(e.exception)->isSubtypeOf(builtinTypes().IndexError) ||
                    typeOf(e.exception)->isSubtypeOf(builtinTypes().StopIteration)) {
                    m_done = true;
                    return Value();
                }
                throw;
            }
        }
        Value v = t.call(m_callable, {});
        if (equals(t, v, m_sentinel)) {
            m_done = true;
            return Value();
        }
        return v;
    }
    const char* typeName() const override {
        return m_sentinel.isNull() ? "iterator" : "callable_iterator";
    }
    Value deepCopy(CopyMemo& memo) const override {
        auto* c = new CallIter(lang::deepCopy(m_callable, memo), lang::deepCopy(m_sentinel, memo));
        c->m_index = m_index;
        c->m_done = m_done;
        Value r(c);
        memo.remember(this, r);
        return r;
    }

    void traverse(GcVisitor& visit) const override { visitValues(visit, m_callable, m_sentinel); }
    void clearRefs() override { clearValues(m_callable, m_sentinel); }

private:
    Value m_callable;
    Value m_sentinel;
    int64_t m_index = 0;
    bool m_done = false;
};

}  // namespace

Value makeSequenceIterator(Value seq) {
    switch (seq.kind()) {
        case ObjKind::List:
            return make<ListIter>(std::move(seq), false);
        case ObjKind::Tuple:
            return make<ListIter>(std::move(seq), true);
        case ObjKind::Str:
            return make<StrIter>(std::move(seq));
        case ObjKind::Range: {
            const auto* r = seq.as<RangeObject>();
            return make<RangeIter>(r->start(), r->step(), r->length());
        }
        case ObjKind::Dict:
            return make<DictIter>(std::move(seq), 0);
        case ObjKind::DictView: {
            const auto* v = seq.as<DictViewObject>();
            return make<DictIter>(v->dict(), v->which());
        }
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return make<SetIter>(std::move(seq));
        default:
            return Value();
    }
}

Value makeReversedIterator(VmThread& t, Value seq) {
    if (seq.isKind(ObjKind::Range)) {
        const auto* r = seq.as<RangeObject>();
        int64_t n = r->length();
        return make<RangeIter>(r->start() + (n - 1) * r->step(), -r->step(), n);
    }
    if (seq.isKind(ObjKind::Dict)) {
        std::vector<Value> keys;
        for (const auto& e : seq.as<DictObject>()->entries()) {
            if (!e.key.isNull()) keys.push_back(e.key);
        }
        std::reverse(keys.begin(), keys.end());
        return make<ListIter>(makeList(std::move(keys)), false);
    }
    if (isInstanceLike(seq)) {
        Value r = callSpecial(t, seq, "__reversed__", {});
        if (r) return r;
        if (!lookupSpecial(seq, "__getitem__"))
            typeError("'" + typeName(seq) + "' object is not reversible");
    } else if (!seq.isKind(ObjKind::List) && !seq.isKind(ObjKind::Tuple) &&
               !seq.isKind(ObjKind::Str)) {
        typeError("'" + typeName(seq) + "' object is not reversible");
    }
    return make<ReversedIter>(seq, length(t, seq) - 1);
}

Value makeEnumerate(Value it, Value start) {
    return make<EnumerateIter>(std::move(it), std::move(start));
}
Value makeZip(std::vector<Value> iterators, bool strict) {
    return make<ZipIter>(std::move(iterators), strict);
}
Value makeMap(Value fn, std::vector<Value> iterators) {
    return make<MapIter>(std::move(fn), std::move(iterators));
}
Value makeFilter(Value fn, Value it) {
    return make<FilterIter>(std::move(fn), std::move(it));
}
Value makeCallIterator(Value callable, Value sentinel) {
    return make<CallIter>(std::move(callable), std::move(sentinel));
}

}  // namespace taskscope::core::lang
