// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "random-scenario.h"

#include <random>
#include <sstream>
#include <vector>

namespace segproof
{
namespace tests
{

namespace
{

class Generator
{
public:
    explicit Generator(std::uint32_t seed) : m_random(seed) {}

    std::string Run()
    {
        std::ostringstream y;
        y << "format: segproof/v1\nname: random\nestate:\n  segments:\n";
        int segments = Pick(2, 3);
        for (int s = 0; s < segments; ++s)
        {
            y << "    - {name: s" << s << ", cidr: 10." << s << ".0.0/27}\n";
        }
        y << "  hosts: [{name: h0}, {name: h1}]\n  machines:\n";
        int machines = Pick(3, 7);
        for (int m = 0; m < machines; ++m)
        {
            int segment = Pick(0, segments - 1);
            y << "    - {name: m" << m << ", kind: " << (Chance(0.6) ? "desktop" : "server")
              << ", segment: s" << segment;
            if (Chance(0.75))
            {
                y << ", host: h" << Pick(0, 1);
            }
            y << ", tags: [t|" << Pick(0, 2) << "]}\n";
            m_names.push_back("m" + std::to_string(m));
        }
        y << "  external:\n    - {name: x0, ip: 198.51.100.1}\n";
        m_names.push_back("x0");

        y << "groups:\n";
        std::vector<std::string> kinds = {"tag", "segment", "cidr", "machines", "any", "all"};
        int groups = Pick(3, 6);
        for (int g = 0; g < groups; ++g)
        {
            std::string kind = kinds[static_cast<std::size_t>(Pick(0, g == 0 ? 3 : 5))];
            y << "  g" << g << ": {";
            if (kind == "tag")
            {
                y << "tag: t|" << Pick(0, 2);
            }
            else if (kind == "segment")
            {
                y << "segment: s" << Pick(0, segments - 1);
            }
            else if (kind == "cidr")
            {
                y << "cidr: 10." << Pick(0, segments - 1) << ".0." << 16 * Pick(0, 1) << "/28";
            }
            else if (kind == "machines")
            {
                y << "machines: [" << m_names[Index(m_names.size())] << ", "
                  << m_names[Index(m_names.size())] << "]";
            }
            else
            {
                y << kind << ": [g" << Pick(0, g - 1) << ", g" << Pick(0, g - 1) << "]";
            }
            if (g > 0 && Chance(0.2))
            {
                y << ", except: [g" << Pick(0, g - 1) << "]";
            }
            y << "}\n";
            m_groups.push_back("g" + std::to_string(g));
        }
        m_groups.push_back("any");

        y << "services:\n";
        const char* pool[] = {"tcp/445", "tcp/440-450", "tcp/3389",  "udp/53",    "tcp",
                              "icmp/8",  "icmp",        "udp/50-60", "tcp/1-1000"};
        int services = Pick(2, 4);
        for (int s = 0; s < services; ++s)
        {
            y << "  v" << s << ": [" << pool[Index(9)] << ", " << pool[Index(9)] << "]\n";
            m_services.push_back("v" + std::to_string(s));
        }
        m_services.push_back("any");
        m_services.push_back("tcp/445");

        y << "firewalls:\n";
        for (const char* fw : {"dfw", "gateway", "perimeter"})
        {
            y << "  " << fw << ":\n    default: " << Action() << "\n    rules:\n";
            Rules(y, std::string(fw) == "dfw");
        }
        y << "  host:\n    applies_to: " << Group() << "\n    default_in: " << Action()
          << "\n    default_out: " << Action() << "\n    rules:\n";
        Rules(y, true);

        y << "postures:\n  p-all: [dfw, gateway, perimeter, host]\n  p-flat: [perimeter]\n"
          << "  p-seg: [gateway, perimeter]\n  p-host: [host]\n  p-dfw: [dfw]\n";
        y << "intents:\n";
        const char* intentKinds[] = {"deny", "allow", "only"};
        int intents = Pick(3, 5);
        for (int i = 0; i < intents; ++i)
        {
            y << "  - {id: i" << i << ", " << intentKinds[Index(3)] << ": {from: " << Ends()
              << ", to: " << Ends() << ", service: " << m_services[Index(m_services.size())] << "}";
            if (Chance(0.3))
            {
                y << ", assume_compromised: " << Group();
            }
            y << "}\n";
        }
        return y.str();
    }

private:
    int Pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_random); }
    std::size_t Index(std::size_t n) { return static_cast<std::size_t>(Pick(0, int(n) - 1)); }
    bool Chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    std::string Group() { return m_groups[Index(m_groups.size())]; }
    std::string Action()
    {
        const char* actions[] = {"allow", "allow", "drop", "reject"};
        return actions[Index(4)];
    }
    std::string Ends()
    {
        switch (Pick(0, 5))
        {
        case 0:
            return "10." + std::to_string(Pick(0, 1)) + ".0.0/28";
        case 1:
            return "[" + Group() + ", " + Group() + "]";
        default:
            return Group();
        }
    }

    void Rules(std::ostringstream& y, bool onMachines)
    {
        int rules = Pick(0, 6);
        for (int r = 0; r < rules; ++r)
        {
            y << "      - {id: r" << r << ", from: " << Ends() << ", to: " << Ends()
              << ", service: " << m_services[Index(m_services.size())] << ", action: " << Action();
            const char* directions[] = {"in", "out", "in_out"};
            if (Chance(0.4))
            {
                y << ", direction: " << directions[Index(3)];
            }
            if (onMachines && Chance(0.3))
            {
                y << ", applied_to: " << Group();
            }
            if (Chance(0.1))
            {
                y << ", disabled: true";
            }
            y << "}\n";
        }
        if (rules == 0)
        {
            y << "      []\n";
        }
    }

    std::mt19937 m_random;
    std::vector<std::string> m_names;
    std::vector<std::string> m_groups;
    std::vector<std::string> m_services;
};

} // namespace

std::string
RandomScenarioYaml(std::uint32_t seed)
{
    return Generator(seed).Run();
}

} // namespace tests
} // namespace segproof
