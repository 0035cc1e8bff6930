// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/name-suggestion.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using segproof::core::DidYouMean;
using segproof::core::SuggestName;

const std::vector<std::string> kTopLevel = {"format",  "name",     "description", "estate",
                                            "groups",  "services", "firewalls",   "postures",
                                            "intents", "attack",   "defence"};

TEST(NameSuggestionTest, OneMissingLetterIsSuggested)
{
    EXPECT_EQ(SuggestName("grups", kTopLevel), "groups");
    EXPECT_EQ(SuggestName("descripton", kTopLevel), "description");
}

TEST(NameSuggestionTest, OneExtraOrWrongLetterIsSuggested)
{
    EXPECT_EQ(SuggestName("intentss", kTopLevel), "intents");
    EXPECT_EQ(SuggestName("defense", kTopLevel), "defence");
}

TEST(NameSuggestionTest, SwappedLettersCountAsOneEdit)
{
    EXPECT_EQ(SuggestName("fromat", kTopLevel), "format");
    EXPECT_EQ(SuggestName("desktosp", {"desktops", "servers"}), "desktops");
}

TEST(NameSuggestionTest, TwoEditsAreTheMostForLongNames)
{
    EXPECT_EQ(SuggestName("firewals", kTopLevel), "firewalls"); // 1 edit
    EXPECT_EQ(SuggestName("firwals", kTopLevel), "firewalls");  // 2 edits
    EXPECT_EQ(SuggestName("frwals", kTopLevel), "");            // 3 edits
    EXPECT_EQ(SuggestName("file-srvrs", {"file-servers"}), "file-servers");
}

TEST(NameSuggestionTest, ShortNamesAllowFewerEdits)
{
    // A third of the length, rounded up: one edit for names up to three letters.
    EXPECT_EQ(SuggestName("vid", {"vdi"}), "vdi");
    EXPECT_EQ(SuggestName("dfx", {"dfw"}), "dfw");
    EXPECT_EQ(SuggestName("ab", {"xy"}), "");
    EXPECT_EQ(SuggestName("fs1", {"fs01"}), "fs01");
    EXPECT_EQ(SuggestName("f1", {"fs01"}), "");
}

TEST(NameSuggestionTest, UnrelatedNamesGetNoSuggestion)
{
    EXPECT_EQ(SuggestName("nfs", {"smb", "rdp", "dns", "web"}), "");
    EXPECT_EQ(SuggestName("laptop", {"desktop", "server"}), "");
    EXPECT_EQ(SuggestName("x", {}), "");
}

TEST(NameSuggestionTest, ClosestCandidateWinsAndTiesGoToTheFirstListed)
{
    EXPECT_EQ(SuggestName("serves", {"servers", "serve"}), "servers");
    EXPECT_EQ(SuggestName("esx03", {"esx01", "esx02"}), "esx01");
    EXPECT_EQ(SuggestName("abcd", {"abce", "abcx"}), "abce");
    EXPECT_EQ(SuggestName("abcd", {"xbcd", "abc"}), "xbcd");
}

TEST(NameSuggestionTest, ExactMatchIsNotASuggestion)
{
    EXPECT_EQ(SuggestName("groups", {"groups"}), "");
    EXPECT_EQ(SuggestName("groups", {"groups", "group"}), "group");
}

TEST(NameSuggestionTest, DidYouMeanFormatsTheHint)
{
    EXPECT_EQ(DidYouMean("desktop", {"desktops", "servers"}), "; did you mean 'desktops'?");
    EXPECT_EQ(DidYouMean("zzz", {"desktops", "servers"}), "");
}

} // namespace
