#pragma once
// Scope analysis (CPython's symtable.c in miniature): which names are local, global,
// free (closure) or cell variables in every function, class, lambda and comprehension.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/lang/ast.h"
#include "core/lang/source_pos.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

enum class ScopeKind : uint8_t { Module, Function, Class, Lambda, Comprehension };
enum class NameScope : uint8_t { Local, GlobalExplicit, GlobalImplicit, Free, Cell };

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string name;
    Scope* parent = nullptr;
    std::vector<std::unique_ptr<Scope>> children;

    enum Flag : uint32_t {
        kAssigned = 1,  // bound here (assignment, def, import, for target, ...)
        kParam = 2,
        kUsed = 4,
        kGlobal = 8,     // declared global
        kNonlocal = 16,  // declared nonlocal
    };
    std::map<std::string, uint32_t> symbols;
    std::vector<std::string> params;  // in order
    std::map<std::string, NameScope> resolved;
    std::set<std::string> cells;
    std::set<std::string> frees;
    bool isGenerator = false;
    bool needsClassCell = false;  // class body: some method uses super()/__class__
    SourcePos pos;

    NameScope scopeOf(const std::string& name) const;
};

class SymbolTable {
public:
    SymbolTable(std::string filename, std::string_view source);
    // Builds and resolves all scopes of a module; errors are diagnostics.
    Expected<bool> build(const Module& module);
    Scope* scopeFor(const void* node) const;
    Scope* moduleScope() const { return m_root.get(); }

    struct Failure {
        Diagnostic diag;
    };

private:
    void visitStmts(const StmtList& body);
    void visitStmt(const Stmt& s);
    void visitExpr(const Expr* e);
    void visitArguments(const Arguments& args);
    void visitComprehension(const Expr& e);
    void addDef(const std::string& name, uint32_t flag, SourcePos pos);
    void use(const std::string& name);
    Scope* push(ScopeKind kind, const std::string& name, const void* node, SourcePos pos);
    void pop();
    void analyze(Scope& scope, const std::set<std::string>& bound, std::set<std::string>& freeOut);
    [[noreturn]] void fail(SourcePos pos, std::string message);

    std::string m_file;
    std::string_view m_source;
    std::unique_ptr<Scope> m_root;
    Scope* m_current = nullptr;
    std::map<const void*, Scope*> m_byNode;
};

}  // namespace taskscope::core::lang
