#pragma once
// Simulated time of every bytecode and runtime operation, in ONE table.
// Values are picoseconds so a ~3 ns bytecode keeps its fraction; the host scales the whole
// table with `scale` (e.g. a slower simulated CPU) via scaled().

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/lang/opcode.h"

namespace taskscope::core::lang {

// What a native function costs beyond its bytecode, by what CPython's C function does
// (measured: bench/lang and the calibration table in cost_model.cpp).
enum class NativeCost : uint8_t { Default, Specialised, Cheap, Making, Heavy };
NativeCost nativeCostOf(std::string_view qualname);

struct CostModel {
    std::array<int64_t, kOpcodeCount> opcodePs{};  // base cost per instruction
    int64_t pythonCallPs = 0;  // frame setup for a Python->Python call (on top of CALL)
    int64_t nativeCallPs = 0;  // a call of a native function (NativeCost::Default)
    int64_t specialisedCallPs =
        0;  // a native CPython 3.11 calls without the generic path (kNoCheckpoint)
    int64_t cheapCallPs = 0;   // NativeCost::Cheap: abs, dict.get, ... (METH_O, no allocation)
    int64_t makingCallPs = 0;  // NativeCost::Making: builds an object or reads the clock
    int64_t heavyCallPs =
        0;  // NativeCost::Heavy: generic argument parsing and iteration (min, max, int(str))
    int64_t instancePs = 0;  // calling a class: allocating the instance (then __init__ runs)
    int64_t allocPs = 0;     // creating a container or instance
    int64_t multiDigitIntPs =
        0;                  // an int result of 2^30 or more (CPython: more than one 30-bit digit)
    int64_t perItemPs = 0;  // per element copied/visited by natives (sorted, sum, join...)
    int64_t printPs = 0;    // one print() call
    int64_t printPerBytePs = 0;
    int64_t exceptionPs = 0;     // raising and unwinding one frame
    int64_t formatPs = 0;        // formatting one value (f-string field, str.format, %)
    int64_t importPs = 0;        // first import of a module not in the table (importPsOf)
    int64_t importCachedPs = 0;  // import of a module already in sys.modules
    int64_t classCreatePs = 0;
    double scale = 1.0;  // applied by scaled(); kept for display

    // The table calibrated against CPython 3.11 on the reference machine (see cost_model.cpp).
    static CostModel calibrated();
    CostModel scaled(double factor) const;
    // A first import of `module` (CPython 3.11 -X importtime on the development VM; modules
    // python3 has loaded at start-up cost what a cached import costs, importCachedPs).
    int64_t importPsOf(std::string_view module) const;
    int64_t nativePs(NativeCost c) const {
        switch (c) {
            case NativeCost::Specialised:
                return specialisedCallPs;
            case NativeCost::Cheap:
                return cheapCallPs;
            case NativeCost::Making:
                return makingCallPs;
            case NativeCost::Heavy:
                return heavyCallPs;
            case NativeCost::Default:
                break;
        }
        return nativeCallPs;
    }
    std::string describe() const;  // human-readable table (for README/settings)
};

}  // namespace taskscope::core::lang
