#ifndef SEGPROOF_FORMATS_RUN_RESULT_RUN_RESULT_TEXT_H
#define SEGPROOF_FORMATS_RUN_RESULT_RUN_RESULT_TEXT_H

#include "core/simulation-result.h"

#include <string>

namespace segproof
{
namespace formats
{

/// One run's result as text, every field exact (doubles with 17 digits): what a run's child
/// process sends its parent, and an MPI rank sends rank 0.
std::string EncodeRunResult(const core::RunResult& result);
/// The result EncodeRunResult wrote. Throws std::runtime_error on text it did not write.
core::RunResult DecodeRunResult(const std::string& text);

} // namespace formats
} // namespace segproof

#endif
