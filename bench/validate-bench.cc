// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// bench/validate: how long `segproof validate` takes on a scenario, against the floor of
// parsing the same file with yaml-cpp alone (measured in the same process); or, given a third
// argument, the file the scenario reads its estate from (an NSX bundle).
// usage: bench_validate [SCENARIO] [RUNS] [BASELINE_FILE]
// Prints figures and ratios; never a pass/fail timer.

#include "formats/scenario/scenario-reader.h"
#include "reports/validate-summary.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace
{

using Clock = std::chrono::steady_clock;

/// Median wall time in milliseconds of `runs` calls.
double
MedianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i)
    {
        auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int
main(int argc, char** argv)
{
    std::string path = argc > 1 ? argv[1] : "scenarios/enterprise-10k.yaml";
    int runs = argc > 2 ? std::stoi(argv[2]) : 5;
    std::ifstream in(path);
    if (!in)
    {
        std::cerr << path << ": cannot open the file\n";
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const std::string baselinePath = argc > 3 ? argv[3] : path;
    std::string baseline = text;
    if (argc > 3)
    {
        std::ifstream other(baselinePath);
        if (!other)
        {
            std::cerr << baselinePath << ": cannot open the file\n";
            return 2;
        }
        std::stringstream otherBuffer;
        otherBuffer << other.rdbuf();
        baseline = otherBuffer.str();
    }

    std::size_t machines = 0;
    std::size_t rules = 0;
    double yamlOnly = MedianMs(runs, [&] { YAML::Load(baseline); });
    double read = MedianMs(runs,
                           [&]
                           {
                               auto scenario = segproof::formats::ReadScenarioText(text, path);
                               machines = scenario.GetEstate().Machines().size();
                               rules = 0;
                               for (auto kind : segproof::core::kAllFirewallKinds)
                               {
                                   const auto* fw = scenario.FindFirewall(kind);
                                   rules += fw ? fw->rules.size() : 0;
                               }
                           });
    auto scenario = segproof::formats::ReadScenarioText(text, path);
    std::size_t lines = 0;
    double summary =
        MedianMs(runs,
                 [&]
                 {
                     std::string s = segproof::reports::FormatValidateSummary(scenario);
                     lines = static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
                 });

    std::cout << std::fixed << std::setprecision(1);
    std::cout << "bench/validate  " << path << "  (" << text.size() / 1024 << " KiB, " << machines
              << " machines, " << rules << " rules; median of " << runs << " runs)\n";
    std::cout << "  yaml-cpp parse only (baseline)   " << std::setw(8) << yamlOnly << " ms"
              << (argc > 3 ? "  (" + baselinePath + ", " + std::to_string(baseline.size() / 1024) +
                                 " KiB)"
                           : std::string())
              << "\n";
    std::cout << "  read + check (model built)        " << std::setw(8) << read << " ms  ("
              << std::setprecision(2) << read / yamlOnly << "x the baseline)\n"
              << std::setprecision(1);
    std::cout << "  summary (" << lines << " lines)                " << std::setw(8) << summary
              << " ms\n";
    std::cout << "  validate in all                   " << std::setw(8) << read + summary
              << " ms  (target: under " << (argc > 3 ? "10000" : "1000") << " ms)\n";
    return 0;
}
