// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "collect/collect-error.h"
#include "collect/manager-url.h"
#include "collect/text-encoding.h"

#include <gtest/gtest.h>

namespace segproof
{
namespace collect
{
namespace
{

TEST(TextEncodingTest, PercentEncodingKeepsAnIdOneSegment)
{
    EXPECT_EQ(PercentEncode("web-seg_1.a~"), "web-seg_1.a~");
    EXPECT_EQ(PercentEncode("db seg/1?x=%"), "db%20seg%2F1%3Fx%3D%25");
    EXPECT_EQ(PercentEncode("caf\xc3\xa9"), "caf%C3%A9");
    EXPECT_EQ(PercentEncode("00000002+/="), "00000002%2B%2F%3D");
}

TEST(TextEncodingTest, FormEncodingWritesSpacesAsPlus)
{
    EXPECT_EQ(FormEncode("a b&c=d+e"), "a+b%26c%3Dd%2Be");
}

TEST(TextEncodingTest, Base64PadsToWholeQuads)
{
    EXPECT_EQ(Base64Encode(""), "");
    EXPECT_EQ(Base64Encode("f"), "Zg==");
    EXPECT_EQ(Base64Encode("fo"), "Zm8=");
    EXPECT_EQ(Base64Encode("foo"), "Zm9v");
    EXPECT_EQ(Base64Encode("admin:secret"), "YWRtaW46c2VjcmV0");
    EXPECT_EQ(Base64Encode(std::string("\xff\x00\x80", 3)), "/wCA");
}

TEST(ManagerUrlTest, HttpsHostAndPortAreNormalized)
{
    EXPECT_EQ(NormalizeManagerUrl("https://nsx.example.com"), "https://nsx.example.com");
    EXPECT_EQ(NormalizeManagerUrl("HTTPS://NSX.example.com:443/"), "https://nsx.example.com:443");
    EXPECT_EQ(NormalizeManagerUrl("https://127.0.0.1:8443"), "https://127.0.0.1:8443");
    EXPECT_EQ(NormalizeManagerUrl("https://[::1]:8443"), "https://[::1]:8443");
    EXPECT_EQ(NormalizeManagerUrl("https://[fe80::1]"), "https://[fe80::1]");
}

TEST(ManagerUrlTest, PlainHttpAndMalformedUrlsAreRefused)
{
    for (const char* bad :
         {"http://nsx.example.com", "nsx.example.com", "ftp://nsx", "https://", "https://nsx:0",
          "https://nsx:65536", "https://nsx:http", "https://nsx/api", "https://nsx?x=1",
          "https://admin@nsx", "https://nsx:"})
    {
        try
        {
            NormalizeManagerUrl(bad);
            ADD_FAILURE() << bad << " was accepted";
        }
        catch (const CollectError& e)
        {
            EXPECT_EQ(e.Kind(), CollectErrorKind::Usage) << bad;
            EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
        }
    }
}

TEST(ManagerUrlTest, PlainHttpSaysWhy)
{
    try
    {
        NormalizeManagerUrl("http://nsx");
        FAIL();
    }
    catch (const CollectError& e)
    {
        EXPECT_NE(std::string(e.what()).find("refusing plain http"), std::string::npos);
    }
}

} // namespace
} // namespace collect
} // namespace segproof
