// `taskscope run ... --png/--svg/--pdf`: the real binary, as a batch script would call it.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/cli/cli_run.h"

namespace {

using namespace taskscope::clitest;

std::string lesson(const std::string& name) {
    return std::string(TASKSCOPE_SOURCE_DIR) + "/resources/workloads/" + name;
}

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// Width and height from a PNG's IHDR chunk.
std::pair<unsigned, unsigned> pngSize(const std::string& png) {
    if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
    auto be = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
    };
    return {be(16), be(20)};
}

TEST(CliExport, PngSvgPdfInOneRun) {
    const std::string png = temp("a.png"), svg = temp("a.svg"), pdf = temp("a.pdf");
    const Result r = run("run " + lesson("fcfs_convoy.json") + " --png " + png +
                         " --scale 2 --svg " + svg + " --pdf " + pdf + " --title 'FCFS convoy'");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto [w, h] = pngSize(slurp(png));
    EXPECT_EQ(w, 2800u);  // 1400 points at 2x
    EXPECT_GT(h, 200u);
    const std::string s = slurp(svg);
    EXPECT_NE(s.find("<svg"), std::string::npos);
    EXPECT_NE(s.find("FCFS convoy"), std::string::npos);
    EXPECT_NE(s.find("CPU 0"), std::string::npos);
    const std::string p = slurp(pdf);
    EXPECT_EQ(p.rfind("%PDF-", 0), 0u);
    for (const auto& f : {png, svg, pdf}) std::filesystem::remove(f);
}

TEST(CliExport, PdfPageSizeAndNoDisplayNeeded) {
    const std::string pdf = temp("page.pdf");
    // No display, no platform chosen: the exporter picks the offscreen platform itself.
    const Result r = run("run " + lesson("rr_classroom.json") + " --pdf " + pdf + " --page A4",
                         "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM ");
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string p = slurp(pdf);
    ASSERT_EQ(p.rfind("%PDF-", 0), 0u);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        p, m, std::regex(R"(/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\])")));
    EXPECT_NEAR(std::stod(m[1]), 841.9, 1.0);  // A4 landscape, in points
    EXPECT_NEAR(std::stod(m[2]), 595.3, 1.0);
    std::filesystem::remove(pdf);
}

TEST(CliExport, RangeAndLanesChangeThePicture) {
    const std::string all = temp("all.png"), cores = temp("cores.png"), part = temp("part.png");
    ASSERT_EQ(run("run " + lesson("gil_two_cpu_threads.json") + " --png " + all).status, 0);
    Result r = run("run " + lesson("gil_two_cpu_threads.json") + " --png " + cores +
                   " --no-thread-lanes --no-gil-lanes --width 800");
    ASSERT_EQ(r.status, 0) << r.err;
    r = run("run " + lesson("gil_two_cpu_threads.json") + " --png " + part + " --range 10ms:0.02s");
    ASSERT_EQ(r.status, 0) << r.err;
    const auto a = pngSize(slurp(all)), c = pngSize(slurp(cores)), p = pngSize(slurp(part));
    EXPECT_EQ(c.first, 800u);
    EXPECT_LT(c.second, a.second);  // fewer lanes
    EXPECT_EQ(p, a);                // same lanes, another range
    EXPECT_NE(slurp(part), slurp(all));
    for (const auto& f : {all, cores, part}) std::filesystem::remove(f);
}

TEST(CliExport, OtherViews) {
    for (const std::string view : {"states", "processes", "wait-for", "waiting-chart"}) {
        const std::string out = temp(view + ".svg");
        const Result r =
            run("run " + lesson("deadlock_two_locks.json") + " --view " + view + " --svg " + out);
        EXPECT_EQ(r.status, 3) << view << ": "
                               << r.err;  // the lesson deadlocks; the picture is still written
        EXPECT_NE(slurp(out).find("<svg"), std::string::npos) << view;
        std::filesystem::remove(out);
    }
    const Result r =
        run("run " + lesson("fcfs_convoy.json") + " --view nonsense --png " + temp("x.png"));
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--view"), std::string::npos) << r.err;
}

TEST(CliExportErrors, BadRange) {
    const std::string png = temp("bad.png");
    Result r = run("run " + lesson("fcfs_convoy.json") + " --png " + png + " --range 5:2");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--range 5:2: the end must be after the start"), std::string::npos)
        << r.err;
    r = run("run " + lesson("fcfs_convoy.json") + " --png " + png + " --range 5xs:7");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--range 5xs:7: \"5xs\" is not a time"), std::string::npos) << r.err;
    r = run("run " + lesson("fcfs_convoy.json") + " --png " + png + " --range 10ms");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("expected START:END"), std::string::npos) << r.err;
    r = run("run " + lesson("fcfs_convoy.json") + " --png " + png + " --range 500:600");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("the run ends at 30 ms"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(png));
}

TEST(CliExportErrors, UnwritablePathAndBadScale) {
    Result r = run("run " + lesson("fcfs_convoy.json") + " --png /nonexistent/dir/t.png");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("cannot write '/nonexistent/dir/t.png'"), std::string::npos) << r.err;
    r = run("run " + lesson("fcfs_convoy.json") + " --pdf /nonexistent/dir/t.pdf");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("cannot write '/nonexistent/dir/t.pdf'"), std::string::npos) << r.err;
    r = run("run " + lesson("fcfs_convoy.json") + " --png " + temp("s.png") + " --scale 0");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--scale"), std::string::npos) << r.err;
}

}  // namespace

// The run ends where the last process exits, in the statistics and in the picture's header
// alike (a join(5) that returned early and a daemon's sleep leave timers behind).
TEST(CliExport, TheHeaderEndsWhereTheProgramEnds) {
    const std::string py = temp("ends.py"), svg = temp("ends.svg");
    std::ofstream(py) << "import threading, time\n"
                         "t = threading.Thread(target=time.sleep, args=(0.1,))\n"
                         "t.start()\nt.join(5)\n"
                         "d = threading.Thread(target=time.sleep, args=(1,), daemon=True)\n"
                         "d.start()\ntime.sleep(0.2)\n";
    const Result r = run("run " + py + " --stats - --svg " + svg);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::smatch::string_type json = r.out;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(json, m, std::regex("\"makespan\": ([0-9.]+)"))) << r.out;
    const double makespan = std::stod(m[1]);
    EXPECT_GE(makespan, 300.0);
    EXPECT_LT(makespan, 302.0);
    const std::string s = slurp(svg);
    ASSERT_TRUE(std::regex_search(s, m, std::regex("0 to ([0-9.]+) ms"))) << s.substr(0, 2000);
    EXPECT_NEAR(std::stod(m[1]), makespan, 0.01);
    std::filesystem::remove(py);
    std::filesystem::remove(svg);
}

// Pictures speak the interface language: --lang, or LANG when it is not given.
TEST(CliExport, PicturesFollowTheLanguage) {
    const std::string lesson =
        std::string(TASKSCOPE_SOURCE_DIR) + "/resources/lessons/003_deadlock.py";
    const std::string zh = temp("zh.svg"), env = temp("env.svg"), en = temp("en.svg");
    Result r = run("run " + lesson + " --svg " + zh + " --lang zh_CN");
    EXPECT_EQ(r.status, 3) << r.err;  // the lesson deadlocks
    std::string s = slurp(zh);
    EXPECT_NE(s.find("死锁:两个线程以相反的顺序获取两把锁"), std::string::npos);  // title_zh
    EXPECT_NE(s.find(">就绪<"), std::string::npos);
    EXPECT_NE(s.find("等待:睡眠"), std::string::npos);
    EXPECT_EQ(s.find(">Ready<"), std::string::npos);
    // LANG alone does it too; --lang wins over it.
    r = run("run " + lesson + " --svg " + env, "LANG=zh_CN.UTF-8 LC_ALL= ");
    EXPECT_EQ(r.status, 3) << r.err;
    EXPECT_NE(slurp(env).find(">就绪<"), std::string::npos);
    r = run("run " + lesson + " --svg " + en + " --lang en", "LANG=zh_CN.UTF-8 LC_ALL= ");
    s = slurp(en);
    EXPECT_NE(s.find("Deadlock: two threads take two locks in opposite order"), std::string::npos);
    EXPECT_NE(s.find(">Ready<"), std::string::npos);
    EXPECT_EQ(s.find(">就绪<"), std::string::npos);
    // An explicit --title stays as given.
    r = run("run " + lesson + " --svg " + en + " --lang zh_CN --title 'My title'");
    EXPECT_NE(slurp(en).find("My title"), std::string::npos);
    r = run("run " + lesson + " --svg " + en + " --lang xx");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("--lang: expected zh_CN, en or system, got \"xx\""), std::string::npos)
        << r.err;
    for (const auto& f : {zh, env, en}) std::filesystem::remove(f);
}
