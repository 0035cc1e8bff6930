// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// libFuzzer target: the YAML scenario reader on arbitrary text. Any input must either read or
// throw core::InputError; anything else escaping (another exception, a crash, a hang, a leak, a
// sanitizer report) is a finding. docs/fuzzing.md.

#include "core/input-error.h"
#include "formats/scenario/scenario-reader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        // A relative `firewalls.dfw.nsx: FILE` resolves against the working directory;
        // scripts/fuzz.sh runs in one holding only a copy of scenarios/nsx/.
        segproof::formats::ReadScenarioText(text, "fuzz-input.yaml");
    }
    catch (const segproof::core::InputError&)
    {
        // Bad input, reported the documented way.
    }
    return 0;
}
