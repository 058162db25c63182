// The desktop app's command line, parsed by the one parser of app/cli.cpp (moved here from
// tests/ui/tst_main_window.cpp and tst_i18n.cpp with the parser; same expected values).
#include <gtest/gtest.h>

#include "app/cli.h"

using taskscope::app::parseGuiOptions;

namespace {
std::string errorOf(const std::vector<std::string>& args) {
    std::string error;
    EXPECT_FALSE(parseGuiOptions(args, &error).has_value());
    return error;
}
}  // namespace

TEST(GuiCommandLine, ParsesTheScreenshotOptions) {
    std::string error;
    const auto o = parseGuiOptions(
        {"--screenshot", "out.png", "lesson.json", "--at", "50ms", "--size", "800x600"}, &error);
    ASSERT_TRUE(o.has_value()) << error;
    EXPECT_EQ(o->screenshot, "out.png");
    EXPECT_EQ(o->file, "lesson.json");
    EXPECT_EQ(o->at, "50ms");
    EXPECT_EQ(o->width, 800);
    EXPECT_EQ(o->height, 600);
    EXPECT_NE(errorOf({"--size", "huge"}).find("WIDTHxHEIGHT"), std::string::npos);
    EXPECT_NE(errorOf({"--at"}).find("needs a value"), std::string::npos);
    EXPECT_NE(errorOf({"--bogus"}).find("unknown option"), std::string::npos);
    EXPECT_NE(errorOf({"a.json", "b.json"}).find("more than one file"), std::string::npos);
    EXPECT_EQ(parseGuiOptions({"x.py"}, &error)->file, "x.py");
}

TEST(GuiCommandLine, LangOption) {
    std::string error;
    const auto o = parseGuiOptions({"--screenshot", "x.png", "--lang", "zh_CN"}, &error);
    ASSERT_TRUE(o.has_value()) << error;
    EXPECT_EQ(o->lang, "zh_CN");
    EXPECT_FALSE(errorOf({"--lang", "xx"}).empty());
    EXPECT_FALSE(errorOf({"--lang"}).empty());
}

TEST(GuiCommandLine, MessagesAreTheOnesOfTheHandWrittenParser) {
    EXPECT_EQ(errorOf({"--size", "huge"}),
              "--size: expected WIDTHxHEIGHT like 1600x1000, got \"huge\"");
    EXPECT_EQ(errorOf({"--at"}), "--at needs a value");
    EXPECT_EQ(errorOf({"--bogus"}), "unknown option \"--bogus\"");
    EXPECT_EQ(errorOf({"a.json", "b.json"}), "more than one file given (\"b.json\")");
    EXPECT_EQ(errorOf({"--lang", "xx"}), "--lang: expected zh_CN, en or system, got \"xx\"");
    // Aliases, flags and Qt's own options (left to QApplication).
    std::string error;
    const auto o =
        parseGuiOptions({"-platform", "offscreen", "--language", "zh-CN", "--color-blind", "--dark",
                         "--presenter", "--raise", "gil", "-style=fusion", "-reverse", "w.json"},
                        &error);
    ASSERT_TRUE(o.has_value()) << error;
    EXPECT_EQ(o->lang, "zh-CN");
    EXPECT_TRUE(o->colourBlind);
    EXPECT_TRUE(o->dark);
    EXPECT_TRUE(o->presenter);
    EXPECT_EQ(o->raise, "gil");
    EXPECT_EQ(o->file, "w.json");
    EXPECT_EQ(o->width, 1600);
    const auto none = parseGuiOptions({}, &error);
    ASSERT_TRUE(none.has_value()) << error;
    EXPECT_EQ(none->file, "");
}

TEST(GuiCommandLine, RunSettingsOverrideTheHeaderOfTheOpenedProgram) {
    std::string error;
    const auto o =
        parseGuiOptions({"lesson.py", "--cores", "3", "--policy", "rr", "--no-gil"}, &error);
    ASSERT_TRUE(o.has_value()) << error;
    EXPECT_EQ(o->run.cores, 3);
    EXPECT_EQ(o->run.policy, taskscope::core::PolicyKind::RoundRobin);
    EXPECT_EQ(o->run.gil, false);
    EXPECT_EQ(errorOf({"--cores", "0"}),
              "--cores: expected a whole number from 1 to 64, got \"0\"");
}
