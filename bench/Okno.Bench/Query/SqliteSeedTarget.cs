using Microsoft.Data.Sqlite;

namespace Okno.Bench.Query;

/// <summary>Seeds an Okno SQLite file the way EF stores values: DateTimeOffset as UTC ticks, Guid as upper-case text.</summary>
public sealed class SqliteSeedTarget(string file) : ISeedTarget
{
    private readonly SqliteConnection _connection = Open(file);

    private static SqliteConnection Open(string file)
    {
        var c = new SqliteConnection($"Data Source={file};Pooling=False");
        c.Open();
        using var pragma = c.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
        pragma.ExecuteNonQuery();
        return c;
    }

    public async Task<Guid> ChannelIdAsync()
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT Id FROM ChannelAccounts LIMIT 1";
        return Guid.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    public Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        using var tx = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = ToSqlite(row[i]);
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        return Task.CompletedTask;
    }

    private static object ToSqlite(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset d => d.UtcTicks,
        Guid g => g.ToString().ToUpperInvariant(),
        bool b => b ? 1L : 0L,
        int i => (long)i,
        _ => value,
    };

    public Task FinishAsync()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
