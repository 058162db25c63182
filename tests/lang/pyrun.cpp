// taskscope-pyrun FILE.py [args...]: runs one program in a single interpreter and thread with
// a trivial host (real stdout/stderr/stdin). Exit codes follow CPython: 0, SystemExit's code,
// 1 after an uncaught exception; 2 for a compile error (the diagnostic goes to stderr).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/lang/codeobject.h"
#include "core/lang/instanceobject.h"
#include "core/lang/interpreter.h"
#include "core/lang/typeobject.h"
#include "core/lang/vmthread.h"

using namespace taskscope::core::lang;

namespace {

class ConsoleHost final : public Host {
public:
    void write(Interpreter&, VmThread*, OutStream stream, std::string_view text) override {
        if (stream == OutStream::Stdout) {
            std::fwrite(text.data(), 1, text.size(), stdout);
        } else {
            std::fflush(stdout);
            std::fwrite(text.data(), 1, text.size(), stderr);
        }
    }
    InputResult readLine(Interpreter&, VmThread&) override {
        std::fflush(stdout);
        std::string line;
        if (!std::getline(std::cin, line)) return {InputResult::Kind::Eof, {}};
        return {InputResult::Kind::Line, line};
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: taskscope-pyrun FILE.py [args...]\n");
        return 2;
    }
    bool dis = std::string(argv[1]) == "--dis";
    if (dis) {
        ++argv;
        --argc;
    }
    std::string path = argv[1];
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "taskscope-pyrun: can't open file '%s'\n", path.c_str());
        return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string source = ss.str();

    ConsoleHost host;
    InterpreterConfig cfg;
    // CPython reports the main script by its absolute path (3.9+).
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(path, ec);
    cfg.filename = ec ? path : abs.lexically_normal().string();
    for (int i = 1; i < argc; ++i) cfg.argv.push_back(argv[i]);
    Interpreter interp(host, cfg);
    auto code = interp.compileMain(source);
    if (!code) {
        std::fprintf(stderr, "%s\n%s\n", code.error().brief().c_str(),
                     code.error().pythonStyle().c_str());
        return 2;
    }
    if (dis) {
        std::fputs(disassemble(*code->as<CodeObject>()).c_str(), stdout);
        return 0;
    }
    auto thread = interp.newThread();
    thread->startModule(*code);
    RunResult r;
    do {
        r = thread->run({});
        if (r.status == RunStatus::Blocked) {
            // Nothing in a single-threaded program can wake a blocked call.
            thread->resumeWithException(
                makeException(builtinTypes().RuntimeError, "blocked forever (no other thread)"));
        }
    } while (r.status != RunStatus::Finished);
    std::fflush(stdout);
    return thread->reportAsMainThread();
}
