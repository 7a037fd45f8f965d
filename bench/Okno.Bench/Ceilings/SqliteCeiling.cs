using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Okno.Bench.Ceilings;

/// <summary>
/// The disk's ceiling for durable commits: raw Microsoft.Data.Sqlite on a fresh file, WAL, synchronous=FULL,
/// a Messages-shaped row (same columns and indexes as Okno's) — one INSERT per transaction, and 256 per transaction.
/// </summary>
public static class SqliteCeiling
{
    public sealed record Result(double SingleRowCommitsPerSecond, double BatchedRowsPerSecond);

    public static Result Measure(TimeSpan each)
    {
        var dir = Path.Combine(Path.GetTempPath(), "okno-bench", "sqlite-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "raw.db")};Pooling=False");
            connection.Open();
            Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            Exec(connection, """
                CREATE TABLE Messages (Id INTEGER PRIMARY KEY AUTOINCREMENT, ConversationId INTEGER NOT NULL, ContactId INTEGER NOT NULL,
                  Direction TEXT NOT NULL, Kind TEXT NOT NULL, Text TEXT, Template TEXT, ChannelAccountId TEXT, ExternalId TEXT,
                  Status TEXT NOT NULL, Error TEXT, AuthorId INTEGER, SentAt INTEGER, CreatedAt INTEGER NOT NULL, EditedAt INTEGER);
                CREATE UNIQUE INDEX IX_M_Ext ON Messages (ChannelAccountId, ExternalId);
                CREATE INDEX IX_M_Conv ON Messages (ConversationId, Id);
                CREATE INDEX IX_M_Contact ON Messages (ContactId, Id);
                """);
            var n = 0L;
            var single = Run(connection, each, 1, ref n);
            var batched = Run(connection, each, 256, ref n);
            return new Result(single, batched);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private static double Run(SqliteConnection connection, TimeSpan duration, int perTransaction, ref long n)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Messages (ConversationId, ContactId, Direction, Kind, Text, ChannelAccountId, ExternalId, Status, CreatedAt)
            VALUES ($conv, $contact, 'Inbound', 'Text', $text, 'B0000000-0000-0000-0000-000000000001', $ext, 'Received', $at)
            """;
        var conv = insert.Parameters.Add("$conv", SqliteType.Integer);
        var contact = insert.Parameters.Add("$contact", SqliteType.Integer);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var ext = insert.Parameters.Add("$ext", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var rows = 0L;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < duration)
        {
            using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var i = 0; i < perTransaction; i++)
            {
                n++;
                conv.Value = n % 5000;
                contact.Value = n % 4000;
                text.Value = "Добрый день, дополняю вопрос: сообщение " + n;
                ext.Value = $"{n % 4000}:{n}";
                at.Value = DateTime.UtcNow.Ticks;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
            rows += perTransaction;
        }
        return rows / sw.Elapsed.TotalSeconds;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
