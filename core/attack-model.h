// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CORE_ATTACK_MODEL_H
#define SEGPROOF_CORE_ATTACK_MODEL_H

#include "estate.h"
#include "source-location.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace segproof
{
namespace core
{

/// How the attacker chooses its next move (docs/attack-model.md).
enum class AttackProfile
{
    Targeted, ///< directory-guided, few connections (the brochure's case; default)
    Worm,     ///< WannaCry style: sweeps its own subnet on SMB, then random estate addresses
};

/// "targeted" or "worm".
std::string AttackProfileName(AttackProfile profile);

/// Whether AV/EDR signatures already know the sample.
enum class SampleKind
{
    New,   ///< unknown to AV (the brochure's premise; default)
    Known, ///< in the signatures
};

/// "new" or "known".
std::string SampleKindName(SampleKind kind);

/// Which agents beacon to the C2 server over the internet.
enum class C2Egress
{
    Phished, ///< only the agents on phished machines; the others are driven through them over
             ///< internal SMB pipes (Cobalt Strike's SMB Beacon, ATT&CK T1090.001) [A]
    Every,   ///< every agent beacons out (commodity malware)
    None,    ///< no beacon (a worm such as WannaCry)
};

/// A lateral-movement technique: one TCP service the attacker connects to.
enum class LateralTechnique
{
    Smb,   ///< T1021.002 admin shares (with credentials) / T1210 SMB exploit (without), tcp/445
    Rdp,   ///< T1021.001, tcp/3389, credentials only
    WinRm, ///< T1021.006, tcp/5985, credentials only
};

/// "smb", "rdp" or "winrm".
std::string LateralTechniqueName(LateralTechnique technique);
/// The destination TCP port the technique connects to.
std::uint16_t LateralTechniquePort(LateralTechnique technique);

/// Initial access (T1566): which machines open the phishing mail, and when.
struct InitialAccess
{
    /// Machines that receive the mail (indices into Estate::Machines()); empty: every desktop.
    std::vector<Index> targets;
    int mails = 1;       ///< mails sent (reported; the JPS 2015 case: 124)
    int opened = 1;      ///< mails opened: that many distinct targets, drawn at random
    double window_s = 0; ///< the openings are spread uniformly over [0, window]; the first at 0
};

/// Lateral movement (T1021, T1210, T1550.002, T1570).
struct LateralMovement
{
    std::vector<LateralTechnique> techniques{LateralTechnique::Smb, LateralTechnique::Rdp,
                                             LateralTechnique::WinRm};
    double attemptInterval_s = 600;   ///< mean time between moves of one agent (targeted)
    double exploitSuccess = 0.3;      ///< SMB exploit works on the target (no credentials)
    double credentialSuccess = 0.9;   ///< a stolen credential is valid on the target
    double infectionDelay_s = 120;    ///< from a successful session to a running agent
    std::uint64_t toolBytes = 500000; ///< tool transfer per successful session (T1570)
};

/// Where the worm profile's scanner sends its probes.
enum class WormTargeting
{
    SubnetFirst, ///< every address of its own subnet first, then random estate addresses
                 ///< (WannaCry; default)
    Random,      ///< uniformly random addresses of the estate's segments from the start: the
                 ///< random constant spread model (Staniford, Paxson, Weaver 2002)
};

/// "subnet-first" or "random".
std::string WormTargetingName(WormTargeting targeting);

/// The worm profile's scanner (Staniford et al. 2002; WannaCry).
struct WormScan
{
    WormTargeting targeting = WormTargeting::SubnetFirst;
    double scansPerSecond = 10;   ///< per infected machine
    double exploitSuccess = 0.85; ///< P(target vulnerable to the SMB exploit)
};

/// Parameters of the attack (the scenario's `attack:` section; defaults when absent).
struct AttackParameters
{
    AttackProfile profile = AttackProfile::Targeted;
    SampleKind sample = SampleKind::New;
    InitialAccess initialAccess;
    double breakout_s = 3720; ///< first host to first lateral move (CrowdStrike 2023: 62 min)
    LateralMovement lateral;
    WormScan worm;
    double credentialTheft = 0.5; ///< P(an infected machine yields a reusable credential)
    double disableHostFirewallProbability = 0.9; ///< T1562.004 on an infected machine
    double disableHostFirewallDelay_s = 600;     ///< after infection (admin rights)
    /// Machines whose data the attacker collects over SMB; empty: every machine with `holds:`.
    std::vector<Index> crownJewels;
    /// Exfiltration target (index into Estate::Externals()); kNone: the first external.
    Index exfiltrationTo = kNone;
    /// The proxy the C2 and exfiltration go through (index into Estate::Machines()); kNone
    /// with `exfiltrationDirect` false: the first machine listening on a service named
    /// `proxy`; `exfiltrationDirect` true: straight to the external.
    Index exfiltrationVia = kNone;
    bool exfiltrationDirect = false;
    std::uint16_t exfiltrationPort = 443;  ///< HTTPS at the external
    double exfiltrationRate_Bps = 1e6;     ///< the attacker's throttle (bytes per second)
    double beaconInterval_s = 300;         ///< C2 beacon period of each beaconing agent [A]
    C2Egress c2Egress = C2Egress::Phished; ///< the worm profile never beacons
    bool given = false;                    ///< the scenario has an `attack:` section
    SourceLocation location;               ///< where `attack:` was written (file only if absent)
};

/// What a distributed IDS / IPS signature recognises in a connection's payload: the attack's
/// techniques as they cross a vNIC (docs/attack-model.md, "Detection at the vNIC").
enum class IdsSignature
{
    SmbExploit,      ///< T1210: the SMB exploit (EternalBlue class), no credentials
    PassTheHash,     ///< T1550.002: an NTLM logon over SMB with a stolen hash
    RemoteExecution, ///< T1021.006 / T1569.002: WinRM, or a service created over SMB
    Rdp,             ///< T1021.001: an RDP logon with a stolen credential
    Beacon,          ///< T1071.001: a C2 check-in over HTTPS
    Upload,          ///< T1041 / T1048: a bulk upload of the collected data
};

/// Every signature, in the order of the rate arrays.
constexpr std::array<IdsSignature, 6> kAllIdsSignatures{
    IdsSignature::SmbExploit, IdsSignature::PassTheHash, IdsSignature::RemoteExecution,
    IdsSignature::Rdp,        IdsSignature::Beacon,      IdsSignature::Upload};

/// "smb_exploit", "pass_the_hash", "remote_exec", "rdp", "beacon" or "upload" (scenario keys).
std::string IdsSignatureName(IdsSignature signature);

/// Per-signature probabilities, indexed by IdsSignature.
using IdsRates = std::array<double, 6>;

/// Where an alert came from (summary.json's "alerts_by_source" keys).
enum class AlertSource
{
    Antivirus,  ///< AV / EDR on the machine
    Monitoring, ///< network monitoring on the gateway's and the perimeter's taps
    Ids,        ///< the distributed IDS / IPS at a vNIC
    Pattern,    ///< the blocked-attempt pattern of the DFW's own blocks
};

/// Every alert source, in the order of the count arrays.
constexpr std::array<AlertSource, 4> kAllAlertSources{
    AlertSource::Antivirus, AlertSource::Monitoring, AlertSource::Ids, AlertSource::Pattern};

/// "av", "monitoring", "ids" or "pattern".
std::string AlertSourceName(AlertSource source);

/// Parameters of the defence (the scenario's `defence:` section; defaults when absent).
struct DefenceParameters
{
    double avDetectNew = 0.51;   ///< P(AV/EDR detects a new sample on a machine)
    double avDetectKnown = 0.98; ///< P(AV/EDR detects a known sample)
    double avDelay_s = 3600;     ///< mean time from infection to detection (exponential)
    /// A detection also removes the malware (the machine stops counting as infected and is
    /// immune afterwards). Off by default [A]: deleting the sample does not evict a hands-on-
    /// keyboard intruder, which is why NSX's partner chain quarantines the VM instead.
    bool avRemoves = false;
    double monitoringDetect = 0.1; ///< P(network monitoring alerts on one attack connection it
                                   ///< sees: those crossing the gateway or the perimeter)
    double monitoringFalseAlarm = 0.0005; ///< P(an alert on one benign connection it sees) [A]
    /// Blocked-attempt pattern: `patternThreshold` connection attempts of one VM blocked by the
    /// DFW within `patternWindow_s` raise an alert on that VM [A].
    std::uint32_t patternThreshold = 5;
    double patternWindow_s = 3600;
    /// Distributed IDS / IPS: P(a connection carrying the signature is recognised at the
    /// vNIC), for a sample and tools the signatures know, and for new ones (docs/parameters.md).
    IdsRates idsDetectKnown{0.95, 0.5, 0.6, 0.3, 0.9, 0.3};
    IdsRates idsDetectNew{0.9, 0.3, 0.3, 0.1, 0.2, 0.3};
    double idsFalseAlarm = 0.0002; ///< P(an alert on one benign connection inspected) [A]
    std::string quarantineTag = "virus_found|true"; ///< NSX-T partner AV/EDR tag
    double quarantineReaction_s = 60;               ///< from detection to the tag taking effect
    bool given = false;                             ///< the scenario has a `defence:` section
    SourceLocation location;
};

} // namespace core
} // namespace segproof

#endif
