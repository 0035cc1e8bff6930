// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 The segproof authors
#include "sqlite-statement.h"

#include "results-database.h"

#include <sqlite3.h>

namespace segproof
{
namespace results
{

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& path, const std::string& what,
                                 const std::string& sql)
    : m_db(db), m_path(path), m_what(what)
{
    if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size() + 1), &m_statement,
                           nullptr) != SQLITE_OK)
    {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        Fail(sqlite3_errmsg(m_db));
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void
SqliteStatement::BindText(int index, const std::string& value)
{
    // SQLITE_TRANSIENT: sqlite copies the text, so temporaries may be bound.
    if (sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK)
    {
        Fail(sqlite3_errmsg(m_db));
    }
}

void
SqliteStatement::BindInt64(int index, std::int64_t value)
{
    if (sqlite3_bind_int64(m_statement, index, value) != SQLITE_OK)
    {
        Fail(sqlite3_errmsg(m_db));
    }
}

void
SqliteStatement::BindUint64(int index, std::uint64_t value)
{
    BindInt64(index, static_cast<std::int64_t>(value));
}

void
SqliteStatement::BindDouble(int index, double value)
{
    if (sqlite3_bind_double(m_statement, index, value) != SQLITE_OK)
    {
        Fail(sqlite3_errmsg(m_db));
    }
}

void
SqliteStatement::BindNull(int index)
{
    if (sqlite3_bind_null(m_statement, index) != SQLITE_OK)
    {
        Fail(sqlite3_errmsg(m_db));
    }
}

bool
SqliteStatement::Step()
{
    int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
    {
        return true;
    }
    if (rc == SQLITE_DONE)
    {
        return false;
    }
    Fail(sqlite3_errmsg(m_db));
}

void
SqliteStatement::Run()
{
    while (Step())
    {
    }
}

void
SqliteStatement::Reset()
{
    // sqlite3_reset repeats the last step's error, already reported by Step.
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

int
SqliteStatement::ColumnCount() const
{
    return sqlite3_column_count(m_statement);
}

std::string
SqliteStatement::ColumnName(int column) const
{
    const char* name = sqlite3_column_name(m_statement, column);
    if (name == nullptr)
    {
        Fail("out of memory");
    }
    return name;
}

int
SqliteStatement::ColumnType(int column) const
{
    return sqlite3_column_type(m_statement, column);
}

bool
SqliteStatement::IsNull(int column) const
{
    return ColumnType(column) == SQLITE_NULL;
}

std::int64_t
SqliteStatement::Int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::uint64_t
SqliteStatement::Uint64(int column) const
{
    return static_cast<std::uint64_t>(Int64(column));
}

double
SqliteStatement::Double(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string
SqliteStatement::Text(int column) const
{
    const unsigned char* text = sqlite3_column_text(m_statement, column);
    if (text == nullptr)
    {
        return "";
    }
    // After sqlite3_column_text, as its documentation asks, so the size is the text's.
    int bytes = sqlite3_column_bytes(m_statement, column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes));
}

void
SqliteStatement::Fail(const std::string& detail) const
{
    throw DatabaseError(m_path + ": " + m_what + ": " + detail);
}

} // namespace results
} // namespace segproof
