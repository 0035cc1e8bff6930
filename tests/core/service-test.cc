// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "core/service.h"

#include <gtest/gtest.h>
#include <string>

namespace
{

using namespace segproof::core;

constexpr std::uint8_t kTcp = static_cast<std::uint8_t>(Protocol::Tcp);
constexpr std::uint8_t kUdp = static_cast<std::uint8_t>(Protocol::Udp);
constexpr std::uint8_t kIcmp = static_cast<std::uint8_t>(Protocol::Icmp);

ServiceEntry
Parsed(const std::string& text)
{
    ServiceEntryParse parsed = ParseServiceEntry(text);
    EXPECT_TRUE(parsed.entry.has_value()) << text << ": " << parsed.error;
    EXPECT_TRUE(parsed.error.empty()) << text;
    return parsed.entry.value_or(ServiceEntry());
}

TEST(ServiceEntryTest, TcpSinglePortIsADestinationPort)
{
    ServiceEntry e = Parsed("tcp/445");
    EXPECT_FALSE(e.anyProtocol);
    EXPECT_EQ(e.protocol, kTcp);
    EXPECT_EQ(e.destinationPorts, (ValueRange{445, 445}));
    EXPECT_EQ(e.sourcePorts, (ValueRange{0, 65535}));
    EXPECT_EQ(e.ToString(), "tcp/445");
}

TEST(ServiceEntryTest, UdpPort)
{
    ServiceEntry e = Parsed("udp/53");
    EXPECT_EQ(e.protocol, kUdp);
    EXPECT_EQ(e.destinationPorts, (ValueRange{53, 53}));
    EXPECT_EQ(e.ToString(), "udp/53");
}

TEST(ServiceEntryTest, PortRange)
{
    ServiceEntry e = Parsed("tcp/49152-65535");
    EXPECT_EQ(e.destinationPorts, (ValueRange{49152, 65535}));
    EXPECT_EQ(e.ToString(), "tcp/49152-65535");
}

TEST(ServiceEntryTest, PortsZeroAndMaximumAreAccepted)
{
    EXPECT_EQ(Parsed("tcp/0").destinationPorts, (ValueRange{0, 0}));
    EXPECT_EQ(Parsed("udp/65535").destinationPorts, (ValueRange{65535, 65535}));
}

TEST(ServiceEntryTest, BareProtocolMeansEveryPort)
{
    ServiceEntry tcp = Parsed("tcp");
    EXPECT_EQ(tcp.protocol, kTcp);
    EXPECT_EQ(tcp.destinationPorts, (ValueRange{0, 65535}));
    EXPECT_EQ(tcp.ToString(), "tcp");
    EXPECT_EQ(Parsed("udp").protocol, kUdp);
}

TEST(ServiceEntryTest, IcmpTypeAndBareIcmp)
{
    ServiceEntry echo = Parsed("icmp/8");
    EXPECT_EQ(echo.protocol, kIcmp);
    EXPECT_EQ(echo.icmpTypes, (ValueRange{8, 8}));
    EXPECT_EQ(echo.ToString(), "icmp/8");
    ServiceEntry all = Parsed("icmp");
    EXPECT_EQ(all.icmpTypes, (ValueRange{0, 255}));
    EXPECT_EQ(all.ToString(), "icmp");
    EXPECT_EQ(Parsed("icmp/0-255").icmpTypes, (ValueRange{0, 255}));
}

TEST(ServiceEntryTest, AnyMatchesEveryProtocol)
{
    ServiceEntry any = ServiceEntry::Any();
    EXPECT_TRUE(any.anyProtocol);
    EXPECT_EQ(any.ToString(), "any");
    ServiceSet set;
    EXPECT_FALSE(set.IsAny());
    set.entries.push_back(Parsed("tcp/445"));
    EXPECT_FALSE(set.IsAny());
    set.entries.push_back(any);
    EXPECT_TRUE(set.IsAny());
}

TEST(ServiceEntryTest, PortAbove65535IsAnError)
{
    ServiceEntryParse parsed = ParseServiceEntry("tcp/65536");
    EXPECT_FALSE(parsed.entry.has_value());
    EXPECT_EQ(parsed.error, "'tcp/65536': expected tcp/PORT or tcp/FIRST-LAST with ports 0-65535");
}

TEST(ServiceEntryTest, MalformedPortsAreErrorsNamingTheProtocol)
{
    for (const char* text :
         {"udp/", "udp/x", "udp/-5", "udp/1-", "udp/1-2-3", "udp/ 53", "udp/123456"})
    {
        ServiceEntryParse parsed = ParseServiceEntry(text);
        EXPECT_FALSE(parsed.entry.has_value()) << text;
        EXPECT_EQ(parsed.error, "'" + std::string(text) +
                                    "': expected udp/PORT or udp/FIRST-LAST with ports 0-65535");
    }
}

TEST(ServiceEntryTest, BackwardsPortRangeSaysSo)
{
    ServiceEntryParse parsed = ParseServiceEntry("tcp/2000-1000");
    EXPECT_FALSE(parsed.entry.has_value());
    EXPECT_EQ(parsed.error,
              "'tcp/2000-1000': the port range runs backwards (write tcp/FIRST-LAST with FIRST "
              "<= LAST)");
}

TEST(ServiceEntryTest, IcmpTypeAbove255IsAnError)
{
    ServiceEntryParse parsed = ParseServiceEntry("icmp/256");
    EXPECT_FALSE(parsed.entry.has_value());
    EXPECT_EQ(parsed.error, "'icmp/256': expected icmp/TYPE with an ICMP type 0-255");
    EXPECT_EQ(ParseServiceEntry("icmp/8-0").error,
              "'icmp/8-0': the ICMP type range runs backwards (write icmp/FIRST-LAST with FIRST "
              "<= LAST)");
}

TEST(ServiceEntryTest, UnknownProtocolListsTheForms)
{
    for (const char* text : {"sctp/80", "TCP/445", "smb", "", "/445", "tcp445"})
    {
        ServiceEntryParse parsed = ParseServiceEntry(text);
        EXPECT_FALSE(parsed.entry.has_value()) << text;
        EXPECT_EQ(parsed.error, "'" + std::string(text) +
                                    "' is not a service: expected a service name or tcp/PORT, "
                                    "udp/PORT, tcp/FIRST-LAST, icmp/TYPE, tcp, udp, icmp");
    }
}

TEST(ServiceEntryTest, ProtocolNames)
{
    EXPECT_EQ(ProtocolName(kTcp), "tcp");
    EXPECT_EQ(ProtocolName(kUdp), "udp");
    EXPECT_EQ(ProtocolName(kIcmp), "icmp");
    EXPECT_EQ(ProtocolName(47), "proto-47");
}

} // namespace
