namespace Okno.Bench.Query;

/// <summary>Where seed rows go: a SQLite file or a PostgreSQL database.</summary>
public interface ISeedTarget
{
    Task<Guid> ChannelIdAsync();
    Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows);
    Task FinishAsync();
}
