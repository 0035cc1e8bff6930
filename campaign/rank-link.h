// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_CAMPAIGN_RANK_LINK_H
#define SEGPROOF_CAMPAIGN_RANK_LINK_H

#include <memory>
#include <optional>
#include <string>

namespace segproof
{
namespace campaign
{

/// What the ranks of an MPI campaign say to each other (docs/campaign.md).
enum class RankTag
{
    Ready = 1,     ///< worker -> rank 0: give me a run (text: the worker's host name)
    Run = 2,       ///< rank 0 -> worker: "INDEX KEY" of the run to do
    Stop = 3,      ///< rank 0 -> worker: nothing left; finish ("lost": a rank was lost)
    Heartbeat = 4, ///< worker -> rank 0: still running INDEX
    Result = 5,    ///< worker -> rank 0: "INDEX\nHOST\n" then formats::EncodeRunResult
    Failed = 6,    ///< worker -> rank 0: "INDEX\nHOST\n" then why the run failed
    Refused = 7,   ///< worker -> rank 0: the run it was given is not the one its plan has there
};

/// One message between ranks.
struct RankMessage
{
    int rank = 0;
    RankTag tag = RankTag::Ready;
    std::string text;
};

/// The ranks of an MPI job, as messages of text. The one place segproof calls MPI
/// (mpi-rank-link.cc): no MPI type leaves it.
class RankLink
{
public:
    virtual ~RankLink() = default;
    virtual int Rank() const = 0;
    virtual int Size() const = 0;
    virtual void Send(int rank, RankTag tag, const std::string& text) = 0;
    /// The next message for this rank, if one has arrived; never waits.
    virtual std::optional<RankMessage> TryReceive() = 0;
    /// The next message for this rank; waits for it.
    virtual RankMessage Receive() = 0;
    /// Leave the job without MPI_Finalize: once a rank is lost, Open MPI's finalize may wait
    /// for it forever (seen here about one time in three with mpirun --enable-recovery).
    virtual void LeaveWithoutFinalize() = 0;
};

/// Whether this process was started by mpirun / srun (Open MPI's, PMIx's or PMI's environment).
bool LaunchedByMpi();

/// Joins the MPI job (MPI_Init); the link's destructor leaves it (MPI_Finalize). Errors are
/// returned, not fatal, so rank 0 outlives a lost rank (with `mpirun --enable-recovery`).
/// Throws std::runtime_error when MPI cannot start.
std::unique_ptr<RankLink> JoinMpiJob();

} // namespace campaign
} // namespace segproof

#endif
