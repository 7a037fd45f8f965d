using Npgsql;
using NpgsqlTypes;

namespace Okno.Bench.Query;

/// <summary>Seeds an Okno PostgreSQL database with binary COPY, then moves the identity sequences and ANALYZEs.</summary>
public sealed class PostgresSeedTarget(string connectionString) : ISeedTarget
{
    private readonly List<string> _tables = [];

    public async Task<Guid> ChannelIdAsync()
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM \"ChannelAccounts\" LIMIT 1", c);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public async Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using (var writer = await c.BeginBinaryImportAsync($"COPY \"{table}\" ({string.Join(", ", columns.Select(x => $"\"{x}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: await writer.WriteNullAsync(); break;
                        case long l: await writer.WriteAsync(l, NpgsqlDbType.Bigint); break;
                        case int i: await writer.WriteAsync(i, NpgsqlDbType.Integer); break;
                        case bool b: await writer.WriteAsync(b, NpgsqlDbType.Boolean); break;
                        case Guid g: await writer.WriteAsync(g, NpgsqlDbType.Uuid); break;
                        case DateTimeOffset d: await writer.WriteAsync(d.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
                        case string s: await writer.WriteAsync(s, NpgsqlDbType.Text); break;
                        default: throw new InvalidOperationException("Unsupported seed type " + value.GetType());
                    }
                }
            }
            await writer.CompleteAsync();
        }
        _tables.Add(table);
    }

    public async Task FinishAsync()
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        foreach (var table in _tables.Where(t => t != "RequestMetrics")) // keyed by the conversation: no sequence of its own
        {
            await using var setval = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))", c);
            await setval.ExecuteNonQueryAsync();
        }
        // What autovacuum would do minutes after a bulk load.
        await using var analyze = new NpgsqlCommand("ANALYZE", c) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
    }
}
