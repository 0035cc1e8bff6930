// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "manager-url.h"

#include "collect-error.h"

#include <algorithm>
#include <cctype>

namespace segproof
{
namespace collect
{

namespace
{
[[noreturn]] void
Refuse(const std::string& text, const std::string& why)
{
    throw CollectError(CollectErrorKind::Usage, "",
                       "--manager '" + text + "': " + why + " (expected https://HOST[:PORT])");
}

std::string
Lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}
} // namespace

std::string
NormalizeManagerUrl(const std::string& text)
{
    const std::size_t colon = text.find("://");
    if (colon == std::string::npos)
    {
        Refuse(text, "no scheme");
    }
    const std::string scheme = Lower(text.substr(0, colon));
    if (scheme == "http")
    {
        Refuse(text, "refusing plain http: the password and the policy would cross the network "
                     "unencrypted; NSX Manager serves its API over https");
    }
    if (scheme != "https")
    {
        Refuse(text, "unsupported scheme '" + scheme + "'");
    }
    std::string authority = text.substr(colon + 3);
    if (!authority.empty() && authority.back() == '/')
    {
        authority.pop_back();
    }
    if (authority.empty())
    {
        Refuse(text, "no host");
    }
    if (authority.find_first_of("/?#") != std::string::npos)
    {
        Refuse(text, "a path or query after the host (segproof adds the API paths itself)");
    }
    if (authority.find('@') != std::string::npos)
    {
        Refuse(text, "a user name in the URL (pass --user, and the password as docs/collect.md "
                     "says)");
    }
    std::string host = authority;
    std::string port;
    bool hasPort = false;
    if (authority.front() == '[')
    {
        const std::size_t close = authority.find(']');
        if (close == std::string::npos)
        {
            Refuse(text, "an unclosed '[' in the host");
        }
        host = authority.substr(0, close + 1);
        std::string rest = authority.substr(close + 1);
        if (!rest.empty())
        {
            if (rest.front() != ':')
            {
                Refuse(text, "text after the IPv6 address");
            }
            port = rest.substr(1);
            hasPort = true;
        }
    }
    else if (const std::size_t p = authority.rfind(':'); p != std::string::npos)
    {
        host = authority.substr(0, p);
        port = authority.substr(p + 1);
        hasPort = true;
    }
    if (host.empty() || host == "[]")
    {
        Refuse(text, "no host");
    }
    if (hasPort)
    {
        const bool digits = !port.empty() && port.size() <= 5 &&
                            std::all_of(port.begin(), port.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
        const long number = digits ? std::stol(port) : 0;
        if (number < 1 || number > 65535)
        {
            Refuse(text, "the port '" + port + "' is not a number from 1 to 65535");
        }
        return "https://" + Lower(host) + ":" + std::to_string(number);
    }
    return "https://" + Lower(host);
}

} // namespace collect
} // namespace segproof
