using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Quality;

/// <summary>Okno with a fake clock, so a first response can be late on purpose.</summary>
public abstract class QualityApp : OknoApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 1, 7, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteQualityApp : QualityApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresQualityApp : QualityApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
