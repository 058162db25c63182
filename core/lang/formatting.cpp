// repr of floats and strings, format() mini-language, str.format and %-formatting,
// all matching CPython 3.11's output.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/lang/internal.h"

namespace taskscope::core::lang {

namespace {

// Shortest round-trip digits and decimal exponent: value = 0.DIGITS * 10^decpt.
void shortestDigits(double d, std::string& digits, int& decpt) {
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string s(buf, res.ptr);
    std::size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    int exp10 = std::atoi(s.c_str() + e + 1);
    digits.clear();
    for (char c : mant) {
        if (c != '.' && c != '-') digits += c;
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    decpt = exp10 + 1;
}

std::string withExponent(const std::string& digits, int exp10, bool alwaysDot = false) {
    std::string out(1, digits[0]);
    if (digits.size() > 1)
        out += "." + digits.substr(1);
    else if (alwaysDot)
        out += ".0";
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    return out + buf;
}

}  // namespace

std::string floatRepr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0.0) return std::signbit(d) ? "-0.0" : "0.0";
    std::string sign = d < 0 ? "-" : "";
    std::string digits;
    int decpt;
    shortestDigits(std::fabs(d), digits, decpt);
    if (decpt <= -4 || decpt > 16) return sign + withExponent(digits, decpt - 1);
    std::string out;
    if (decpt <= 0) {
        out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
        out = digits + std::string(static_cast<std::size_t>(decpt) - digits.size(), '0') + ".0";
    } else {
        out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." +
              digits.substr(static_cast<std::size_t>(decpt));
    }
    return sign + out;
}

namespace {

bool isPrintable(uint32_t cp) {
    if (cp < 0x20 || cp == 0x7f) return false;
    if (cp >= 0x80 && cp < 0xA0) return false;
    if (cp == 0xAD) return false;
    if (cp >= 0xD800 && cp < 0xE000) return false;
    if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF) {
        return false;
    }
    if (cp >= 0xE000 && cp < 0xF900) return false;  // private use
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return cp == 0xFFFD;
    return cp <= 0x10FFFF;
}

}  // namespace

std::string reprString(std::string_view s) {
    bool hasSingle = s.find('\'') != std::string_view::npos;
    bool hasDouble = s.find('"') != std::string_view::npos;
    char quote = (hasSingle && !hasDouble) ? '"' : '\'';
    std::string out(1, quote);
    std::size_t pos = 0;
    while (pos < s.size()) {
        uint32_t cp = decodeUtf8(s, pos);
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (!isPrintable(cp)) {
            char buf[16];
            if (cp < 0x100)
                std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            else if (cp < 0x10000)
                std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            else
                std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        } else {
            appendUtf8(out, cp);
        }
    }
    out += quote;
    return out;
}

// ---- format spec mini-language ------------------------------------------------------------------
namespace {

struct Spec {
    std::string fill = " ";
    char align = 0;
    char sign = 0;
    bool alternate = false;
    bool zeroPad = false;
    int64_t width = -1;
    char grouping = 0;
    int64_t precision = -1;
    char type = 0;
};

Spec parseSpec(std::string_view s, const std::string& typeNameForErrors) {
    Spec sp;
    std::size_t i = 0;
    auto isAlign = [](char c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
    // fill may be any code point
    if (!s.empty()) {
        std::size_t p = 0;
        decodeUtf8(s, p);
        if (p < s.size() && isAlign(s[p])) {
            sp.fill = std::string(s.substr(0, p));
            sp.align = s[p];
            i = p + 1;
        } else if (isAlign(s[0])) {
            sp.align = s[0];
            i = 1;
        }
    }
    if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
    if (i < s.size() && s[i] == 'z') ++i;
    if (i < s.size() && s[i] == '#') {
        sp.alternate = true;
        ++i;
    }
    if (i < s.size() && s[i] == '0') {
        sp.zeroPad = true;
        ++i;
    }
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        sp.width = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            sp.width = sp.width * 10 + (s[i++] - '0');
    }
    if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
            valueError("Format specifier missing precision");
        sp.precision = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            sp.precision = sp.precision * 10 + (s[i++] - '0');
    }
    if (i < s.size()) sp.type = s[i++];
    if (i < s.size())
        valueError("Invalid format specifier '" + std::string(s) + "' for object of type '" +
                   typeNameForErrors + "'");
    if (sp.zeroPad && !sp.align) {
        sp.fill = "0";
        sp.align = '=';
    }
    return sp;
}

std::string groupDigits(const std::string& digits, char sep, int every) {
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[static_cast<std::size_t>(i)];
        int remaining = n - 1 - i;
        if (remaining > 0 && remaining % every == 0) out += sep;
    }
    return out;
}

std::string pad(const std::string& body, const std::string& signPrefix, const Spec& sp,
                char defaultAlign) {
    int64_t len = utf8Length(body) + utf8Length(signPrefix);
    char align = sp.align ? sp.align : defaultAlign;
    if (sp.width <= len) return signPrefix + body;
    int64_t padN = sp.width - len;
    auto fill = [&](int64_t n) {
        std::string f;
        for (int64_t i = 0; i < n; ++i) f += sp.fill;
        return f;
    };
    switch (align) {
        case '<':
            return signPrefix + body + fill(padN);
        case '^':
            return fill(padN / 2) + signPrefix + body + fill(padN - padN / 2);
        case '=':
            return signPrefix + fill(padN) + body;
        default:
            return fill(padN) + signPrefix + body;
    }
}

std::string formatFloatBody(double x, const Spec& sp, char type, std::string* signOut) {
    bool neg = std::signbit(x) && !std::isnan(x);
    double ax = std::fabs(x);
    *signOut = neg ? "-" : (sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "");
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (std::isinf(ax)) return upper ? "INF" : "inf";
    if (std::isnan(ax)) return upper ? "NAN" : "nan";
    std::string body;
    char buf[512];
    int prec = sp.precision < 0 ? 6 : static_cast<int>(std::min<int64_t>(sp.precision, 400));
    switch (type) {
        case 'f':
        case 'F':
        case '%': {
            double v = type == '%' ? ax * 100 : ax;
            std::snprintf(buf, sizeof buf, sp.alternate && prec == 0 ? "%#.*f" : "%.*f", prec, v);
            body = buf;
            break;
        }
        case 'e':
        case 'E':
            std::snprintf(
                buf, sizeof buf,
                type == 'e' ? (sp.alternate ? "%#.*e" : "%.*e") : (sp.alternate ? "%#.*E" : "%.*E"),
                prec, ax);
            body = buf;
            break;
        case 'g':
        case 'G':
            if (prec == 0) prec = 1;
            std::snprintf(
                buf, sizeof buf,
                type == 'g' ? (sp.alternate ? "%#.*g" : "%.*g") : (sp.alternate ? "%#.*G" : "%.*G"),
                prec, ax);
            body = buf;
            break;
        default: {  // no type
            if (sp.precision < 0) {
                body = floatRepr(ax);
            } else {
                int p = prec == 0 ? 1 : prec;
                std::snprintf(buf, sizeof buf, "%.*g", p, ax);
                body = buf;
                if (body.find_first_of(".e") == std::string::npos) {
                    // CPython keeps one digit after the point in fixed notation... unless it
                    // switched to exponent form because the exponent reached the precision.
                    int exp10 = ax == 0 ? 0 : static_cast<int>(std::floor(std::log10(ax)));
                    if (exp10 >= p) {
                        std::snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
                        body = buf;
                    } else {
                        body += ".0";
                    }
                }
            }
            break;
        }
    }
    if (type == '%') body += "%";
    if (sp.grouping) {
        std::size_t end = body.find_first_of(".eE%");
        std::string intPart = body.substr(0, end);
        std::string rest = end == std::string::npos ? "" : body.substr(end);
        body = groupDigits(intPart, sp.grouping, 3) + rest;
    }
    return body;
}

std::string formatInt(VmThread& t, const Value& v, const Spec& sp) {
    char type = sp.type ? sp.type : 'd';
    if (type == 'c') {
        int64_t cp = toIndex(t, v);
        if (cp < 0 || cp > 0x10FFFF) throwPy(BT().OverflowError, "%c arg not in range(0x110000)");
        std::string s;
        appendUtf8(s, static_cast<uint32_t>(cp));
        return pad(s, "", sp, '<');
    }
    bool neg = intSign(v) < 0;
    Value mag = intAbs(v);
    std::string digits;
    std::string prefix;
    switch (type) {
        case 'd':
        case 'n':
            digits = intToString(mag, 10);
            break;
        case 'x':
            digits = intToString(mag, 16);
            prefix = sp.alternate ? "0x" : "";
            break;
        case 'X': {
            digits = intToString(mag, 16);
            for (auto& c : digits) c = static_cast<char>(std::toupper(c));
            prefix = sp.alternate ? "0X" : "";
            break;
        }
        case 'o':
            digits = intToString(mag, 8);
            prefix = sp.alternate ? "0o" : "";
            break;
        case 'b':
            digits = intToString(mag, 2);
            prefix = sp.alternate ? "0b" : "";
            break;
        default:
            valueError(std::string("Unknown format code '") + type + "' for object of type '" +
                       typeName(v) + "'");
    }
    if (sp.grouping) {
        int every = (type == 'd' || type == 'n') ? 3 : 4;
        if (sp.grouping == ',' && every == 4)
            valueError("Cannot specify ',' with '" + std::string(1, type) + "'.");
        digits = groupDigits(digits, sp.grouping, every);
    }
    std::string sign = neg ? "-" : (sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "");
    if ((sp.align == '=' || (!sp.align && sp.zeroPad)) && sp.fill == "0" && sp.grouping &&
        sp.width > 0) {
        // Zero padding also gets grouped: 0,001,234
        int64_t want = sp.width - static_cast<int64_t>(sign.size() + prefix.size());
        std::string raw;
        for (char c : digits) {
            if (c != sp.grouping) raw += c;
        }
        int every = (type == 'd' || type == 'n') ? 3 : 4;
        while (static_cast<int64_t>(groupDigits(raw, sp.grouping, every).size()) < want)
            raw = "0" + raw;
        digits = groupDigits(raw, sp.grouping, every);
    }
    return pad(digits, sign + prefix, sp, '>');
}

}  // namespace

std::string formatValue(VmThread& t, const Value& v, std::string_view specText) {
    if (isInstanceLike(v)) {
        Value fn = lookupSpecial(v, "__format__");
        if (fn && !isDefaultImpl(fn)) {
            Value r = callSpecial(t, v, "__format__", {makeStr(specText)});
            if (!isStr(r)) typeError("__format__ must return a str, not " + typeName(r));
            return strOfValue(r);
        }
        if (!specText.empty())
            typeError("unsupported format string passed to " + typeName(v) + ".__format__");
        return str(t, v);
    }
    if (specText.empty()) return str(t, v);
    if (isStr(v)) {
        Spec sp = parseSpec(specText, "str");
        if (sp.type && sp.type != 's') {
            valueError(std::string("Unknown format code '") + sp.type +
                       "' for object of type 'str'");
        }
        if (sp.sign) valueError("Sign not allowed in string format specifier");
        if (sp.align == '=') valueError("'=' alignment not allowed in string format specifier");
        if (sp.grouping) valueError(std::string("Cannot specify '") + sp.grouping + "' with 's'.");
        std::string s = strOfValue(v);
        if (sp.precision >= 0 && sp.precision < v.as<StrObject>()->length())
            s = v.as<StrObject>()->substr(0, sp.precision);
        return pad(s, "", sp, '<');
    }
    if (isInt(v)) {
        Spec sp = parseSpec(specText, typeName(v));
        if (sp.type == 'e' || sp.type == 'E' || sp.type == 'f' || sp.type == 'F' ||
            sp.type == 'g' || sp.type == 'G' || sp.type == '%') {
            std::string sign;
            std::string body = formatFloatBody(intToDouble(v), sp, sp.type, &sign);
            return pad(body, sign, sp, '>');
        }
        if (sp.precision >= 0) valueError("Precision not allowed in integer format specifier");
        return formatInt(t, v, sp);
    }
    if (isFloat(v)) {
        Spec sp = parseSpec(specText, "float");
        char type = sp.type;
        if (type && !std::strchr("eEfFgGn%", type)) {
            valueError(std::string("Unknown format code '") + type +
                       "' for object of type 'float'");
        }
        if (type == 'n') type = 'g';
        std::string sign;
        std::string body = formatFloatBody(floatOf(v), sp, type, &sign);
        return pad(body, sign, sp, '>');
    }
    typeError("unsupported format string passed to " + typeName(v) + ".__format__");
}

// ---- %-formatting
// ---------------------------------------------------------------------------------
std::string percentFormat(VmThread& t, const std::string& fmt, const Value& argsValue) {
    std::vector<Value> args;
    bool isMapping = argsValue.isKind(ObjKind::Dict);
    if (argsValue.isKind(ObjKind::Tuple))
        args = argsValue.as<TupleObject>()->items();
    else
        args.push_back(argsValue);
    std::size_t argi = 0;
    bool usedMapping = false;
    std::string out;
    auto nextArg = [&]() -> Value {
        if (argi >= args.size()) typeError("not enough arguments for format string");
        return args[argi++];
    };
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c != '%') {
            out += c;
            continue;
        }
        if (++i >= fmt.size()) valueError("incomplete format");
        Value mapped;
        if (fmt[i] == '(') {
            if (!isMapping) typeError("format requires a mapping");
            std::size_t close = fmt.find(')', i);
            if (close == std::string::npos) valueError("incomplete format key");
            Value key = makeStr(fmt.substr(i + 1, close - i - 1));
            mapped = getItem(t, argsValue, key);
            usedMapping = true;
            i = close + 1;
        }
        Spec sp;
        bool leftAlign = false;
        for (; i < fmt.size(); ++i) {
            char fl = fmt[i];
            if (fl == '-')
                leftAlign = true;
            else if (fl == '+')
                sp.sign = '+';
            else if (fl == ' ') {
                if (sp.sign != '+') sp.sign = ' ';
            } else if (fl == '#')
                sp.alternate = true;
            else if (fl == '0')
                sp.zeroPad = true;
            else
                break;
        }
        if (i < fmt.size() && fmt[i] == '*') {
            sp.width = toIndex(t, nextArg());
            if (sp.width < 0) {
                leftAlign = true;
                sp.width = -sp.width;
            }
            ++i;
        } else {
            while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) {
                sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (fmt[i++] - '0');
            }
        }
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            sp.precision = 0;
            if (i < fmt.size() && fmt[i] == '*') {
                sp.precision = toIndex(t, nextArg());
                ++i;
            } else {
                while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i])))
                    sp.precision = sp.precision * 10 + (fmt[i++] - '0');
            }
        }
        while (i < fmt.size() && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) ++i;
        if (i >= fmt.size()) valueError("incomplete format");
        char type = fmt[i];
        if (type == '%') {
            out += '%';
            continue;
        }
        Value v = mapped ? mapped : nextArg();
        sp.align = leftAlign ? '<' : '>';
        if (sp.zeroPad && !leftAlign && std::strchr("diouxXeEfFgG", type)) {
            sp.fill = "0";
            sp.align = '=';
        }
        std::string piece;
        switch (type) {
            case 's':
            case 'r':
            case 'a': {
                std::string s = type == 's' ? str(t, v) : repr(t, v);
                if (sp.precision >= 0)
                    s = makeStr(s).as<StrObject>()->substr(
                        0, std::min<int64_t>(sp.precision, utf8Length(s)));
                sp.sign = 0;
                piece = pad(s, "", sp, '>');
                break;
            }
            case 'd':
            case 'i':
            case 'u': {
                if (!isNumber(v))
                    typeError(std::string("%") + type + " format: a real number is required, not " +
                              typeName(v));
                Value iv = isFloat(v) ? intFromDouble(floatOf(v)) : v;
                Spec s2 = sp;
                s2.type = 'd';
                s2.precision = -1;
                piece = formatInt(t, iv, s2);
                break;
            }
            case 'x':
            case 'X':
            case 'o': {
                if (!isInt(v))
                    typeError(std::string("%") + type + " format: an integer is required, not " +
                              typeName(v));
                Spec s2 = sp;
                s2.type = type;
                piece = formatInt(t, v, s2);
                break;
            }
            case 'c': {
                std::string s;
                if (isStr(v))
                    s = strOfValue(v);
                else
                    appendUtf8(s, static_cast<uint32_t>(toIndex(t, v)));
                piece = pad(s, "", sp, '>');
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                if (!isNumber(v)) typeError("must be real number, not " + typeName(v));
                std::string sign;
                std::string body = formatFloatBody(toDouble(t, v), sp, type, &sign);
                piece = pad(body, sign, sp, '>');
                break;
            }
            default: {
                char buf[96];
                std::snprintf(buf, sizeof buf,
                              "unsupported format character '%c' (0x%x) at index %zu", type, type,
                              i);
                valueError(buf);
            }
        }
        out += piece;
    }
    if (!usedMapping && argi < args.size() && !isMapping)
        typeError("not all arguments converted during string formatting");
    return out;
}

// ---- str.format
// -----------------------------------------------------------------------------------
std::string strFormat(VmThread& t, std::string_view fmt, std::span<const Value> args,
                      std::span<const Value> kwValues, const TupleObject* kwNames) {
    std::string out;
    int autoIndex = 0;
    bool manual = false, automatic = false;
    auto lookupKw = [&](std::string_view name) -> Value {
        if (kwNames) {
            for (std::size_t i = 0; i < kwValues.size(); ++i) {
                if (kwNames->items()[i].as<StrObject>()->view() == name) return kwValues[i];
            }
        }
        throwPyValue(makeException(BT().KeyError, std::vector<Value>{makeStr(name)}));
    };
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            valueError("Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        // Find the matching '}' allowing one level of nested braces in the spec.
        std::size_t j = i + 1;
        int depth = 1;
        for (; j < fmt.size(); ++j) {
            if (fmt[j] == '{')
                ++depth;
            else if (fmt[j] == '}' && --depth == 0)
                break;
        }
        if (j >= fmt.size()) valueError("Single '{' encountered in format string");
        std::string_view field = fmt.substr(i + 1, j - i - 1);
        i = j;
        std::size_t specPos = std::string_view::npos, convPos = std::string_view::npos;
        int bdepth = 0;
        for (std::size_t k = 0; k < field.size(); ++k) {
            if (field[k] == '[')
                ++bdepth;
            else if (field[k] == ']')
                --bdepth;
            else if (bdepth == 0 && field[k] == '!' && convPos == std::string_view::npos &&
                     specPos == std::string_view::npos)
                convPos = k;
            else if (bdepth == 0 && field[k] == ':' && specPos == std::string_view::npos) {
                specPos = k;
                break;
            }
        }
        std::string_view name = field.substr(0, std::min(convPos, specPos));
        char conv = 0;
        if (convPos != std::string_view::npos) {
            if (convPos + 1 >= field.size() ||
                (specPos != std::string_view::npos && specPos != convPos + 2)) {
                valueError("expected ':' after conversion specifier");
            }
            conv = field[convPos + 1];
        }
        std::string spec = specPos != std::string_view::npos
                               ? std::string(field.substr(specPos + 1))
                               : std::string();
        if (spec.find('{') != std::string::npos) spec = strFormat(t, spec, args, kwValues, kwNames);
        // Resolve the field name: first part, then .attr / [key] chains.
        std::size_t k = 0;
        while (k < name.size() && name[k] != '.' && name[k] != '[') ++k;
        std::string_view first = name.substr(0, k);
        Value obj;
        if (first.empty()) {
            if (manual)
                valueError(
                    "cannot switch from manual field specification to automatic field numbering");
            automatic = true;
            if (autoIndex >= static_cast<int>(args.size())) {
                throwPy(BT().IndexError, "Replacement index " + std::to_string(autoIndex) +
                                             " out of range for positional args tuple");
            }
            obj = args[static_cast<std::size_t>(autoIndex++)];
        } else if (std::isdigit(static_cast<unsigned char>(first[0]))) {
            if (automatic)
                valueError(
                    "cannot switch from automatic field numbering to manual field specification");
            manual = true;
            std::size_t idx = static_cast<std::size_t>(std::stoll(std::string(first)));
            if (idx >= args.size())
                throwPy(BT().IndexError, "Replacement index " + std::to_string(idx) +
                                             " out of range for positional args tuple");
            obj = args[idx];
        } else {
            obj = lookupKw(first);
        }
        while (k < name.size()) {
            if (name[k] == '.') {
                std::size_t e = k + 1;
                while (e < name.size() && name[e] != '.' && name[e] != '[') ++e;
                obj = getAttr(t, obj, makeStr(name.substr(k + 1, e - k - 1)));
                k = e;
            } else {
                std::size_t e = name.find(']', k);
                if (e == std::string_view::npos) valueError("Missing ']' in format string");
                std::string_view key = name.substr(k + 1, e - k - 1);
                bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char ch) {
                    return std::isdigit(static_cast<unsigned char>(ch));
                });
                obj =
                    getItem(t, obj, numeric ? intFrom(std::stoll(std::string(key))) : makeStr(key));
                k = e + 1;
            }
        }
        if (conv == 'r' || conv == 'a')
            obj = reprValue(t, obj);
        else if (conv == 's')
            obj = strValue(t, obj);
        else if (conv)
            valueError(std::string("Unknown conversion specifier ") + conv);
        out += formatValue(t, obj, spec);
    }
    return out;
}

}  // namespace taskscope::core::lang
