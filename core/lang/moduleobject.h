#pragma once

#include <string>

#include "core/lang/gcobject.h"

namespace taskscope::core::lang {

class DictObject;

class ModuleObject final : public GcObject {
public:
    explicit ModuleObject(std::string name);
    ModuleObject(std::string name, Value dict);
    TypeObject* type() const override;
    Value deepCopy(CopyMemo& memo) const override;
    // A cycle through a module passes through its dict, which clears itself: clearRefs()
    // keeps the module usable (the inherited no-op).
    void traverse(GcVisitor& visit) const override { visit(m_dict); }

    const std::string& name() const { return m_name; }
    DictObject* dict() const;
    const Value& dictValue() const { return m_dict; }
    // Host modules that must not be copied on fork (they hold no per-process state) can
    // set this; their functions and classes are shared by parent and child.
    bool m_shared = false;

private:
    std::string m_name;
    Value m_dict;
};

Value makeModule(std::string name);

}  // namespace taskscope::core::lang
