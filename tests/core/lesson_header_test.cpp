// Lesson headers: the description keys, the run settings (read as the command line's options
// are, with file:line errors), the set-up keys (views, zoom, pause-at, compare) and the
// precedence command line > header > defaults.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/workload/lesson_header.h"

using namespace taskscope::core;

namespace {

RunConfig pythonDefaults() {
    RunConfig c;
    c.isPython = true;
    c.machine.cores = 4;
    c.machine.policy.kind = PolicyKind::Fair;
    return c;
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

}  // namespace

TEST(LessonHeader, ReadsDescriptionAndSettings) {
    const std::string src =
        "# title: Two threads\n"
        "# title_zh: 两个线程\n"
        "# seed: 001\n"
        "# topic: gil\n"
        "# watch: the GIL lane\n"
        "# watch_zh: GIL 通道\n"
        "# expect: no speed-up\n"
        "# expect_zh: 没有加速\n"
        "# cores: 2\n"
        "# policy: rr\n"
        "# switch-interval: 1\n"
        "# gil: off\n"
        "# start_method: spawn\n"
        "# args: 4  x\n"
        "# random-seed: 9\n"
        "# views: GIL, Wait-for graph, charts\n"
        "# zoom: 10ms:60ms\n"
        "# pause-at: serial done, \"threads done\"\n"
        "# compare: cores 1 2\n"
        "\n"
        "# cores: 8 (not the header any more)\n"
        "print(1)\n";
    const LessonHeader h = readLessonHeader(src, "l.py");
    EXPECT_TRUE(h.errors.empty()) << h.errors.front().format();
    EXPECT_TRUE(h.warnings.empty());
    EXPECT_EQ(h.title, "Two threads");
    EXPECT_EQ(h.titleZh, "两个线程");
    EXPECT_EQ(h.seed, "001");
    EXPECT_EQ(h.topic, "gil");
    EXPECT_EQ(h.watchZh, "GIL 通道");
    EXPECT_EQ(h.expect, "no speed-up");
    EXPECT_EQ(h.localTitle(true), "两个线程");
    EXPECT_EQ(h.localExpect(false), "no speed-up");
    EXPECT_EQ(h.settings.cores, 2);
    EXPECT_EQ(h.settings.policy, PolicyKind::RoundRobin);
    EXPECT_EQ(h.settings.switchInterval, 1.0);
    EXPECT_EQ(h.settings.gil, false);
    EXPECT_EQ(h.settings.startMethod, StartMethod::Spawn);
    EXPECT_EQ(h.settings.args, (std::vector<std::string>{"4", "x"}));
    EXPECT_EQ(h.settings.seed, 9u);
    ASSERT_EQ(h.settingLines.size(), 7u);
    EXPECT_EQ(h.settingLines[0].key, "cores");
    EXPECT_EQ(h.settingLines[0].line, 9);
    EXPECT_EQ(h.settingFor("seed")->key, "random-seed");
    EXPECT_EQ(h.settingFor("seed")->line, 15);
    EXPECT_EQ(h.views, (std::vector<std::string>{"gil", "waitFor", "stats"}));
    EXPECT_EQ(h.zoomFrom, 10 * kMillisecond);
    EXPECT_EQ(h.zoomTo, 60 * kMillisecond);
    EXPECT_EQ(h.pauseAt, (std::vector<std::string>{"serial done", "threads done"}));
    EXPECT_EQ(h.compare, "cores 1 2");
}

TEST(LessonHeader, BadValuesSayFileLineAndWhatIsExpected) {
    const std::string src =
        "# title: t\n"
        "# cores: 0\n"
        "# gil: maybe\n"
        "# views: timeline, nowhere\n"
        "# zoom: 50ms:10ms\n"
        "# policy: lottery\n"
        "# cores: 2\n"
        "# core: 2\n"
        "x = 1\n";
    const LessonHeader h = readLessonHeader(src, "bad.py");
    ASSERT_EQ(h.errors.size(), 5u);
    EXPECT_EQ(h.errors[0].format(),
              "bad.py:2:10: cores: expected a whole number from 1 to 64, got \"0\"");
    EXPECT_EQ(h.errors[0].sourceLine, "# cores: 0");
    EXPECT_EQ(h.errors[1].format(),
              "bad.py:3:8: gil: expected on or off (true/false, yes/no, 1/0), got \"maybe\"");
    EXPECT_EQ(h.errors[2].line, 4);
    EXPECT_NE(h.errors[2].message.find("no view \"nowhere\""), std::string::npos);
    EXPECT_EQ(h.errors[3].line, 5);
    EXPECT_EQ(h.errors[3].message.rfind("zoom: expected START:END", 0), 0u);
    EXPECT_EQ(h.errors[4].line, 6);
    EXPECT_EQ(h.errors[4].message.rfind("policy: unknown policy 'lottery'", 0), 0u);
    // The bad "# cores: 0" set nothing, so line 7 is the first value: no "set twice".
    EXPECT_EQ(h.settings.cores, 2);
    EXPECT_TRUE(h.views.empty());
    // A misspelt key in a lesson is a warning, with the known keys.
    ASSERT_EQ(h.warnings.size(), 1u);
    EXPECT_EQ(h.warnings[0].line, 8);
    EXPECT_NE(h.warnings[0].message.find("unknown header key \"core\""), std::string::npos);
    EXPECT_NE(h.warnings[0].message.find("cores"), std::string::npos);
}

TEST(LessonHeader, SetTwiceAndRandomSeedNames) {
    const LessonHeader h =
        readLessonHeader("# cores: 2\n# cores: 3\n# random-seed: -1\n", "twice.py");
    ASSERT_EQ(h.errors.size(), 2u);
    EXPECT_EQ(h.errors[0].format(), "twice.py:2:10: \"cores\" is set twice (first on line 1)");
    // The message names the header's key, not the command line's --seed.
    EXPECT_EQ(h.errors[1].message, "random-seed: expected a whole number, 0 or more, got \"-1\"");
    EXPECT_EQ(h.settings.cores, 2);
}

TEST(LessonHeader, PlainProgramsHaveNoHeaderAndNoWarnings) {
    // A shebang, free comments with colons and a coding line are not keys; without a title
    // an unknown word is a comment.
    const LessonHeader h = readLessonHeader(
        "#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# Author: Ann\n# note: fast\n"
        "import os\n",
        "p.py");
    EXPECT_TRUE(h.errors.empty());
    EXPECT_TRUE(h.warnings.empty());
    EXPECT_FALSE(h.hasSettings());
    EXPECT_EQ(h.title, "");
    EXPECT_EQ(readLessonHeader("\xEF\xBB\xBF# cores: 3\r\n", "bom.py").settings.cores, 3);
}

TEST(LessonHeader, CommandLineOverHeaderOverDefaults) {
    const LessonHeader h =
        readLessonHeader("# cores: 2\n# args: 1\n# quantum: 3\n# switch-interval: 2\n", "l.py");
    ASSERT_TRUE(h.errors.empty());

    RunConfig plain = pythonDefaults();
    const auto none = applyLessonSettings(plain, h, RunOverrides{});
    EXPECT_EQ(plain.machine.cores, 2);
    EXPECT_EQ(plain.python.args, (std::vector<std::string>{"1"}));
    EXPECT_EQ(plain.python.switchInterval, 2 * kMillisecond);
    // quantum does nothing under the fair policy: a note for the header line.
    ASSERT_EQ(none.header.size(), 1u);
    EXPECT_EQ(none.header[0].field, "quantum");
    EXPECT_TRUE(none.commandLine.empty());

    RunOverrides cli;
    std::string why;
    ASSERT_TRUE(cli.set("cores", "4", &why));
    ASSERT_TRUE(cli.set("policy", "rr", &why));
    ASSERT_TRUE(cli.set("args", "2 3", &why));
    RunConfig c = pythonDefaults();
    c.machine.cores = 1;
    const auto notes = applyLessonSettings(c, h, cli);
    EXPECT_EQ(c.machine.cores, 4);
    EXPECT_EQ(c.machine.policy.kind, PolicyKind::RoundRobin);
    EXPECT_EQ(c.machine.policy.quantum, 3 * kMillisecond);  // the header's, now in effect
    EXPECT_EQ(c.python.args, (std::vector<std::string>{"2", "3"}));
    EXPECT_EQ(c.python.switchInterval, 2 * kMillisecond);
    EXPECT_TRUE(notes.header.empty());
    EXPECT_TRUE(notes.commandLine.empty());
}

TEST(LessonHeader, ViewNames) {
    EXPECT_EQ(lessonViewForName("Process tree"), "processes");
    EXPECT_EQ(lessonViewForName("sync objects"), "syncObjects");
    EXPECT_EQ(lessonViewForName("waitFor"), "waitFor");
    EXPECT_EQ(lessonViewForName("Console"), "console");
    EXPECT_EQ(lessonViewForName("galaxy"), std::nullopt);
    EXPECT_EQ(lessonViewNames().size(), 13u);
}

// Every shipped lesson has a complete header that reads without errors or warnings, and
// the lessons whose text depends on the machine say so.
TEST(LessonHeader, EverySeedLessonReads) {
    const std::filesystem::path dir =
        std::filesystem::path(TASKSCOPE_SOURCE_DIR) / "resources" / "lessons";
    int count = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() != ".py") continue;
        ++count;
        const std::string name = e.path().filename().string();
        const LessonHeader h = readLessonHeader(readFile(e.path()), name);
        EXPECT_TRUE(h.errors.empty()) << h.errors.front().format();
        EXPECT_TRUE(h.warnings.empty()) << h.warnings.front().format();
        EXPECT_FALSE(h.title.empty()) << name;
        EXPECT_FALSE(h.titleZh.empty()) << name;
        EXPECT_EQ(h.seed, name.substr(0, 3)) << name;
        EXPECT_FALSE(h.expect.empty()) << name;
    }
    EXPECT_GE(count, 29);
    auto lesson = [&](const char* name) { return readLessonHeader(readFile(dir / name), name); };
    EXPECT_EQ(lesson("001_gil_two_cpu_threads.py").settings.cores, 2);
    EXPECT_EQ(lesson("002_thread_vs_process_vs_serial.py").settings.cores, 2);
    const LessonHeader loader = lesson("004_dataloader_pipeline.py");
    EXPECT_EQ(loader.settings.cores, 2);
    EXPECT_EQ(loader.settings.args, (std::vector<std::string>{"2"}));
    EXPECT_EQ(lesson("003_deadlock.py").views, (std::vector<std::string>{"waitFor"}));
}

TEST(LessonHeader, AWorkloadsDescriptionIsItsWatchText) {
    const LessonHeader h = readLessonHeader(
        "# title: Convoy\n# description: one long job first\n# description_zh: 长作业在前\n"
        "name,arrival,burst\nA,0,10\n",
        "convoy.csv");
    EXPECT_EQ(h.watch, "one long job first");
    EXPECT_EQ(h.watchZh, "长作业在前");
    EXPECT_TRUE(h.warnings.empty());
}

TEST(LessonHeader, TheComparePresetSplitsAtSemicolons) {
    const LessonHeader h =
        readLessonHeader("# title: T\n# compare: cores=1,2;  gil=on,off ;\nprint(1)\n", "t.py");
    EXPECT_EQ(h.compareSettings(), (std::vector<std::string>{"cores=1,2", "gil=on,off"}));
    EXPECT_TRUE(readLessonHeader("print(1)\n", "p.py").compareSettings().empty());
}
