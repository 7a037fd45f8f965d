using Okno.Core.Data;
using Okno.Tests.Desk;

namespace Okno.Tests.Reports;

/// <summary>The desk's fake-clock app (Monday 11 January 2027, 10:00 Moscow): reports tests move time by hand.</summary>
public abstract class ReportsApp : DeskApp;

public sealed class SqliteReportsApp : ReportsApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReportsApp : ReportsApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
