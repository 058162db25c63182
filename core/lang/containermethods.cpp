// Methods of list, tuple, dict and set.
#include <algorithm>

#include "core/lang/builtins_internal.h"
#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {

std::vector<Value>& L(NativeCall& c) {
    return c.self().as<ListObject>()->items();
}

NativeResult l_append(NativeCall& c) {
    c.expectArgs(2, 2);
    L(c).push_back(c.arg(1));
    return NativeResult::ret();
}

NativeResult l_extend(NativeCall& c) {
    c.expectArgs(2, 2);
    std::vector<Value> items = toVector(c.thread(), c.arg(1));
    auto& l = L(c);
    l.insert(l.end(), items.begin(), items.end());
    c.thread().addCostPs(static_cast<int64_t>(items.size()) * c.interp().costs().perItemPs / 4);
    return NativeResult::ret();
}

NativeResult l_insert(NativeCall& c) {
    c.expectArgs(3, 3);
    auto& l = L(c);
    int64_t n = static_cast<int64_t>(l.size());
    int64_t i = toIndex(c.thread(), c.arg(1));
    if (i < 0) i = std::max<int64_t>(0, i + n);
    if (i > n) i = n;
    l.insert(l.begin() + i, c.arg(2));
    return NativeResult::ret();
}

NativeResult l_pop(NativeCall& c) {
    c.expectArgs(1, 2);
    auto& l = L(c);
    if (l.empty()) throwPy(BT().IndexError, "pop from empty list");
    int64_t n = static_cast<int64_t>(l.size());
    int64_t i = c.argc() == 2 ? toIndex(c.thread(), c.arg(1)) : n - 1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) throwPy(BT().IndexError, "pop index out of range");
    Value v = l[static_cast<std::size_t>(i)];
    l.erase(l.begin() + i);
    return NativeResult::ret(v);
}

NativeResult l_remove(NativeCall& c) {
    c.expectArgs(2, 2);
    auto& l = L(c);
    for (std::size_t i = 0; i < l.size(); ++i) {
        Value x = l[i];
        if (x.is(c.arg(1)) || equals(c.thread(), x, c.arg(1))) {
            auto& l2 = L(c);
            if (i < l2.size()) l2.erase(l2.begin() + static_cast<std::ptrdiff_t>(i));
            return NativeResult::ret();
        }
    }
    valueError("list.remove(x): x not in list");
}

NativeResult seqIndex(NativeCall& c, const std::vector<Value>& items, const char* what) {
    c.expectArgs(2, 4);
    VmThread& t = c.thread();
    auto n = static_cast<int64_t>(items.size());
    int64_t start = c.argc() > 2 ? toIndex(t, c.arg(2)) : 0;
    int64_t stop = c.argc() > 3 ? toIndex(t, c.arg(3)) : n;
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    for (int64_t i = start; i < std::min(stop, static_cast<int64_t>(items.size())); ++i) {
        Value x = items[static_cast<std::size_t>(i)];
        if (x.is(c.arg(1)) || equals(t, x, c.arg(1))) return NativeResult::ret(intFrom(i));
    }
    valueError(std::string(what));
}

NativeResult l_index(NativeCall& c) {
    std::vector<Value> items = L(c);
    return seqIndex(c, items, (repr(c.thread(), c.arg(1)) + " is not in list").c_str());
}

NativeResult seqCount(NativeCall& c, const std::vector<Value>& items) {
    c.expectArgs(2, 2);
    int64_t n = 0;
    for (const auto& x : items) n += (x.is(c.arg(1)) || equals(c.thread(), x, c.arg(1))) ? 1 : 0;
    return NativeResult::ret(intFrom(n));
}

NativeResult l_count(NativeCall& c) {
    std::vector<Value> items = L(c);
    return seqCount(c, items);
}

NativeResult l_sort(NativeCall& c) {
    c.allowKwargs({"key", "reverse"});
    c.expectArgs(1, 1);
    std::vector<Value> items = L(c);
    Value rev = c.kwarg("reverse");
    sortValues(c.thread(), items, c.kwarg("key"), rev && truthy(c.thread(), rev));
    L(c) = std::move(items);
    return NativeResult::ret();
}

NativeResult l_reverse(NativeCall& c) {
    c.expectArgs(1, 1);
    std::reverse(L(c).begin(), L(c).end());
    return NativeResult::ret();
}

NativeResult l_copy(NativeCall& c) {
    c.expectArgs(1, 1);
    return NativeResult::ret(makeList(L(c)));
}

NativeResult l_clear(NativeCall& c) {
    c.expectArgs(1, 1);
    std::vector<Value> old;
    old.swap(L(c));
    return NativeResult::ret();
}

NativeResult t_index(NativeCall& c) {
    const auto& items = c.self().as<TupleObject>()->items();
    return seqIndex(c, items, "tuple.index(x): x not in tuple");
}
NativeResult t_count(NativeCall& c) {
    return seqCount(c, c.self().as<TupleObject>()->items());
}

// ---- dict --------------------------------------------------------------------------------------
DictObject* D(NativeCall& c) {
    return c.self().as<DictObject>();
}

NativeResult d_get(NativeCall& c) {
    c.expectArgs(2, 3);
    Value v = D(c)->get(c.thread(), c.arg(1));
    return NativeResult::ret(v ? v : (c.argc() == 3 ? c.arg(2) : Value::none()));
}
NativeResult d_keys(NativeCall& c) {
    return NativeResult::ret(makeDictView(ObjKind::DictView, c.self(), 0));
}
NativeResult d_values(NativeCall& c) {
    return NativeResult::ret(makeDictView(ObjKind::DictView, c.self(), 1));
}
NativeResult d_items(NativeCall& c) {
    return NativeResult::ret(makeDictView(ObjKind::DictView, c.self(), 2));
}

NativeResult d_pop(NativeCall& c) {
    c.expectArgs(2, 3);
    Value v = D(c)->get(c.thread(), c.arg(1));
    if (!v) {
        if (c.argc() == 3) return NativeResult::ret(c.arg(2));
        return NativeResult::raise(makeException(BT().KeyError, std::vector<Value>{c.arg(1)}));
    }
    D(c)->remove(c.thread(), c.arg(1));
    return NativeResult::ret(v);
}

NativeResult d_popitem(NativeCall& c) {
    c.expectArgs(1, 1);
    auto& entries = D(c)->entries();
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (!it->key.isNull()) {
            Value k = it->key, v = it->value;
            D(c)->remove(c.thread(), k);
            return NativeResult::ret(makeTuple({k, v}));
        }
    }
    throwPy(BT().KeyError, "popitem(): dictionary is empty");
}

NativeResult d_setdefault(NativeCall& c) {
    c.expectArgs(2, 3);
    Value v = D(c)->get(c.thread(), c.arg(1));
    if (v) return NativeResult::ret(v);
    Value dflt = c.argc() == 3 ? c.arg(2) : Value::none();
    D(c)->set(c.thread(), c.arg(1), dflt);
    return NativeResult::ret(dflt);
}

NativeResult d_update(NativeCall& c) {
    c.expectArgs(1, 2);
    if (c.argc() == 2) dictUpdate(c.thread(), D(c), c.arg(1));
    for (std::size_t i = 0; i < c.kwargc(); ++i) D(c)->setStr(makeStr(c.kwName(i)), c.kwValue(i));
    return NativeResult::ret();
}

NativeResult d_copy(NativeCall& c) {
    c.expectArgs(1, 1);
    Value d = makeDict();
    dictUpdate(c.thread(), d.as<DictObject>(), c.self());
    return NativeResult::ret(d);
}

NativeResult d_clear(NativeCall& c) {
    D(c)->clear();
    return NativeResult::ret();
}

NativeResult d_fromkeys(NativeCall& c) {
    // Called on the class: args[0] is dict (the type), args[1] the keys.
    c.expectArgs(2, 3);
    Value d = makeDict();
    Value v = c.argc() == 3 ? c.arg(2) : Value::none();
    for (const Value& k : toVector(c.thread(), c.arg(1))) d.as<DictObject>()->set(c.thread(), k, v);
    return NativeResult::ret(d);
}

// ---- set ---------------------------------------------------------------------------------------
SetObject* SS(NativeCall& c) {
    return c.self().as<SetObject>();
}

Value asSet(VmThread& t, const Value& v) {
    if (v.isKind(ObjKind::Set) || v.isKind(ObjKind::FrozenSet)) return v;
    Value s = makeSet();
    s.as<SetObject>()->update(t, v);
    return s;
}

NativeResult s_add(NativeCall& c) {
    c.expectArgs(2, 2);
    SS(c)->add(c.thread(), c.arg(1));
    return NativeResult::ret();
}
NativeResult s_discard(NativeCall& c) {
    c.expectArgs(2, 2);
    SS(c)->discard(c.thread(), c.arg(1));
    return NativeResult::ret();
}
NativeResult s_remove(NativeCall& c) {
    c.expectArgs(2, 2);
    if (!SS(c)->discard(c.thread(), c.arg(1)))
        return NativeResult::raise(makeException(BT().KeyError, std::vector<Value>{c.arg(1)}));
    return NativeResult::ret();
}
NativeResult s_pop(NativeCall& c) {
    auto* s = SS(c);
    for (const auto& slot : s->slots()) {
        if (!slot.key.isNull()) {
            Value k = slot.key;
            s->discard(c.thread(), k);
            return NativeResult::ret(k);
        }
    }
    throwPy(BT().KeyError, "pop from an empty set");
}
NativeResult s_clear(NativeCall& c) {
    SS(c)->clear();
    return NativeResult::ret();
}
NativeResult s_copy(NativeCall& c) {
    Value r = SS(c)->frozen() ? makeFrozenSet() : makeSet();
    r.as<SetObject>()->merge(c.thread(), *SS(c));
    return NativeResult::ret(r);
}
NativeResult setBinary(NativeCall& c, BinOp op) {
    VmThread& t = c.thread();
    Value acc = c.self();
    if (c.argc() == 1) {
        Value r = SS(c)->frozen() ? makeFrozenSet() : makeSet();
        r.as<SetObject>()->merge(t, *SS(c));
        return NativeResult::ret(r);
    }
    for (std::size_t i = 1; i < c.argc(); ++i)
        acc = binaryOp(t, acc, asSet(t, c.arg(i)), op, false);
    return NativeResult::ret(acc);
}
NativeResult s_union(NativeCall& c) {
    return setBinary(c, BinOp::Or);
}
NativeResult s_intersection(NativeCall& c) {
    return setBinary(c, BinOp::And);
}
NativeResult s_difference(NativeCall& c) {
    return setBinary(c, BinOp::Sub);
}
NativeResult s_symdiff(NativeCall& c) {
    return setBinary(c, BinOp::Xor);
}
NativeResult setInplace(NativeCall& c, BinOp op) {
    VmThread& t = c.thread();
    for (std::size_t i = 1; i < c.argc(); ++i) binaryOp(t, c.self(), asSet(t, c.arg(i)), op, true);
    return NativeResult::ret();
}
NativeResult s_update(NativeCall& c) {
    for (std::size_t i = 1; i < c.argc(); ++i) SS(c)->update(c.thread(), c.arg(i));
    return NativeResult::ret();
}
NativeResult s_iupdate(NativeCall& c) {
    return setInplace(c, BinOp::And);
}
NativeResult s_dupdate(NativeCall& c) {
    return setInplace(c, BinOp::Sub);
}
NativeResult s_xupdate(NativeCall& c) {
    return setInplace(c, BinOp::Xor);
}
NativeResult s_issubset(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(
        richCompare(c.thread(), c.self(), asSet(c.thread(), c.arg(1)), CmpOp::Le));
}
NativeResult s_issuperset(NativeCall& c) {
    c.expectArgs(2, 2);
    return NativeResult::ret(
        richCompare(c.thread(), c.self(), asSet(c.thread(), c.arg(1)), CmpOp::Ge));
}
NativeResult s_isdisjoint(NativeCall& c) {
    c.expectArgs(2, 2);
    for (const Value& x : toVector(c.thread(), c.arg(1))) {
        if (SS(c)->contains(c.thread(), x)) return NativeResult::ret(Value::boolean(false));
    }
    return NativeResult::ret(Value::boolean(true));
}

}  // namespace

void addListMethods(BuiltinTypes& bt) {
    TypeObject* t = bt.list;
    addMethod(t, "append", l_append, NativeFunctionObject::kNoCheckpoint);
    addMethods(t, {{"extend", l_extend},
                   {"insert", l_insert},
                   {"pop", l_pop},
                   {"remove", l_remove},
                   {"index", l_index},
                   {"count", l_count},
                   {"sort", l_sort},
                   {"reverse", l_reverse},
                   {"copy", l_copy},
                   {"clear", l_clear}});
}

void addTupleMethods(BuiltinTypes& bt) {
    addMethod(bt.tuple, "index", t_index);
    addMethod(bt.tuple, "count", t_count);
}

void addDictMethods(BuiltinTypes& bt) {
    TypeObject* t = bt.dict;
    addMethods(t, {{"get", d_get},
                   {"keys", d_keys},
                   {"values", d_values},
                   {"items", d_items},
                   {"pop", d_pop},
                   {"popitem", d_popitem},
                   {"setdefault", d_setdefault},
                   {"update", d_update},
                   {"copy", d_copy},
                   {"clear", d_clear}});
    // dict.fromkeys is a classmethod: wrap the native so it binds to the class.
    auto* f = new NativeFunctionObject("fromkeys", d_fromkeys, 0);
    f->m_qualname = "dict.fromkeys";
    f->makeImmortal();
    auto* cm = new MethodWrapperObject(ObjKind::ClassMethod, Value(f));
    cm->makeImmortal();
    t->dict()->setStr(internStr("fromkeys"), Value(cm));
}

void addSetMethods(BuiltinTypes& bt) {
    for (TypeObject* t : {bt.set, bt.frozenset}) {
        bool mutableSet = t == bt.set;
        addMethods(t, {{"copy", s_copy},
                       {"union", s_union},
                       {"intersection", s_intersection},
                       {"difference", s_difference},
                       {"symmetric_difference", s_symdiff},
                       {"issubset", s_issubset},
                       {"issuperset", s_issuperset},
                       {"isdisjoint", s_isdisjoint}});
        if (!mutableSet) continue;
        addMethods(t, {{"add", s_add},
                       {"discard", s_discard},
                       {"remove", s_remove},
                       {"pop", s_pop},
                       {"clear", s_clear},
                       {"update", s_update},
                       {"intersection_update", s_iupdate},
                       {"difference_update", s_dupdate},
                       {"symmetric_difference_update", s_xupdate}});
    }
}

}  // namespace taskscope::core::lang
