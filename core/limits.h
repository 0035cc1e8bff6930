// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_LIMITS_H
#define SEGPROOF_CORE_LIMITS_H

#include <cstddef>
#include <cstdint>

namespace segproof
{
namespace core
{

/// Input limits: past each one the reader answers with an error that names the limit,
/// instead of exhausting memory or time. docs/limits.md lists them for users.
struct Limits
{
    /// Names one bracket range such as "vdi[00001-99999]" may expand to.
    static constexpr std::size_t kMaxRangeExpansion = 100000;
    /// Machines in one estate.
    static constexpr std::size_t kMaxMachines = 250000;
    /// Depth of group definitions nested through any / all / except.
    static constexpr std::size_t kMaxGroupDepth = 64;
    /// Rules in one firewall (NSX manager's own maximum is 100,000).
    static constexpr std::size_t kMaxRulesPerFirewall = 100000;
    /// Size of a scenario file in bytes.
    static constexpr std::size_t kMaxFileBytes = 64 * 1024 * 1024;
    /// Values (scalars, lists, maps) of one YAML or JSON file: yaml-cpp keeps some 500 bytes
    /// a value, so this bounds its document tree to about 2.5 GB.
    static constexpr std::size_t kMaxYamlValues = 5000000;
    /// Any duration of `attack:` / `defence:` (breakout, delays, intervals), in seconds: a year.
    static constexpr double kMaxDuration_s = 365.0 * 86400.0;
    /// Phishing mails of `attack: initial_access: mails`.
    static constexpr std::int64_t kMaxMails = 1000000;
    /// Scans per second of one infected machine under the worm profile.
    static constexpr double kMaxScansPerSecond = 1000;

    /// Segments of one estate.
    static constexpr std::size_t kMaxSegments = 10000;
    /// Hypervisor hosts of one estate.
    static constexpr std::size_t kMaxHosts = 10000;
    /// External addresses of one estate.
    static constexpr std::size_t kMaxExternals = 10000;
    /// Groups of one scenario, and of one NSX export.
    static constexpr std::size_t kMaxGroups = 100000;
    /// Named services of one scenario, and of one NSX export.
    static constexpr std::size_t kMaxServices = 100000;
    /// Intents of one scenario (each is a solver query).
    static constexpr std::size_t kMaxIntents = 10000;
    /// Conditions of the groups of one NSX export (each is checked against every VM).
    static constexpr std::size_t kMaxNsxConditions = 100000;
    /// Values one scenario (or NSX export) is read into: list items, names a bracket range
    /// expands to, and the address ranges and service entries a name copies where it is used.
    /// A YAML alias (*name) counts in full wherever it is used. Bounds the reader's work and
    /// memory whatever the file repeats or references.
    static constexpr std::size_t kMaxValuesRead = 20000000;
    /// Service cells (the pieces of protocol x destination port x source port that the
    /// services, rules and listeners of a scenario cut apart): the analyses keep a bit set of
    /// them per rule. No YAML scenario reaches it (at most 2 x 65,536 + 257 cells); an NSX
    /// export's source ports multiply the count.
    static constexpr std::size_t kMaxServiceCells = 200000;
    /// Errors one reading reports before it stops.
    static constexpr std::size_t kMaxErrors = 1000;

    /// Cells of `matrix` / `probe` output: rows x columns x services.
    static constexpr std::uint64_t kMaxMatrixCells = 10000000;
    /// Runs per posture of `simulate` / `report` (--runs).
    static constexpr std::uint64_t kMaxRuns = 100000;
    /// Runs of one campaign spec: scenarios x parameter points x postures x runs (a posture
    /// list left out counts as one posture per scenario when the spec is read).
    static constexpr std::uint64_t kMaxCampaignRuns = 1000000;
    /// Runs in parallel (--jobs); each is a process of its own.
    static constexpr unsigned kMaxJobs = 512;
    /// Solver time per intent (`verify --timeout`), in seconds: a day.
    static constexpr double kMaxSolverTimeout_s = 86400.0;
};

} // namespace core
} // namespace segproof

#endif
