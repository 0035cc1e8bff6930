// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
// `segproof collect`: an NSX Manager's objects, fetched over its REST API, written as one JSON
// bundle (docs/collect.md). The fetching is collect/'s; this parses, prints and picks the exit.
#include "collect-progress-line.h"
#include "collect/collect-error.h"
#include "collect/collect-options.h"
#include "collect/curl-transport.h"
#include "collect/manager-url.h"
#include "collect/nsx-api-client.h"
#include "collect/nsx-collector.h"
#include "commands.h"
#include "core/input-error.h"
#include "output-file.h"
#include "segproof/version.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace segproof
{
namespace cli
{

namespace
{
struct CollectArguments
{
    std::string manager;
    std::string user;
    std::string passwordFile;
    std::string auth = "basic";
    std::string caFile;
    bool insecure = false;
    double timeout = 30;
    int retries = 5;
    bool quiet = false;
    std::string out;
};

constexpr const char* kPasswordVariable = "SEGPROOF_NSX_PASSWORD";

/// A usage problem found before any request: printed like every other collect error.
[[noreturn]] void
Usage(const std::string& message)
{
    throw collect::CollectError(collect::CollectErrorKind::Usage, "", message);
}

/// The password from --password-file (its first line's end dropped) or the environment.
std::string
ReadPassword(const CollectArguments& args)
{
    if (!args.passwordFile.empty())
    {
        std::ifstream in(args.passwordFile, std::ios::binary);
        if (!in)
        {
            Usage("--password-file '" + args.passwordFile + "': cannot be read");
        }
        std::ostringstream text;
        text << in.rdbuf();
        std::string password = text.str();
        if (!password.empty() && password.back() == '\n')
        {
            password.pop_back();
            if (!password.empty() && password.back() == '\r')
            {
                password.pop_back();
            }
        }
        if (password.empty())
        {
            Usage("--password-file '" + args.passwordFile + "' is empty");
        }
        return password;
    }
    const char* value = std::getenv(kPasswordVariable);
    if (value == nullptr || *value == '\0')
    {
        Usage(std::string("no password: pass --password-file FILE or set ") + kPasswordVariable +
              " (a password is never taken on the command line, where ps would show it)");
    }
    return value;
}

void
CheckOutput(const std::string& out)
{
    const std::filesystem::path parent = std::filesystem::path(out).parent_path();
    std::error_code error;
    if (!parent.empty() && !std::filesystem::is_directory(parent, error))
    {
        Usage("--out '" + out + "': no folder '" + parent.string() + "'");
    }
    if (std::filesystem::is_directory(out, error))
    {
        Usage("--out '" + out + "' is a folder, not a file");
    }
}

std::string
Plural(std::size_t n, const std::string& one, const std::string& many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string
Summary(const collect::CollectResult& result, const std::string& manager, const std::string& out)
{
    const collect::CollectCounts& c = result.counts;
    return "segproof collect: wrote " + out + ": " + Plural(c.virtualMachines, "VM", "VMs") + ", " +
           Plural(c.vifs, "VIF", "VIFs") + ", " + Plural(c.segments, "segment", "segments") + " (" +
           Plural(c.segmentPorts, "port", "ports") + "), " + Plural(c.tier0s, "tier-0", "tier-0s") +
           ", " + Plural(c.tier1s, "tier-1", "tier-1s") + ", " +
           Plural(c.domains, "domain", "domains") + ", " + Plural(c.groups, "group", "groups") +
           ", " + Plural(c.policies, "policy", "policies") + " (" +
           Plural(c.rules, "rule", "rules") + "), " + Plural(c.services, "service", "services") +
           " from " + manager + " in " + Plural(result.requests, "request", "requests");
}

void
RunCollect(const CollectArguments& args)
{
    collect::CollectOptions options;
    options.manager = collect::NormalizeManagerUrl(args.manager);
    options.user = args.user;
    options.auth = args.auth == "session" ? collect::AuthMode::Session : collect::AuthMode::Basic;
    options.caFile = args.caFile;
    options.insecure = args.insecure;
    options.timeoutSeconds = args.timeout;
    options.retries = args.retries;
    options.password = ReadPassword(args);
    std::error_code error;
    if (!args.caFile.empty() && !std::filesystem::is_regular_file(args.caFile, error))
    {
        Usage("--ca-file '" + args.caFile + "': no such file");
    }
    CheckOutput(args.out);
    if (args.insecure)
    {
        std::cerr << "segproof collect: warning: --insecure: the certificate of " << options.manager
                  << " is not verified; anyone between here and it could read the password and "
                     "change the answers\n";
    }

    collect::CurlTransport transport(options.caFile, options.insecure, options.timeoutSeconds,
                                     std::string("segproof/") + SEGPROOF_VERSION);
    collect::NsxApiClient client(transport, options);
    CollectProgressLine progress(!args.quiet);
    collect::NsxCollector collector(client, SEGPROOF_VERSION,
                                    [&progress](const collect::CollectProgress& p)
                                    { progress.Update(p); });
    collect::CollectResult result;
    try
    {
        result = collector.Collect();
    }
    catch (...)
    {
        progress.Finish();
        throw;
    }
    progress.Finish();
    if (!args.quiet)
    {
        for (const auto& note : result.notes)
        {
            std::cerr << "segproof collect: note: " << note << "\n";
        }
    }
    try
    {
        WriteWholeFile(args.out, result.bundle.dump(2) + "\n", "--out");
    }
    catch (const core::InputError& e)
    {
        Usage(e.Diagnostics().empty() ? e.what() : e.Diagnostics().front().ToString());
    }
    std::cout << Summary(result, options.manager, args.out) << "\n";
}
} // namespace

void
RegisterCollect(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<CollectArguments>();
    CLI::App* command = app.add_subcommand(
        "collect", "Fetch an NSX Manager's policy objects over its REST API (HTTPS) and write them "
                   "as one JSON bundle; the password comes from --password-file or the "
                   "environment variable SEGPROOF_NSX_PASSWORD (docs/collect.md)");
    command->add_option("--manager", args->manager, "The NSX Manager: https://HOST[:PORT]")
        ->required();
    command->add_option("--user", args->user, "The NSX user name")->required();
    command->add_option("--password-file", args->passwordFile,
                        "A file holding the password (one line); without it, the environment "
                        "variable SEGPROOF_NSX_PASSWORD");
    command
        ->add_option("--auth", args->auth,
                     "basic: HTTP basic authentication on every request (default); session: "
                     "NSX's session-based authentication (JSESSIONID cookie and X-XSRF-TOKEN)")
        ->check(CLI::IsMember({"basic", "session"}));
    CLI::Option* caFile = command->add_option("--ca-file", args->caFile,
                                              "A PEM bundle of CAs to trust besides the system's");
    command
        ->add_flag("--insecure", args->insecure,
                   "Do not verify the manager's TLS certificate (prints a warning)")
        ->excludes(caFile);
    command
        ->add_option("--timeout", args->timeout,
                     "Seconds each request may take, connecting and again transferring "
                     "(default 30)")
        ->check(CLI::Range(0.001, 86400.0));
    command
        ->add_option("--retries", args->retries,
                     "Attempts after the first for a 429, a 503, a timeout or a reset "
                     "connection, with back-off (default 5)")
        ->check(CLI::Range(0, 100));
    command->add_flag("--quiet", args->quiet, "No progress line and no notes on stderr");
    command
        ->add_option("--out", args->out,
                     "The bundle to write (JSON); written only when every request succeeded")
        ->required();
    command->callback(
        [args, &exitCode]
        {
            try
            {
                RunCollect(*args);
                exitCode = kExitOk;
            }
            catch (const collect::CollectError& e)
            {
                std::cerr << "segproof collect: error: " << e.what() << "\n";
                exitCode = kExitBadInput;
            }
        });
}

} // namespace cli
} // namespace segproof
