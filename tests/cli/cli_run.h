#pragma once
// Runs the real `taskscope` binary as a user or a grading script would, for the CLI tests.

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace taskscope::clitest {

struct Result {
    int status = -1;  // the exit status, or -1 when the binary did not exit normally
    std::string out;
    std::string err;
};

// `taskscope ARGS` through the shell (so ARGS may redirect stdin); `env` is put before the
// command ("LANG=zh_CN.UTF-8 ").
inline Result run(const std::string& args, const std::string& env = "") {
    const auto errFile = std::filesystem::temp_directory_path() /
                         ("taskscope_cli_err_" + std::to_string(::getpid()));
    const std::string cmd =
        env + std::string(TASKSCOPE_BINARY) + " " + args + " 2>" + errFile.string();
    Result r;
    FILE* p = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(errFile);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    std::filesystem::remove(errFile);
    return r;
}

// A file of tests/data.
inline std::string data(const std::string& name) {
    return std::string(TASKSCOPE_TEST_DATA) + "/" + name;
}

// A path in the temporary directory, distinct per test process.
inline std::string temp(const std::string& name) {
    return (std::filesystem::temp_directory_path() /
            ("taskscope_cli_" + std::to_string(::getpid()) + "_" + name))
        .string();
}

}  // namespace taskscope::clitest
