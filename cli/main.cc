// segproof: prove and simulate network segmentation against lateral movement.
// This file parses arguments, calls the libraries, prints, and maps outcomes to exit codes:
// 0 ok / everything holds, 1 a finding, 2 bad input or usage.

#include "core/input-error.h"
#include "core/scenario-reader.h"
#include "reports/validate-summary.h"
#include "segproof/version.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace
{

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 2;

int
RunValidate(const std::string& scenarioPath)
{
    segproof::core::Scenario scenario = segproof::core::ReadScenarioFile(scenarioPath);
    std::cout << segproof::reports::FormatValidateSummary(scenario);
    std::cout << "\nOK: " << scenarioPath << " is a valid segproof/v1 scenario\n";
    return kExitOk;
}

} // namespace

int
main(int argc, char** argv)
{
    CLI::App app{"segproof: prove and simulate network segmentation against lateral movement"};
    app.set_version_flag("--version", std::string("segproof ") + SEGPROOF_VERSION);
    app.require_subcommand(1);

    std::string scenarioPath;
    CLI::App* validate =
        app.add_subcommand("validate", "Parse and check a scenario; print a summary of it");
    validate->add_option("SCENARIO", scenarioPath, "Scenario file (YAML, segproof/v1)")
        ->required();

    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::CallForHelp& e)
    {
        return app.exit(e);
    }
    catch (const CLI::CallForAllHelp& e)
    {
        return app.exit(e);
    }
    catch (const CLI::CallForVersion& e)
    {
        return app.exit(e);
    }
    catch (const CLI::ParseError& e)
    {
        app.exit(e);
        return kExitBadInput;
    }

    try
    {
        if (validate->parsed())
        {
            return RunValidate(scenarioPath);
        }
    }
    catch (const segproof::core::InputError& e)
    {
        for (const auto& d : e.Diagnostics())
        {
            std::cerr << d.ToString() << "\n";
        }
        std::cerr << e.Diagnostics().size() << (e.Diagnostics().size() == 1 ? " error" : " errors")
                  << "\n";
        return kExitBadInput;
    }
    return kExitBadInput;
}
