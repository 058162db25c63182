#include "core/lang/symtable.h"

#include "core/lang/lexer.h"

namespace taskscope::core::lang {

NameScope Scope::scopeOf(const std::string& name) const {
    auto it = resolved.find(name);
    if (it != resolved.end()) return it->second;
    return kind == ScopeKind::Module ? NameScope::GlobalImplicit : NameScope::GlobalImplicit;
}

SymbolTable::SymbolTable(std::string filename, std::string_view source)
    : m_file(std::move(filename)), m_source(source) {}

void SymbolTable::fail(SourcePos pos, std::string message) {
    Diagnostic d;
    d.kind = Diagnostic::Kind::SyntaxError;
    d.file = m_file;
    d.line = pos.line;
    d.column = pos.column;
    d.message = std::move(message);
    d.sourceLine = Lexer::lineOf(m_source, pos.line);
    throw Failure{std::move(d)};
}

Scope* SymbolTable::scopeFor(const void* node) const {
    auto it = m_byNode.find(node);
    return it == m_byNode.end() ? nullptr : it->second;
}

Scope* SymbolTable::push(ScopeKind kind, const std::string& name, const void* node, SourcePos pos) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->parent = m_current;
    s->pos = pos;
    Scope* raw = s.get();
    m_current->children.push_back(std::move(s));
    m_byNode[node] = raw;
    m_current = raw;
    return raw;
}

void SymbolTable::pop() {
    m_current = m_current->parent;
}

void SymbolTable::addDef(const std::string& name, uint32_t flag, SourcePos pos) {
    uint32_t& f = m_current->symbols[name];
    if (flag == Scope::kParam && (f & Scope::kParam))
        fail(pos, "duplicate argument '" + name + "' in function definition");
    f |= flag;
}

void SymbolTable::use(const std::string& name) {
    m_current->symbols[name] |= Scope::kUsed;
    // super() needs the class cell of the enclosing class.
    if (name == "super" &&
        (m_current->kind == ScopeKind::Function || m_current->kind == ScopeKind::Lambda)) {
        m_current->symbols["__class__"] |= Scope::kUsed;
    }
}

Expected<bool> SymbolTable::build(const Module& module) {
    m_root = std::make_unique<Scope>();
    m_root->kind = ScopeKind::Module;
    m_root->name = "<module>";
    m_current = m_root.get();
    try {
        visitStmts(module.body);
        std::set<std::string> free;
        analyze(*m_root, {}, free);
    } catch (Failure& f) {
        return f.diag;
    }
    return true;
}

void SymbolTable::visitStmts(const StmtList& body) {
    for (const auto& s : body) visitStmt(*s);
}

void SymbolTable::visitArguments(const Arguments& args) {
    for (const auto& a : args.posonly) {
        addDef(a.name, Scope::kParam, a.pos);
        m_current->params.push_back(a.name);
    }
    for (const auto& a : args.args) {
        addDef(a.name, Scope::kParam, a.pos);
        m_current->params.push_back(a.name);
    }
    for (const auto& a : args.kwonly) {
        addDef(a.name, Scope::kParam, a.pos);
        m_current->params.push_back(a.name);
    }
    if (args.vararg) {
        addDef(args.vararg->name, Scope::kParam, args.vararg->pos);
        m_current->params.push_back(args.vararg->name);
    }
    if (args.kwarg) {
        addDef(args.kwarg->name, Scope::kParam, args.kwarg->pos);
        m_current->params.push_back(args.kwarg->name);
    }
}

void SymbolTable::visitStmt(const Stmt& s) {
    switch (s.kind) {
        case StmtKind::FunctionDef: {
            for (const auto& d : s.decorators) visitExpr(d.get());
            for (const auto& d : s.args->defaults) visitExpr(d.get());
            for (const auto& d : s.args->kwDefaults) visitExpr(d.get());
            addDef(s.name, Scope::kAssigned, s.pos);
            push(ScopeKind::Function, s.name, &s, s.pos);
            visitArguments(*s.args);
            visitStmts(s.body);
            pop();
            break;
        }
        case StmtKind::ClassDef: {
            for (const auto& d : s.decorators) visitExpr(d.get());
            for (const auto& b : s.bases) visitExpr(b.get());
            addDef(s.name, Scope::kAssigned, s.pos);
            push(ScopeKind::Class, s.name, &s, s.pos);
            visitStmts(s.body);
            pop();
            break;
        }
        case StmtKind::Return:
            if (m_current->kind != ScopeKind::Function) fail(s.pos, "'return' outside function");
            visitExpr(s.value.get());
            break;
        case StmtKind::Delete:
            for (const auto& t : s.targets) visitExpr(t.get());
            break;
        case StmtKind::Assign:
            visitExpr(s.value.get());
            for (const auto& t : s.targets) visitExpr(t.get());
            break;
        case StmtKind::AugAssign:
        case StmtKind::AnnAssign:
            visitExpr(s.value.get());
            visitExpr(s.target.get());
            if (s.kind == StmtKind::AugAssign && s.target->kind == ExprKind::Name)
                use(s.target->name);
            break;
        case StmtKind::For:
            visitExpr(s.test.get());
            visitExpr(s.target.get());
            visitStmts(s.body);
            visitStmts(s.orelse);
            break;
        case StmtKind::While:
        case StmtKind::If:
            visitExpr(s.test.get());
            visitStmts(s.body);
            visitStmts(s.orelse);
            break;
        case StmtKind::With:
            for (const auto& item : s.items) {
                visitExpr(item.context.get());
                visitExpr(item.target.get());
            }
            visitStmts(s.body);
            break;
        case StmtKind::Raise:
            visitExpr(s.value.get());
            visitExpr(s.test.get());
            break;
        case StmtKind::Try:
            visitStmts(s.body);
            for (const auto& h : s.handlers) {
                visitExpr(h.type.get());
                if (!h.name.empty()) addDef(h.name, Scope::kAssigned, h.pos);
                visitStmts(h.body);
            }
            visitStmts(s.orelse);
            visitStmts(s.finalbody);
            break;
        case StmtKind::Assert:
            visitExpr(s.test.get());
            visitExpr(s.msg.get());
            break;
        case StmtKind::Import:
            for (const auto& a : s.names) {
                std::string bound =
                    a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
                addDef(bound, Scope::kAssigned, a.pos);
            }
            break;
        case StmtKind::ImportFrom:
            for (const auto& a : s.names) {
                if (a.name == "*") {
                    if (m_current->kind != ScopeKind::Module)
                        fail(s.pos, "import * only allowed at module level");
                    continue;
                }
                addDef(a.asname.empty() ? a.name : a.asname, Scope::kAssigned, a.pos);
            }
            break;
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            bool global = s.kind == StmtKind::Global;
            if (!global && m_current->kind == ScopeKind::Module)
                fail(s.pos, "nonlocal declaration not allowed at module level");
            for (const auto& a : s.names) {
                uint32_t& f = m_current->symbols[a.name];
                const char* kw = global ? "global" : "nonlocal";
                if (f & Scope::kParam) fail(s.pos, "name '" + a.name + "' is parameter and " + kw);
                if (f & Scope::kUsed)
                    fail(s.pos, "name '" + a.name + "' is used prior to " + kw + " declaration");
                if (f & Scope::kAssigned)
                    fail(s.pos,
                         "name '" + a.name + "' is assigned to before " + kw + " declaration");
                if (global && (f & Scope::kNonlocal))
                    fail(s.pos, "name '" + a.name + "' is nonlocal and global");
                if (!global && (f & Scope::kGlobal))
                    fail(s.pos, "name '" + a.name + "' is nonlocal and global");
                f |= global ? Scope::kGlobal : Scope::kNonlocal;
            }
            break;
        }
        case StmtKind::ExprStmt:
            visitExpr(s.value.get());
            break;
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue:
            break;
    }
}

void SymbolTable::visitComprehension(const Expr& e) {
    // The first iterable is evaluated in the enclosing scope.
    visitExpr(e.generators[0].iter.get());
    const char* name = e.kind == ExprKind::ListComp   ? "<listcomp>"
                       : e.kind == ExprKind::SetComp  ? "<setcomp>"
                       : e.kind == ExprKind::DictComp ? "<dictcomp>"
                                                      : "<genexpr>";
    Scope* sc = push(ScopeKind::Comprehension, name, &e, e.pos);
    sc->isGenerator = e.kind == ExprKind::GeneratorExp;
    addDef(".0", Scope::kParam, e.pos);
    sc->params.push_back(".0");
    for (std::size_t i = 0; i < e.generators.size(); ++i) {
        const auto& g = e.generators[i];
        if (i > 0) visitExpr(g.iter.get());
        visitExpr(g.target.get());
        for (const auto& cond : g.ifs) visitExpr(cond.get());
    }
    visitExpr(e.a.get());
    visitExpr(e.b.get());
    pop();
}

void SymbolTable::visitExpr(const Expr* e) {
    if (!e) return;
    switch (e->kind) {
        case ExprKind::Name:
            if (e->ctx == ExprCtx::Load)
                use(e->name);
            else
                addDef(e->name, Scope::kAssigned, e->pos);
            break;
        case ExprKind::Constant:
            break;
        case ExprKind::Lambda: {
            for (const auto& d : e->args->defaults) visitExpr(d.get());
            for (const auto& d : e->args->kwDefaults) visitExpr(d.get());
            push(ScopeKind::Lambda, "<lambda>", e, e->pos);
            visitArguments(*e->args);
            visitExpr(e->a.get());
            pop();
            break;
        }
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp:
            visitComprehension(*e);
            break;
        case ExprKind::NamedExpr: {
            // The target binds in the nearest enclosing non-comprehension scope.
            if (m_current->kind == ScopeKind::Comprehension) {
                fail(e->pos,
                     "assignment expressions inside comprehensions are not supported by Taskscope "
                     "yet");
            }
            visitExpr(e->b.get());
            visitExpr(e->a.get());
            break;
        }
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            if (m_current->kind == ScopeKind::Module || m_current->kind == ScopeKind::Class) {
                fail(e->pos, "'yield' outside function");
            }
            if (m_current->kind == ScopeKind::Comprehension)
                fail(e->pos, "'yield' inside list comprehension");
            m_current->isGenerator = true;
            visitExpr(e->a.get());
            break;
        default:
            visitExpr(e->a.get());
            visitExpr(e->b.get());
            visitExpr(e->c.get());
            for (const auto& x : e->elts) visitExpr(x.get());
            for (const auto& x : e->values) visitExpr(x.get());
            for (const auto& k : e->keywords) visitExpr(k.value.get());
            break;
    }
}

void SymbolTable::analyze(Scope& scope, const std::set<std::string>& bound,
                          std::set<std::string>& freeOut) {
    std::set<std::string> locals;
    bool isFunction = scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Lambda ||
                      scope.kind == ScopeKind::Comprehension;
    for (const auto& [name, flags] : scope.symbols) {
        NameScope ns;
        if (scope.kind == ScopeKind::Module) {
            ns = (flags & Scope::kGlobal) ? NameScope::GlobalExplicit : NameScope::GlobalImplicit;
        } else if (flags & Scope::kGlobal) {
            ns = NameScope::GlobalExplicit;
        } else if (flags & Scope::kNonlocal) {
            if (!bound.count(name)) fail(scope.pos, "no binding for nonlocal '" + name + "' found");
            ns = NameScope::Free;
            scope.frees.insert(name);
        } else if (flags & (Scope::kAssigned | Scope::kParam)) {
            ns = NameScope::Local;
            locals.insert(name);
        } else if (bound.count(name) && (isFunction || scope.kind == ScopeKind::Class)) {
            ns = NameScope::Free;
            scope.frees.insert(name);
        } else {
            ns = NameScope::GlobalImplicit;
        }
        scope.resolved[name] = ns;
    }
    std::set<std::string> newBound = bound;
    if (isFunction) {
        for (const auto& n : locals) newBound.insert(n);
    }
    if (scope.kind == ScopeKind::Class) newBound.insert("__class__");
    std::set<std::string> childFree;
    for (auto& child : scope.children) {
        std::set<std::string> f;
        analyze(*child, newBound, f);
        childFree.insert(f.begin(), f.end());
    }
    for (const auto& name : childFree) {
        if (isFunction && locals.count(name)) {
            scope.cells.insert(name);
            scope.resolved[name] = NameScope::Cell;
        } else if (scope.kind == ScopeKind::Class && name == "__class__") {
            scope.needsClassCell = true;
        } else if (scope.kind != ScopeKind::Module) {
            // Passes through this scope to an inner one.
            scope.frees.insert(name);
            if (!scope.resolved.count(name) || scope.resolved[name] == NameScope::GlobalImplicit) {
                if (scope.kind != ScopeKind::Class) scope.resolved[name] = NameScope::Free;
            }
        }
    }
    freeOut = scope.frees;
    // A class's own names are not visible in methods, but frees passing through it are.
    if (scope.kind == ScopeKind::Class) {
        freeOut.clear();
        for (const auto& n : scope.frees) freeOut.insert(n);
    }
}

}  // namespace taskscope::core::lang
