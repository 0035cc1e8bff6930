// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "campaign-options.h"
#include "commands.h"
#include "core/input-error.h"
#include "results/results-database.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace segproof
{
namespace cli
{

namespace
{
struct ExportArguments
{
    std::string db;
    std::string out = "out/export";
};
} // namespace

void
RegisterExport(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<ExportArguments>();
    CLI::App* command = app.add_subcommand(
        "export", "Write a results database (segproof campaign --db) as CSV: OUT/runs.csv, one "
                  "row per run with its parameters, and OUT/series.csv, one row per sample");
    command->add_option("DB", args->db, "Results database (SQLite)")->required();
    command->add_option("--out", args->out, "Output folder (default out/export)");
    command->callback(
        [args, &exitCode]
        {
            std::error_code error;
            if (!std::filesystem::is_regular_file(args->db, error))
            {
                throw core::InputError(core::SourceLocation{args->db, 0, 0},
                                       "no such results database");
            }
            std::unique_ptr<results::ResultsDatabase> db;
            try
            {
                db = std::make_unique<results::ResultsDatabase>(args->db);
            }
            catch (const results::DatabaseError& e)
            {
                throw core::InputError(core::SourceLocation{args->db, 0, 0}, e.what());
            }
            std::filesystem::path out(args->out);
            CreateOutputFolder(out);
            WriteOutputFile(out / "runs.csv", db->RunsCsv());
            WriteOutputFile(out / "series.csv", db->SeriesCsv());
            std::cout << "wrote " << (out / "runs.csv").string() << " (" << db->CountRuns("done")
                      << " runs done, " << db->CountRuns("failed") << " failed) and "
                      << (out / "series.csv").string() << "\n";
            exitCode = kExitOk;
        });
}

} // namespace cli
} // namespace segproof
