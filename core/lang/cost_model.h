#pragma once
// Simulated time of every bytecode and runtime operation, in ONE table.
// Values are picoseconds so a ~3 ns bytecode keeps its fraction; the host scales the whole
// table with `scale` (e.g. a slower simulated CPU) via scaled().

#include <array>
#include <cstdint>
#include <string>

#include "core/lang/opcode.h"

namespace taskscope::core::lang {

struct CostModel {
    std::array<int64_t, kOpcodeCount> opcodePs{};  // base cost per instruction
    int64_t pythonCallPs = 0;      // frame setup for a Python->Python call (on top of CALL)
    int64_t nativeCallPs = 0;      // any call of a native function
    int64_t allocPs = 0;           // creating a container or instance
    int64_t perItemPs = 0;         // per element copied/visited by natives (sorted, sum, join...)
    int64_t printPs = 0;           // one print() call
    int64_t printPerBytePs = 0;
    int64_t exceptionPs = 0;       // raising and unwinding one frame
    int64_t formatPs = 0;          // formatting one value (f-string field, str.format, %)
    int64_t importPs = 0;
    int64_t classCreatePs = 0;
    double scale = 1.0;            // applied by scaled(); kept for display

    // The table calibrated against CPython 3.11 on the reference machine (see cost_model.cpp).
    static CostModel calibrated();
    CostModel scaled(double factor) const;
    std::string describe() const;  // human-readable table (for README/settings)
};

}  // namespace taskscope::core::lang
