#include "core/lang/errors.h"

#include "core/lang/instanceobject.h"
#include "core/lang/typeobject.h"

namespace taskscope::core::lang {

void throwPy(TypeObject* type, std::string message) {
    throw PyException{makeException(type, std::move(message))};
}
void throwPyValue(Value exception) {
    throw PyException{std::move(exception)};
}

}  // namespace taskscope::core::lang
