#ifndef SEGPROOF_CORE_ESTATE_READER_H
#define SEGPROOF_CORE_ESTATE_READER_H

#include "estate.h"
#include "yaml-context.h"

#include <functional>

namespace segproof
{
namespace core
{

/// Resolves a `listens:` entry (service name or inline entry) into entries; reports errors.
using ServiceResolver = std::function<ServiceSet(const YAML::Node&)>;

/// Reads `estate:` (segments, hosts, machines, external): expands bracket ranges, places
/// machines round-robin on their hosts, assigns `ip: auto`, and checks names, overlaps and
/// addresses. Errors go to the context; the estate holds whatever could be read.
Estate ReadEstate(const YAML::Node& node, YamlContext& context,
                  const ServiceResolver& resolveServices);

} // namespace core
} // namespace segproof

#endif
