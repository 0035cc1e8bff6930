// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_REPORTS_CSV_TEXT_H
#define SEGPROOF_REPORTS_CSV_TEXT_H

#include <string>

namespace segproof
{
namespace reports
{

/// A CSV field, quoted (RFC 4180) only when it must be: when it holds a comma, a quote, CR or LF.
std::string CsvField(const std::string& text);

/// `value` as the shortest decimal text that reads back as the same double, whatever the
/// locale ("0.1", "7200", "1e-05"): what every CSV segproof writes uses for a double.
std::string ExactDouble(double value);

} // namespace reports
} // namespace segproof

#endif
