// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "rank-link.h"

#include <cstdlib>
#include <mpi.h>
#include <stdexcept>
#include <vector>

namespace segproof
{
namespace campaign
{

namespace
{
/// Throws when an MPI call did not succeed (errors return: MPI_ERRORS_RETURN).
void
Check(int code, const char* what)
{
    if (code != MPI_SUCCESS)
    {
        char text[MPI_MAX_ERROR_STRING] = {};
        int length = 0;
        MPI_Error_string(code, text, &length);
        throw std::runtime_error(std::string(what) + ": " + std::string(text, length));
    }
}

class MpiRankLink : public RankLink
{
public:
    MpiRankLink()
    {
        int provided = 0;
        Check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SINGLE, &provided), "MPI_Init");
        MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
        MPI_Comm_rank(MPI_COMM_WORLD, &m_rank);
        MPI_Comm_size(MPI_COMM_WORLD, &m_size);
    }

    ~MpiRankLink() override
    {
        if (m_finalize)
        {
            MPI_Finalize();
        }
    }

    void LeaveWithoutFinalize() override { m_finalize = false; }

    int Rank() const override { return m_rank; }
    int Size() const override { return m_size; }

    void Send(int rank, RankTag tag, const std::string& text) override
    {
        Check(MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, rank,
                       static_cast<int>(tag), MPI_COMM_WORLD),
              "MPI_Send");
    }

    std::optional<RankMessage> TryReceive() override
    {
        int arrived = 0;
        MPI_Status status;
        Check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status),
              "MPI_Iprobe");
        if (!arrived)
        {
            return std::nullopt;
        }
        return ReceiveProbed(status);
    }

    RankMessage Receive() override
    {
        MPI_Status status;
        Check(MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &status), "MPI_Probe");
        return ReceiveProbed(status);
    }

private:
    RankMessage ReceiveProbed(const MPI_Status& probed)
    {
        int count = 0;
        MPI_Get_count(&probed, MPI_CHAR, &count);
        std::vector<char> buffer(static_cast<std::size_t>(count) + 1);
        MPI_Status status;
        Check(MPI_Recv(buffer.data(), count, MPI_CHAR, probed.MPI_SOURCE, probed.MPI_TAG,
                       MPI_COMM_WORLD, &status),
              "MPI_Recv");
        return RankMessage{probed.MPI_SOURCE, static_cast<RankTag>(probed.MPI_TAG),
                           std::string(buffer.data(), static_cast<std::size_t>(count))};
    }

    int m_rank = 0;
    int m_size = 1;
    bool m_finalize = true;
};
} // namespace

bool
LaunchedByMpi()
{
    for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    {
        if (std::getenv(variable) != nullptr)
        {
            return true;
        }
    }
    return false;
}

std::unique_ptr<RankLink>
JoinMpiJob()
{
    return std::make_unique<MpiRankLink>();
}

} // namespace campaign
} // namespace segproof
