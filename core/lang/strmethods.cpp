// Methods of str.
#include <algorithm>

#include "core/lang/builtins_internal.h"
#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {

// Simple case mapping for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
uint32_t toUpperCp(uint32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
    if (cp == 0xFF) return 0x178;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149) {
        bool oddPairs = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (oddPairs ? (cp % 2 == 0) : (cp % 2 == 1)) return cp - 1;
        return cp;
    }
    if (cp >= 0x3B1 && cp <= 0x3C9) return cp == 0x3C2 ? 0x3A3 : cp - 32;
    if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
    return cp;
}
uint32_t toLowerCp(uint32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
    if (cp == 0x178) return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x131 && cp != 0x138 && cp != 0x149) {
        bool oddPairs = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (oddPairs ? (cp % 2 == 1) : (cp % 2 == 0)) return cp + 1;
        return cp;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}
std::string mapCase(const std::string& s, bool upper) {
    std::string out;
    out.reserve(s.size());
    std::size_t p = 0;
    while (p < s.size()) {
        uint32_t cp = decodeUtf8(s, p);
        appendUtf8(out, upper ? toUpperCp(cp) : toLowerCp(cp));
    }
    return out;
}

const StrObject* selfStr(NativeCall& c) {
    return c.self().as<StrObject>();
}
const std::string& S(NativeCall& c) {
    return selfStr(c)->str();
}

const StrObject* argStr(NativeCall& c, std::size_t i, const char* what) {
    const Value& v = c.arg(i);
    if (!isStr(v)) typeError(std::string(what) + " arg must be None or str");
    return v.as<StrObject>();
}

NativeResult ret(std::string s) {
    return NativeResult::ret(makeStr(std::move(s)));
}

bool isSpaceCp(uint32_t cp) {
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::vector<uint32_t> codePoints(const std::string& s) {
    std::vector<uint32_t> out;
    std::size_t p = 0;
    while (p < s.size()) out.push_back(decodeUtf8(s, p));
    return out;
}

std::string fromCodePoints(const std::vector<uint32_t>& cps, std::size_t a, std::size_t b) {
    std::string out;
    for (std::size_t i = a; i < b; ++i) appendUtf8(out, cps[i]);
    return out;
}

// Clamps Python-style start/end arguments to byte offsets in s.
void rangeArgs(NativeCall& c, std::size_t first, const StrObject* s, std::size_t* a,
               std::size_t* b) {
    int64_t len = s->length();
    int64_t start = 0, end = len;
    VmThread& t = c.thread();
    if (c.argc() > first && !c.arg(first).isNone()) start = toIndex(t, c.arg(first));
    if (c.argc() > first + 1 && !c.arg(first + 1).isNone()) end = toIndex(t, c.arg(first + 1));
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (end < 0) end = std::max<int64_t>(0, end + len);
    start = std::min(start, len);
    end = std::min(end, len);
    if (end < start) end = start;
    *a = s->byteOffset(start);
    *b = s->byteOffset(end);
}

NativeResult s_strip(NativeCall& c, bool left, bool right) {
    c.expectArgs(1, 2);
    std::vector<uint32_t> cps = codePoints(S(c));
    std::vector<uint32_t> chars;
    bool useChars = c.argc() == 2 && !c.arg(1).isNone();
    if (useChars) chars = codePoints(argStr(c, 1, "strip")->str());
    auto strip = [&](uint32_t cp) {
        return useChars ? std::find(chars.begin(), chars.end(), cp) != chars.end() : isSpaceCp(cp);
    };
    std::size_t a = 0, b = cps.size();
    if (left) {
        while (a < b && strip(cps[a])) ++a;
    }
    if (right) {
        while (b > a && strip(cps[b - 1])) --b;
    }
    return ret(fromCodePoints(cps, a, b));
}
NativeResult s_strip_(NativeCall& c) {
    return s_strip(c, true, true);
}
NativeResult s_lstrip(NativeCall& c) {
    return s_strip(c, true, false);
}
NativeResult s_rstrip(NativeCall& c) {
    return s_strip(c, false, true);
}

NativeResult s_split(NativeCall& c) {
    c.allowKwargs({"sep", "maxsplit"});
    VmThread& t = c.thread();
    Value sepV = c.argOr(1, "sep", Value::none());
    int64_t maxsplit = toIndex(t, c.argOr(2, "maxsplit", Value::smallInt(-1)));
    const std::string& s = S(c);
    std::vector<Value> out;
    if (sepV.isNone()) {
        std::vector<uint32_t> cps = codePoints(s);
        std::size_t i = 0, n = cps.size();
        while (i < n) {
            while (i < n && isSpaceCp(cps[i])) ++i;
            if (i >= n) break;
            if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) {
                std::size_t end = n;
                while (end > i && isSpaceCp(cps[end - 1])) --end;
                out.push_back(makeStr(fromCodePoints(cps, i, end)));
                break;
            }
            std::size_t j = i;
            while (j < n && !isSpaceCp(cps[j])) ++j;
            out.push_back(makeStr(fromCodePoints(cps, i, j)));
            i = j;
        }
        return NativeResult::ret(makeList(std::move(out)));
    }
    if (!isStr(sepV)) typeError("must be str or None, not " + typeName(sepV));
    const std::string& sep = strOfValue(sepV);
    if (sep.empty()) valueError("empty separator");
    std::size_t pos = 0;
    while (true) {
        if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) break;
        std::size_t f = s.find(sep, pos);
        if (f == std::string::npos) break;
        out.push_back(makeStr(s.substr(pos, f - pos)));
        pos = f + sep.size();
    }
    out.push_back(makeStr(s.substr(pos)));
    return NativeResult::ret(makeList(std::move(out)));
}

NativeResult s_rsplit(NativeCall& c) {
    c.allowKwargs({"sep", "maxsplit"});
    VmThread& t = c.thread();
    Value sepV = c.argOr(1, "sep", Value::none());
    int64_t maxsplit = toIndex(t, c.argOr(2, "maxsplit", Value::smallInt(-1)));
    const std::string& s = S(c);
    std::vector<Value> out;
    if (sepV.isNone()) {
        std::vector<uint32_t> cps = codePoints(s);
        std::size_t n = cps.size();
        std::size_t j = n;
        while (j > 0) {
            while (j > 0 && isSpaceCp(cps[j - 1])) --j;
            if (j == 0) break;
            if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) {
                std::size_t start = 0;
                while (start < j && isSpaceCp(cps[start])) ++start;
                out.push_back(makeStr(fromCodePoints(cps, start, j)));
                break;
            }
            std::size_t i = j;
            while (i > 0 && !isSpaceCp(cps[i - 1])) --i;
            out.push_back(makeStr(fromCodePoints(cps, i, j)));
            j = i;
        }
        std::reverse(out.begin(), out.end());
        return NativeResult::ret(makeList(std::move(out)));
    }
    if (!isStr(sepV)) typeError("must be str or None, not " + typeName(sepV));
    const std::string& sep = strOfValue(sepV);
    if (sep.empty()) valueError("empty separator");
    std::size_t end = s.size();
    while (true) {
        if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) break;
        if (end < sep.size()) break;
        std::size_t f = s.rfind(sep, end - sep.size());
        if (f == std::string::npos) break;
        out.push_back(makeStr(s.substr(f + sep.size(), end - f - sep.size())));
        end = f;
    }
    out.push_back(makeStr(s.substr(0, end)));
    std::reverse(out.begin(), out.end());
    return NativeResult::ret(makeList(std::move(out)));
}

NativeResult s_splitlines(NativeCall& c) {
    c.allowKwargs({"keepends"});
    bool keep = truthy(c.thread(), c.argOr(1, "keepends", Value::boolean(false)));
    const std::string& s = S(c);
    std::vector<Value> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n' || s[i] == '\r') {
            std::size_t eol = i;
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            out.push_back(makeStr(s.substr(start, (keep ? i + 1 : eol) - start)));
            start = i + 1;
        }
    }
    if (start < s.size()) out.push_back(makeStr(s.substr(start)));
    return NativeResult::ret(makeList(std::move(out)));
}

NativeResult s_join(NativeCall& c) {
    c.expectArgs(2, 2);
    VmThread& t = c.thread();
    std::vector<Value> items = toVector(t, c.arg(1));
    const std::string& sep = S(c);
    std::string out;
    int64_t len = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!isStr(items[i])) {
            typeError("sequence item " + std::to_string(i) + ": expected str instance, " +
                      typeName(items[i]) + " found");
        }
        if (i) {
            out += sep;
            len += selfStr(c)->length();
        }
        out += strOfValue(items[i]);
        len += items[i].as<StrObject>()->length();
    }
    t.addCostPs(static_cast<int64_t>(items.size()) * t.interp().costs().perItemPs / 2);
    return NativeResult::ret(make<StrObject>(std::move(out), len));
}

NativeResult s_upper(NativeCall& c) {
    return ret(mapCase(S(c), true));
}
NativeResult s_lower(NativeCall& c) {
    return ret(mapCase(S(c), false));
}
NativeResult s_casefold(NativeCall& c) {
    return s_lower(c);
}
NativeResult s_swapcase(NativeCall& c) {
    std::string out = S(c);
    for (auto& ch : out) {
        auto u = static_cast<unsigned char>(ch);
        ch = static_cast<char>(std::isupper(u) ? std::tolower(u) : std::toupper(u));
    }
    return ret(out);
}
NativeResult s_title(NativeCall& c) {
    std::string out = S(c);
    bool prevCased = false;
    for (auto& ch : out) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isalpha(u)) {
            ch = static_cast<char>(prevCased ? std::tolower(u) : std::toupper(u));
            prevCased = true;
        } else {
            prevCased = u >= 0x80 ? prevCased : false;
        }
    }
    return ret(out);
}
NativeResult s_capitalize(NativeCall& c) {
    std::string out = S(c);
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto u = static_cast<unsigned char>(out[i]);
        out[i] = static_cast<char>(i == 0 ? std::toupper(u) : std::tolower(u));
    }
    return ret(out);
}

NativeResult startsEnds(NativeCall& c, bool starts) {
    c.expectArgs(2, 4);
    const StrObject* s = selfStr(c);
    std::size_t a, b;
    rangeArgs(c, 2, s, &a, &b);
    std::string_view view = std::string_view(s->str()).substr(a, b - a);
    auto test = [&](const Value& p) {
        if (!isStr(p)) {
            typeError(std::string(starts ? "startswith" : "endswith") +
                      " first arg must be str or a tuple of str, not " + typeName(p));
        }
        std::string_view pv = p.as<StrObject>()->view();
        if (pv.size() > view.size()) return false;
        return starts ? view.substr(0, pv.size()) == pv
                      : view.substr(view.size() - pv.size()) == pv;
    };
    const Value& prefix = c.arg(1);
    if (prefix.isKind(ObjKind::Tuple)) {
        for (const auto& p : prefix.as<TupleObject>()->items()) {
            if (test(p)) return NativeResult::ret(Value::boolean(true));
        }
        return NativeResult::ret(Value::boolean(false));
    }
    return NativeResult::ret(Value::boolean(test(prefix)));
}
NativeResult s_startswith(NativeCall& c) {
    return startsEnds(c, true);
}
NativeResult s_endswith(NativeCall& c) {
    return startsEnds(c, false);
}

NativeResult s_replace(NativeCall& c) {
    c.expectArgs(3, 4);
    const std::string& s = S(c);
    const std::string& from = argStr(c, 1, "replace")->str();
    const std::string& to = argStr(c, 2, "replace")->str();
    int64_t count = c.argc() == 4 ? toIndex(c.thread(), c.arg(3)) : -1;
    std::string out;
    if (from.empty()) {
        std::vector<uint32_t> cps = codePoints(s);
        int64_t done = 0;
        for (std::size_t i = 0; i <= cps.size(); ++i) {
            if (count < 0 || done < count) {
                out += to;
                ++done;
            }
            if (i < cps.size()) appendUtf8(out, cps[i]);
        }
        return ret(out);
    }
    std::size_t pos = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        std::size_t f = s.find(from, pos);
        if (f == std::string::npos) break;
        out += s.substr(pos, f - pos);
        out += to;
        pos = f + from.size();
        ++done;
    }
    out += s.substr(pos);
    return ret(out);
}

int64_t byteToCp(const StrObject* s, std::size_t byte) {
    return utf8Length(std::string_view(s->str()).substr(0, byte));
}

NativeResult findImpl(NativeCall& c, bool reverse, bool raise, const char* name) {
    c.expectArgs(2, 4);
    const StrObject* s = selfStr(c);
    if (!isStr(c.arg(1))) typeError("must be str, not " + typeName(c.arg(1)));
    const std::string& sub = strOfValue(c.arg(1));
    std::size_t a, b;
    rangeArgs(c, 2, s, &a, &b);
    std::string_view view = std::string_view(s->str()).substr(a, b - a);
    std::size_t f = reverse ? view.rfind(sub) : view.find(sub);
    if (f == std::string_view::npos) {
        if (raise) valueError(std::string("substring not found"));
        return NativeResult::ret(Value::smallInt(-1));
    }
    (void)name;
    return NativeResult::ret(intFrom(byteToCp(s, a + f)));
}
NativeResult s_find(NativeCall& c) {
    return findImpl(c, false, false, "find");
}
NativeResult s_rfind(NativeCall& c) {
    return findImpl(c, true, false, "rfind");
}
NativeResult s_index(NativeCall& c) {
    return findImpl(c, false, true, "index");
}
NativeResult s_rindex(NativeCall& c) {
    return findImpl(c, true, true, "rindex");
}

NativeResult s_count(NativeCall& c) {
    c.expectArgs(2, 4);
    const StrObject* s = selfStr(c);
    if (!isStr(c.arg(1))) typeError("must be str, not " + typeName(c.arg(1)));
    const std::string& sub = strOfValue(c.arg(1));
    std::size_t a, b;
    rangeArgs(c, 2, s, &a, &b);
    std::string_view view = std::string_view(s->str()).substr(a, b - a);
    if (sub.empty()) return NativeResult::ret(intFrom(utf8Length(view) + 1));
    int64_t n = 0;
    std::size_t pos = 0;
    while ((pos = view.find(sub, pos)) != std::string_view::npos) {
        ++n;
        pos += sub.size();
    }
    return NativeResult::ret(intFrom(n));
}

template <typename Pred>
NativeResult classify(NativeCall& c, Pred pred) {
    const std::string& s = S(c);
    if (s.empty()) return NativeResult::ret(Value::boolean(false));
    std::size_t p = 0;
    while (p < s.size()) {
        if (!pred(decodeUtf8(s, p))) return NativeResult::ret(Value::boolean(false));
    }
    return NativeResult::ret(Value::boolean(true));
}
bool isAlphaCp(uint32_t cp) {
    return cp < 0x80 ? std::isalpha(static_cast<int>(cp)) != 0
                     : (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
                        !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF20));
}
bool isDigitCp(uint32_t cp) {
    return cp >= '0' && cp <= '9';
}
NativeResult s_isdigit(NativeCall& c) {
    return classify(c, isDigitCp);
}
NativeResult s_isdecimal(NativeCall& c) {
    return classify(c, isDigitCp);
}
NativeResult s_isnumeric(NativeCall& c) {
    return classify(c, isDigitCp);
}
NativeResult s_isalpha(NativeCall& c) {
    return classify(c, isAlphaCp);
}
NativeResult s_isalnum(NativeCall& c) {
    return classify(c, [](uint32_t cp) { return isAlphaCp(cp) || isDigitCp(cp); });
}
NativeResult s_isspace(NativeCall& c) {
    return classify(c, isSpaceCp);
}
NativeResult s_isidentifier(NativeCall& c) {
    const std::string& s = S(c);
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0])))
        return NativeResult::ret(Value::boolean(false));
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        if (!(std::isalnum(u) || ch == '_' || u >= 0x80))
            return NativeResult::ret(Value::boolean(false));
    }
    return NativeResult::ret(Value::boolean(true));
}
NativeResult s_isupper(NativeCall& c) {
    const std::string& s = S(c);
    bool cased = false;
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        if (std::islower(u)) return NativeResult::ret(Value::boolean(false));
        cased |= std::isupper(u) != 0;
    }
    return NativeResult::ret(Value::boolean(cased));
}
NativeResult s_islower(NativeCall& c) {
    const std::string& s = S(c);
    bool cased = false;
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isupper(u)) return NativeResult::ret(Value::boolean(false));
        cased |= std::islower(u) != 0;
    }
    return NativeResult::ret(Value::boolean(cased));
}

NativeResult s_istitle(NativeCall& c) {
    const std::string& s = S(c);
    bool cased = false, prevCased = false;
    for (char ch : s) {
        auto u = static_cast<unsigned char>(ch);
        if (std::isupper(u)) {
            if (prevCased) return NativeResult::ret(Value::boolean(false));
            prevCased = cased = true;
        } else if (std::islower(u)) {
            if (!prevCased) return NativeResult::ret(Value::boolean(false));
            prevCased = cased = true;
        } else {
            prevCased = false;
        }
    }
    return NativeResult::ret(Value::boolean(cased));
}

NativeResult justify(NativeCall& c, char how) {
    c.expectArgs(2, 3);
    int64_t width = toIndex(c.thread(), c.arg(1));
    std::string fill = " ";
    if (c.argc() == 3) {
        if (!isStr(c.arg(2)) || c.arg(2).as<StrObject>()->length() != 1) {
            typeError("The fill character must be exactly one character long");
        }
        fill = strOfValue(c.arg(2));
    }
    const StrObject* s = selfStr(c);
    int64_t len = s->length();
    if (width <= len) return NativeResult::ret(c.self());
    int64_t padN = width - len;
    auto rep = [&](int64_t n) {
        std::string out;
        for (int64_t i = 0; i < n; ++i) out += fill;
        return out;
    };
    if (how == '<') return ret(s->str() + rep(padN));
    if (how == '>') return ret(rep(padN) + s->str());
    // center: CPython puts the extra char on the left when width and len are odd/even mixed.
    int64_t left = padN / 2 + (padN & width & 1);
    return ret(rep(left) + s->str() + rep(padN - left));
}
NativeResult s_ljust(NativeCall& c) {
    return justify(c, '<');
}
NativeResult s_rjust(NativeCall& c) {
    return justify(c, '>');
}
NativeResult s_center(NativeCall& c) {
    return justify(c, '^');
}

NativeResult s_zfill(NativeCall& c) {
    c.expectArgs(2, 2);
    int64_t width = toIndex(c.thread(), c.arg(1));
    const StrObject* s = selfStr(c);
    if (width <= s->length()) return NativeResult::ret(c.self());
    std::string str = s->str();
    std::string sign;
    if (!str.empty() && (str[0] == '+' || str[0] == '-')) {
        sign = str.substr(0, 1);
        str = str.substr(1);
    }
    return ret(sign + std::string(static_cast<std::size_t>(width - s->length()), '0') + str);
}

NativeResult s_format(NativeCall& c) {
    VmThread& t = c.thread();
    std::vector<Value> kwValues;
    for (std::size_t i = 0; i < c.kwargc(); ++i) kwValues.push_back(c.kwValue(i));
    std::vector<Value> kwNamesV;
    for (std::size_t i = 0; i < c.kwargc(); ++i) kwNamesV.push_back(makeStr(c.kwName(i)));
    Value names = makeTuple(std::move(kwNamesV));
    std::span<const Value> args = c.args().subspan(1);
    t.addCostPs(t.interp().costs().formatPs * static_cast<int64_t>(args.size() + c.kwargc() + 1));
    return ret(strFormat(t, S(c), args, kwValues, c.kwargc() ? names.as<TupleObject>() : nullptr));
}

NativeResult s_format_map(NativeCall& c) {
    c.expectArgs(2, 2);
    const Value& m = c.arg(1);
    std::vector<Value> names, values;
    if (m.isKind(ObjKind::Dict)) {
        for (const auto& e : m.as<DictObject>()->entries()) {
            if (!e.key.isNull() && isStr(e.key)) {
                names.push_back(e.key);
                values.push_back(e.value);
            }
        }
    }
    Value nt = makeTuple(std::move(names));
    return ret(strFormat(c.thread(), S(c), {}, values, nt.as<TupleObject>()));
}

NativeResult s_partition(NativeCall& c, bool reverse) {
    c.expectArgs(2, 2);
    const std::string& s = S(c);
    if (!isStr(c.arg(1))) typeError("must be str, not " + typeName(c.arg(1)));
    const std::string& sep = strOfValue(c.arg(1));
    if (sep.empty()) valueError("empty separator");
    std::size_t f = reverse ? s.rfind(sep) : s.find(sep);
    if (f == std::string::npos) {
        if (reverse)
            return NativeResult::ret(
                makeTuple({makeStr(std::string()), makeStr(std::string()), c.self()}));
        return NativeResult::ret(
            makeTuple({c.self(), makeStr(std::string()), makeStr(std::string())}));
    }
    return NativeResult::ret(
        makeTuple({makeStr(s.substr(0, f)), c.arg(1), makeStr(s.substr(f + sep.size()))}));
}
NativeResult s_partition_(NativeCall& c) {
    return s_partition(c, false);
}
NativeResult s_rpartition(NativeCall& c) {
    return s_partition(c, true);
}

NativeResult s_removeprefix(NativeCall& c) {
    c.expectArgs(2, 2);
    const std::string& s = S(c);
    const std::string& p = argStr(c, 1, "removeprefix")->str();
    if (s.rfind(p, 0) == 0) return ret(s.substr(p.size()));
    return NativeResult::ret(c.self());
}
NativeResult s_removesuffix(NativeCall& c) {
    c.expectArgs(2, 2);
    const std::string& s = S(c);
    const std::string& p = argStr(c, 1, "removesuffix")->str();
    if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
        return ret(s.substr(0, s.size() - p.size()));
    return NativeResult::ret(c.self());
}

NativeResult s_expandtabs(NativeCall& c) {
    int64_t tab = c.argc() > 1 ? toIndex(c.thread(), c.arg(1)) : 8;
    std::string out;
    int64_t col = 0;
    std::size_t p = 0;
    const std::string& s = S(c);
    while (p < s.size()) {
        uint32_t cp = decodeUtf8(s, p);
        if (cp == '\t') {
            int64_t n = tab > 0 ? tab - col % tab : 0;
            out.append(static_cast<std::size_t>(n), ' ');
            col += n;
        } else {
            appendUtf8(out, cp);
            col = (cp == '\n' || cp == '\r') ? 0 : col + 1;
        }
    }
    return ret(out);
}

NativeResult s_encode(NativeCall& c) {
    (void)c;
    throwPy(BT().NotImplementedError, "bytes are not supported by Taskscope yet");
}

NativeResult s_mod(NativeCall& c) {
    c.expectArgs(2, 2);
    return ret(percentFormat(c.thread(), S(c), c.arg(1)));
}

NativeResult s_maketrans(NativeCall& c) {
    (void)c;
    throwPy(BT().NotImplementedError, "str.maketrans is not supported by Taskscope yet");
}

}  // namespace

void addStrMethods(BuiltinTypes& bt) {
    TypeObject* t = bt.str;
    addMethods(t, {{"strip", s_strip_},
                   {"lstrip", s_lstrip},
                   {"rstrip", s_rstrip},
                   {"split", s_split},
                   {"rsplit", s_rsplit},
                   {"splitlines", s_splitlines},
                   {"join", s_join},
                   {"upper", s_upper},
                   {"lower", s_lower},
                   {"casefold", s_casefold},
                   {"swapcase", s_swapcase},
                   {"title", s_title},
                   {"capitalize", s_capitalize},
                   {"startswith", s_startswith},
                   {"endswith", s_endswith},
                   {"replace", s_replace},
                   {"find", s_find},
                   {"rfind", s_rfind},
                   {"index", s_index},
                   {"rindex", s_rindex},
                   {"count", s_count},
                   {"isdigit", s_isdigit},
                   {"isdecimal", s_isdecimal},
                   {"isnumeric", s_isnumeric},
                   {"isalpha", s_isalpha},
                   {"isalnum", s_isalnum},
                   {"isspace", s_isspace},
                   {"isidentifier", s_isidentifier},
                   {"isupper", s_isupper},
                   {"islower", s_islower},
                   {"istitle", s_istitle},
                   {"ljust", s_ljust},
                   {"rjust", s_rjust},
                   {"center", s_center},
                   {"zfill", s_zfill},
                   {"format", s_format},
                   {"format_map", s_format_map},
                   {"partition", s_partition_},
                   {"rpartition", s_rpartition},
                   {"removeprefix", s_removeprefix},
                   {"removesuffix", s_removesuffix},
                   {"expandtabs", s_expandtabs},
                   {"encode", s_encode},
                   {"maketrans", s_maketrans},
                   {"__mod__", s_mod}});
}

}  // namespace taskscope::core::lang
