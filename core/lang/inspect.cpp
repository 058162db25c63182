#include "core/lang/inspect.h"

#include <algorithm>

#include "core/lang/codeobject.h"
#include "core/lang/dictobject.h"
#include "core/lang/frame.h"
#include "core/lang/functionobject.h"
#include "core/lang/internal.h"
#include "core/lang/intops.h"
#include "core/lang/listobject.h"
#include "core/lang/moduleobject.h"
#include "core/lang/operations.h"
#include "core/lang/rangeobject.h"
#include "core/lang/setobject.h"
#include "core/lang/typeobject.h"
#include "core/lang/vmthread.h"

namespace taskscope::core::lang {

namespace {

// Appends repr(v) to `out`, stopping once `out` passes `limit` (the caller cuts it).
class Repr {
public:
    explicit Repr(std::size_t limit) : m_limit(limit) {}
    std::string out;

    bool full() const { return out.size() > m_limit; }

    void value(const Value& v, int depth = 0) {
        if (full()) return;
        if (v.isNull()) {
            out += "<unbound>";
            return;
        }
        if (v.isSmallInt()) {
            out += std::to_string(v.smallInt());
            return;
        }
        if (v.isNone()) {
            out += "None";
            return;
        }
        if (v.isBool()) {
            out += v.isTrue() ? "True" : "False";
            return;
        }
        if (!v.isPtr()) {
            out += "<?>";
            return;
        }
        const ObjKind kind = v.kind();
        const bool container = kind == ObjKind::List || kind == ObjKind::Tuple ||
                               kind == ObjKind::Dict || kind == ObjKind::Set ||
                               kind == ObjKind::FrozenSet;
        if (container) {
            // A container inside itself reads as CPython's "[...]", "{...}".
            if (std::find(m_open.begin(), m_open.end(), v.obj()) != m_open.end() || depth > 200) {
                out += kind == ObjKind::List    ? "[...]"
                       : kind == ObjKind::Tuple ? "(...)"
                       : kind == ObjKind::Dict  ? "{...}"
                       : kind == ObjKind::Set   ? "set(...)"
                                                : "frozenset(...)";
                return;
            }
            m_open.push_back(v.obj());
        }
        contents(v, kind, depth);
        if (container) m_open.pop_back();
    }

private:
    void contents(const Value& v, ObjKind kind, int depth) {
        switch (kind) {
            case ObjKind::BigInt:
                out += intToString(v);
                return;
            case ObjKind::Float:
                out += floatRepr(floatOf(v));
                return;
            case ObjKind::Str:
                out += reprString(strOfValue(v));
                return;
            case ObjKind::List:
                sequence(v.as<ListObject>()->items(), "[", "]", false, depth);
                return;
            case ObjKind::Tuple:
                sequence(v.as<TupleObject>()->items(), "(", ")", true, depth);
                return;
            case ObjKind::Dict: {
                out += "{";
                bool first = true;
                for (const auto& e : v.as<DictObject>()->entries()) {
                    if (e.key.isNull()) continue;
                    if (full()) break;
                    if (!first) out += ", ";
                    first = false;
                    value(e.key, depth + 1);
                    out += ": ";
                    value(e.value, depth + 1);
                }
                out += "}";
                return;
            }
            case ObjKind::Set:
            case ObjKind::FrozenSet: {
                const auto* s = v.as<SetObject>();
                const bool frozen = s->frozen();
                if (s->size() == 0) {
                    out += frozen ? "frozenset()" : "set()";
                    return;
                }
                out += frozen ? "frozenset({" : "{";
                bool first = true;
                for (const auto& slot : s->slots()) {
                    if (slot.key.isNull()) continue;
                    if (full()) break;
                    if (!first) out += ", ";
                    first = false;
                    value(slot.key, depth + 1);
                }
                out += frozen ? "})" : "}";
                return;
            }
            case ObjKind::Range: {
                const auto* r = v.as<RangeObject>();
                out += "range(" + std::to_string(r->start()) + ", " + std::to_string(r->stop());
                if (r->step() != 1) out += ", " + std::to_string(r->step());
                out += ")";
                return;
            }
            case ObjKind::Module:
                out += "<module '" + v.as<ModuleObject>()->name() + "'>";
                return;
            default: {
                const TypeObject* type = v.obj()->type();
                const std::string name = type ? type->name() : std::string("object");
                out += "<" + name + " object>";
                return;
            }
        }
    }

    void sequence(const std::vector<Value>& items, const char* open, const char* close, bool tuple,
                  int depth) {
        out += open;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (full()) break;
            if (i) out += ", ";
            value(items[i], depth + 1);
        }
        if (tuple && items.size() == 1) out += ",";
        out += close;
    }

    std::size_t m_limit;
    std::vector<const Object*> m_open;  // the containers being shown, outermost first
};

bool isDunder(const std::string& name) {
    return name.size() > 4 && name.rfind("__", 0) == 0 &&
           name.compare(name.size() - 2, 2, "__") == 0;
}

}  // namespace

std::string inspectRepr(const Value& v, std::size_t limit) {
    Repr r(limit);
    r.value(v);
    if (r.out.size() > limit) {
        r.out.resize(limit > 3 ? limit - 3 : 0);
        r.out += "...";
    }
    return r.out;
}

std::vector<FrameView> frameViews(const VmThread& t) {
    std::vector<FrameView> out;
    for (const Frame& f : t.frames()) {
        FrameView view;
        view.function = f.code->name;
        view.filename = f.code->filename;
        view.line = f.code->lineAt(f.pc > 0 ? f.pc - 1 : 0);
        // The module's frame keeps its variables in its globals (moduleVariables()).
        if (!f.locals.isNull() || view.function == "<module>") {
            out.push_back(std::move(view));
            continue;
        }
        const int nlocals = f.code->nlocals();
        for (int i = 0; i < nlocals; ++i) {
            const Value& v = f.slots[i];
            if (!v.isNull())
                view.locals.emplace_back(f.code->varnames[static_cast<std::size_t>(i)], v);
        }
        for (int i = 0; i < f.code->ncells(); ++i) {
            const Value& cell = f.slots[nlocals + i];
            if (!cell.isKind(ObjKind::Cell)) continue;
            const Value& v = cell.as<CellObject>()->contents();
            if (!v.isNull())
                view.locals.emplace_back(f.code->cellvars[static_cast<std::size_t>(i)], v);
        }
        out.push_back(std::move(view));
    }
    return out;
}

std::vector<std::pair<std::string, Value>> moduleVariables(const Value& module) {
    std::vector<std::pair<std::string, Value>> out;
    if (!module.isKind(ObjKind::Module)) return out;
    const DictObject* d = module.as<ModuleObject>()->dict();
    if (!d) return out;
    for (const auto& e : d->entries()) {
        if (e.key.isNull() || !isStr(e.key)) continue;
        const std::string& name = strOfValue(e.key);
        if (isDunder(name)) continue;
        const Value& v = e.value;
        if (v.isPtr()) {
            const ObjKind k = v.kind();
            if (k == ObjKind::Module || k == ObjKind::Function || k == ObjKind::NativeFunction ||
                k == ObjKind::Type || k == ObjKind::BoundMethod)
                continue;
        }
        out.emplace_back(name, v);
    }
    return out;
}

}  // namespace taskscope::core::lang
