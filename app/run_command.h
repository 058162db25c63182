#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

namespace taskscope::app {

// Options of `taskscope run`, as given on the command line (unset = take the file's value).
struct RunOptions {
    std::string file;
    std::optional<int> cores;
    std::optional<std::string> policy;
    std::optional<double> quantum;        // in the file's time unit
    std::optional<double> contextSwitch;  // in the file's time unit
    std::optional<std::uint64_t> seed;
    std::optional<double> until;          // in the file's time unit
    std::optional<std::string> statsPath;  // "-" = stdout
    std::optional<std::string> tracePath;
    std::optional<std::string> csvPath;
    std::optional<std::string> statsCsvPath;
    bool summary = false;
};

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace taskscope::app
