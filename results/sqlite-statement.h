// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#ifndef SEGPROOF_RESULTS_SQLITE_STATEMENT_H
#define SEGPROOF_RESULTS_SQLITE_STATEMENT_H

#include <cstdint>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace segproof
{
namespace results
{

/// One prepared SQLite statement, finalized when it goes out of scope. Every failure throws
/// DatabaseError "PATH: WHAT: sqlite's message", WHAT saying what was being done. Values are
/// only ever bound, never spliced into the SQL text.
class SqliteStatement
{
public:
    /// Prepares `sql` on `db` (the database file at `path`).
    SqliteStatement(sqlite3* db, const std::string& path, const std::string& what,
                    const std::string& sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    /// Binds parameter `index` (1-based) to a text (copied; may hold NUL bytes).
    void BindText(int index, const std::string& value);
    /// Binds parameter `index` to an integer.
    void BindInt64(int index, std::int64_t value);
    /// Binds parameter `index` to an unsigned integer, stored as the int64 of the same bits
    /// (exact both ways; values above INT64_MAX, never met in practice, read negative in SQL).
    void BindUint64(int index, std::uint64_t value);
    /// Binds parameter `index` to a REAL (a double is stored exactly).
    void BindDouble(int index, double value);
    /// Binds parameter `index` to NULL.
    void BindNull(int index);

    /// Runs the statement to its next row: true when a row is ready, false when done.
    bool Step();
    /// Runs a statement that returns no row (INSERT, UPDATE, DELETE) to completion.
    void Run();
    /// Rewinds the statement and clears its bindings, ready to run again.
    void Reset();

    /// Columns of the current row, 0-based.
    int ColumnCount() const;
    /// The name the statement gives column `column`.
    std::string ColumnName(int column) const;
    /// SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    int ColumnType(int column) const;
    bool IsNull(int column) const;
    std::int64_t Int64(int column) const;
    /// The int64 column read back as the uint64 BindUint64 stored.
    std::uint64_t Uint64(int column) const;
    double Double(int column) const;
    std::string Text(int column) const;

private:
    [[noreturn]] void Fail(const std::string& detail) const;

    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    std::string m_path;
    std::string m_what;
};

} // namespace results
} // namespace segproof

#endif
