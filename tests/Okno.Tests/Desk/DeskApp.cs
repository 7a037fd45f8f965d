using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Desk;

/// <summary>Okno with a fake clock (Monday 11 January 2027, 10:00 Moscow): the desk's timers move only when a test says so.</summary>
public abstract class DeskApp : OknoApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 11, 7, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteDeskApp : DeskApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDeskApp : DeskApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
