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
    /// Any duration of `attack:` / `defence:` (breakout, delays, intervals), in seconds: a year.
    static constexpr double kMaxDuration_s = 365.0 * 86400.0;
    /// Phishing mails of `attack: initial_access: mails`.
    static constexpr std::int64_t kMaxMails = 1000000;
    /// Scans per second of one infected machine under the worm profile.
    static constexpr double kMaxScansPerSecond = 1000;
};

} // namespace core
} // namespace segproof

#endif
