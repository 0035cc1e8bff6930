// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// libFuzzer target: the NSX Policy API importer on arbitrary JSON text, resolved against the
// seed scenario's estate (what scenarios/nsx/ is written against). Any input must either import
// or throw core::InputError; anything else is a finding. docs/fuzzing.md.

#include "core/input-error.h"
#include "formats/nsx/nsx-reader.h"
#include "formats/scenario/scenario-reader.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace
{

/// The seed scenario, read once: the estate NSX groups resolve against.
const segproof::core::Scenario&
Seed()
{
    static const segproof::core::Scenario seed =
        segproof::formats::ReadScenarioFile(std::string(SEGPROOF_SCENARIOS_DIR) + "/seed.yaml");
    return seed;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const segproof::core::Scenario& seed = Seed();
    const std::string text(reinterpret_cast<const char*>(data), size);
    try
    {
        segproof::formats::ReadNsxDfwText(text, "fuzz-input.json", seed.GetEstate());
    }
    catch (const segproof::core::InputError&)
    {
        // Bad input, reported the documented way.
    }
    return 0;
}
