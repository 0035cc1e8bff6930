// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_SIM_ATTACKER_SESSION_LOG_H
#define SEGPROOF_SIM_ATTACKER_SESSION_LOG_H

#include "message-header.h"
#include "sim/estate/five-tuple.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace segproof
{
namespace sim
{

/// One session as a flow record (`simulate --flows`): the client's socket, the server's, the
/// bytes each way and when it began and ended; benign or the attack's.
struct FlowRecord
{
    std::uint32_t src = 0;
    std::uint16_t sport = 0;
    std::uint32_t dst = 0;
    std::uint16_t dport = 0;
    std::uint64_t bytesOut = 0; ///< client to server
    std::uint64_t bytesIn = 0;  ///< server to client
    double start_s = 0;
    double end_s = 0;
    bool benign = false;
    bool completed = false; ///< the whole response arrived
};

/// The sessions open in the run, by the client's socket (address, port), as every vantage
/// point would recognise them from their packets' contents: which session a packet belongs
/// to and what it carries. MessageClient opens and closes the entries; taps, detectors and
/// the ground truth read them. With recording on, every finished session is kept as a
/// FlowRecord. One simulation per process: a process-wide table, emptied by Clear().
class SessionLog
{
public:
    /// A session's header and its flow record so far.
    struct Entry
    {
        MessageHeader header;
        FlowRecord flow;
    };

    /// The process's log.
    static SessionLog& Get();

    /// A new session number (never 0).
    std::uint64_t NextSession() { return ++m_lastSession; }

    /// Records an open session (the client's socket is bound).
    void Open(const MessageHeader& header, std::uint32_t src, std::uint16_t sport,
              std::uint32_t dst, std::uint16_t dport, double now_s);
    /// Closes it: with recording on, its flow record is kept.
    void Close(std::uint32_t src, std::uint16_t sport, std::uint64_t bytesOut,
               std::uint64_t bytesIn, bool completed, double now_s);

    /// The open session a packet belongs to (from its client, or to it), or null.
    const Entry* Find(const FiveTuple& tuple) const;

    /// Keeps a FlowRecord of every session closed from now on.
    void SetRecording(bool recording) { m_recording = recording; }
    /// The records kept, in the order the sessions closed.
    const std::vector<FlowRecord>& Flows() const { return m_flows; }

    /// Forgets everything (the end of a run).
    void Clear();

private:
    std::unordered_map<std::uint64_t, Entry> m_open; ///< by ClientKey
    std::vector<FlowRecord> m_flows;
    std::uint64_t m_lastSession = 0;
    bool m_recording = false;
};

} // namespace sim
} // namespace segproof

#endif
