// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// segproof: prove and simulate network segmentation against lateral movement.
// Parses arguments, runs one command, prints its errors, and exits with its code:
// 0 ok / everything holds, 1 a finding, 2 bad input or usage.

#include "commands.h"
#include "core/input-error.h"
#include "core/limits.h"
#include "segproof/version.h"

#include <algorithm>
#include <iostream>
#include <stdexcept>

int
main(int argc, char** argv)
{
    using namespace segproof::cli;
    CLI::App app{"segproof: prove and simulate network segmentation against lateral movement"};
    app.set_version_flag("--version", std::string("segproof ") + SEGPROOF_VERSION);
    app.require_subcommand(1);
    int exitCode = kExitBadInput;
    RegisterValidate(app, exitCode);
    RegisterVerify(app, exitCode);
    RegisterDiff(app, exitCode);
    RegisterLint(app, exitCode);
    RegisterMatrix(app, exitCode);
    RegisterProbe(app, exitCode);
    RegisterSimulate(app, exitCode);
    RegisterReport(app, exitCode);
    RegisterReproduce(app, exitCode);
    RegisterCampaign(app, exitCode);
    RegisterExport(app, exitCode);
    RegisterExportNsx(app, exitCode);
    RegisterCollect(app, exitCode);

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::Success& e)
    {
        return app.exit(e);
    }
    catch (const CLI::ParseError& e)
    {
        app.exit(e);
        return kExitBadInput;
    }
    catch (const segproof::core::InputError& e)
    {
        for (const auto& d : e.Diagnostics())
        {
            std::cerr << d.ToString() << "\n";
        }
        // Past the limit the last diagnostic is the "stopped after N errors" note, not an error.
        std::size_t n = std::min(e.Diagnostics().size(), segproof::core::Limits::kMaxErrors);
        std::cerr << n << (n == 1 ? " error" : " errors") << "\n";
        return kExitBadInput;
    }
    catch (const std::exception& e)
    {
        // A logic_error is a bug; anything else that gets here (out of memory, an error no
        // command expected) is reported the same way rather than as an abort.
        std::cerr << "segproof: internal error (please report it): " << e.what() << "\n";
        return kExitInternalError;
    }
    return exitCode;
}
