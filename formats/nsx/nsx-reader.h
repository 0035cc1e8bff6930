// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_FORMATS_NSX_NSX_READER_H
#define SEGPROOF_FORMATS_NSX_NSX_READER_H

#include "core/estate.h"
#include "core/input-error.h"
#include "core/policy.h"
#include "formats/input/yaml-context.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace segproof
{
namespace formats
{

/// What an NSX import produced.
struct NsxImport
{
    core::Firewall firewall;                ///< kind Dfw
    std::vector<core::Diagnostic> warnings; ///< what was skipped or is worth a look, in file order
    /// The export's gateway policies (read by ReadNsxGateway, not the DFW), with their rules.
    std::size_t gatewayPolicies = 0;
    std::size_t gatewayRules = 0;
};

/// An NSX file (an export or a collector's bundle) or a folder of NSX API responses (one GET's
/// JSON per file), parsed once: the estate, the DFW and the gateway policies are each read
/// from it.
class NsxFile
{
public:
    /// Reads and parses the file, or the folder's .json files (nsx-folder.h); throws InputError
    /// on a file too large, empty or not JSON.
    static std::shared_ptr<const NsxFile> Load(const std::string& path);
    /// Parses text; `fileName` is used in messages.
    static std::shared_ptr<const NsxFile> FromText(const std::string& text,
                                                   const std::string& fileName);

    const std::string& FileName() const { return m_fileName; }
    const YAML::Node& Root() const { return m_root; }
    /// Gives a reader's context the document, and (for a folder) which file each line is of.
    void Attach(YamlContext& yaml) const;
    /// What reading the folder skipped (each reader adds these to its own warnings).
    const std::vector<core::Diagnostic>& Warnings() const { return m_warnings; }

private:
    NsxFile(std::string fileName, YAML::Node root, std::vector<TextPart> parts = {},
            std::vector<core::Diagnostic> warnings = {})
        : m_fileName(std::move(fileName)), m_root(std::move(root)), m_parts(std::move(parts)),
          m_warnings(std::move(warnings))
    {
    }
    std::string m_fileName;
    YAML::Node m_root;
    std::vector<TextPart> m_parts; ///< a folder's files, else empty
    std::vector<core::Diagnostic> m_warnings;
};

/// Reads the DFW of a parsed NSX file (see ReadNsxDfw(path, estate)).
NsxImport ReadNsxDfw(const NsxFile& file, const core::Estate& estate);

/// Reads the gateway policies of a parsed NSX file as the perimeter (kind Perimeter: the
/// tier-0 gateway's rules) or the gateway (kind Gateway: the tier-1's), resolving groups
/// against the estate (nsx-gateway-builder.h). Throws InputError with every problem.
NsxImport ReadNsxGateway(const NsxFile& file, const core::Estate& estate, core::FirewallKind kind);

/// Reads an NSX Policy API export (hierarchical Infra document or a {groups,services,
/// security_policies} bundle whose lists may be {"results":[...]}) into the DFW, resolving
/// groups against the estate's machines. Throws InputError with every problem (FILE:LINE:COL)
/// in one pass. docs/nsx-import.md says what is honoured, refused and ignored.
NsxImport ReadNsxDfw(const std::string& path, const core::Estate& estate);

/// Reads an export from text; `fileName` is used in messages.
NsxImport ReadNsxDfwText(const std::string& text, const std::string& fileName,
                         const core::Estate& estate);

/// Throws InputError with the diagnostics in file order (and `stop`, why reading stopped,
/// last), when there is any. For the NSX readers.
void ThrowIfErrors(const core::DiagnosticList& diagnostics,
                   const std::optional<core::Diagnostic>& stop);
/// Warnings in file order, those without a line last.
std::vector<core::Diagnostic> WarningsInFileOrder(std::vector<core::Diagnostic> warnings);

} // namespace formats
} // namespace segproof

#endif
