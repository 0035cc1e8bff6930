// The malformed-input corpus: each file under tests/data/invalid/ holds one kind of mistake and
// opens with `# expect: LINE:COL: message` lines, the exact diagnostics the reader must give,
// in order. A message that points elsewhere in the file writes the file's path as `{file}`
// ("first at {file}:10:3"), so that no expectation depends on where the repository lies.
// The file list is written out so that each file is a test of its own name.

#include "core/input-error.h"
#include "core/scenario-reader.h"

#include <cctype>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace
{

using segproof::core::InputError;
using segproof::core::ReadScenarioFile;

const std::string kInvalidDir = std::string(SEGPROOF_TEST_DATA_DIR) + "/invalid/";

/// The `# expect:` lines at the top of a corpus file, each as "PATH:LINE:COL: message" with
/// every `{file}` replaced by PATH.
std::vector<std::string>
ExpectedDiagnostics(const std::string& path)
{
    const std::string marker = "# expect: ";
    const std::string placeholder = "{file}";
    std::ifstream in(path);
    std::vector<std::string> expected;
    std::string line;
    while (std::getline(in, line) && line.rfind(marker, 0) == 0)
    {
        std::string text = path + ":" + line.substr(marker.size());
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + path.size()))
        {
            text.replace(at, placeholder.size(), path);
        }
        expected.push_back(text);
    }
    return expected;
}

class InvalidScenarioTest : public ::testing::TestWithParam<const char*>
{
};

TEST_P(InvalidScenarioTest, ReportsExactlyTheExpectedDiagnostics)
{
    const std::string path = kInvalidDir + GetParam();
    ASSERT_TRUE(std::ifstream(path).good()) << "missing corpus file " << path;
    std::vector<std::string> expected = ExpectedDiagnostics(path);
    ASSERT_FALSE(expected.empty()) << path << " has no '# expect: LINE:COL: message' line";

    std::vector<std::string> actual;
    try
    {
        ReadScenarioFile(path);
        FAIL() << path << " was accepted; expected an InputError";
    }
    catch (const InputError& e)
    {
        for (const auto& d : e.Diagnostics())
        {
            EXPECT_EQ(d.location.file, path);
            actual.push_back(d.ToString());
        }
    }
    EXPECT_EQ(actual, expected);
}

// clang-format off
const char* const kCorpus[] = {
    "address-outside-segment.yaml",
    "applied-to-on-gateway.yaml",
    "attack-bad-duration.yaml",
    "attack-bad-profile.yaml",
    "attack-opened-more-than-mails.yaml",
    "attack-probability-out-of-range.yaml",
    "attack-unknown-external.yaml",
    "attack-unknown-key.yaml",
    "attack-unknown-target.yaml",
    "attack-wrong-type.yaml",
    "bad-bracket-range.yaml",
    "cidr-host-bits.yaml",
    "cyclic-groups.yaml",
    "dangling-group.yaml",
    "dangling-group-in-group.yaml",
    "dangling-host.yaml",
    "dangling-machine-in-group.yaml",
    "dangling-segment.yaml",
    "dangling-service.yaml",
    "defence-zero-av-delay.yaml",
    "duplicate-group-key.yaml",
    "duplicate-intent-id.yaml",
    "duplicate-machine-ip.yaml",
    "duplicate-machine-names.yaml",
    "duplicate-rule-id.yaml",
    "empty-value.yaml",
    "external-inside-segment.yaml",
    "external-named-like-machine.yaml",
    "group-with-two-selectors.yaml",
    "intent-deny-and-allow.yaml",
    "list-where-scalar-expected.yaml",
    "machine-on-network-address.yaml",
    "missing-required-key.yaml",
    "overlapping-segments.yaml",
    "posture-undefined-firewall.yaml",
    "posture-unknown-firewall.yaml",
    "range-exceeds-cap.yaml",
    "reserved-any-group.yaml",
    "reserved-any-service.yaml",
    "segment-cidr-unreadable.yaml",
    "segment-out-of-auto-addresses.yaml",
    "service-range-backwards.yaml",
    "several-errors.yaml",
    "string-where-number-expected.yaml",
    "tab-indentation.yaml",
    "unknown-machine-key.yaml",
    "unknown-rule-key.yaml",
    "unknown-top-level-key.yaml",
    "wrong-action-word.yaml",
    "wrong-format.yaml",
    "yaml-syntax-error.yaml",
};
// clang-format on

/// "cidr-host-bits.yaml" -> "cidr_host_bits": test names allow letters, digits and '_'.
std::string
TestName(const ::testing::TestParamInfo<const char*>& info)
{
    std::string name = info.param;
    name = name.substr(0, name.rfind('.'));
    for (char& c : name)
    {
        if (!std::isalnum(static_cast<unsigned char>(c)))
        {
            c = '_';
        }
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, InvalidScenarioTest, ::testing::ValuesIn(kCorpus), TestName);

} // namespace
