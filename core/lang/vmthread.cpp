// The bytecode interpreter. Python->Python calls push frames on m_frames (no C++
// recursion), so run() can stop at any instruction boundary and continue later.
#include "core/lang/vmthread.h"

#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {
constexpr std::size_t kChunkValues = 1 << 14;

bool isStopIteration(const Value& exc) {
    return typeOf(exc)->isSubtypeOf(BT().StopIteration);
}
}  // namespace

Value* Frame::stackBase() const {
    return slots + code->nlocals() + code->ncells() + code->nfree();
}

VmThread::VmThread(Interpreter& interp) : m_interp(interp) {
    m_frames.reserve(32);
}

VmThread::~VmThread() {
    GcHeap::Scope scope(m_interp.heap());
    while (!m_frames.empty()) popFrame();
}

void VmThread::enterRecursion() {
    if (++m_recursion + static_cast<int>(m_frames.size()) > m_interp.recursionLimit() + 50 ||
        m_recursion > 900) {
        --m_recursion;
        throwPy(BT().RecursionError, "maximum recursion depth exceeded");
    }
}

// ---- slot chunks -------------------------------------------------------------------------------
Value* VmThread::allocSlots(std::size_t n) {
    if (m_chunks.empty()) {
        m_chunks.emplace_back(new Value[kChunkValues]);
        m_chunkUsed.push_back(0);
        m_chunkSizes.push_back(kChunkValues);
    }
    if (m_chunkUsed[m_chunkIndex] + n > m_chunkSizes[m_chunkIndex]) {
        ++m_chunkIndex;
        if (m_chunkIndex == m_chunks.size() || m_chunkSizes[m_chunkIndex] < n) {
            std::size_t size = std::max(kChunkValues, n);
            if (m_chunkIndex == m_chunks.size()) {
                m_chunks.emplace_back(new Value[size]);
                m_chunkUsed.push_back(0);
                m_chunkSizes.push_back(size);
            } else {
                m_chunks[m_chunkIndex].reset(new Value[size]);
                m_chunkSizes[m_chunkIndex] = size;
            }
        }
    }
    Value* p = m_chunks[m_chunkIndex].get() + m_chunkUsed[m_chunkIndex];
    m_chunkUsed[m_chunkIndex] += n;
    return p;
}

void VmThread::freeSlots(Value* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) p[i] = Value();
    m_chunkUsed[m_chunkIndex] -= n;
    while (m_chunkIndex > 0 && m_chunkUsed[m_chunkIndex] == 0) --m_chunkIndex;
}

void VmThread::popFrame() {
    Frame& f = m_frames.back();
    if (f.chunkSlots) {
        freeSlots(f.slots, static_cast<std::size_t>(f.code->frameSize()));
    } else if (f.gen) {
        // A generator frame leaving the stack for good or for now: nothing to free.
    }
    m_frames.pop_back();
}

// ---- argument binding
// ----------------------------------------------------------------------------
namespace {

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

}  // namespace

void VmThread::bindArguments(FunctionObject* fn, Value* slots, const Value* self, Value* args,
                             std::size_t nargs, const TupleObject* kwNames) {
    CodeObject* co = fn->code();
    std::size_t nkw = kwNames ? kwNames->items().size() : 0;
    std::size_t npos = nargs - nkw + (self ? 1 : 0);
    // The common call (what the eval loop's CALL does inline): positional arguments only,
    // exactly as many as the parameters, no *args/**kwargs, keyword-only parameters or cells.
    if (nkw == 0 && co->simpleArgs() && npos == static_cast<std::size_t>(co->argcount)) {
        std::size_t i = 0;
        if (self) slots[i++] = *self;  // self is borrowed, never moved from
        for (std::size_t a = 0; i < npos; ++i, ++a) slots[i] = std::move(args[a]);
        if (fn->m_closure) {
            const auto& cells = fn->m_closure.as<TupleObject>()->items();
            std::size_t nl = static_cast<std::size_t>(co->nlocals());
            for (std::size_t c = 0; c < cells.size(); ++c) slots[nl + c] = cells[c];
        }
        return;
    }
    const std::string& qn = strOfValue(fn->m_qualname);
    auto posArg = [&](std::size_t i) -> Value& {
        if (self) return i == 0 ? const_cast<Value&>(*self) : args[i - 1];
        return args[i];
    };
    auto n = static_cast<std::size_t>(co->argcount);
    std::size_t kwonly = static_cast<std::size_t>(co->kwonlyargcount);
    bool varargs = co->flags & CodeObject::kVarArgs;
    bool varkw = co->flags & CodeObject::kVarKeywords;
    std::size_t varargsSlot = n + kwonly;
    std::size_t varkwSlot = n + kwonly + (varargs ? 1 : 0);
    std::size_t ndefaults = fn->m_defaults ? fn->m_defaults.as<TupleObject>()->items().size() : 0;

    if (npos > n && !varargs) {
        std::string takes;
        std::size_t minArgs = n - ndefaults;
        if (ndefaults)
            takes = "from " + std::to_string(minArgs) + " to " + std::to_string(n);
        else
            takes = std::to_string(n);
        std::string msg = qn + "() takes " + takes + " positional argument" +
                          (n == 1 && !ndefaults ? "" : "s") + " but " + std::to_string(npos) +
                          (npos == 1 ? " was" : " were") + " given";
        if (nkw) {
            std::size_t kwOnlyGiven = 0;
            for (std::size_t k = 0; k < nkw; ++k) {
                const std::string& name = strOfValue(kwNames->items()[k]);
                for (std::size_t j = n; j < n + kwonly; ++j) kwOnlyGiven += co->varnames[j] == name;
            }
            if (kwOnlyGiven) {
                msg = qn + "() takes " + takes + " positional argument" +
                      (n == 1 && !ndefaults ? "" : "s") + " but " + std::to_string(npos) +
                      " positional argument" + (npos == 1 ? "" : "s") + " (and " +
                      std::to_string(kwOnlyGiven) + " keyword-only argument" +
                      (kwOnlyGiven == 1 ? "" : "s") + ") were given";
            }
        }
        typeError(msg);
    }
    std::size_t ncopy = std::min(npos, n);
    for (std::size_t i = 0; i < ncopy; ++i) {
        if (self && i == 0)
            slots[i] = *self;  // self is borrowed, never moved from
        else
            slots[i] = std::move(posArg(i));
    }
    if (varargs) {
        std::vector<Value> extra;
        for (std::size_t i = n; i < npos; ++i)
            extra.push_back(self && i == 0 ? *self : std::move(posArg(i)));
        slots[varargsSlot] = makeTuple(std::move(extra));
    }
    DictObject* kwdict = nullptr;
    if (varkw) {
        slots[varkwSlot] = makeDict();
        kwdict = slots[varkwSlot].as<DictObject>();
    }
    for (std::size_t k = 0; k < nkw; ++k) {
        const Value& nameV = kwNames->items()[k];
        const std::string& name = strOfValue(nameV);
        Value& value = args[nargs - nkw + k];
        std::size_t j = static_cast<std::size_t>(co->posonlyargcount);
        bool found = false;
        for (; j < n + kwonly; ++j) {
            if (co->varnames[j] == name) {
                found = true;
                break;
            }
        }
        if (found) {
            if (slots[j]) typeError(qn + "() got multiple values for argument '" + name + "'");
            slots[j] = std::move(value);
            continue;
        }
        if (kwdict) {
            kwdict->setStr(nameV, std::move(value));
            continue;
        }
        for (j = 0; j < static_cast<std::size_t>(co->posonlyargcount); ++j) {
            if (co->varnames[j] == name) {
                typeError(qn +
                          "() got some positional-only arguments passed as keyword arguments: '" +
                          name + "'");
            }
        }
        typeError(qn + "() got an unexpected keyword argument '" + name + "'");
    }
    if (npos < n) {
        std::vector<std::string> missing;
        std::size_t firstDefault = n - ndefaults;
        for (std::size_t i = npos; i < n; ++i) {
            if (slots[i]) continue;
            if (i >= firstDefault) {
                slots[i] = fn->m_defaults.as<TupleObject>()->items()[i - firstDefault];
            } else {
                missing.push_back(co->varnames[i]);
            }
        }
        if (!missing.empty()) {
            typeError(qn + "() missing " + std::to_string(missing.size()) +
                      " required positional argument" + (missing.size() == 1 ? "" : "s") + ": " +
                      joinNames(missing));
        }
    }
    if (kwonly) {
        std::vector<std::string> missing;
        for (std::size_t i = n; i < n + kwonly; ++i) {
            if (slots[i]) continue;
            Value d = fn->m_kwdefaults ? fn->m_kwdefaults.as<DictObject>()->getStr(co->varnames[i])
                                       : Value();
            if (d)
                slots[i] = d;
            else
                missing.push_back(co->varnames[i]);
        }
        if (!missing.empty()) {
            typeError(qn + "() missing " + std::to_string(missing.size()) +
                      " required keyword-only argument" + (missing.size() == 1 ? "" : "s") + ": " +
                      joinNames(missing));
        }
    }
    // Cells and free variables.
    std::size_t nl = static_cast<std::size_t>(co->nlocals());
    for (std::size_t i = 0; i < co->cellvars.size(); ++i) {
        int a = co->cell2arg[i];
        Value init = a >= 0 ? slots[static_cast<std::size_t>(a)] : Value();
        slots[nl + i] = make<CellObject>(std::move(init));
    }
    if (fn->m_closure) {
        const auto& cells = fn->m_closure.as<TupleObject>()->items();
        for (std::size_t i = 0; i < cells.size(); ++i)
            slots[nl + co->cellvars.size() + i] = cells[i];
    }
}

void VmThread::pushFunctionFrame(const Value& func, Value* args, std::size_t nargs,
                                 const TupleObject* kwNames, const Value* self, ReturnKind rk,
                                 bool stopAfter, Value* genOut) {
    auto* fn = func.as<FunctionObject>();
    CodeObject* co = fn->code();
    if (static_cast<int>(m_frames.size()) + m_recursion >= m_interp.recursionLimit()) {
        throwPy(BT().RecursionError, "maximum recursion depth exceeded");
    }
    auto size = static_cast<std::size_t>(co->frameSize());
    if (co->flags & CodeObject::kGenerator) {
        auto* gen = new GeneratorObject(func, size);
        Value g(gen);
        bindArguments(fn, gen->slots(), self, args, nargs, kwNames);
        gen->m_pc = 0;
        gen->m_stackDepth = 0;
        *genOut = g;
        return;
    }
    Value* slots = allocSlots(size);
    try {
        bindArguments(fn, slots, self, args, nargs, kwNames);
    } catch (...) {
        freeSlots(slots, size);
        throw;
    }
    Frame f;
    f.func = func;
    f.code = co;
    f.globals = fn->globals();
    f.builtins = fn->builtins();
    f.slots = slots;
    f.sp = f.stackBase();
    f.pc = 0;
    f.returnKind = rk;
    f.stopAfter = stopAfter;
    m_frames.push_back(std::move(f));
    m_consumedPs += m_interp.costs().pythonCallPs;
}

bool VmThread::resumeGenerator(const Value& genValue, Value sent, int32_t forIterTarget,
                               bool stopAfter) {
    auto* gen = genValue.as<GeneratorObject>();
    if (gen->m_state == GeneratorObject::State::Finished) return false;
    if (gen->m_state == GeneratorObject::State::Running) valueError("generator already executing");
    if (static_cast<int>(m_frames.size()) + m_recursion >= m_interp.recursionLimit()) {
        throwPy(BT().RecursionError, "maximum recursion depth exceeded");
    }
    auto* fn = gen->func().as<FunctionObject>();
    Frame f;
    f.func = gen->func();
    f.code = fn->code();
    f.globals = fn->globals();
    f.builtins = fn->builtins();
    f.slots = gen->slots();
    f.sp = f.stackBase() + gen->m_stackDepth;
    f.pc = gen->m_pc;
    f.chunkSlots = false;
    f.gen = gen;
    f.genRef = genValue;
    f.forIterTarget = forIterTarget;
    f.stopAfter = stopAfter;
    if (gen->m_state == GeneratorObject::State::Suspended) *f.sp++ = std::move(sent);
    gen->m_state = GeneratorObject::State::Running;
    m_frames.push_back(std::move(f));
    return true;
}

// ---- calls --------------------------------------------------------------------------------------
VmThread::CallOutcome VmThread::callNative(const Value& fnValue, const Value* args,
                                           std::size_t nargs, const TupleObject* kwNames,
                                           const Value* callee, Value* result, bool* checkpoint) {
    const auto* fn = fnValue.as<NativeFunctionObject>();
    std::size_t nkw = kwNames ? kwNames->items().size() : 0;
    NativeCall call(*this, *fn, std::span<const Value>(args, nargs - nkw),
                    std::span<const Value>(args + (nargs - nkw), nkw), kwNames, callee);
    m_consumedPs += m_interp.costs().nativePs(fn->cost());
    VmThread* saved = m_interp.m_currentThread;
    m_interp.m_currentThread = this;
    NativeResult r = fn->fn()(call);
    m_interp.m_currentThread = saved;
    *checkpoint = !(fn->flags() & NativeFunctionObject::kNoCheckpoint);
    switch (r.kind()) {
        case NativeResult::Kind::Return:
            *result = std::move(r.value());
            if (result->isNull()) *result = Value::none();
            return CallOutcome::Done;
        case NativeResult::Kind::Raise:
            throwPyValue(std::move(r.value()));
        case NativeResult::Kind::Block:
            if (m_nested > 0) {
                throwPy(BT().RuntimeError, "'" + fn->name() +
                                               "' cannot block inside a callback run by a builtin "
                                               "(e.g. a key= function or "
                                               "__eq__); this is not supported by Taskscope yet");
            }
            m_blocked = true;
            return CallOutcome::Blocked;
        case NativeResult::Kind::Yield:
            *result = std::move(r.value());
            if (result->isNull()) *result = Value::none();
            return m_nested > 0 ? CallOutcome::Done : CallOutcome::Yielded;
    }
    return CallOutcome::Done;
}

VmThread::CallOutcome VmThread::invoke(const Value& callable, Value* args, std::size_t nargs,
                                       const TupleObject* kwNames, int32_t forIterTarget,
                                       bool stopAfter, Value* result, bool* checkpoint) {
    *checkpoint = false;
    if (!callable.isPtr()) typeError("'" + typeName(callable) + "' object is not callable");
    switch (callable.kind()) {
        case ObjKind::Function: {
            Value gen;
            pushFunctionFrame(callable, args, nargs, kwNames, nullptr, ReturnKind::Normal,
                              stopAfter, &gen);
            if (gen) {
                *result = gen;
                return CallOutcome::Done;
            }
            m_frames.back().forIterTarget = forIterTarget;
            return CallOutcome::Pushed;
        }
        case ObjKind::NativeFunction:
            return callNative(callable, args, nargs, kwNames, &callable, result, checkpoint);
        case ObjKind::BoundMethod: {
            const auto* bm = callable.as<BoundMethodObject>();
            Value func = bm->func();
            Value self = bm->self();
            if (func.isKind(ObjKind::Function)) {
                Value gen;
                pushFunctionFrame(func, args, nargs, kwNames, &self, ReturnKind::Normal, stopAfter,
                                  &gen);
                if (gen) {
                    *result = gen;
                    return CallOutcome::Done;
                }
                m_frames.back().forIterTarget = forIterTarget;
                return CallOutcome::Pushed;
            }
            std::vector<Value> all;
            all.reserve(nargs + 1);
            all.push_back(self);
            for (std::size_t i = 0; i < nargs; ++i) all.push_back(args[i]);
            return invoke(func, all.data(), all.size(), kwNames, forIterTarget, stopAfter, result,
                          checkpoint);
        }
        case ObjKind::Type: {
            auto* tp = callable.as<TypeObject>();
            if (tp->m_new)
                return callNative(tp->m_new, args, nargs, kwNames, &callable, result, checkpoint);
            if (tp->m_layout == TypeObject::Layout::Builtin)
                typeError("cannot create '" + tp->name() + "' instances");
            Value instance = allocateInstance(*this, tp);
            m_consumedPs += m_interp.costs().instancePs;
            if (instance.kind() == ObjKind::Exception) {
                std::size_t nkw = kwNames ? kwNames->items().size() : 0;
                instance.as<ExceptionObject>()->m_args =
                    makeTuple(std::vector<Value>(args, args + (nargs - nkw)));
            }
            Value init = tp->lookup("__init__");
            if (init.isKind(ObjKind::Function)) {
                Value gen;
                pushFunctionFrame(init, args, nargs, kwNames, &instance, ReturnKind::Init,
                                  stopAfter, &gen);
                if (gen) typeError("__init__() should return None, not 'generator'");
                m_frames.back().extra = instance;
                return CallOutcome::Pushed;
            }
            if (init.isKind(ObjKind::NativeFunction)) {
                std::vector<Value> all;
                all.reserve(nargs + 1);
                all.push_back(instance);
                for (std::size_t i = 0; i < nargs; ++i) all.push_back(args[i]);
                Value ignored;
                CallOutcome o = callNative(init, all.data(), all.size(), kwNames, &callable,
                                           &ignored, checkpoint);
                *result = instance;
                return o;
            }
            *result = instance;
            return CallOutcome::Done;
        }
        case ObjKind::Instance:
        case ObjKind::Exception: {
            Value call = lookupSpecial(callable, "__call__");
            if (!call) typeError("'" + typeName(callable) + "' object is not callable");
            Value bound = make<BoundMethodObject>(callable, call);
            return invoke(bound, args, nargs, kwNames, forIterTarget, stopAfter, result,
                          checkpoint);
        }
        case ObjKind::StaticMethod:
        case ObjKind::ClassMethod:
            return invoke(callable.as<MethodWrapperObject>()->func(), args, nargs, kwNames,
                          forIterTarget, stopAfter, result, checkpoint);
        default:
            typeError("'" + typeName(callable) + "' object is not callable");
    }
}

Value VmThread::callNested(const Value& callable, std::span<const Value> args,
                           const TupleObject* kwNames) {
    GcHeap::Scope scope(m_interp.heap());
    RecursionGuard guard(*this);
    std::vector<Value> copy(args.begin(), args.end());
    std::size_t depth = m_frames.size();
    Value result;
    bool cp = false;
    CallOutcome o = invoke(callable, copy.data(), copy.size(), kwNames, -1, true, &result, &cp);
    if (o == CallOutcome::Blocked) {
        m_blocked = false;
        throwPy(BT().RuntimeError,
                "blocking inside a nested call is not supported by Taskscope yet");
    }
    if (o != CallOutcome::Pushed) return result;
    ++m_nested;
    try {
        execute(depth, true);
    } catch (...) {
        --m_nested;
        throw;
    }
    --m_nested;
    return std::move(m_nestedResult);
}

Value VmThread::generatorNext(const Value& gen) {
    GcHeap::Scope scope(m_interp.heap());
    RecursionGuard guard(*this);
    std::size_t depth = m_frames.size();
    if (!resumeGenerator(gen, Value::none(), -1, true)) return Value();
    ++m_nested;
    try {
        execute(depth, true);
    } catch (...) {
        --m_nested;
        throw;
    }
    --m_nested;
    if (gen.as<GeneratorObject>()->m_state == GeneratorObject::State::Finished) return Value();
    return std::move(m_nestedResult);
}

// ---- exceptions ---------------------------------------------------------------------------------
void VmThread::raiseInFrame(Value exc, bool reraise) {
    m_consumedPs += m_interp.costs().exceptionPs;
    if (exc.isKind(ObjKind::Exception)) {
        auto* e = exc.as<ExceptionObject>();
        if (!reraise) {
            if (m_handled && !m_handled.is(exc) && !e->m_context) {
                // Avoid a cycle in the context chain.
                Value c = m_handled;
                bool cycle = false;
                for (int guard = 0; c && guard < 100; ++guard) {
                    if (c.is(exc)) {
                        cycle = true;
                        break;
                    }
                    c = c.as<ExceptionObject>()->m_context;
                }
                if (!cycle) e->m_context = m_handled;
            }
            if (!m_frames.empty()) {
                const Frame& f = m_frames.back();
                uint32_t pc = f.pc > 0 ? f.pc - 1 : 0;
                e->m_traceback.push_back({f.func.as<FunctionObject>()->codeValue(),
                                          f.code->lineAt(pc), static_cast<int>(pc)});
            }
        }
    }
    m_pending = std::move(exc);
}

bool VmThread::unwind(std::size_t baseDepth) {
    while (m_frames.size() > baseDepth) {
        Frame& f = m_frames.back();
        uint32_t lastPc = f.pc > 0 ? f.pc - 1 : 0;
        if (const ExceptionTableEntry* h = f.code->handlerFor(lastPc)) {
            Value* base = f.stackBase();
            Value* target = base + h->depth;
            while (f.sp > target) *--f.sp = Value();
            *f.sp++ = std::move(m_pending);
            f.pc = h->handler;
            return true;
        }
        int32_t forIter = f.forIterTarget;
        GeneratorObject* gen = f.gen;
        if (gen) {
            gen->m_state = GeneratorObject::State::Finished;
            for (std::size_t i = 0; i < gen->nslots(); ++i) gen->slots()[i] = Value();
            if (isStopIteration(m_pending)) {
                Value rt = makeException(BT().RuntimeError, "generator raised StopIteration");
                rt.as<ExceptionObject>()->m_cause = m_pending;
                rt.as<ExceptionObject>()->m_context = m_pending;
                rt.as<ExceptionObject>()->m_suppressContext = true;
                rt.as<ExceptionObject>()->m_traceback =
                    m_pending.as<ExceptionObject>()->m_traceback;
                m_pending = rt;
            }
        }
        popFrame();
        if (m_frames.size() <= baseDepth) return false;
        Frame& caller = m_frames.back();
        if (forIter >= 0 && !gen && isStopIteration(m_pending)) {
            // A user __next__ ended the caller's for loop.
            *--caller.sp = Value();
            caller.pc = static_cast<uint32_t>(forIter);
            m_pending = Value();
            return true;
        }
        uint32_t callerPc = caller.pc > 0 ? caller.pc - 1 : 0;
        if (m_pending.isKind(ObjKind::Exception)) {
            m_pending.as<ExceptionObject>()->m_traceback.push_back(
                {caller.func.as<FunctionObject>()->codeValue(), caller.code->lineAt(callerPc),
                 static_cast<int>(callerPc)});
        }
    }
    return false;
}

void VmThread::finishWith(ThreadOutcome o, Value v) {
    m_outcome = o;
    if (o == ThreadOutcome::Returned)
        m_result = std::move(v);
    else
        m_exception = std::move(v);
    while (!m_frames.empty()) popFrame();
    m_handled = Value();
}

// ---- classes ------------------------------------------------------------------------------------
Value VmThread::buildClass(const Value& func, const Value& name, const Value& basesValue) {
    const auto& bases = basesValue.as<TupleObject>()->items();
    std::vector<Value> baseList;
    bool exception = false;
    for (const auto& b : bases) {
        if (!isTypeObj(b)) typeError("bases must be types");
        auto* bt = b.as<TypeObject>();
        if (!bt->m_subclassable) {
            typeError("subclassing '" + bt->name() + "' is not supported by Taskscope yet");
        }
        exception |= bt->isException();
        baseList.push_back(b);
    }
    if (baseList.empty()) baseList.push_back(Value(BT().object));
    // Run the class body with a fresh namespace.
    Value ns = makeDict();
    Value cell;
    {
        RecursionGuard guard(*this);
        auto* fn = func.as<FunctionObject>();
        CodeObject* co = fn->code();
        auto size = static_cast<std::size_t>(co->frameSize());
        Value* slots = allocSlots(size);
        try {
            bindArguments(fn, slots, nullptr, nullptr, 0, nullptr);
        } catch (...) {
            freeSlots(slots, size);
            throw;
        }
        Frame f;
        f.func = func;
        f.code = co;
        f.globals = fn->globals();
        f.builtins = fn->builtins();
        f.locals = ns;
        f.slots = slots;
        f.sp = f.stackBase();
        f.stopAfter = true;
        std::size_t depth = m_frames.size();
        m_frames.push_back(std::move(f));
        ++m_nested;
        try {
            execute(depth, true);
        } catch (...) {
            --m_nested;
            throw;
        }
        --m_nested;
        cell = std::move(m_nestedResult);
    }
    auto* nsDict = ns.as<DictObject>();
    std::string qualname = strOfValue(name);
    if (Value q = nsDict->getStr("__qualname__")) {
        if (isStr(q)) qualname = strOfValue(q);
        nsDict->removeStr("__qualname__");
    }
    auto* tp = new TypeObject(strOfValue(name), baseList, ns);
    Value cls(tp);
    tp->m_qualname = qualname;
    if (Value m = nsDict->getStr("__module__")) {
        if (isStr(m)) tp->m_module = strOfValue(m);
    }
    std::string err;
    if (!tp->computeMro(err)) typeError(err);
    tp->m_layout = exception ? TypeObject::Layout::Exception : TypeObject::Layout::Instance;
    if (nsDict->getStr("__new__")) {
        throwPy(BT().TypeError, "defining __new__ is not supported by Taskscope yet");
    }
    // A class that defines __eq__ but not __hash__ is unhashable, as in CPython.
    if (nsDict->getStr("__eq__") && !nsDict->getStr("__hash__"))
        nsDict->setStr("__hash__", Value::none());
    if (cell.isKind(ObjKind::Cell)) cell.as<CellObject>()->contents() = cls;
    m_consumedPs += m_interp.costs().classCreatePs;
    return cls;
}

// ---- public entry points ------------------------------------------------------------------------
void VmThread::startModule(const Value& code) {
    GcHeap::Scope scope(m_interp.heap());
    auto* fn =
        new FunctionObject(code, Value(m_interp.mainGlobals()), Value(m_interp.builtinsDict()));
    Value func(fn);
    fn->m_name = makeStr(code.as<CodeObject>()->name);
    fn->m_qualname = fn->m_name;
    fn->m_module = makeStr(m_interp.mainName());
    CodeObject* co = code.as<CodeObject>();
    auto size = static_cast<std::size_t>(co->frameSize());
    Frame f;
    f.func = func;
    f.code = co;
    f.globals = fn->globals();
    f.builtins = fn->builtins();
    f.slots = allocSlots(size);
    f.sp = f.stackBase();
    f.returnKind = ReturnKind::Discard;
    m_frames.push_back(std::move(f));
    m_outcome = ThreadOutcome::Running;
}

void VmThread::startCall(const Value& callable, std::vector<Value> args,
                         std::vector<std::pair<std::string, Value>> kwargs) {
    GcHeap::Scope scope(m_interp.heap());
    m_startCallable = callable;
    m_startArgs = std::move(args);
    std::vector<Value> names;
    for (auto& [name, value] : kwargs) {
        names.push_back(internStr(name));
        m_startArgs.push_back(std::move(value));
    }
    m_startKwNames = names.empty() ? Value() : makeTuple(std::move(names));
    m_outcome = ThreadOutcome::Running;
}

void VmThread::resume(Value result) {
    if (!m_blocked) return;
    GcHeap::Scope scope(m_interp.heap());
    m_blocked = false;
    if (m_frames.empty()) {
        finishWith(ThreadOutcome::Returned, std::move(result));
        return;
    }
    Frame& f = m_frames.back();
    *f.sp++ = std::move(result);
}

void VmThread::resumeWithException(Value exception) {
    if (!m_blocked) return;
    m_blocked = false;
    m_resumeWithExc = true;
    m_resumeValue = std::move(exception);
}

void VmThread::resumeWithException(TypeObject* type, std::string message) {
    GcHeap::Scope scope(m_interp.heap());
    resumeWithException(makeException(type, std::move(message)));
}

RunResult VmThread::run(const RunLimits& limits) {
    GcHeap::Scope scope(m_interp.heap());
    RunResult result;
    if (isFinished()) return result;
    if (m_blocked) {
        result.status = RunStatus::Blocked;
        return result;
    }
    int64_t startPs = m_consumedPs;
    int64_t budgetPs = limits.budgetNs >= INT64_MAX / 1000 ? INT64_MAX : limits.budgetNs * 1000;
    m_budgetPs = budgetPs >= INT64_MAX - m_consumedPs ? INT64_MAX : m_consumedPs + budgetPs;
    m_stopAtCheckpoint = limits.stopAtCheckpoint;
    Stop stop = Stop::None;
    try {
        if (m_resumeWithExc) {
            m_resumeWithExc = false;
            Value exc = std::move(m_resumeValue);
            if (m_frames.empty()) {
                finishWith(isInstance(*this, exc, Value(BT().SystemExit)) ? ThreadOutcome::Exited
                                                                          : ThreadOutcome::Raised,
                           exc);
                stop = Stop::Finished;
            } else {
                raiseInFrame(exc, false);
                if (!unwind(0)) {
                    Value e = std::move(m_pending);
                    finishWith(typeOf(e)->isSubtypeOf(BT().SystemExit) ? ThreadOutcome::Exited
                                                                       : ThreadOutcome::Raised,
                               e);
                    stop = Stop::Finished;
                }
            }
        }
        if (stop == Stop::None && m_frames.empty() && m_startCallable) {
            Value callable = std::move(m_startCallable);
            std::vector<Value> args = std::move(m_startArgs);
            Value kw = std::move(m_startKwNames);
            Value res;
            bool cp = false;
            CallOutcome o = CallOutcome::Done;
            try {
                o = invoke(callable, args.data(), args.size(), kw ? kw.as<TupleObject>() : nullptr,
                           -1, false, &res, &cp);
            } catch (PyException& e) {
                finishWith(typeOf(e.exception)->isSubtypeOf(BT().SystemExit)
                               ? ThreadOutcome::Exited
                               : ThreadOutcome::Raised,
                           e.exception);
                stop = Stop::Finished;
            }
            if (stop == Stop::None) {
                if (o == CallOutcome::Done || o == CallOutcome::Yielded) {
                    finishWith(ThreadOutcome::Returned, res);
                    stop = Stop::Finished;
                } else if (o == CallOutcome::Blocked) {
                    stop = Stop::Blocked;
                } else {
                    m_frames.back().returnKind = m_frames.back().returnKind == ReturnKind::Init
                                                     ? ReturnKind::Init
                                                     : ReturnKind::Normal;
                }
            }
        }
        if (stop == Stop::None) {
            if (m_frames.empty()) {
                finishWith(ThreadOutcome::Returned, Value::none());
                stop = Stop::Finished;
            } else {
                stop = execute(0, false);
            }
        }
    } catch (PyException& e) {
        finishWith(ThreadOutcome::Raised, e.exception);
        stop = Stop::Finished;
    }
    switch (stop) {
        case Stop::Budget:
            result.status = RunStatus::Budget;
            break;
        case Stop::Checkpoint:
            result.status = RunStatus::Checkpoint;
            break;
        case Stop::Blocked:
            result.status = RunStatus::Blocked;
            break;
        case Stop::Yielded:
            result.status = RunStatus::Yielded;
            break;
        default:
            result.status = RunStatus::Finished;
            break;
    }
    (void)startPs;
    int64_t nowNs = m_consumedPs / 1000;
    result.consumedNs = nowNs - m_reportedPs / 1000;
    m_reportedPs = m_consumedPs;
    return result;
}

int VmThread::exitCode() const {
    switch (m_outcome) {
        case ThreadOutcome::Returned:
        case ThreadOutcome::NotStarted:
        case ThreadOutcome::Running:
            return 0;
        case ThreadOutcome::Raised:
            return 1;
        case ThreadOutcome::Exited: {
            const auto* e = m_exception.as<ExceptionObject>();
            const auto& args = e->m_args.as<TupleObject>()->items();
            if (args.empty() || args[0].isNone()) return 0;
            if (isInt(args[0]) && args.size() == 1) {
                auto v = intToInt64(args[0]);
                return v ? static_cast<int>(*v & 0xFF) : 1;
            }
            return 1;
        }
    }
    return 0;
}

int VmThread::reportAsMainThread() {
    GcHeap::Scope scope(m_interp.heap());
    if (m_outcome == ThreadOutcome::Raised) {
        m_interp.write(this, OutStream::Stderr, m_interp.formatException(m_exception));
        return 1;
    }
    if (m_outcome == ThreadOutcome::Exited) {
        const auto* e = m_exception.as<ExceptionObject>();
        const auto& args = e->m_args.as<TupleObject>()->items();
        int code = exitCode();
        if (!args.empty() && !args[0].isNone() && !(isInt(args[0]) && args.size() == 1)) {
            try {
                Value msg = args.size() == 1 ? args[0] : e->m_args;
                m_interp.write(this, OutStream::Stderr, str(*this, msg) + "\n");
            } catch (PyException&) {
            }
        }
        return code;
    }
    return 0;
}

void VmThread::reportAsThread(std::string_view threadName) {
    if (m_outcome != ThreadOutcome::Raised) return;
    GcHeap::Scope scope(m_interp.heap());
    m_interp.write(this, OutStream::Stderr,
                   "Exception in thread " + std::string(threadName) + ":\n" +
                       m_interp.formatException(m_exception));
}

std::vector<StackEntry> VmThread::stack() const {
    std::vector<StackEntry> out;
    for (const Frame& f : m_frames) {
        uint32_t pc = f.pc > 0 ? f.pc - 1 : 0;
        out.push_back({f.code->name, f.code->filename, f.code->lineAt(pc)});
    }
    return out;
}

int VmThread::currentLine() const {
    if (m_frames.empty()) return 0;
    const Frame& f = m_frames.back();
    return f.code->lineAt(f.pc > 0 ? f.pc - 1 : 0);
}

int VmThread::currentLineIn(const std::string& filename) const {
    for (auto it = m_frames.rbegin(); it != m_frames.rend(); ++it)
        if (it->code->filename == filename) return it->code->lineAt(it->pc > 0 ? it->pc - 1 : 0);
    return 0;
}

}  // namespace taskscope::core::lang
