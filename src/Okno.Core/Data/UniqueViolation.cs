using Microsoft.Data.Sqlite;
using Npgsql;

namespace Okno.Core.Data;

/// <summary>
/// "Another writer inserted the same row first": a UNIQUE or PRIMARY KEY constraint refused the insert —
/// SQLite's SQLITE_CONSTRAINT (19) with the extended code UNIQUE (2067) or PRIMARYKEY (1555), PostgreSQL's 23505.
/// The only failure a caller may treat as a race; every other error is a fault and must show as one.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                return true;
        }
        return false;
    }
}
