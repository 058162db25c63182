#pragma once

// QTest prints the values of a failed QCOMPARE through toString() found by argument-dependent
// lookup, and the core's toString(ThreadState) returns a string_view, which QTest cannot use.
// So the core's enums are compared by name: QCOMPARE(str(t.state), str(ThreadState::Waiting)).
#include <QString>

#include "core/os/state.h"

namespace taskscope::test {
inline QString str(core::ThreadState s) {
    return QString::fromLatin1(core::toString(s).data(), core::toString(s).size());
}
inline QString str(core::WaitReason r) {
    return QString::fromLatin1(core::toString(r).data(), core::toString(r).size());
}
inline QString str(core::Cause c) {
    return QString::fromLatin1(core::toString(c).data(), core::toString(c).size());
}
}  // namespace taskscope::test
