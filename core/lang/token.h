#pragma once

#include <string>

#include "core/lang/source_pos.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

enum class TokKind : uint8_t { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker };

struct Token {
    TokKind kind = TokKind::EndMarker;
    std::string text;  // identifier, operator, number literal, or the full string literal
    SourcePos pos;
    SourcePos end;
    bool is(const char* op) const { return kind == TokKind::Op && text == op; }
    bool isKeyword(const char* kw) const { return kind == TokKind::Name && text == kw; }
};

}  // namespace taskscope::core::lang
