// What a picture shows: one value and one table of names for the CLI and the GUI.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/trace/image_options.h"

using namespace taskscope::core;

TEST(ImageOptions, ViewNamesRoundTrip) {
    EXPECT_EQ(imageViewNames(),
              "timeline|states|processes|wait-for|stats|waiting-chart|utilization-chart|gil|"
              "sync-objects|code");
    EXPECT_EQ(imageViewForName("Sync-Objects"), ImageOptions::View::SyncObjects);
    for (const auto name : imageViewNameList()) {
        const auto view = imageViewForName(name);
        ASSERT_TRUE(view) << name;
        EXPECT_EQ(imageViewName(*view), name);
    }
    EXPECT_EQ(imageViewForName("Wait-For"), ImageOptions::View::WaitFor);
    EXPECT_FALSE(imageViewForName("gantt"));
}

TEST(ImageOptions, FormatsAndPages) {
    EXPECT_EQ(imageFormatForSuffix("SVG"), ImageOptions::Format::Svg);
    EXPECT_FALSE(imageFormatForSuffix("jpg"));
    const auto& pages = imagePageNames();
    EXPECT_EQ(pages.size(), 10u);
    EXPECT_NE(std::find(pages.begin(), pages.end(), "Letter-portrait"), pages.end());
    // The defaults are the ones of defaults.h; a default value asks for nothing special.
    const ImageOptions o;
    EXPECT_EQ(o.width, kDefaultImageWidth);
    EXPECT_EQ(o.scale, kDefaultImageScale);
    EXPECT_TRUE(o.page.empty());
    EXPECT_EQ(o, ImageOptions{});
}
